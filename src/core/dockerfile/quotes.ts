// Quotes in Dockerfile words: hadolint's loose trimming, a matched pair around a word, and BuildKit's
// reading of a word and of a flag value.

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
