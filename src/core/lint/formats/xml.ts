/**
 * Escapes text for XML attributes and content. Characters XML 1.0 cannot hold at all (C0 controls
 * but tab, newline and return; U+FFFE/U+FFFF; lone surrogates), which a Dockerfile's text can bring
 * into a message, are written as visible \xNN / \uNNNN escapes, so the report stays well-formed.
 */
export function xml(text: string): string {
  return text
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
      const code = c.charCodeAt(0);
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}
