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
import { skipClause } from './context';
import { lastAtOrBefore, paragraphBreaks, segmentRange, type Span } from './sentences';
import type { Token } from './tokens';

/** A follow-up ("the report added") counts for the outlet last attributed at most this many paragraphs before. */
const FOLLOW_UP_PARAGRAPHS = 2;

export interface CitationSpan {
  outlet: number;
  start: number;
  end: number;
}

export interface AttributionResult {
  /** For each citation, whether its sentence attributes content to the outlet. */
  attributed: boolean[];
  /** Per outlet index: the number of sentences that rest on it (its own and follow-ups). */
  sentences: Map<number, number>;
  /** Sentences in the text (with at least one letter). */
  total: number;
}


/** The text's sentences (with a letter), paragraph by paragraph (see segmentRange). */
export function segmentSentences(text: string): Span[] {
  const starts = paragraphStarts(text);
  return starts.flatMap((start, i) => segmentRange(text, start, i + 1 < starts.length ? starts[i + 1] : text.length))
    .filter((span) => /\p{L}/u.test(text.slice(span.start, span.end)));
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


/** Does the sentence give content to the citation at tokens [first, end)? */
export function attributes(text: string, folded: string, tokens: Token[], first: number, end: number, sentence: Span): boolean {
  const inSentence = (i: number) => i >= 0 && i < tokens.length && tokens[i].start >= sentence.start && tokens[i].end <= sentence.end;
  const word = (i: number) => (inSentence(i) ? folded.slice(tokens[i].start, tokens[i].end) : '');

  // "SANA said", "SANA has also reported", "SANA's report said", "the Sana report said".
  let i = skipClause(text, folded, tokens, end, sentence);
  if (word(i) === 's' && folded[tokens[i]?.start - 1] === "'") i++;
  for (let steps = 0; inSentence(i) && steps < 4; i++, steps++) {
    const w = word(i);
    if (REPORTING_VERBS.has(w)) return !/[;:]/.test(text.slice(tokens[end - 1].end, tokens[i].start));
    if (!VERB_FILLERS.has(w) && !MEDIA_NOUNS.has(w)) break;
  }
  // "according to SANA", "quoted by the official SANA", "according to Syria's state news agency SANA".
  let before = first - 1;
  const capitalised = (i: number) => /^\p{Lu}/u.test(text.slice(tokens[i].start, tokens[i].end));
  for (let skipped = 0; skipped < 6 && inSentence(before); skipped++, before--) {
    const w = word(before);
    if (!INTRODUCER_FILLERS.has(w) && !MEDIA_NOUNS.has(w) && !NATIONALITIES.has(w) && !(capitalised(before) && before > first - 4)) break;
  }
  for (const phrase of SOURCE_INTRODUCERS) {
    const start = before - phrase.length + 1;
    if (inSentence(start) && phrase.every((w, k) => word(start + k) === w)) return true;
  }
  // "celebrated by SANA", "a report by SANA", "in a report published by SANA".
  if (word(before) === 'by' && (/ed$/.test(word(before - 1)) || FOLLOW_UP_NOUNS.has(word(before - 1)))) return true;
  // Arabic: the verb comes first ("ذكرت سانا").
  if (VERBS_BEFORE.has(word(first - 1).replace(/^و/, ''))) return true;
  return false;
}

/** "the report added", "the agency said", "it concluded", "the report went on to say". */
export function isFollowUp(folded: string, tokens: Token[], sentence: Span): boolean {
  const first = firstTokenAtOrAfter(tokens, sentence.start);
  for (let i = first; i < tokens.length && tokens[i].end <= sentence.end; i++) {
    const w = folded.slice(tokens[i].start, tokens[i].end);
    const next = tokens[i + 1] && tokens[i + 1].end <= sentence.end ? folded.slice(tokens[i + 1].start, tokens[i + 1].end) : '';
    const prev = i > first ? folded.slice(tokens[i - 1].start, tokens[i - 1].end) : '';
    if (FOLLOW_UP_NOUNS.has(w) && ['the', 'that', 'this', 'its'].includes(prev) && FOLLOW_UP_VERBS.has(next)) return true;
    if (w === 'it' && FOLLOW_UP_VERBS.has(next) && next !== 'said' && next !== 'says') return true;
  }
  return false;
}

export function attribute(text: string, folded: string, tokens: Token[], citations: readonly CitationSpan[], paragraphStarts: readonly number[]): AttributionResult {
  const spans = segmentSentences(text);
  const spanStarts = spans.map((s) => s.start);
  const attributed = citations.map(() => false);
  const bySentence = new Map<number, Set<number>>();
  const add = (sentence: number, outlet: number) => {
    const set = bySentence.get(sentence) ?? new Set<number>();
    set.add(outlet);
    bySentence.set(sentence, set);
  };
  const citedIn = new Map<number, number[]>();
  citations.forEach((c, k) => {
    const s = lastAtOrBefore(spanStarts, c.start);
    citedIn.set(s, [...(citedIn.get(s) ?? []), k]);
    if (!spans.length) return;
    const first = firstTokenAtOrAfter(tokens, c.start);
    const end = firstTokenAtOrAfter(tokens, c.end);
    if (end > first && attributes(text, folded, tokens, first, end, spans[s])) {
      attributed[k] = true;
      add(s, c.outlet);
    }
  });

  // Follow-ups, in reading order: they continue the account of the outlet attributed last, if it was recent.
  const paragraphOf = (offset: number) => lastAtOrBefore(paragraphStarts, offset);
  let last: { outlet: number; paragraph: number } | null = null;
  spans.forEach((span, s) => {
    const here = citedIn.get(s);
    if (here) {
      const own = here.filter((k) => attributed[k]);
      const k = (own.length ? own : here).at(-1)!;
      last = own.length ? { outlet: citations[k].outlet, paragraph: paragraphOf(span.start) } : null;
      return;
    }
    if (last && paragraphOf(span.start) - last.paragraph <= FOLLOW_UP_PARAGRAPHS && isFollowUp(folded, tokens, span)) {
      add(s, last.outlet);
      last = { outlet: last.outlet, paragraph: paragraphOf(span.start) };
    }
  });

  const sentences = new Map<number, number>();
  for (const outlets of bySentence.values()) for (const o of outlets) sentences.set(o, (sentences.get(o) ?? 0) + 1);
  return { attributed, sentences, total: spans.length };
}

/** Offsets where paragraphs start (after a blank line). */
export function paragraphStarts(text: string): number[] {
  // The ends of the breaks the sentence lookups found already (kept for the last text).
  const breaks = paragraphBreaks(text);
  const starts = [0];
  for (let i = 1; i < breaks.length; i += 2) starts.push(breaks[i]);
  return starts;
}
