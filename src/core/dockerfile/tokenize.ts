// Shipshape's Dockerfile tokenizer: one pass over the text splits it into parser directives, comments and
// instructions, and each instruction's words are read on demand in one more pass over its own text.
//
// The results match dockerfile-ast 0.7 (which the lint rules were written against) field for field, quirks
// included: test/core/dockerfile/parse-parity.test.ts holds the two side by side. Where a branch below
// looks odd, the comment names the dockerfile-ast behaviour it reproduces. Offsets are UTF-16 indexes
// into the text; positions are 0-based (line, character) as in LSP.
import type { Position, Range, Word } from './types';

/**
 * The text with its line starts, and the offset <-> position mapping of an LSP text document. The scans
 * below lean on native string search (indexOf, slice, regular expressions) to cross plain text: that is
 * what keeps a cold start (a CLI run, the first lint in the editor) fast before the JIT has warmed up.
 */
export class Source {
  readonly length: number;
  /** Offset of the first character of each line; lines end at `\r\n`, `\r` or `\n`. */
  readonly lineStarts: number[];
  /** Characters between words: blanks, newlines and the escape character (a global regex, for jumps). */
  readonly special: RegExp;
  /** Newlines and the escape character. */
  readonly newlineOrEscape: RegExp;
  private readonly hasCarriageReturn: boolean;
  /** The line of the last lookup: most lookups are in the same line or the next. */
  private lastLine = 0;
  /** Offsets of the escape characters, found on first use; `lastEscape` indexes the last answer. */
  private escapes: number[] | undefined = undefined;
  private lastEscape = 0;

  constructor(
    readonly text: string,
    readonly escapeChar: string,
  ) {
    this.length = text.length;
    this.hasCarriageReturn = text.indexOf('\r') >= 0;
    const starts = [0];
    if (!this.hasCarriageReturn) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10) starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    this.special = escapeChar === '`' ? /[ \t\r\n`]/g : /[ \t\r\n\\]/g;
    this.newlineOrEscape = escapeChar === '`' ? /[\r\n`]/g : /[\r\n\\]/g;
  }

  lineOf(offset: number): number {
    const starts = this.lineStarts;
    const last = this.lastLine;
    if (starts[last]! <= offset) {
      if (last + 1 >= starts.length || offset < starts[last + 1]!) return last;
      if (last + 2 >= starts.length || offset < starts[last + 2]!) return (this.lastLine = last + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return (this.lastLine = low);
  }

  /** Where the line holding `offset` ends: its first `\r` or `\n`, or the end of the text (`offset` itself if it is one). */
  lineEnd(offset: number): number {
    const line = this.lineOf(offset);
    if (line + 1 >= this.lineStarts.length) return this.length;
    let end = this.lineStarts[line + 1]! - 1;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end > offset ? end : offset;
  }

  /** Where the line after the one holding `offset` starts, or the end of the text. */
  nextLineStart(offset: number): number {
    const line = this.lineOf(offset);
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.length;
  }

  /** The first blank, newline or escape at or after `from`; `to` when there is none before it. */
  nextSpecial(from: number, to: number): number {
    // test() leaves lastIndex just past the match, without allocating a match array as exec() would.
    const special = this.special;
    special.lastIndex = from;
    return special.test(this.text) && special.lastIndex <= to ? special.lastIndex - 1 : to;
  }

  /** The first escape character at or after `from`; the text's length when there is none. */
  nextEscape(from: number): number {
    let escapes = this.escapes;
    if (!escapes) {
      escapes = this.escapes = [];
      for (let at = this.text.indexOf(this.escapeChar); at >= 0; at = this.text.indexOf(this.escapeChar, at + 1)) escapes.push(at);
    }
    // The first escape at or after `from`: usually the last answer or the one after it.
    let k = this.lastEscape;
    if (!(k < escapes.length && escapes[k]! >= from && (k === 0 || escapes[k - 1]! < from))) {
      if (k + 1 < escapes.length && escapes[k + 1]! >= from && escapes[k]! < from) k++;
      else {
        let low = 0;
        let high = escapes.length;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (escapes[mid]! < from) low = mid + 1;
          else high = mid;
        }
        k = low;
      }
      this.lastEscape = k;
    }
    return k < escapes.length ? escapes[k]! : this.length;
  }

  /** The text of each line, without its line end. */
  lines(): string[] {
    if (!this.hasCarriageReturn) return this.text.split('\n');
    const starts = this.lineStarts;
    const lines = new Array<string>(starts.length);
    for (let k = 0; k < starts.length; k++) {
      let end = k + 1 < starts.length ? starts[k + 1]! : this.length;
      if (end > starts[k]! && this.text.charCodeAt(end - 1) === 10) end--;
      if (end > starts[k]! && this.text.charCodeAt(end - 1) === 13) end--;
      lines[k] = this.text.slice(starts[k]!, end);
    }
    return lines;
  }

  /** As TextDocument.positionAt: clamped to the text, and never between the `\r` and `\n` of a line end. */
  positionAt(offset: number): Position {
    const at =
      offset <= 0 ? 0 : offset >= this.length ? this.length : this.text.charCodeAt(offset) === 10 && this.text.charCodeAt(offset - 1) === 13 ? offset - 1 : offset;
    const line = this.lineOf(at);
    return { line, character: at - this.lineStarts[line]! };
  }

  /** The words with their ranges (a word usually ends on the line it starts on). */
  words(words: RawWord[]): Word[] {
    const out = new Array<Word>(words.length);
    const starts = this.lineStarts;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      const start = this.norm(w.start);
      const end = this.norm(w.end);
      const line = this.lineOf(start);
      const lineStart = starts[line]!;
      const from = { line, character: start - lineStart };
      const to = end >= lineStart && (line + 1 >= starts.length || end < starts[line + 1]!) ? { line, character: end - lineStart } : this.positionAt(end);
      out[k] = { value: w.value, range: { start: from, end: to } };
    }
    return out;
  }

