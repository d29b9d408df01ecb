/**
 * An acronym the text defines as something else is not the outlet anywhere in that text: "closed-circuit
 * television (CCTV) cameras", "a vector network analyzer (VNA)", "CCTV (closed-circuit television)". The
 * definition is the words whose initials spell the acronym, next to it in brackets; when those words are
 * themselves a name of the outlet ("China Central Television (CCTV)"), the outlet is what is defined.
 */
import type { AliasHit } from './matcher';
import { fold } from './fold';

/** Small words a definition may skip when spelling its acronym: "Bureau of Investigation", "Radio and Television". */
const SKIPPED = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'et', 'del', 'y', 'und', 'der', 'für', '&']);

/** The words that spell acronyms: hyphenated parts each their own ("closed-circuit" is two), small words skipped. */
function parts(words: string[]): string[] {
  return words.flatMap((w) => w.split('-')).filter((w) => w && !SKIPPED.has(w.toLowerCase())).map((w) => w.toLowerCase());
}

/**
 * Do these words spell the acronym? Each word gives its initial, and may give more letters from inside it, in
 * order: "closed-circuit television" is CCTV (tele-vision), "vector network analyzer" VNA.
 */
function spells(words: string[], acronym: string): boolean {
  const letters = acronym.toLowerCase();
  const list = parts(words);
  // Two words at least, and at most one letter taken from inside a word: "ANKARA (AA)" is a dateline, not a definition.
  if (list.length < 2 || list.length < letters.length - 1) return false;
  const go = (w: number, l: number): boolean => {
    if (w === list.length) return l === letters.length;
    const word = list[w];
    if (l >= letters.length || word[0] !== letters[l]) return false;
    // The initial, then k more letters found inside the word in order.
    let at = 0;
    for (let k = l + 1; ; k++) {
      if (go(w + 1, k)) return true;
      if (k >= letters.length) return false;
      at = word.indexOf(letters[k], at + 1);
      if (at < 0) return false;
    }
  };
  return go(0, 0);
}

/** Words that describe a news outlet (not "television": closed-circuit television is CCTV). */
const MEDIA_WORDS = new Set(['news', 'agency', 'press', 'broadcasting', 'broadcaster', 'radio', 'channel', 'newspaper', 'daily']);

const WORD = /[\p{L}\p{N}&][\p{L}\p{M}\p{N}'’-]*/gu;

/** The last n words of a string (or fewer). */
function lastWords(s: string, n: number): string[] {
  const words = s.match(WORD) ?? [];
  return words.slice(Math.max(0, words.length - n));
}

/**
 * The folded surfaces of the hits that the text defines as something else. hits: all alias hits of the text, in
 * order (a definition that is an alias of the same outlet is found among them).
 */
export function definedOtherwise(text: string, hits: readonly AliasHit[]): Set<string> {
  const out = new Set<string>();
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h];
    const surface = text.slice(hit.start, hit.end);
    const letters = surface.replace(/[^\p{L}\p{N}]/gu, '');
    // Acronyms only: two to eight letters, mostly capitals.
    if (letters.length < 2 || letters.length > 8 || letters !== letters.toUpperCase()) continue;
    const key = fold(surface);
    if (out.has(key)) continue;
    const before = text.slice(Math.max(0, hit.start - 120), hit.start);
    const after = text.slice(hit.end, hit.end + 120);
    // "words (CCTV)": the definition before the brackets.
    const open = /\(\s*$/.exec(before);
    if (open && /^\s*\)/.test(after)) {
      const words = before.slice(0, open.index);
      // Trailing words, from the fewest: no more words than letters (small words aside).
      for (let n = 1; n <= letters.length * 2; n++) {
        const candidate = lastWords(words, n);
        if (candidate.length < n || parts(candidate).length > letters.length) break;
        if (!spells(candidate, letters)) continue;
        // "the state news agency (SANA)" describes the outlet; it does not define the letters as something else.
        if (candidate.some((w) => MEDIA_WORDS.has(w.toLowerCase()))) break;
        // The outlet's own name defines it: a hit of the same outlet that ends at the bracket.
        const own = h > 0 && hits[h - 1].alias.outlet === hit.alias.outlet && /^\s*\(\s*$/.test(text.slice(hits[h - 1].end, hit.start));
        if (!own) out.add(key);
        break;
      }
      continue;
    }
    // "CCTV (closed-circuit television)": the definition in the brackets after.
    const inner = /^\s*\(([^()]{3,100})\)/.exec(after);
    if (inner) {
      const words = inner[1].match(WORD) ?? [];
      const own = hits[h + 1] && hits[h + 1].alias.outlet === hit.alias.outlet && hits[h + 1].start < hit.end + inner[0].length;
      if (!own && spells(words, letters) && !words.some((w) => MEDIA_WORDS.has(w.toLowerCase()))) out.add(key);
    }
  }
  return out;
}
