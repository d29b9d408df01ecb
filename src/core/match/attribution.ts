/**
 * Attribution: which sentences of a text rest on an outlet. A sentence is attributed when it gives content
 * to a cited outlet ("SANA said that...", "according to SANA", "quoted by SANA", "the Sana report said",
 * "celebrated by SANA with the headline...") or continues its account ("the report added", "the agency said",
 * "it concluded") soon after. Sentences follow Unicode's sentence rules (see sentences.ts).
 */
import {
  FOLLOW_UP_NOUNS,
  FOLLOW_UP_VERBS,
  INTRODUCER_FILLERS,
  MEDIA_NOUNS,
  NATIONALITIES,
  REPORTING_VERBS,
  SOURCE_INTRODUCERS,
  VERB_FILLERS,
  VERBS_BEFORE,
} from './context-words';
import { adjoinsRun, runContext, skipClause } from './context';
import { lastAtOrBefore, paragraphBreakAfter, segmentRange, type Span } from './sentences';
import { fold } from './fold';
import { drain } from '../steps';
import { isRunStart, tokenize, type Token } from './tokens';

/** A follow-up ("the report added") counts for the outlet last attributed at most this many paragraphs before. */
const FOLLOW_UP_PARAGRAPHS = 2;

export interface CitationSpan {
  outlet: number;
  start: number;
  end: number;
  via?: 'text' | 'link';
}

export interface AttributionResult {
  /** For each citation, whether its sentence attributes content to the outlet. */
  attributed: boolean[];
  /** Per outlet index: the number of sentences that rest on it (its own and follow-ups). */
  sentences: Map<number, number>;
  /** Sentences in the text (with at least one letter). */
  total: number;
}


function firstTokenAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


/** Does the sentence give content to the citation at tokens [first, end) (a link's text, if link)? */
export function attributes(text: string, folded: string, tokens: Token[], first: number, end: number, sentence: Span, link?: boolean): boolean {
  const inSentence = (i: number) => i >= 0 && i < tokens.length && tokens[i].start >= sentence.start && tokens[i].end <= sentence.end;
  const word = (i: number) => (inSentence(i) ? folded.slice(tokens[i].start, tokens[i].end) : '');

  // A link on the verb itself: "China's official news agency <a>reported</a> that...", "<a>has said</a>".
  if (link) {
    let k = first;
    while (k < end - 1 && VERB_FILLERS.has(word(k))) k++;
    if (k === end - 1 && REPORTING_VERBS.has(word(k))) return true;
  }

  // "SANA said", "SANA has also reported", "SANA's report said", "the Sana report said"; past a clause, also
  // one that opens on a possessive ("SANA, Syria's official news agency, said", "KCNA, North Korea's ...").
  let i = skipClause(text, folded, tokens, end, sentence, word(end + 1) === 's' || word(end + 2) === 's');
  if (word(i) === 's' && folded[tokens[i]?.start - 1] === "'") i++;
  for (let steps = 0; inSentence(i) && steps < 4; i++, steps++) {
    const w = word(i);
    if (REPORTING_VERBS.has(w)) return !/[;:]/.test(text.slice(tokens[end - 1].end, tokens[i].start));
    if (!VERB_FILLERS.has(w) && !MEDIA_NOUNS.has(w)) break;
    // "Tasnim news agency, which is close to the Guards, reported": the clause may follow the media nouns too.
    i = skipClause(text, folded, tokens, i + 1, sentence) - 1;
  }
  // "according to SANA", "quoted by the official SANA", "according to Syria's state news agency SANA".
  let before = first - 1;
  const capitalised = (i: number) => /^\p{Lu}/u.test(text.slice(tokens[i].start, tokens[i].end));
  // Where adjectives follow their noun, up to two of them back to a media noun: "según la agencia estatal siria
  // SANA", "selon l'agence officielle syrienne Sana", "ذكرت وكالة الأنباء الرسمية سانا".
  for (let k = 1; k < 4 && inSentence(first - k) && !capitalised(first - k); k++) {
    if (MEDIA_NOUNS.has(word(first - k))) {
      before = first - k;
      break;
    }
  }
  const introducedAt = (end: number) => SOURCE_INTRODUCERS.some((phrase) => {
    const start = end - phrase.length + 1;
    return inSentence(start) && phrase.every((w, k) => word(start + k) === w);
  });
  for (let skipped = 0; skipped < 6 && inSentence(before); skipped++, before--) {
    // (An introducer that opens the sentence is capitalised too: "Según EFE", "Selon Xinhua".)
    if (introducedAt(before)) return true;
    const w = word(before);
    if (!INTRODUCER_FILLERS.has(w) && !MEDIA_NOUNS.has(w) && !NATIONALITIES.has(w) && !(capitalised(before) && before > first - 4)) break;
  }
  if (introducedAt(before)) return true;
  // "celebrated by SANA", "a report by SANA", "in a report published by SANA".
  if (word(before) === 'by' && (/ed$/.test(word(before - 1)) || FOLLOW_UP_NOUNS.has(word(before - 1)))) return true;
  // Arabic: the verb comes first ("ذكرت سانا", "ذكرت وكالة سانا").
  if (VERBS_BEFORE.has(word(before).replace(/^و/, ''))) return true;
  return false;
}

/** Words before a follow-up noun: "the report added", "that agency said". */
const DETERMINERS = new Set(['the', 'that', 'this', 'its']);

