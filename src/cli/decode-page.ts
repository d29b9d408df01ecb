/**
 * A saved page's bytes as text. A browser decodes a page by its byte order mark, then the charset its server
 * or its <meta> declares. Saved copies are often re-encoded to UTF-8 and keep their old <meta>, so here bytes
 * that are valid UTF-8 are read as UTF-8, and the declared charset is used for the others (a Polish page in
 * windows-1250, a Chinese one in GB2312); without one, windows-1252, the web's default.
 */

/** How far into the page its <meta charset> is looked for (browsers switch encodings on one found later in <head> too). */
const DECLARATION_WINDOW = 65_536;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

export function decodePage(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the page's own declaration says what it is.
  }
  return new TextDecoder(declaredCharset(bytes) ?? 'windows-1252').decode(bytes);
}

/** The charset of the page's first <meta> that declares one, if TextDecoder knows it and it is not UTF-16 or UTF-8 (which the bytes are not). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, DECLARATION_WINDOW));
  const label = META_CHARSET.exec(head)?.[1];
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label).encoding;
    return /^utf-/.test(encoding) ? null : encoding;
  } catch {
    return null;
  }
}
