/**
 * Case and punctuation folding that keeps every offset: the folded string has the same length as the input,
 * so a match found in the folded text is a match at the same offsets in the page's text.
 */
const FOLD_MAP: Record<string, string> = {
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u2032': "'", '\uff07': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u202f': ' ', '\u2007': ' ',
  // Arabic tatweel (a stretching stroke) carries no meaning.
  '\u0640': ' ',
};

export function foldChar(ch: string): string {
  const mapped = FOLD_MAP[ch];
  if (mapped) return mapped;
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

const FOLD_CHARS = new RegExp(`[${Object.keys(FOLD_MAP).join('')}]`, 'g');

export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: lower-casing kept the length (true unless the text has characters such as "İ").
  if (lower.length === text.length) return lower.replace(FOLD_CHARS, (ch) => FOLD_MAP[ch]);
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  return out;
}
