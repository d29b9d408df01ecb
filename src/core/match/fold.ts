/**
 * Folding that keeps every offset: the folded string has the same length as the input (one UTF-16 unit for
 * one), so a match found in the folded text is a match at the same offsets in the page's text.
 * It lower-cases, maps compatibility forms to their plain letter (fullwidth "Ａ" → "a"), drops diacritics
 * from precomposed letters ("ı", "é" → "i", "e"), and unifies apostrophes, dashes and spaces.
 * Combining marks that stand alone (decomposed text, Arabic vowel signs) and the Arabic tatweel are removed
 * when words are compared (see wordKey).
 */
const PUNCTUATION: Record<string, string> = {
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u2032': "'", '\uff07': "'", '`': "'", '\u00b4': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u202f': ' ', '\u2007': ' ', '\u2009': ' ', '\u200a': ' ', '\u3000': ' ',
  // Letters Unicode does not decompose, folded as readers type them.
  'ı': 'i', 'ł': 'l', 'đ': 'd', 'ø': 'o', 'ς': 'σ', 'ʻ': "'",
};

const cache = new Map<string, string>();

/** The folded form of one UTF-16 unit, always one unit long. */
export function foldChar(ch: string): string {
  const cached = cache.get(ch);
  if (cached !== undefined) return cached;
  let out = PUNCTUATION[ch] ?? ch;
  const code = ch.charCodeAt(0);
  if (out === ch && !(code >= 0xd800 && code <= 0xdfff)) {
    const lower = ch.toLowerCase();
    out = lower.length === 1 ? lower : ch;
    const plain = out.normalize('NFKC').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    if (plain.length === 1) out = PUNCTUATION[plain] ?? plain;
  }
  cache.set(ch, out);
  return out;
}

const NON_ASCII = /[^\x00-\x7f]/g;
const ASCII_PUNCTUATION = /[`]/g;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.replace(ASCII_PUNCTUATION, "'").replace(NON_ASCII, foldChar);
  // Rare: lower-casing changed the length (e.g. "İ"); fold unit by unit.
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  return out;
}

/** Characters ignored when two words are compared: combining marks, tatweel, zero-width joiners. */
const IGNORED_IN_WORDS = /[\p{M}\u0640\u200c\u200d]/gu;
const HAS_IGNORED = /[\p{M}\u0640\u200c\u200d]/u;

/** A folded word as compared with aliases. */
export function wordKey(foldedWord: string): string {
  return HAS_IGNORED.test(foldedWord) ? foldedWord.replace(IGNORED_IN_WORDS, '') : foldedWord;
}

export type CaseShape = 'upper' | 'title' | 'lower';

/** How a word is capitalised: "SANA" upper, "Sana" title, "sana" lower. Compared for case-sensitive aliases. */
export function caseShape(word: string): CaseShape {
  let upper = 0;
  let lower = 0;
  for (const ch of word) {
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  if (upper > 1 && lower === 0) return 'upper';
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase() ? 'title' : upper > 0 ? 'title' : 'lower';
}