  /** As TextDocument.offsetAt: a character past the end of its line is the line's end. */
  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line]!;
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1]! : this.length;
    let offset = Math.min(lineStart + position.character, next);
    while (offset > lineStart && isNewline(this.text[offset - 1])) offset--;
    return offset;
  }

  /** offsetAt(positionAt(offset)): the offset a range built from `offset` reads back as. */
  norm(offset: number): number {
    if (offset <= 0) return 0;
    if (offset >= this.length) return this.length;
    return this.text.charCodeAt(offset) === 10 && this.text.charCodeAt(offset - 1) === 13 ? offset - 1 : offset;
  }

  range(start: number, end: number): Range {
    const from = this.positionAt(start);
    const to = this.norm(end);
    // Most ranges end on the line they start on.
    const lineStart = this.lineStarts[from.line]!;
    const next = from.line + 1 < this.lineStarts.length ? this.lineStarts[from.line + 1]! : Infinity;
    return { start: from, end: to >= lineStart && to < next ? { line: from.line, character: to - lineStart } : this.positionAt(to) };
  }

  /** The text of the range [start, end), read as dockerfile-ast reads a range (String#substring swaps a reversed pair). */
  slice(start: number, end: number): string {
    return this.text.substring(this.norm(start), this.norm(end));
  }
}

/**
 * Where a scan that met a line break at `j` goes on from (its loop then steps past it): dockerfile-ast takes a `\r`
 * to be the first half of `\r\n` and skips the next character with it, whatever that is.
 */
export function lineBreakEnd(text: string, j: number): number {
  return text[j] === '\r' ? j + 1 : j;
}