/** "the report added", "the agency said", "it concluded", "the report went on to say". */
export function isFollowUp(folded: string, tokens: Token[], sentence: Span): boolean {
  const first = firstTokenAtOrAfter(tokens, sentence.start);
  const word = (i: number) => folded.slice(tokens[i].start, tokens[i].end);
  // A word's neighbours are read only when it is "it" or a follow-up noun: most words are neither (this runs
  // over every sentence near a citation, and reading three words for each took most of the attribution's time).
  for (let i = first; i < tokens.length && tokens[i].end <= sentence.end; i++) {
    const w = word(i);
    const noun = FOLLOW_UP_NOUNS.has(w);
    if (!noun && w !== 'it') continue;
    const next = i + 1 < tokens.length && tokens[i + 1].end <= sentence.end ? word(i + 1) : '';
    if (!FOLLOW_UP_VERBS.has(next)) continue;
    if (noun && i > first && DETERMINERS.has(word(i - 1))) return true;
    if (w === 'it' && next !== 'said' && next !== 'says') return true;
  }
  return false;
}

/** A text in slices that each end before a paragraph break (the next one starts with it). */
export interface TextSlices {
  slices: readonly string[];
  sliceStarts: readonly number[];
}

/** A whole text as one slice; slices as they are. */
export function asSlices(text: string | TextSlices): TextSlices {
  return typeof text === 'string' ? { slices: [text], sliceStarts: [0] } : text;
}

/** Characters read between two chances to yield (see attributeSteps). */
const CHARS_PER_STEP = 8_000;

export function attribute(text: string | TextSlices, citations: readonly CitationSpan[]): AttributionResult {
  return drain(attributeSteps(text, citations));
}

/**
 * attribute, paragraph by paragraph, yielding every few thousand characters. Every paragraph is segmented (the
 * share counts all the text's sentences), but only the paragraphs that hold a citation, or that may follow
 * up on one, are split into words: on a long page that is a small part of the text (the words of all of it
 * took most of the time, in one task of half a second at 5 MB). citations: in text order, offsets in text.
 */
export function* attributeSteps(text: string | TextSlices, citations: readonly CitationSpan[]): Generator<void, AttributionResult> {
  const { slices, sliceStarts } = asSlices(text);
  const attributed = citations.map(() => false);
  const sentences = new Map<number, number>();
  let total = 0;
  /** The next citation (in order) not yet placed in a paragraph. */
  let next = 0;
  /** The paragraph's index in the whole text: the paragraph breaks before it. */
  let paragraph = 0;
  // The outlet attributed last and its paragraph: follow-ups continue its account if it was recent.
  let last: { outlet: number; paragraph: number } | null = null;
  let since = 0;
  for (let k = 0; k < slices.length; k++) {
    const slice = slices[k];
    const base = sliceStarts[k];
    for (let start = 0; ; ) {
      const br = paragraphBreakAfter(slice, start);
      const end = br ? br[0] : slice.length;
      const spans = segmentRange(slice, start, end).filter((span) => LETTER.test(slice.slice(span.start, span.end)));
      total += spans.length;
      const here: number[] = [];
      for (; next < citations.length && citations[next].start < base + end; next++) if (citations[next].start >= base + start) here.push(next);
      if (spans.length && (here.length || (last && paragraph - last.paragraph <= FOLLOW_UP_PARAGRAPHS))) {
        // The paragraph on its own: its words, its folded form, its sentences and citations at its offsets.
        const local = slice.slice(start, end);
        const folded = fold(local);
        const tokens = tokenize(local);
        const at = base + start;
        const starts = spans.map((span) => span.start - start);
        const citedIn = new Map<number, number[]>();
        for (const c of here) {
          const s = lastAtOrBefore(starts, citations[c].start - at);
          citedIn.set(s, [...(citedIn.get(s) ?? []), c]);
          const first = firstTokenAtOrAfter(tokens, citations[c].start - at);
          const stop = firstTokenAtOrAfter(tokens, citations[c].end - at);
          const sentence = { start: starts[s], end: spans[s].end - start };
          const from = citations[c].start - at;
          const to = citations[c].end - at;
          // A name inside a run of Chinese or Japanese ("据新华社报道") has no words of its own around it; one
          // written against such a run ("NHKによると", "KBS는") may have both.
          const inRun = isRunStart(local, from);
          if ((inRun || adjoinsRun(local, from, to)) && runContext(local, from, to, sentence)) attributed[c] = true;
          else if (!inRun && stop > first && attributes(local, folded, tokens, first, stop, sentence, citations[c].via === 'link')) attributed[c] = true;
        }
        // Sentence by sentence, in reading order: the outlets each rests on.
        for (let s = 0; s < spans.length; s++) {
          const outlets = new Set<number>();
          const cited = citedIn.get(s);
          if (cited) {
            const own = cited.filter((c) => attributed[c]);
            for (const c of own) outlets.add(citations[c].outlet);
            last = own.length ? { outlet: citations[own.at(-1)!].outlet, paragraph } : null;
          } else if (last && paragraph - last.paragraph <= FOLLOW_UP_PARAGRAPHS
            && isFollowUp(folded, tokens, { start: starts[s], end: spans[s].end - start })) {
            outlets.add(last.outlet);
            last = { outlet: last.outlet, paragraph };
          }
          for (const o of outlets) sentences.set(o, (sentences.get(o) ?? 0) + 1);
        }
      }
      if (!br) break;
      paragraph++;
      start = br[1];
      if (start - since > CHARS_PER_STEP) {
        since = start;
        yield;
      }
    }
    since = 0;
    yield;
  }
  return { attributed, sentences, total };
}

const LETTER = /\p{L}/u;
