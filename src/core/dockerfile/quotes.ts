// Quotes in Dockerfile words: hadolint's loose trimming, a matched pair around a word, BuildKit's
// reading of a word and of a flag value, and where its word lexer's quotes open and close.

const END_QUOTES = /^["']|["']$/g;
const QUOTED_PAIR = /^(["'])(.*)\1$/;

/** Drops a leading and a trailing quote character, each on its own, as hadolint does: `"a'` → `a`. */
export function trimQuotes(text: string): string {
  return text.replace(END_QUOTES, '');
}

/** Removes the quotes around a word when they match (`"a b"`, `'a b'`); anything else comes back as it is. */
export function unquotePair(text: string): string {
  return text.replace(QUOTED_PAIR, '$2');
}

/** A word as BuildKit's lexer reads it, variables left as written: quotes removed, escapes resolved. */
export function unquoteWord(text: string, escape = '\\'): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else out += c;
    } else if (c === escape) {
      const next = text[i + 1];
      if (next === undefined) break;
      // Inside double quotes only `"`, `$` and the escape itself are escaped; other escapes stay.
      if (quote === '"' && next !== '"' && next !== '$' && next !== escape) out += c;
      else {
        out += next;
        i++;
      }
    } else if (quote === '"') {
      if (c === '"') quote = '';
      else out += c;
    } else if (c === '"' || c === "'") quote = c;
    else out += c;
  }
  return out;
}

/**
 * Reads `text` from `from` the way BuildKit's word lexer pairs quotes (an escape outside single quotes takes the
 * next character with it), up to the first blank outside quotes when `toBlank`: where the scan stopped (the
 * blank, or the end of the text), and the quote left open there ('' for none).
 */
function scanQuotes(text: string, escape: string, from: number, toBlank: boolean): { end: number; quote: string } {
  let quote = '';
  let i = from;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === escape && quote !== "'") i++;
    else if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (toBlank && (c === ' ' || c === '\t')) break;
  }
  return { end: Math.min(i, text.length), quote };
}

/** The quote character left open at the end of `text` (`"` or `'`), or null when every quote is closed. */
export function openQuote(text: string, escape: string): string | null {
  return scanQuotes(text, escape, 0, false).quote || null;
}

/** Where the word starting at `from` ends: the first blank outside quotes, or the end of the text. */
export function unquotedBlank(text: string, escape: string, from = 0): number {
  return scanQuotes(text, escape, from, true).end;
}

/** A flag value as BuildKit reads it: quotes dropped, backslash escapes inside double quotes resolved. */
export function unquoteFlagValue(raw: string): string {
  if (!raw.includes('"') && !raw.includes("'")) return raw;
  let out = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === '' && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = '';
    else if (quote === '"' && c === '\\' && i + 1 < raw.length) out += raw[++i];
    else out += c;
  }
  return out;
}