export function isNewline(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** The first character at or after `from` (and before `to`) that is not a space or tab; `to` when there is none. */
export function blanksEnd(text: string, from: number, to: number = text.length): number {
  let j = from;
  while (j < to && isBlank(text[j])) j++;
  return j;
}

/** A word of an instruction: its value with escapes resolved (`\$` kept), and the offsets it spans. */
export interface RawWord {
  value: string;
  start: number;
  end: number;
}

export interface DirectiveSpan {
  /** The `#`. */
  start: number;
  /** The end of the line. */
  end: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface InstructionSpan {
  /** The keyword as written, escaped newlines dropped (and some escape characters kept, as dockerfile-ast does). */
  keywordText: string;
  start: number;
  keywordEnd: number;
  end: number;
  /** The words after the keyword, when the scan had to read them already. */
  words: RawWord[] | undefined;
}

export interface ScannedDockerfile {
  source: Source;
  directives: DirectiveSpan[];
  comments: { start: number; end: number }[];
  instructions: InstructionSpan[];
}

/**
 * The parser directives at the top of the file (dockerfile-ast's reading): `# name=value` lines from the first
 * line on, up to the first line that is not one. Only the first word after `=` is the value; after a value
 * followed by blanks the scan goes on on the same line, so a blank line or a second `#` ends it there.
 */
function readDirectives(text: string): DirectiveSpan[] {
  const directives: DirectiveSpan[] = [];
  const n = text.length;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < n; i++) {
    const c = text[i];
    if (isBlank(c)) continue;
    if (c !== '#') break;
    let nameStart = -1;
    let nameEnd = -1;
    let j = i + 1;
    for (; j < n; j++) {
      const d = text[j];
      if (isNewline(d)) return directives;
      if (d === '=') break;
      if (isBlank(d)) {
        if (nameStart >= 0 && nameEnd < 0) nameEnd = j;
      } else if (nameStart < 0) nameStart = j;
    }
    if (j >= n || nameStart < 0) break; // a comment without `=`, or `#=...`: no more directives
    if (nameEnd < 0) nameEnd = j;
    let valueStart = -1;
    let valueEnd = -1;
    let lineEnd = n;
    for (let k = j + 1; k < n; k++) {
      const d = text[k];
      if (isNewline(d) || isBlank(d)) {
        if (valueStart >= 0 && valueEnd < 0) valueEnd = k;
        if (isNewline(d)) {
          lineEnd = k;
          break;
        }
      } else if (valueStart < 0) valueStart = k;
    }
    if (valueStart < 0) {
      valueStart = j + 1;
      valueEnd = lineEnd;
    } else if (valueEnd < 0) valueEnd = n;
    directives.push({ start: i, end: lineEnd, nameStart, nameEnd, valueStart, valueEnd });
    // Resume after the value (past a `\r`; dockerfile-ast assumes `\r\n` there, so a lone `\r` also eats the next character).
    i = text[valueEnd] === '\r' ? valueEnd + 1 : valueEnd;
  }
  return directives;
}

/** The first `escape` directive whose value is `\` or `` ` `` decides; otherwise `\`. */
function escapeOf(text: string, directives: DirectiveSpan[]): string {
  for (const d of directives) {
    if (text.slice(d.nameStart, d.nameEnd).toLowerCase() !== 'escape') continue;
    const value = text.slice(d.valueStart, d.valueEnd);
    if (value === '\\' || value === '`') return value;
  }
  return '\\';
}

/** Splits a Dockerfile into directives, comments and instructions. */
export function scanDockerfile(text: string): ScannedDockerfile {
  const directives = readDirectives(text);
  const source = new Source(text, escapeOf(text, directives));
  const scan = new DocumentScan(source);
  // dockerfile-ast starts after as many lines as there were directives (even when two shared a line).
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (directives.length > 0) from = directives.length < source.lineStarts.length ? source.lineStarts[directives.length]! : text.length;
  scan.run(from);
  return { source, directives, comments: scan.comments, instructions: scan.instructions };
}

const ENDS_HERE = -1;
const ENDS_AT_EOF = -2;

class DocumentScan {
  readonly comments: { start: number; end: number }[] = [];
  readonly instructions: InstructionSpan[] = [];
  private readonly text: string;
  private readonly escape: string;
  private readonly n: number;

  constructor(private readonly source: Source) {
    this.text = source.text;
    this.escape = source.escapeChar;
    this.n = source.length;
  }

  run(from: number): void {
    const text = this.text;
    for (let i = from; i < this.n; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 10) continue;
      i = c === 35 /* # */ ? this.comment(i) : this.instruction(i);
    }
  }

  /** A comment runs to the end of its line; returns that end. */
  private comment(start: number): number {
    const end = this.source.lineEnd(start + 1);
    this.comments.push({ start, end });
    return end;
  }

  /**
   * Reads the keyword from `start` (its first character is taken as it is, even an escape character), then
   * the arguments; returns the offset the instruction ends at. An escaped newline inside the keyword joins
   * its halves (`RU\` + `N`); blank and `#` characters after one are skipped while the keyword goes on.
   */
  private instruction(start: number): number {
    const text = this.text;
    const escape = this.escape;
    const n = this.n;
    // The usual keyword: a run of characters up to a blank or a newline.
    let i = start + 1;
    while (i < n) {
      const c = text[i];
      if (c === escape || c === ' ' || c === '\t' || c === '\r' || c === '\n') break;
      i++;
    }
    let keyword = text.slice(start, i);
    let keywordEnd = i > start + 1 ? i : -1;
    let afterEscape = false;
    for (; i < n; i++) {
      const c = text[i]!;
      if (c === escape) {
        afterEscape = true;
        const next = text.charAt(i + 1);
        if (next === '\r' || next === '\n') {
          if (keywordEnd < 0) keywordEnd = i;
          i++;
        } else if (next === ' ' || next === '\t') {
          const j = blanksEnd(text, i + 2, n);
          if (j < n && isNewline(text[j])) {
            i = j;
            continue;
          }
          // An escape followed by blanks and more text on the line: dockerfile-ast keeps the escape in the keyword.
          keyword += escape;
          if (j >= n) return this.add(keyword, start, i + 1, n);
          return this.withArguments(keyword, start, i + 1, j - 1);
        } else {
          keywordEnd = i + 1;
          keyword += escape;
          afterEscape = false;
        }
      } else if (c === ' ' || c === '\t') {
        if (afterEscape) {
          const j = blanksEnd(text, i + 1, n);
          if (j < n && isNewline(text[j])) {
            i = j;
            continue;
          }
        }
        return this.withArguments(keyword, start, keywordEnd < 0 ? i : keywordEnd, i);
      } else if (c === '\r' || c === '\n') {
        if (afterEscape) continue;
        return this.add(keyword, start, i, i);
      } else if (c !== '#' || !afterEscape) {
        keywordEnd = i + 1;
        keyword += c;
        afterEscape = false;
      }
    }
    return this.add(keyword, start, keywordEnd < 0 ? n : keywordEnd, n);
  }

  private add(keywordText: string, start: number, keywordEnd: number, end: number, words?: RawWord[]): number {
    this.instructions.push({ keywordText, start, keywordEnd, end, words });
    return end;
  }

  /**
   * The arguments run from the blank at `from` to the first newline that is not escaped. An escaped newline
   * may be followed by blank lines and by comment lines, which are comments of the file. Then come the
   * heredoc bodies of ADD, COPY and RUN (also as an ONBUILD trigger).
   */
  private withArguments(keywordText: string, start: number, keywordEnd: number, from: number): number {
    const source = this.source;
    const text = this.text;
    const n = this.n;
    let escaped = false; // the last line ended with an escaped newline
    let i = from + 1;
    while (i < n) {
      const lineEnd = source.lineEnd(i);
      if (source.nextEscape(i) >= lineEnd) {
        // No escape on the rest of the line: it goes on after an escaped newline only if blank or a comment.
        if (escaped) {
          const j = blanksEnd(text, i, lineEnd);
          if (j < lineEnd) {
            if (text[j] === '#') this.comment(j);
            else escaped = false;
          }
        }
        if (!escaped) return lineEnd < n ? this.withHeredocs(keywordText, start, keywordEnd, lineEnd) : this.add(keywordText, start, keywordEnd, n);
        i = source.nextLineStart(i);
        continue;
      }
      const next = this.escapedLine(i, lineEnd, escaped);
      if (next === ENDS_HERE) return this.withHeredocs(keywordText, start, keywordEnd, lineEnd);
      if (next === ENDS_AT_EOF) return this.add(keywordText, start, keywordEnd, n);
      // Past the line's end, so its newline was escaped (the rest of a `\r\n` is skipped as escaped too).
      escaped = true;
      i = Math.max(next, source.nextLineStart(i));
    }
    return this.add(keywordText, start, keywordEnd, n);
  }

  /**
   * One line holding an escape, from `i`: ENDS_HERE when its newline ends the instruction, ENDS_AT_EOF, or
   * else the offset to go on from, past the line's end (or the text's). Between escapes only the first
   * character that is not blank matters, after an escaped newline: `#` makes the line a comment, anything
   * else ends the continuation.
   */
  private escapedLine(i: number, lineEnd: number, escaped: boolean): number {
    const text = this.text;
    const n = this.n;
    while (i < lineEnd) {
      const escape = Math.min(this.source.nextEscape(i), lineEnd);
      if (escaped) {
        const j = blanksEnd(text, i, escape);
        if (j < escape) {
          if (text[j] === '#') return this.comment(j) + 1;
          escaped = false;
        }
      }
      if (escape >= lineEnd) break;
      const next = text.charAt(escape + 1);
      if (next === '\n' || next === '\r') return lineEnd + 1;
      if (next === ' ' || next === '\t') {
        const j = blanksEnd(text, escape + 2, n);
        if (j >= n) return ENDS_AT_EOF;
        if (isNewline(text[j])) return lineEnd + 1;
        i = j + 1; // dockerfile-ast steps over the character after the blanks, whatever it is
      } else i = escape + 1; // the escaped character is read as any other
    }
    if (i > lineEnd || lineEnd >= n) return i;
    return escaped ? lineEnd + 1 : ENDS_HERE;
  }

  /** `lineEnd` ends the instruction's own text; skips the bodies of its heredocs and returns where it ends. */
  private withHeredocs(keywordText: string, start: number, keywordEnd: number, lineEnd: number): number {
    const source = this.source;
    let keyword = keywordText.toUpperCase();
    if ((keyword !== 'ADD' && keyword !== 'COPY' && keyword !== 'RUN' && keyword !== 'ONBUILD') || !this.contains('<', keywordEnd, lineEnd)) {
      // Without a `<` no word can start with `<<`: most instructions stop here without reading their words.
      return this.add(keywordText, start, keywordEnd, lineEnd);
    }
    const own = readWords(source, source.norm(keywordEnd), lineEnd);
    let words = own;
    if (keyword === 'ONBUILD') {
      const trigger = own[0];
      if (!trigger) return this.add(keywordText, start, keywordEnd, lineEnd, own);
      keyword = source.slice(trigger.start, trigger.end).toUpperCase();
      words = readWords(source, source.norm(trigger.end), lineEnd);
    }
    if (keyword !== 'ADD' && keyword !== 'COPY' && keyword !== 'RUN') return this.add(keywordText, start, keywordEnd, lineEnd, own);
    const names: string[] = [];
    let tabbed = false;
    for (const word of words.slice(flagWords(keyword, words).length)) {
      const value = word.value;
      if (value.length > 2 && value.startsWith('<<')) {
        // One `<<-` makes every heredoc of the instruction strip leading tabs (dockerfile-ast).
        if (value.startsWith('<<-')) tabbed = true;
        const name = heredocName(value);
        if (name !== null) names.push(name);
      }
    }
    let end = lineEnd;
    for (const name of names) end = this.heredocBody(name, end, tabbed);
    return this.add(keywordText, start, keywordEnd, end, end === lineEnd ? own : undefined);
  }

  private contains(c: string, from: number, to: number): boolean {
    return from < to && this.text.slice(from, to).indexOf(c) >= 0;
  }

  /**
   * From the newline at `from`, the newline that ends the line holding only `name` (after tabs, for `<<-`);
   * the end of the file when there is none. A line starting with a space never closes a heredoc.
   */
  private heredocBody(name: string, from: number, tabbed: boolean): number {
    const text = this.text;
    let wordStart = -1;
    let lineStart = true;
    for (let i = from; i < this.n; i++) {
      const c = text[i];
      if (c === '\r' || c === '\n') {
        if (wordStart >= 0 && i - wordStart === name.length && text.startsWith(name, wordStart)) return i;
        wordStart = -1;
        lineStart = true;
      } else if (c === ' ' || (c === '\t' && !tabbed)) lineStart = false;
      else if (c !== '\t' && lineStart) {
        wordStart = i;
        lineStart = false;
      }
    }
    return this.n;
  }
}

