// The KEY=value pairs of ENV and LABEL, read as dockerfile-ast's PropertyInstruction and Property read them.
import type { KeyValue, Position } from './types';
import { blanksEnd, isNewline, lineBreakEnd, type RawWord, type Source } from './tokenize';

/** The pairs of the ENV or LABEL whose keyword spans [start, keywordEnd) and whose text ends at `end`. */
export function readKeyValues(source: Source, start: number, keywordEnd: number, end: number): KeyValue[] {
  const words = pairWords(source, start, keywordEnd, end);
  if (words.length === 0) return [];
  const first = words[0]!;
  if (first.value.indexOf('=') !== -1) return words.map((w) => pair(source, w, null));
  if (words.length === 1) return [pair(source, first, null)];
  // The legacy form `ENV key value words`: everything after the key is its value.
  const last = words[words.length - 1]!;
  return [pair(source, first, { value: source.slice(words[1]!.start, last.end), start: words[1]!.start, end: last.end })];
}

/**
 * Words as getPropertyArguments splits them: values stay as written (quotes and escapes kept); a quoted
 * string ends a word only when a space or the end follows it; blanks after an escaped newline join words
 * (`a=1\` + `  b=2` is one word up to the escape and a new one from `b`), and the blanks inside `${…}` split
 * it only when neither quoted nor escaped.
 */
function pairWords(source: Source, start: number, keywordEnd: number, end: number): RawWord[] {
  const escape = source.escapeChar;
  const base = source.norm(keywordEnd);
  const all = base < source.norm(end) ? source.text.substring(base, source.norm(end)) : '';
  const first = leadingText(all, escape);
  if (first === -1) return [];
  const root = base + first;
  const text = all.substring(first, trailingText(all, escape) + 1);
  const words: RawWord[] = [];
  const word = (from: number, to: number) => words.push({ value: text.substring(from, to), start: root + from, end: root + to });
  if (!(escape === '`' ? SPECIAL_BACKTICK : SPECIAL_BACKSLASH).test(text)) {
    // Nothing quoted, escaped, expanded or continued: the words are what lies between blanks.
    for (const match of text.matchAll(/[^ \t]+/g)) word(match.index!, match.index! + match[0].length);
    return words;
  }
  // The content starts on a later line than the keyword: it is already on an escaped line.
  let escaped = source.positionAt(start).line !== source.positionAt(root).line;
  let endingEscape = false;
  let mark = -1; // where the last escape outside an escaped line was
  let wordStart = escaped ? -1 : 0;
  let spaced = false; // a blank on an escaped line after a word: the next word character starts a new word
  const spacedWord = () => {
    if (wordStart !== -1) word(wordStart, mark);
  };
  scan: for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    switch (c) {
      case escape: {
        if (i + 1 === text.length) {
          endingEscape = true;
          break scan;
        }
        if (!escaped) mark = i;
        const next = text.charAt(i + 1);
        if (next === ' ' || next === '\t') {
          const after = text.charAt(i + 2);
          if (after !== ' ' && after !== '\t' && after !== '\r' && after !== '\n') {
            i++; // an escaped blank is part of the word
            continue scan;
          }
          const j = blanksEnd(text, i + 2);
          if (isNewline(text[j])) {
            escaped = true;
            i = lineBreakEnd(text, j);
            continue scan;
          }
          if (j < text.length) {
            // Escaped blanks and more blanks, then text: dockerfile-ast ends the word, the range covering `\ `.
            words.push({ value: text.substring(wordStart, i), start: root + wordStart, end: root + i + 2 });
            wordStart = j;
          }
          i = wordStart - 1;
          continue scan;
        }
        if (next === '\r' || next === '\n') {
          escaped = true;
          i = lineBreakEnd(text, i + 1);
          continue scan;
        }
        if (wordStart === -1) wordStart = i;
        if (next === escape) i++;
        continue scan;
      }
      case "'":
      case '"': {
        if (spaced) {
          spacedWord();
          wordStart = i;
          spaced = false;
        }
        if (wordStart === -1) wordStart = i;
        for (let j = i + 1; j < text.length; j++) {
          const d = text.charAt(j);
          if (d === c) {
            i = j;
            const after = text.charAt(j + 1);
            // Only a space or the end after the closing quote ends the word (a tab does not).
            if (after !== ' ' && after !== '') continue scan;
            word(wordStart, j + 1);
            wordStart = -1;
            continue scan;
          }
          if (d === escape) j++;
        }
        break scan; // an unterminated quote ends the words
      }
      case ' ':
      case '\t':
        if (escaped) {
          if (wordStart !== -1) spaced = true;
        } else if (wordStart !== -1) {
          word(wordStart, i);
          wordStart = -1;
        }
        break;
      case '\r':
        i++;
        spaced = false;
        break;
      case '\n':
        spaced = false;
        break;
      case '#':
        if (escaped) {
          const j = lineBreakFrom(text, i + 1);
          if (j >= 0) {
            i = lineBreakEnd(text, j);
            spaced = false;
            continue scan;
          }
          // The last line is a comment: stop, ending the word at the last escape.
          if (wordStart !== -1) {
            word(wordStart, mark);
            wordStart = -1;
          }
          break scan;
        }
        if (wordStart === -1) wordStart = i;
        break;
      default:
        if (spaced) {
          spacedWord();
          wordStart = i;
          spaced = false;
        }
        escaped = false;
        if (wordStart === -1) wordStart = i;
        if (c === '$' && text.charAt(i + 1) === '{') {
          // `${…}`: blanks inside quotes or after an escape do not end the word.
          let single = false;
          let double = false;
          let afterEscape = false;
          for (let j = i + 1; j < text.length; j++) {
            const d = text.charAt(j);
            if (d === escape) afterEscape = true;
            else if (d === "'") {
              single = !single;
              afterEscape = false;
            } else if (d === '"') {
              double = !double;
              afterEscape = false;
            } else if (d === ' ' || d === '\t') {
              if (!afterEscape && !single && !double) {
                i = j - 1;
                continue scan;
              }
            } else if (d === '}') {
              i = j;
              continue scan;
            } else if (d !== '\r' && d !== '\n') afterEscape = false;
          }
          break scan;
        }
    }
  }
  if (wordStart !== -1 && wordStart !== text.length) {
    const to = endingEscape ? text.length - 1 : text.length;
    word(wordStart, to);
  }
  return words;
}

