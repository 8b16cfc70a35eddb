// A tokenizer for the part of Haskell that hadolint's rule specs are written in: string literals (with
// their escapes and gaps decoded), names (qualified ones as one token), numbers, operators and brackets.
// Comments are dropped. Each token knows where it starts, and whether it is the first on its line (the
// layout rule: what is indented less than a `let` is outside it).

export interface HsToken {
  kind: 'string' | 'name' | 'number' | 'symbol';
  /** A string's decoded text, otherwise the token as written. */
  value: string;
  /** 1-based line. */
  line: number;
  /** 0-based column. */
  column: number;
  firstOnLine: boolean;
}

const OPERATOR = /[!#$%&*+./<=>?@\\^|~:-]/;
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_']/;
const ASCII_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\\': '\\', '"': '"', "'": "'" };

export class HaskellSyntaxError extends Error {}

export function tokenizeHaskell(text: string): HsToken[] {
  const tokens: HsToken[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let lastLine = 0;
  const push = (kind: HsToken['kind'], value: string, startLine: number, startColumn: number) => {
    tokens.push({ kind, value, line: startLine, column: startColumn, firstOnLine: startLine !== lastLine });
    lastLine = startLine;
  };
  const newline = (at: number) => {
    line++;
    lineStart = at + 1;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      newline(i);
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && text[i + 1] === '-' && !OPERATOR.test(text[i + 2] ?? ' ')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{' && text[i + 1] === '-') {
      let depth = 0;
      do {
        if (text.startsWith('{-', i)) (depth++, (i += 2));
        else if (text.startsWith('-}', i)) (depth--, (i += 2));
        else {
          if (text[i] === '\n') newline(i);
          i++;
        }
      } while (depth > 0 && i < text.length);
    } else if (c === '"') {
      const startLine = line;
      const startColumn = i - lineStart;
      let value = '';
      i++;
      while (true) {
        if (i >= text.length) throw new HaskellSyntaxError(`line ${startLine}: unterminated string`);
        const d = text[i]!;
        if (d === '"') break;
        if (d === '\n') throw new HaskellSyntaxError(`line ${startLine}: newline in a string`);
        if (d !== '\\') {
          value += d;
          i++;
          continue;
        }
        const e = text[i + 1] ?? '';
        if (/\s/.test(e)) {
          // A string gap: backslash, white space (new lines too), backslash.
          i++;
          while (i < text.length && /\s/.test(text[i]!)) {
            if (text[i] === '\n') newline(i);
            i++;
          }
          if (text[i] !== '\\') throw new HaskellSyntaxError(`line ${line}: string gap not closed`);
          i++;
        } else if (e === '&') {
          i += 2;
        } else if (/[0-9]/.test(e)) {
          const digits = /^[0-9]+/.exec(text.slice(i + 1))![0];
          value += String.fromCodePoint(Number(digits));
          i += 1 + digits.length;
        } else if (e === 'x') {
          const digits = /^[0-9a-fA-F]+/.exec(text.slice(i + 2))?.[0] ?? '';
          value += String.fromCodePoint(parseInt(digits || '0', 16));
          i += 2 + digits.length;
        } else if (e in ASCII_ESCAPES) {
          value += ASCII_ESCAPES[e];
          i += 2;
        } else {
          throw new HaskellSyntaxError(`line ${line}: escape \\${e} not read`);
        }
      }
      i++;
      push('string', value, startLine, startColumn);
    } else if (c === "'" && (text[i + 2] === "'" || (text[i + 1] === '\\' && text[i + 3] === "'"))) {
      // A character literal: kept as a string (the specs use none that matter).
      const raw = text[i + 1] === '\\' ? (ASCII_ESCAPES[text[i + 2]!] ?? text[i + 2]!) : text[i + 1]!;
      push('string', raw, line, i - lineStart);
      i += text[i + 1] === '\\' ? 4 : 3;
    } else if (NAME_START.test(c)) {
      const start = i;
      // Qualified names (Text.unlines) are one token; a lone dot after a name is an operator.
      while (i < text.length && (NAME_PART.test(text[i]!) || (text[i] === '.' && NAME_START.test(text[i + 1] ?? '') && /[A-Z]/.test(text[start]!)))) i++;
      push('name', text.slice(start, i), line, start - lineStart);
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < text.length && /[0-9]/.test(text[i]!)) i++;
      push('number', text.slice(start, i), line, start - lineStart);
    } else if (OPERATOR.test(c)) {
      const start = i;
      while (i < text.length && OPERATOR.test(text[i]!)) i++;
      push('symbol', text.slice(start, i), line, start - lineStart);
    } else {
      push('symbol', c, line, i - lineStart);
      i++;
    }
  }
  return tokens;
}