/**
 * The name a `<<NAME` word opens, as dockerfile-ast reads it: after `<<` and an optional `-`, one pair of
 * double quotes and then one pair of single quotes is removed; null for an unmatched quote or a third `<`.
 */
export function heredocName(word: string): string | null {
  let name = word.substring(2);
  if (name.charAt(0) === '-') name = name.substring(1);
  if (name.charAt(0) === '"') {
    if (name.charAt(name.length - 1) !== '"') return null;
    name = name.substring(1, name.length - 1);
  }
  if (name.charAt(0) === "'") {
    if (name.charAt(name.length - 1) !== "'") return null;
    name = name.substring(1, name.length - 1);
  }
  return name.charAt(0) === '<' ? null : name;
}

/**
 * The words of [from, to): split at blanks and newlines, escapes resolved (`\$` stays as written), escaped
 * newlines joining lines, and `#` lines after an escaped newline skipped. Heredoc bodies are words too.
 *
 * dockerfile-ast's quirks kept: an escape followed by blanks and more text ends the word at the escape; an
 * escape inside a skipped comment line still adds the escaped character to a word; a word cut by an escaped
 * newline ends at the escape when the next line starts with blanks; and in a few broken shapes a word is
 * reported as starting one character before `from` (its `found` index was still -1).
 */
