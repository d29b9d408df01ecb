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
export const SOURCE_INTRODUCERS: string[][] = [];
export const RUN_CONTEXT_AFTER: string[] = [];
export const RUN_CONTEXT_BEFORE: string[] = [];

/** Fills the lists (once per context: Node at import, the content script after inflating its index). */
export function installContextWords(words: ContextWords | null | undefined): void {
  if (!words) return;
  MEDIA_NOUNS.clear();
  for (const w of words.MEDIA_NOUNS) MEDIA_NOUNS.add(key(w));
  NOT_MEDIA_BEFORE.clear();
  for (const w of words.NOT_MEDIA_BEFORE) NOT_MEDIA_BEFORE.add(key(w));
  REPORTING_VERBS.clear();
  for (const w of words.REPORTING_VERBS) REPORTING_VERBS.add(key(w));
  VERB_FILLERS.clear();
  for (const w of words.VERB_FILLERS) VERB_FILLERS.add(key(w));
  INTRODUCER_FILLERS.clear();
  for (const w of words.INTRODUCER_FILLERS) INTRODUCER_FILLERS.add(key(w));
  PERSON_MARKERS.clear();
  for (const w of words.PERSON_MARKERS) PERSON_MARKERS.add(key(w));
  PERSON_NOUNS.clear();
  for (const w of words.PERSON_NOUNS) PERSON_NOUNS.add(key(w));
  VERBS_BEFORE.clear();
  for (const w of words.VERBS_BEFORE) VERBS_BEFORE.add(key(w));
  NOT_MEDIA_AFTER.clear();
  for (const w of words.NOT_MEDIA_AFTER) NOT_MEDIA_AFTER.add(key(w));
  PLACE_NOUNS.clear();
  for (const w of words.PLACE_NOUNS) PLACE_NOUNS.add(key(w));
  NATIONALITIES.clear();
  for (const w of words.NATIONALITIES) NATIONALITIES.add(key(w));
  FOLLOW_UP_NOUNS.clear();
  for (const w of words.FOLLOW_UP_NOUNS) FOLLOW_UP_NOUNS.add(key(w));
  FOLLOW_UP_VERBS.clear();
  for (const w of words.FOLLOW_UP_VERBS) FOLLOW_UP_VERBS.add(key(w));
  SOURCE_INTRODUCERS.splice(0, SOURCE_INTRODUCERS.length, ...words.SOURCE_INTRODUCERS.map((p) => p.map(key)));
  RUN_CONTEXT_AFTER.splice(0, RUN_CONTEXT_AFTER.length, ...words.RUN_CONTEXT_AFTER);
  RUN_CONTEXT_BEFORE.splice(0, RUN_CONTEXT_BEFORE.length, ...words.RUN_CONTEXT_BEFORE);
}

installContextWords(WORDS);
