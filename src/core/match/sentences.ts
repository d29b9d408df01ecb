/** Sentence bounds with Intl.Segmenter, computed once per paragraph and only where needed. */

/** Paragraphs in collected page text are separated by a blank line; in plain text too. */
const PARAGRAPH_BREAK = /\n\s*\n/g;

export interface Span {
  start: number;
  end: number;
}

/** The paragraph breaks of the last text seen, [start, end) pairs, so that a lookup is a binary search. */
let breaksText: string | undefined;
let breaks: number[] = [];


/** Where text's paragraph breaks start and end, as a flat list of pairs (cached for the last text). */
export function paragraphBreaks(text: string): readonly number[] {
  if (text !== breaksText) {
    breaksText = text;
    breaks = [];
    PARAGRAPH_BREAK.lastIndex = 0;
    for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) breaks.push(m.index, m.index + m[0].length);
  }
  return breaks;
}

export function paragraphAt(text: string, offset: number): Span {
  const breaks = paragraphBreaks(text);
  // The last break that ends at or before offset starts the paragraph; the next one ends it.
  let lo = 0;
  let hi = breaks.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[2 * mid + 1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  const start = lo > 0 ? breaks[2 * lo - 1] : 0;
  // A break that begins before offset but ends after it (offset inside the blank line) is skipped, as before.
  let k = lo;
  while (k < breaks.length / 2 && breaks[2 * k] < offset) k++;
  return { start, end: k < breaks.length / 2 ? breaks[2 * k] : text.length };
}

let segmenter: Intl.Segmenter | undefined;
/** Sentences of the paragraphs of the last text seen: many lookups in one text segment each paragraph once. */
let cachedText: string | undefined;
const cache = new Map<number, { spans: Span[]; starts: number[] }>();

function sentencesOf(text: string, paragraph: Span): { spans: Span[]; starts: number[] } {
  if (text !== cachedText) {
    cachedText = text;
    cache.clear();
  }
  let entry = cache.get(paragraph.start);
  if (!entry) {
    const spans = segmentRange(text, paragraph.start, paragraph.end);
    entry = { spans, starts: spans.map((s) => s.start) };
    cache.set(paragraph.start, entry);
  }
  return entry;
}

/** Longer stretches of text are segmented in pieces cut at line breaks (or, failing one, at the limit). */
const MAX_SEGMENT_CHARS = 20_000;

/**
 * Sentences of text[start, end). V8's sentence segmenter slows down badly on long inputs (seen: 4.4 s for a
 * 176 KB page in one call, against milliseconds per paragraph), so long ranges go in pieces.
 */
export function segmentRange(text: string, start: number, end: number): Span[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const spans: Span[] = [];
  for (let from = start; from < end;) {
    let to = Math.min(end, from + MAX_SEGMENT_CHARS);
    if (to < end) {
      const cut = text.lastIndexOf('\n', to);
      to = cut > from ? cut + 1 : to;
    }
    for (const s of segmenter.segment(text.slice(from, to))) {
      spans.push({ start: from + s.index, end: from + s.index + s.segment.length });
    }
    from = to;
  }
  return spans;
}

/** Index of the last of the sorted starts at or before offset (0 when none is). */
export function lastAtOrBefore(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The sentence that contains offset. */
export function sentenceAt(text: string, offset: number, paragraph: Span = paragraphAt(text, offset)): Span {
  const { spans, starts } = sentencesOf(text, paragraph);
  return spans[lastAtOrBefore(starts, offset)] ?? paragraph;
}
