/**
 * Media context for ambiguous aliases: does the sentence around a hit treat it as a news outlet?
 * "SANA said", "the Sana report", "state news agency SANA", "according to SANA", "SANA, the official agency".
 * Person names ("Sana Haddad", "Ms Sana") are ruled out first.
 */
import { MEDIA_COMPOUND, type AliasHit } from './matcher';
import {
  COPULA_NOUNS,
  COPULAS,
  INTRODUCER_FILLERS,
  MEDIA_NOUNS,
  NATIONALITIES,
  NOT_MEDIA_AFTER,
  NOT_MEDIA_BEFORE,
  PLACE_NOUNS,
  RUN_CONTEXT_AFTER,
  RUN_CONTEXT_BEFORE,
  PERSON_MARKERS,
  PERSON_NOUNS,
  PHRASE_ENDS,
  REPORTING_VERBS,
  SOURCE_INTRODUCERS,
  VERB_FILLERS,
  VERBS_BEFORE,
} from './context-words';
import type { Span } from './sentences';
import { HANGUL, infoOf } from './classes';
import { isRunStart, type Token } from './tokens';

/** How many words around the alias are read for a media noun. */
const NOUN_WINDOW_BEFORE = 3;
const NOUN_WINDOW_AFTER = 2;
/** After a comma or parenthesis (apposition), a media noun may come a little later. */
const APPOSITION_WINDOW = 10;
/** After a copula (COPULAS: "is", "est", "ist"), the media noun of a description comes within this many words. */
const COPULA_WINDOW = 5;

export interface ContextInput {
  text: string;
  folded: string;
  tokens: Token[];
  hit: AliasHit;
  sentence: Span;
  /** Tokens that are part of some alias hit (for "X and Y reported"). */
  covered?: ReadonlySet<number>;
  /** The country (ISO alpha-2) of the hit's outlet, if known: see adjoiningRun. */
  country?: string | null;
}

/** The alias names something else here: a place, a vaccine, cameras, a retweet ("RT @user"). */
export function meansSomethingElse({ text, folded, tokens, hit, sentence }: ContextInput): boolean {
  const word = (i: number) => (tokens[i] && tokens[i].start >= sentence.start && tokens[i].end <= sentence.end ? folded.slice(tokens[i].start, tokens[i].end) : '');
  const after = text.slice(hit.end, hit.end + 2);
  if (/^\s?@/.test(after)) return true;
  const next = word(hit.tokenEnd);
  const gap = text.slice(hit.end, tokens[hit.tokenEnd]?.start ?? hit.end);
  if (next && /^[\s-]{1,2}$/.test(gap)) {
    if (NOT_MEDIA_AFTER.has(next) || hit.alias.notAfter?.has(next)) return true;
    if (/^\d+$/.test(next) && /^\s$/.test(gap)) return true;
  }
  const prev = word(hit.token - 1);
  if (prev && hit.alias.notBefore?.has(prev)) return true;
  if (prev === 'of' && PLACE_NOUNS.has(word(hit.token - 2))) return true;
  // People tell reporters things; outlets are told things: "Sana told reporters" is a person.
  if (next === 'told') return true;
  return false;
}

/** "Farmers in Granma said": after "in", "near"... only a media noun or an apposition says it is an outlet. */
export function placeLike({ folded, tokens, hit, sentence }: ContextInput): boolean {
  const prev = tokens[hit.token - 1];
  return Boolean(prev && prev.start >= sentence.start && NOT_MEDIA_BEFORE.has(folded.slice(prev.start, prev.end)));
}

/**
 * After ", which ... ," or ", who ... ," the sentence goes on with the alias's verb: skip the clause. any: skip
 * a clause whatever its first word (attribution's possessive appositions, "SANA, Syria's news agency, said").
 */
export function skipClause(text: string, folded: string, tokens: Token[], i: number, sentence: Span, any?: boolean): number {
  const t = tokens[i];
  if (!t || t.end > sentence.end || !/^\s*,\s*$/.test(text.slice(tokens[i - 1].end, t.start))) return i;
  if (!any && !['which', 'who', 'whose', 'the', 'a', 'an', 'its', 'long', 'seen', 'widely'].includes(folded.slice(t.start, t.end))) return i;
  for (let j = i + 1; j < tokens.length && tokens[j].end <= sentence.end && j < i + 16; j++) {
    if (/,/.test(text.slice(tokens[j - 1].end, tokens[j].start))) return j;
  }
  return i;
}