/** Characters that make a pair's text more than blank-separated words. */
const SPECIAL_BACKSLASH = /[\\"'$#\r\n]/;
const SPECIAL_BACKTICK = /[`"'$#\r\n]/;

/** The first character of the text after blanks and escaped newlines; -1 when there is none, or an escape precedes it. */
function leadingText(text: string, escape: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') continue;
    if (c !== escape) return i;
    const j = blanksEnd(text, i + 1);
    if (!isNewline(text[j])) return -1;
    // dockerfile-ast assumes `\r\n` after a `\r`.
    i = lineBreakEnd(text, j);
  }
  return -1;
}

/** The last character of the text that is not blank, or, before a final newline, not blank, newline or escape. */
function trailingText(text: string, escape: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ' ' || c === '\t') continue;
    if (c !== '\r' && c !== '\n') return i;
    if (c === '\n' && text[i - 1] === '\r') i--;
    for (let j = i - 1; j >= 0; j--) {
      const d = text[j];
      if (d !== ' ' && d !== '\t' && d !== '\r' && d !== '\n' && d !== escape) return j;
    }
    return text.length;
  }
  return text.length;
}

/** The first `\r` or `\n` at or after `from` (where a comment line ends); -1 when there is none. */
function lineBreakFrom(text: string, from: number): number {
  for (let j = from; j < text.length; j++) if (isNewline(text[j])) return j;
  return -1;
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** One pair from a `key=value` word, or the legacy `key` and `value` words. */
function pair(source: Source, word: RawWord, legacyValue: RawWord | null): KeyValue {
  const escape = source.escapeChar;
  const wordStart = source.norm(word.start);
  const eq = word.value.indexOf('=');
  let keyEnd = word.end;
  if (eq !== -1) {
    const first = word.value.charAt(0);
    const before = word.value.charAt(eq - 1);
    // `"key"=value` and `key=value` split at the `=`; `"ke=y"` is all key.
    if ((first === '"' && before === '"') || (first === "'" && before === "'") || (first !== '"' && first !== "'")) keyEnd = wordStart + eq;
  }
  const keyRange = source.range(word.start, keyEnd);
  const key = resolvedValue(source.slice(word.start, keyEnd), escape);
  if (legacyValue) {
    const valueRange = source.range(legacyValue.start, legacyValue.end);
    const written = source.slice(legacyValue.start, legacyValue.end);
    return {
      key,
      value: resolvedValue(written, escape),
      rawValue: writtenValue(written, escape),
      keyRange,
      valueRange,
      range: { start: keyRange.start, end: valueRange.end },
      hasEquals: false,
    };
  }
  const range = source.range(word.start, word.end);
  if (samePosition(keyRange.start, range.start) && samePosition(keyRange.end, range.end)) {
    return { key, value: null, rawValue: null, keyRange, valueRange: null, range, hasEquals: false };
  }
  const valueStart = wordStart + eq + 1;
  const written = source.slice(valueStart, word.end);
  return {
    key,
    value: resolvedValue(written, escape),
    rawValue: writtenValue(written, escape),
    keyRange,
    valueRange: source.range(valueStart, word.end),
    range,
    hasEquals: true,
  };
}

/**
 * A key or value with quotes and escapes resolved (Property.getValue): a value wholly in quotes loses them;
 * an escaped newline and the comment lines after it are dropped, as are blanks after the escaped newline when
 * only a comment or newline follows them; outside quotes an escape is dropped before the character it escapes.
 */
function resolvedValue(written: string, escape: string): string {
  if (!(escape === '`' ? SPECIAL_BACKTICK : SPECIAL_BACKSLASH).test(written)) {
    // Nothing to resolve: the text after its leading blanks (all of it when it is only blanks).
    const k = blanksEnd(written, 0);
    return k === written.length ? written : written.slice(k);
  }
  let value = written;
  let escaped = false;
  const skip = leadingText(value, escape);
  if (skip !== 0 && value.charAt(skip) === '#') escaped = true;
  value = value.substring(skip);
  const first = value.charAt(0);
  const last = value.charAt(value.length - 1);
  const literal = first === "'" || first === '"';
  const inSingle = first === "'" && last === "'";
  let inDouble = false;
  if (first === '"') {
    for (let i = 1; i < value.length; i++) {
      if (value.charAt(i) === escape) i++;
      else if (value.charAt(i) === '"' && i === value.length - 1) inDouble = true;
    }
  }
  if (inSingle || inDouble) value = value.substring(1, value.length - 1);
  let blankFrom = -1; // blanks that follow an escaped newline, dropped if the line turns out to be a comment or empty
  let out = '';
  scan: for (let i = 0; i < value.length; i++) {
    let c = value.charAt(i);
    switch (c) {
      case escape:
        if (i + 1 === value.length) {
          out += escape;
          break scan;
        }
        c = value.charAt(i + 1);
        if (c === ' ' || c === '\t') {
          const j = blanksEnd(value, i + 2);
          const d = value.charAt(j);
          if (isNewline(d)) {
            escaped = true;
            i = lineBreakEnd(value, j);
            continue scan;
          }
          if (j < value.length && !inDouble && !inSingle && !literal) {
            if (d === escape) {
              out += c;
              i = i + 1;
            } else {
              out += c + d;
              i = j;
            }
            continue scan;
          }
        }
        if (c === '\r' || c === '\n') {
          // An escaped newline: the value goes on on the next line.
          escaped = true;
          i = lineBreakEnd(value, i + 1);
          continue scan;
        }
        if (inDouble) {
          if (c !== '"') {
            if (c === escape) i++;
            out += escape;
          }
          continue scan;
        }
        if (inSingle || literal) {
          out += escape;
          continue scan;
        }
        if (c === escape) {
          out += escape;
          i++;
        } else {
          out += c;
          i++;
        }
        break;
      case ' ':
      case '\t':
        if (escaped && blankFrom === -1) blankFrom = i;
        out += c;
        break;
      case '\r':
      case '\n':
        if (c === '\r') i++;
        if (escaped && blankFrom !== -1) {
          out = out.substring(0, out.length - (i - blankFrom - 1));
          blankFrom = -1;
        }
        break;
      default:
        if (c === '#' && escaped) {
          // A comment line after an escaped newline: dropped with the blanks before it.
          if (blankFrom !== -1) {
            out = out.substring(0, out.length - (i - blankFrom));
            blankFrom = -1;
          }
          const j = lineBreakFrom(value, i + 1);
          if (j >= 0) i = lineBreakEnd(value, j);
          continue scan;
        }
        if (escaped) {
          escaped = false;
          blankFrom = -1;
        }
        out += c;
    }
  }
  return out;
}

/** The value as written, with escaped newlines, the blanks and comment lines after them, and other newlines dropped (getUnescapedValue). */
function writtenValue(written: string, escape: string): string {
  if (written.indexOf(escape) < 0 && written.indexOf('#') < 0 && written.indexOf('\r') < 0 && written.indexOf('\n') < 0) return written;
  let escaped = false;
  let out = '';
  scan: for (let i = 0; i < written.length; i++) {
    const c = written.charAt(i);
    if (c === escape) {
      const j = blanksEnd(written, i + 1);
      if (isNewline(written[j])) {
        escaped = true;
        i = lineBreakEnd(written, j);
        continue scan;
      }
      out += c;
    } else if (c === ' ' || c === '\t') {
      if (!escaped) out += c;
    } else if (c === '#') {
      if (!escaped) out += c;
      else {
        const j = lineBreakFrom(written, i + 1);
        if (j >= 0) {
          i = lineBreakEnd(written, j);
          continue scan;
        }
      }
    } else if (c !== '\r' && c !== '\n') {
      out += c;
      escaped = false;
    }
  }
  return out;
}
