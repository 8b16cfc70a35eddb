// The heredocs of an instruction (`<<EOF` … `EOF`), read as dockerfile-ast's getHeredocs reads them.
import type { HeredocInfo, Range } from './types';
import { blanksEnd, heredocName, lineBreakEnd, type RawWord, type Source } from './tokenize';

/**
 * The heredocs that `args` open, with their bodies and closing lines within [start, end), the instruction.
 * null where dockerfile-ast throws (a body line left over after every heredoc was closed, or a multi-line
 * instruction whose first line opens none).
 */
export function readHeredocs(source: Source, args: RawWord[], start: number, end: number): HeredocInfo[] | null {
  if (!opensHeredoc(args)) return [];
  if (source.positionAt(start).line === source.positionAt(end).line) return unclosed(source, args);
  const escape = source.escapeChar;
  const base = source.norm(args[0]!.start);
  const content = source.text.substring(base, source.norm(end));
  const len = content.length;
  const openers: RawWord[] = [];
  const heredocs: HeredocInfo[] = [];
  let bodiesStarted = false; // past the first newline that is not escaped
  let escaping = false; // after an escape, until the next character that is not blank
  let bodyStart = -1;
  let bodyEnd = -1;
  let lineStart = -1;
  let current = 0;
  for (let i = 0; i < len; i++) {
    const c = content[i];
    if (c === escape) {
      // The escape and the character after it (after blanks; the `\n` of `\r\n`) are stepped over.
      escaping = true;
      const j = blanksEnd(content, i + 1, len);
      if (j < len) i = lineBreakEnd(content, j);
      continue;
    }
    if (c === '\r') continue;
    if (c === '\n') {
      if (escaping) continue;
      if (!bodiesStarted) {
        // The heredocs are the `<<` words before this newline.
        for (const arg of args) {
          if (source.norm(arg.start) >= base + i) break;
          if (arg.value.startsWith('<<')) openers.push(arg);
        }
        bodiesStarted = true;
        lineStart = -1;
        continue;
      }
      if (bodyStart === -1) bodyStart = i;
      bodyEnd = i;
      const opener = openers[current];
      if (!opener) return null;
      const { name, nameRange } = nameOf(source, opener);
      const delimiterRange = delimiter(source, opener, name, base + lineStart, base + i);
      if (delimiterRange) {
        heredocs.push({ name, nameRange, contentRange: source.range(base + bodyStart, base + lineStart - 1), delimiterRange });
        bodyStart = -1;
        current++;
      }
      lineStart = -1;
      continue;
    }
    if (escaping && (c === ' ' || c === '\t')) continue;
    if (escaping && c === '#') {
      // A comment line after an escaped newline is skipped along with its newline.
      const newline = content.indexOf('\n', i + 1);
      if (newline >= 0) {
        i = newline;
        continue;
      }
    }
    escaping = false;
    if (bodiesStarted) {
      if (bodyStart === -1) bodyStart = i;
      if (lineStart === -1) lineStart = i;
    }
  }
  if (!bodiesStarted) return unclosed(source, args);
  const opener = openers[current];
  if (!opener) return null;
  const { name, nameRange } = nameOf(source, opener);
  const delimiterRange = delimiter(source, opener, name, base + lineStart, end);
  const contentRange =
    delimiterRange === null ? source.range(base + bodyStart, end) : bodyEnd !== -1 ? source.range(base + bodyStart, base + bodyEnd) : null;
  heredocs.push({ name, nameRange, contentRange, delimiterRange });
  for (const rest of openers.slice(current + 1)) heredocs.push({ ...nameOf(source, rest), contentRange: null, delimiterRange: null });
  return heredocs;
}

function opensHeredoc(args: RawWord[]): boolean {
  for (const arg of args) if (arg.value.startsWith('<<')) return true;
  return false;
}

/** Every `<<NAME` word of a one-line instruction, none of them closed. Unlike the parser, `<<` alone counts. */
function unclosed(source: Source, args: RawWord[]): HeredocInfo[] {
  const heredocs: HeredocInfo[] = [];
  for (const arg of args) {
    if (arg.value.startsWith('<<') && heredocName(arg.value) !== null) heredocs.push({ ...nameOf(source, arg), contentRange: null, delimiterRange: null });
  }
  return heredocs;
}

/** The line [start, end) closes the heredoc when it is exactly the name (after leading tabs, for `<<-`). */
function delimiter(source: Source, opener: RawWord, name: string, start: number, end: number): Range | null {
  const line = source.slice(start, end);
  if (opener.value.startsWith('<<-')) {
    let tabs = 0;
    while (line.charAt(tabs) === '\t') tabs++;
    // dockerfile-ast puts the start at column `tabs`, wherever the line's text started.
    return line.substring(tabs) === name ? { start: { line: source.positionAt(start).line, character: tabs }, end: source.positionAt(end) } : null;
  }
  return line === name ? source.range(start, end) : null;
}

/**
 * The name of a `<<NAME` word and its range (dockerfile-ast's getNameRange and getName). The range starts at
 * the first character after `<<` and `-` that is not a quote or blank; unquoted it runs to the end of the
 * word, quoted to the last character before the closing quote. Escapes, and `#` lines after an escaped
 * newline, are dropped from the name.
 */
function nameOf(source: Source, word: RawWord): { name: string; nameRange: Range } {
  const escape = source.escapeChar;
  const wordStart = source.norm(word.start);
  const text = source.slice(word.start, word.end);
  let lessThan = 0;
  let hyphenAllowed = false;
  let start = -1;
  let end = -1;
  let escaping = false;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      if (quote === c) break;
      quote = c;
      continue;
    }
    if (c === escape) {
      if (text.indexOf('\n', i + 1) >= 0) escaping = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (c === '<') {
      if (lessThan++ > 0) hyphenAllowed = true;
      continue;
    }
    if (c === '-' && hyphenAllowed) {
      hyphenAllowed = false;
      continue;
    }
    if ((c === '-' || c === '#') && escaping) {
      const newline = text.indexOf('\n', i + 1);
      if (newline >= 0) {
        i = newline;
        continue;
      }
    }
    if (start === -1) start = i;
    if (quote === null) break;
    end = i + 1;
  }
  const nameRange: Range =
    start === -1
      ? source.range(word.end, word.end)
      : { start: source.positionAt(wordStart + start), end: quote !== null ? source.positionAt(wordStart + end) : source.positionAt(word.end) };
  return { name: nameText(source.slice(source.offsetAt(nameRange.start), source.offsetAt(nameRange.end)), escape), nameRange };
}

function nameText(text: string, escape: string): string {
  let name = '';
  let escaping = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === escape) {
      escaping = true;
      const j = blanksEnd(text, i + 1);
      if (j < text.length) {
        if (text[j] === '\r') i = j + 1;
        else {
          if (text[j] !== '\n') name += text[j];
          i = j;
        }
      }
      continue;
    }
    if (c === '#' && escaping) {
      const newline = text.indexOf('\n', i + 1);
      if (newline >= 0) {
        i = newline;
        continue;
      }
    }
    if (escaping && (c === '#' || c === ' ' || c === '\t' || c === '\r' || c === '\n')) continue;
    name += c;
  }
  return name;
}