export function readWords(source: Source, from: number, to: number): RawWord[] {
  const text = source.text;
  const words: RawWord[] = [];
  if (source.nextEscape(from) >= to) {
    // Nothing escaped, no line continued: the words are what lies between blanks and newlines.
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      const end = source.nextSpecial(i + 1, to);
      words.push({ value: text.slice(i, end), start: i, end });
      i = end;
    }
    return words;
  }
  const escape = source.escapeChar.charCodeAt(0);
  let wordStart = -1;
  let value = '';
  let cut = -1; // where a word broken by an escaped newline ends: the escape
  let continued = false; // after an escaped newline, until the next word character
  let blankAfterCut = false;
  let comment = false;
  let lineStart = false;
  const push = (end: number) => {
    words.push({ value, start: wordStart < 0 ? from - 1 : wordStart, end });
    value = '';
    wordStart = -1;
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      if (continued) {
        if (c === 10 || c === 13) {
          blankAfterCut = false;
          if (comment) {
            comment = false;
            lineStart = true;
          }
        } else blankAfterCut = true;
      } else if (wordStart >= 0) {
        push(cut < 0 ? i : cut);
        cut = -1;
      }
      continue;
    }
    if (c === escape) {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
      if (next === 32 || next === 9) {
        const j = blanksEnd(text, i + 2, to);
        if (j < to) {
          if (isNewline(text[j])) {
            comment = false;
            continued = true;
            lineStart = true;
            if (wordStart >= 0) cut = i;
            i = lineBreakEnd(text, j);
          } else {
            cut = i;
            if (wordStart < 0) i = j - 1;
          }
        }
        continue;
      }
      if (next === 10 || next === 13) {
        comment = false;
        continued = true;
        lineStart = true;
        if (wordStart >= 0 && cut < 0) cut = i;
        i = lineBreakEnd(text, i + 1);
        continue;
      }
      if (blankAfterCut && cut >= 0) push(cut);
      cut = -1;
      blankAfterCut = false;
      continued = false;
      if (next === -1) break;
      value += next === 36 /* $ */ ? text.slice(i, i + 2) : text[i + 1];
      if (wordStart < 0) wordStart = i;
      i++;
      continue;
    }
    if (comment) {
      // Inside a comment line only blanks, newlines and escapes do anything.
      i = source.nextSpecial(i + 1, to) - 1;
      continue;
    }
    if (lineStart && c === 35 /* # */) {
      comment = true;
      lineStart = false;
      continue;
    }
    if (blankAfterCut && cut >= 0) push(cut);
    blankAfterCut = false;
    continued = false;
    cut = -1;
    lineStart = false;
    if (wordStart < 0) wordStart = i;
    // The characters up to the next blank, newline or escape are taken as they are.
    const run = i;
    i = source.nextSpecial(i + 1, to) - 1;
    value += text.slice(run, i + 1);
  }
  if (wordStart >= 0) push(cut < 0 ? to : cut);
  return words;
}

