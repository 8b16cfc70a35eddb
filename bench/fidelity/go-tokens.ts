// A tokenizer for Go source as BuildKit's lint tests write it: raw (backquoted) and interpreted strings,
// decoded; names (a selector such as fmt.Sprintf as one token); numbers; punctuation. Comments are dropped.

export interface GoToken {
  kind: 'string' | 'name' | 'number' | 'symbol';
  value: string;
  /** 1-based line where the token starts. */
  line: number;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };
const PUNCTUATION = [':=', '...', '&&', '||', '==', '!=', '<=', '>=', '++', '--', '+=', '<-'];

export class GoSyntaxError extends Error {}

function decodeEscape(text: string, at: number, line: number): { value: string; length: number } {
  const e = text[at + 1] ?? '';
  if (e in ESCAPES) return { value: ESCAPES[e]!, length: 2 };
  const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (hex) return { value: String.fromCodePoint(parseInt(text.slice(at + 2, at + 2 + hex), 16)), length: 2 + hex };
  if (/[0-7]/.test(e)) return { value: String.fromCodePoint(parseInt(text.slice(at + 1, at + 4), 8)), length: 4 };
  throw new GoSyntaxError(`line ${line}: escape \\${e} not read`);
}

export function tokenizeGo(text: string): GoToken[] {
  const tokens: GoToken[] = [];
  let i = 0;
  let line = 1;
  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (text[k] === '\n') line++;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      countLines(i, stop);
      i = stop;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) throw new GoSyntaxError(`line ${line}: unterminated raw string`);
      tokens.push({ kind: 'string', value: text.slice(i + 1, end).replace(/\r/g, ''), line });
      countLines(i, end);
      i = end + 1;
    } else if (c === '"' || c === "'") {
      const startLine = line;
      let value = '';
      i++;
      while (text[i] !== c) {
        if (i >= text.length || text[i] === '\n') throw new GoSyntaxError(`line ${startLine}: unterminated string`);
        if (text[i] === '\\') {
          const escape = decodeEscape(text, i, line);
          value += escape.value;
          i += escape.length;
        } else {
          value += text[i];
          i++;
        }
      }
      i++;
      tokens.push({ kind: 'string', value, line: startLine });
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < text.length && (/[A-Za-z0-9_]/.test(text[i]!) || (text[i] === '.' && /[A-Za-z_]/.test(text[i + 1] ?? '')))) i++;
      tokens.push({ kind: 'name', value: text.slice(start, i), line });
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < text.length && /[0-9a-fA-Fxo_.]/.test(text[i]!)) i++;
      tokens.push({ kind: 'number', value: text.slice(start, i), line });
    } else {
      const long = PUNCTUATION.find((p) => text.startsWith(p, i));
      tokens.push({ kind: 'symbol', value: long ?? c, line });
      i += long ? long.length : 1;
    }
  }
  return tokens;
}
