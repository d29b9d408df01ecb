/**
 * Finds every registry alias in a text, longest first, at word boundaries. Linear in the text: each word is
 * looked up once by its folded form, and only aliases starting with that word are compared.
 * The detection work replaces this with a compiled automaton; the interface stays.
 */
import { ALIAS_AMBIGUOUS, ALIAS_CASE_SENSITIVE, ALIAS_STRICT, type MatcherIndex } from '../registry/types';
import { fold } from './fold';
import { isWordChar, tokenize, type Token } from './tokens';

export interface AliasEntry {
  text: string;
  outlet: number;
  ambiguous: boolean;
  caseSensitive: boolean;
  strict: boolean;
  /** The alias's words as written, and folded. */
  words: string[];
  folded: string[];
}

export interface AliasHit {
  start: number;
  end: number;
  alias: AliasEntry;
  /** Index of the first token of the hit in the text's token list. */
  token: number;
  tokenEnd: number;
}

/** At most this many characters (spaces, a hyphen, a dot) may separate two words of one alias. */
const MAX_GAP = 3;
const GAP = /^[ \t\-.']*$/;

export class Matcher {
  private readonly byFirstWord = new Map<string, AliasEntry[]>();
  readonly outlets: MatcherIndex['outlets'];

  constructor(index: MatcherIndex) {
    this.outlets = index.outlets;
    for (const [text, outlet, flags] of index.aliases) {
      const words = tokenize(text).map((t) => text.slice(t.start, t.end));
      if (!words.length) continue;
      const entry: AliasEntry = {
        text, outlet, words, folded: words.map(fold),
        ambiguous: (flags & ALIAS_AMBIGUOUS) !== 0,
        caseSensitive: (flags & ALIAS_CASE_SENSITIVE) !== 0,
        strict: (flags & ALIAS_STRICT) !== 0,
      };
      const list = this.byFirstWord.get(entry.folded[0]) ?? [];
      list.push(entry);
      this.byFirstWord.set(entry.folded[0], list);
    }
    // Longest alias first, so "Syrian Arab News Agency" wins over a shorter alias starting with the same word.
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** All alias hits in text, left to right, never overlapping. */
  find(text: string, tokens: Token[] = tokenize(text), folded: string = fold(text)): AliasHit[] {
    const hits: AliasHit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i];
      const candidates = this.byFirstWord.get(folded.slice(first.start, first.end));
      if (!candidates) continue;
      for (const alias of candidates) {
        const last = this.matchAt(text, folded, tokens, i, alias);
        if (last < 0) continue;
        hits.push({ start: first.start, end: tokens[last].end, alias, token: i, tokenEnd: last + 1 });
        i = last;
        break;
      }
    }
    return hits;
  }

  /** Index of the alias's last token when it matches at token i, else -1. */
  private matchAt(text: string, folded: string, tokens: Token[], i: number, alias: AliasEntry): number {
    const n = alias.words.length;
    if (i + n > tokens.length) return -1;
    for (let k = 0; k < n; k++) {
      const t = tokens[i + k];
      if (k > 0) {
        const gap = folded.slice(tokens[i + k - 1].end, t.start);
        if (gap.length === 0 || gap.length > MAX_GAP || !GAP.test(gap)) return -1;
      }
      const word = alias.caseSensitive ? text.slice(t.start, t.end) : folded.slice(t.start, t.end);
      if (word !== (alias.caseSensitive ? alias.words[k] : alias.folded[k])) return -1;
    }
    const start = tokens[i].start;
    const end = tokens[i + n - 1].end;
    return boundaryOk(folded, start, end, alias) ? i + n - 1 : -1;
  }
}

/**
 * Word-boundary rules beyond the tokenizer: an apostrophe continues a word ("Sana'a" is not "Sana") unless it
 * is a possessive ("SANA's"); for ambiguous aliases a hyphen joins words ("RT-PCR").
 */
function boundaryOk(folded: string, start: number, end: number, alias: AliasEntry): boolean {
  if (folded[end] === "'" && isWordChar(folded[end + 1])) {
    const possessive = folded[end + 1] === 's' && !isWordChar(folded[end + 2]);
    if (!possessive) return false;
  }
  if (folded[start - 1] === "'" && isWordChar(folded[start - 2])) return false;
  if (alias.ambiguous) {
    if (folded[end] === '-' && isWordChar(folded[end + 1])) return false;
    if (folded[start - 1] === '-' && isWordChar(folded[start - 2])) return false;
  }
  return true;
}