const NO_WORDS: RawWord[] = [];

/**
 * The leading words dockerfile-ast takes as flags: those starting with `--`, among the words before the first
 * that stops the search. FROM, ADD, COPY and RUN stop at the first word without `--` anywhere in it;
 * HEALTHCHECK at CMD or NONE; other instructions have no flags. The instruction's arguments are its words
 * minus as many leading words as there are flags (not necessarily the flags themselves, as in dockerfile-ast).
 */
export function flagWords(keyword: string, words: RawWord[]): RawWord[] {
  const healthcheck = keyword === 'HEALTHCHECK';
  if (!healthcheck && keyword !== 'FROM' && keyword !== 'ADD' && keyword !== 'COPY' && keyword !== 'RUN') return NO_WORDS;
  let flags = NO_WORDS;
  for (const word of words) {
    const value = word.value;
    if (healthcheck) {
      const upper = value.toUpperCase();
      if (upper === 'CMD' || upper === 'NONE') break;
    } else if (value.indexOf('--') < 0) break;
    if (value.startsWith('--')) {
      if (flags === NO_WORDS) flags = [];
      flags.push(word);
    }
  }
  return flags;
}

/**
 * The arguments' text with escaped newlines removed, as dockerfile-ast's getArgumentsContent: on one line,
 * the text from the first word to the last; over several, each line's piece from its first column (so with
 * its indentation) to the last character before the escape, skipping `#` lines. Characters after an escape
 * do not count as the piece's end, and a piece's first character at column 0 is dropped when a `#` follows it.
 */