export function looksLikePerson({ text, folded, tokens, hit, sentence }: ContextInput): boolean {
  // "Petra, a nurse from Brno, said": an apposition that describes a person.
  const appositive = /^\s*,\s*(a|an)\s/i.exec(text.slice(hit.end, hit.end + 6));
  if (appositive) {
    for (let i = hit.tokenEnd + 1; i < hit.tokenEnd + 5 && tokens[i] && tokens[i].end <= sentence.end; i++) {
      if (PERSON_NOUNS.has(folded.slice(tokens[i].start, tokens[i].end))) return true;
    }
  }
  const prev = tokens[hit.token - 1];
  if (prev && prev.start >= sentence.start) {
    const word = folded.slice(prev.start, prev.end);
    if (PERSON_MARKERS.has(word)) return true;
    // "Erik Tass": a capitalised word right before a title-case alias, not the sentence's first word.
    const startsSentence = !/\p{L}/u.test(text.slice(sentence.start, prev.start));
    if (hit.alias.shapes[0] === 'title' && !startsSentence && /^\p{Lu}\p{Ll}/u.test(text.slice(prev.start, prev.end))
      && text.slice(prev.end, hit.start) === ' ' && !NATIONALITIES.has(word) && !MEDIA_NOUNS.has(word)) return true;
  }
  const next = tokens[hit.tokenEnd];
  if (next && next.start < sentence.end) {
    const gap = text.slice(hit.end, next.start);
    const word = folded.slice(next.start, next.end);
    const capitalised = /^\p{Lu}/u.test(text[next.start]) && text[next.start + 1] !== undefined && /^\p{Ll}/u.test(text[next.start + 1]);
    if (/^ +$/.test(gap) && capitalised && !MEDIA_NOUNS.has(word) && !REPORTING_VERBS.has(word)) return true;
  }
  return false;
}

const GERMAN_ARTICLES = new Set(['der', 'die', 'das', 'dem']);

/** Media nouns that name other things as often: "an ancient site", "a bus service", "an official". */
const WEAK_MEDIA_NOUNS = new Set(['site', 'service', 'edition', 'official', 'statement', 'portal']);

export type Evidence = 'noun' | 'verb' | 'apposition' | 'introducer' | 'credit';

/**
 * A name in a script written without spaces, text[start, end): the words around it within the run ("中央社報導",
 * "据新华社", "노동신문은 사설에서"), which make it an outlet and give it the sentence.
 */
export function runContext(text: string, start: number, end: number, sentence: Span): Evidence | null {
  const after = text.slice(end, Math.min(end + 8, sentence.end));
  const before = text.slice(Math.max(sentence.start, start - 4), start);
  if (RUN_CONTEXT_AFTER.some((w) => after.startsWith(w) || (w.length > 1 && after.includes(w)))) return 'verb';
  return RUN_CONTEXT_BEFORE.some((w) => before.endsWith(w)) ? 'introducer' : null;
}

/**
 * Does the name text[start, end) stand against a run of Chinese, Japanese or Korean: right after one, or right
 * before one or a space and one? Those languages write their particles and verbs onto a name in any script
 * ("NHKによると", "KBS는", "MBC 보도에 따르면"), so the words around it are read as runContext reads them.
 */
export function adjoinsRun(text: string, start: number, end: number): boolean {
  return adjoiningRun(text, start, end) !== null;
}

/** The script of the run a name stands against (see adjoinsRun): Hangul, or Han and Kana; or null. */
function adjoiningRun(text: string, start: number, end: number): 'hangul' | 'han-kana' | null {
  const at = start > 0 && isRunStart(text, start - 1) ? start - 1 : text[end] === ' ' ? end + 1 : end;
  if (at >= text.length || !isRunStart(text, at)) return null;
  return infoOf(text.charCodeAt(at)) & HANGUL ? 'hangul' : 'han-kana';
}

/**
 * Where each of those scripts is written. An ambiguous name against a run is taken for an outlet of these
 * countries only: in Korean, "SBS는" is Seoul's commercial SBS, not Australia's public one.
 */
const RUN_COUNTRIES = { hangul: new Set(['KR', 'KP']), 'han-kana': new Set(['CN', 'TW', 'HK', 'MO', 'SG', 'JP']) };

