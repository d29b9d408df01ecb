/** Sentence bounds, computed once per paragraph and only where needed. */

/**
 * Paragraphs in collected page text are separated by a blank line; in plain text too. The next paragraph
 * break at or after from, as [start, end), or null: what /\n\s*\n/ matches (from a line break, across
 * whitespace, to the last line break of it), found with indexOf rather than a regular expression (a third of
 * the time in Chromium and Node).
 */
export function paragraphBreakAfter(text: string, from: number): [number, number] | null {
  for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    let last = -1;
    // (Only the few characters after a line break are tested one by one.)
    for (let j = nl + 1; j < text.length && WHITE.test(text[j]); j++) if (text[j] === '\n') last = j;
    if (last >= 0) return [nl, last + 1];
  }
  return null;
}

const WHITE = /\s/;

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
    for (let b = paragraphBreakAfter(text, 0); b; b = paragraphBreakAfter(text, b[1])) breaks.push(b[0], b[1]);
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

/**
 * Sentences of text[start, end), by the rules of Unicode's sentence boundaries (UAX #29), in one pass from mark to
 * mark: Intl.Segmenter, which follows the same rules, took most of the scan's time and slows down badly
 * on long inputs. A sentence ends after a line break, or after "!", "?", "。" (and their kin) or "." followed
 * by closing marks and spaces; except where the text goes on: "3.5", "U.S", "p. 5 of" or "Mr. smith" (a
 * lower-case letter next), or ",", ";", ":" next. Spans cover the range, each sentence with its trailing spaces
 * and line break. tests/core/sentences.test.ts holds it to Intl.Segmenter's answers.
 */
export function segmentRange(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  // The engine's regular expression search finds the next mark. Testing every character here (and the marks'
  // followers one by one, see CLOSE_SPACE) took more than twice as long: over 5 MB in Node, 79 ms against 29,
  // and the attribution, which segments its paragraphs, 243 ms against 126.
  const marks = MARKS;
  marks.lastIndex = start;
  for (let m = marks.exec(text); m !== null && m.index < end; m = marks.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    let next = isParagraphSeparator(c) ? (c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1) : sentenceEndAfter(text, i, end);
    if (next < 0) continue;
    next = Math.min(next, end);
    spans.push({ start: from, end: next });
    from = next;
    marks.lastIndex = next;
  }
  if (from < end) spans.push({ start: from, end });
  return spans;
}

function isParagraphSeparator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** A full stop: it may also end an abbreviation or sit inside a number ("ATerm"). */
function isFullStop(c: number): boolean {
  return c === 46 || c === 0x2024 || c === 0xfe52 || c === 0xff0e;
}

/** Beyond ASCII's "!" and "?": "‼", "⁇"-"⁉", Arabic "؟" and "۔", Devanagari "।" "॥", "。", fullwidth and small forms ("STerm"). */
const TERMINALS = new Set([...'‼⁇⁈⁉؟۔।॥。！？｡﹖﹗'].map((ch) => ch.charCodeAt(0)));
/** Every unit that may end a sentence: line and paragraph separators, full stops, "!", "?" and the terminals. */
const MARKS = /[\n\r\x85\u2028\u2029.\u2024\ufe52\uff0e!?‼⁇⁈⁉؟۔।॥。！？｡﹖﹗]/g;

function isTerminal(c: number): boolean {
  return c < 128 ? c === 33 || c === 63 : TERMINALS.has(c);
}

/**
 * Brackets and quotation marks, then spaces: what may follow a sentence's last mark ("Close", "Sp"). Skipped in
 * one sticky search rather than by testing one character at a time.
 */
const CLOSE_SPACE = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'\u00ab\u00bb]*[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v]*/uy;
/** Punctuation that continues a sentence after its mark (UAX #29 "SContinue"). */
const CONTINUES = /[,;:\-՝،؍߸᠂᠈–—、︐︑︓︱︲﹐﹑﹕﹘﹣，－：；､]/;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const UPPER = /\p{Lu}|\p{Lt}/u;
const LOWER = /\p{Ll}/u;

/** Where the sentence whose mark is at i ends (after closing marks, spaces and a line break), or -1. */
function sentenceEndAfter(text: string, i: number, end: number): number {
  const fullStop = isFullStop(text.charCodeAt(i));
  let j = i + 1;
  if (j >= end) return end;
  if (fullStop) {
    const next = text[j];
    // "3.5" is not split before a digit, nor "U.S" or "Node.JS" (a letter, a full stop, a capital).
    if (DIGIT.test(next)) return -1;
    if (UPPER.test(next) && i > 0 && (UPPER.test(text[i - 1]) || LOWER.test(text[i - 1]))) return -1;
  }
  CLOSE_SPACE.lastIndex = j;
  CLOSE_SPACE.test(text);
  j = CLOSE_SPACE.lastIndex;
  if (j >= end) return end;
  const c = text.charCodeAt(j);
  if (isParagraphSeparator(c)) return c === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
  // Another mark ("?!", "...", "!)."), or ",", ";", ":": the sentence goes on (it may end at the later mark).
  if (isFullStop(c) || isTerminal(c) || CONTINUES.test(text[j])) return -1;
  if (fullStop) {
    // A lower-case letter next, before any other letter: "approx. 5 km", "p. 5 of", "Mr. smith".
    for (let k = j; k < end; k++) {
      const d = text.charCodeAt(k);
      if (isParagraphSeparator(d) || isFullStop(d) || isTerminal(d)) break;
      const ch = text[k];
      if (LETTER.test(ch)) {
        if (LOWER.test(ch)) return -1;
        break;
      }
    }
  }
  return j;
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