export function argumentsText(source: Source, args: RawWord[]): string {
  if (args.length === 0) return '';
  const text = source.text;
  const escape = source.escapeChar.charCodeAt(0);
  const first = source.norm(args[0]!.start);
  const last = source.norm(args[args.length - 1]!.end);
  if (source.lineOf(first) === source.lineOf(last)) return text.substring(first, last);
  const lo = Math.min(first, last);
  const len = Math.max(first, last) - lo;
  const hi = lo + len;
  const stop = source.newlineOrEscape;
  const pieces: string[] = [];
  let pieceStart = first; // -1 between a line's end and its next piece
  let end = -1; // the last counted character, relative to `first`
  let comment = false;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(lo + i);
    if (c === escape) {
      const next = i + 1 < len ? text.charCodeAt(lo + i + 1) : -1;
      if (next === 32 || next === 9) {
        let j = blanksEnd(text, lo + i + 2, lo + len) - lo;
        if (j < len && isNewline(text[lo + j])) {
          if (text[lo + j] === '\r') j++;
          if (pieceStart >= 0) pieces.push(text.substring(pieceStart, source.norm(first + end + 1)));
          pieceStart = -1;
          comment = false;
          i = j;
        }
      } else if (next === 13 || next === 10) {
        if (pieceStart >= 0) pieces.push(text.substring(pieceStart, source.norm(first + end + 1)));
        pieceStart = -1;
        comment = false;
        i = lineBreakEnd(text, lo + i + 1) - lo;
      } else i++;
      continue;
    }
    if (c === 13 || c === 10) {
      if (comment) {
        pieceStart = -1;
        comment = false;
      }
      continue;
    }
    if (!comment && pieceStart < 0) {
      if (c === 35 /* # */) {
        comment = true;
        continue;
      }
      const at = source.positionAt(first + i);
      if (at.character !== 0) pieceStart = source.lineStarts[at.line]!;
      end = i;
      continue;
    }
    // Up to the next newline or escape: skipped in a comment, else counted (blanks too).
    stop.lastIndex = lo + i + 1;
    const k = stop.test(text) && stop.lastIndex <= hi ? stop.lastIndex - 1 - lo : len;
    if (!comment) end = k - 1;
    i = k - 1;
  }
  if (pieceStart < 0) pieces.push(text.substring(source.norm(first + end), source.norm(first + end + 1)));
  else pieces.push(text.substring(pieceStart, source.norm(first + end + 1)));
  return pieces.join('');
}