/** What in the sentence makes the alias an outlet, or null. */
export function mediaContext({ text, folded, tokens, hit, sentence, covered, country }: ContextInput): Evidence | null {
  const word = (i: number) => (tokens[i] ? folded.slice(tokens[i].start, tokens[i].end) : '');
  const inSentence = (i: number) => i >= 0 && i < tokens.length && tokens[i].start >= sentence.start && tokens[i].end <= sentence.end;

  // A media noun just before or after: "state news agency SANA", "the Sana report", "SANA's report".
  for (let i = hit.token - 1; i >= hit.token - NOUN_WINDOW_BEFORE && inSentence(i); i--) {
    if (MEDIA_NOUNS.has(word(i))) return 'noun';
  }
  let after = hit.tokenEnd;
  if (word(after) === 's' && folded[tokens[after]?.start - 1] === "'") after++; // possessive
  for (let i = after; i < after + NOUN_WINDOW_AFTER && inSentence(i); i++) {
    if (MEDIA_NOUNS.has(word(i))) return 'noun';
  }

  // A compound whose second part is a broadcaster's ("MDR-Intendantin", "ARD-Korrespondent").
  if (folded[hit.end] === '-' && MEDIA_COMPOUND.test(folded.slice(hit.end + 1, hit.end + 16))) return 'noun';

  const run = hit.alias.run ? null : adjoiningRun(text, hit.start, hit.end);
  if (hit.alias.run || (run && country && RUN_COUNTRIES[run].has(country))) {
    const evidence = runContext(text, hit.start, hit.end, sentence);
    if (evidence) return evidence;
  }

  // A wire credit in a dateline, "HAVANA, Feb 3 (PL) —", or a headline credit, "SPUTNIK: CONVOY REACHES...".
  if (text[hit.start - 1] === '(' && /^\)\s*[-–—:]/.test(text.slice(hit.end, Math.min(hit.end + 4, sentence.end)))) return 'credit';
  if (!hit.alias.strict && !/\p{L}/u.test(text.slice(sentence.start, hit.start)) && /^\s*:/.test(text.slice(hit.end, hit.end + 2))) return 'credit';

  // A reporting verb right after, past auxiliaries and other outlets: "SANA said", "SANA has also reported",
  // "Bernama and Antara both reported", "Tasnim, which is close to the IRGC, said".
  for (let i = skipClause(text, folded, tokens, hit.tokenEnd, sentence); inSentence(i); i++) {
    const w = word(i);
    // "the month of Mehr, according to the Iranian calendar": what follows is the source, not the name.
    if (w === 'according') break;
    if (REPORTING_VERBS.has(w)) return /[;:]/.test(text.slice(hit.end, tokens[i].start)) ? null : 'verb';
    if (!VERB_FILLERS.has(w) && !covered?.has(i)) break;
  }

  // Apposition: "SANA, the official news agency", "CGTN, the international arm of state broadcaster CCTV". After
  // a comma it opens like a description (a determiner, a possessive, a lower-case word), not with a name:
  // "Today, Pravda is a small party paper" is an adverb and a sentence. "Petra, an ancient site" is a place.
  const opener = tokens[hit.tokenEnd];
  const comma = /^\s*,/.test(text.slice(hit.end, hit.end + 2));
  const describes = !comma || (opener && (/^\p{Ll}/u.test(text[opener.start]) || word(hit.tokenEnd + 1) === 's'));
  if (describes && /^\s*[,(–—-]/.test(text.slice(hit.end, hit.end + 3))) {
    for (let i = hit.tokenEnd; i < hit.tokenEnd + APPOSITION_WINDOW && inSentence(i); i++) {
      if (MEDIA_NOUNS.has(word(i)) && !WEAK_MEDIA_NOUNS.has(word(i))) return 'apposition';
      if (i > hit.tokenEnd && /[,;)]/.test(text.slice(tokens[i - 1].end, tokens[i].start))) break;
    }
  }

  // A description by a copula: "TBC is a public broadcaster", "SANA is the official news agency of Syria",
  // "MRT was the state broadcaster". The media noun comes within a few words, before any comma or clause.
  // The noun must head its phrase: "Sana is a radio presenter" and "Today is a good day for news" are none.
  if (inSentence(hit.tokenEnd) && COPULAS.has(word(hit.tokenEnd)) && /^\s+$/.test(text.slice(hit.end, tokens[hit.tokenEnd].start))) {
    for (let i = hit.tokenEnd + 1; i <= hit.tokenEnd + COPULA_WINDOW && inSentence(i); i++) {
      if (/[,;:()]/.test(text.slice(tokens[i - 1].end, tokens[i].start)) || PHRASE_ENDS.has(word(i))) break;
      if (!COPULA_NOUNS.has(word(i))) continue;
      const next = i + 1;
      const headed = !inSentence(next) || /[^\s-]/.test(text.slice(tokens[i].end, tokens[next].start)) || PHRASE_ENDS.has(word(next)) || COPULA_NOUNS.has(word(next));
      if (headed) return 'apposition';
    }
  }

  // German puts the verb before its subject after an opening phrase: "berichtete der MDR", "meldete die ARD".
  if (inSentence(hit.token - 2) && GERMAN_ARTICLES.has(word(hit.token - 1)) && REPORTING_VERBS.has(word(hit.token - 2))) return 'verb';

  // A verb before its subject (Arabic): "ذكرت سانا", "وقالت سانا".
  if (inSentence(hit.token - 1) && VERBS_BEFORE.has(word(hit.token - 1).replace(/^و/, ''))) return 'verb';

  // A phrase that introduces a source: "according to SANA", "quoted by the state SANA".
  let end = hit.token - 1;
  while (inSentence(end) && INTRODUCER_FILLERS.has(word(end))) end--;
  for (const phrase of SOURCE_INTRODUCERS) {
    const first = end - phrase.length + 1;
    if (!inSentence(first)) continue;
    if (phrase.every((w, k) => word(first + k) === w)) return 'introducer';
  }
  return null;
}
