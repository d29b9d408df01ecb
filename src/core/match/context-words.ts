/**
 * The context rules' word lists, folded the way the text's words are ("télévision" → "television").
 * Filled from context-words.data.ts in Node; the content script fills them from its compressed index.
 */
import { fold, wordKey } from './fold';
import { WORDS } from './context-words.data';

export type ContextWords = typeof WORDS;

const key = (w: string) => wordKey(fold(w));

export const MEDIA_NOUNS = new Set<string>();
export const NOT_MEDIA_BEFORE = new Set<string>();
export const REPORTING_VERBS = new Set<string>();
export const VERB_FILLERS = new Set<string>();
export const INTRODUCER_FILLERS = new Set<string>();
export const PERSON_MARKERS = new Set<string>();
export const PERSON_NOUNS = new Set<string>();
export const VERBS_BEFORE = new Set<string>();
export const NOT_MEDIA_AFTER = new Set<string>();
export const PLACE_NOUNS = new Set<string>();
export const NATIONALITIES = new Set<string>();
export const FOLLOW_UP_NOUNS = new Set<string>();
export const FOLLOW_UP_VERBS = new Set<string>();
export const DESCRIPTIONS = new Set<string>();
export const TURKISH_SUFFIXES = new Set<string>();
export const COPULAS = new Set<string>();
export const COPULA_NOUNS = new Set<string>();
export const PHRASE_ENDS = new Set<string>();
export const SOURCE_INTRODUCERS: string[][] = [];
export const RUN_CONTEXT_AFTER: string[] = [];
export const RUN_CONTEXT_BEFORE: string[] = [];
/** By country code: its cities that cue its outlets (see context-words.data.ts). */
export const CITY_CUES: Record<string, string> = {};

const SETS = {
  MEDIA_NOUNS, NOT_MEDIA_BEFORE, REPORTING_VERBS, VERB_FILLERS, INTRODUCER_FILLERS, PERSON_MARKERS, PERSON_NOUNS,
  VERBS_BEFORE, NOT_MEDIA_AFTER, PLACE_NOUNS, NATIONALITIES, FOLLOW_UP_NOUNS, FOLLOW_UP_VERBS, DESCRIPTIONS, TURKISH_SUFFIXES,
  COPULAS, COPULA_NOUNS, PHRASE_ENDS,
};

/** The lists with every word folded and keyed as the matcher compares words (what the build ships). */
export function keyedWords(words: ContextWords): ContextWords {
  const out = { ...words } as Record<string, unknown>;
  // Sets: each word once, sorted (order does not matter to a set; sorted, the shipped lists deflate smaller).
  for (const name of Object.keys(SETS)) out[name] = [...new Set(words[name as keyof typeof SETS].map(key))].sort();
  out.SOURCE_INTRODUCERS = words.SOURCE_INTRODUCERS.map((p) => p.map(key));
  return out as ContextWords;
}

/**
 * Fills the lists (once per context: Node at import, the content script after inflating its index, whose
 * lists the build keyed already: filling them is then a copy).
 */
export function installContextWords(words: ContextWords | null | undefined, keyed = false): void {
  if (!words) return;
  const lists = keyed ? words : keyedWords(words);
  for (const [name, set] of Object.entries(SETS)) {
    set.clear();
    for (const w of lists[name as keyof typeof SETS]) set.add(w);
  }
  SOURCE_INTRODUCERS.splice(0, SOURCE_INTRODUCERS.length, ...lists.SOURCE_INTRODUCERS);
  RUN_CONTEXT_AFTER.splice(0, RUN_CONTEXT_AFTER.length, ...lists.RUN_CONTEXT_AFTER);
  RUN_CONTEXT_BEFORE.splice(0, RUN_CONTEXT_BEFORE.length, ...lists.RUN_CONTEXT_BEFORE);
  Object.assign(CITY_CUES, lists.CITY_CUES);
}

installContextWords(WORDS);
