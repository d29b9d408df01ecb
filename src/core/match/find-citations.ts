/**
 * From alias hits to citations: ambiguous hits need media context; "Syrian Arab News Agency (SANA)" is one
 * citation, not two.
 */
import { asSlices, attributeSteps, type TextSlices } from './attribution';
export type { TextSlices } from './attribution';
import { looksLikePerson, meansSomethingElse, mediaContext, placeLike } from './context';
import { fold } from './fold';
import type { AliasEntry, AliasHit, Matcher } from './matcher';
import { drain } from '../steps';
import type { FlaggedSpan } from './prefilter';
import { definedOtherwise } from './defined-otherwise';
import { positionalKind, type ReferenceKind } from './reference-kind';
export type { ReferenceKind } from './reference-kind';
import { paragraphAt, sentenceAt, type Span } from './sentences';
import { tokenize, type Token } from './tokens';
import { CITY_CUES, NOT_MEDIA_AFTER } from './context-words';

export interface TextCitation {
  /** Index into the matcher's outlets. */
  outlet: number;
  start: number;
  end: number;
  /**
   * What kind of reference it is (DESIGN.md §5): a dateline or credit by its position; a citation when its
   * words make the outlet a source ("SANA said", "according to SANA"), which attribution tells (it turns a
   * mention whose sentence rests on the outlet into a citation; before it, only names that needed context are
   * told so); else a mention. Links are 'link'.
   */
  kind: ReferenceKind;
}

export interface FindOptions {
  /** Outlets already known to be cited on the page (by links, say): their ambiguous aliases count. */
  knownOutlets?: ReadonlySet<number>;
}

/** A text's words and folded form, computed once and shared by matching and attribution. */
export interface PreparedText {
  tokens: Token[];
  folded: string;
}

export function prepareText(text: string): PreparedText {
  return { tokens: tokenize(text), folded: fold(text) };
}

export function findTextCitations(
  text: string, matcher: Matcher, options: FindOptions = {}, prepared: PreparedText = prepareText(text),
): TextCitation[] {
  const hits = matcher.find(text, prepared.tokens, prepared.folded);
  if (!hits.length) return [];
  const named = namedBefore(hits, options.knownOutlets);
  const resolved = resolveAll(text, hits, matcher, named);
  return acceptHits(matcher, text, prepared, hits, resolved, named, undefined, definedOtherwise(text, hits));
}

/** Outlets the text names unambiguously (shared names count once resolved, see namedAfter). */
function namedBefore(hits: readonly AliasHit[], known?: ReadonlySet<number>): Set<number> {
  const named = new Set(known ?? []);
  for (const hit of hits) if (!hit.alias.ambiguous && !hit.alias.shared) named.add(hit.alias.outlet);
  return named;
}

function resolveAll(text: string, hits: readonly AliasHit[], matcher: Matcher, named: ReadonlySet<number>): Array<AliasHit | null> {
  return hits.map((h) => (h.alias.shared ? resolveShared(text, h, matcher, named) : h));
}

function acceptHits(
  matcher: Matcher, text: string, prepared: PreparedText, hits: readonly AliasHit[], resolved: ReadonlyArray<AliasHit | null>,
  namedSoFar: ReadonlySet<number>, resolvedElsewhere?: ReadonlySet<number>, otherwise?: ReadonlySet<string>,
): TextCitation[] {
  const { tokens, folded } = prepared;
  const named = new Set(namedSoFar);
  for (const hit of resolved) if (hit && !hit.alias.ambiguous) named.add(hit.alias.outlet);
  for (const outlet of resolvedElsewhere ?? []) named.add(outlet);

  const { familyOf } = matcher;
  const namedFamilies = new Set([...named].map(familyOf));
  const covered = new Set<number>();
  for (const hit of hits) for (let t = hit.token; t < hit.tokenEnd; t++) covered.add(t);

  const accepted: AliasHit[] = [];
  const pending: AliasHit[] = [];
  const kinds = new Map<AliasHit, ReferenceKind>();
  for (const hit of resolved) {
    if (!hit) continue;
    // "closed-circuit television (CCTV)": the text says what these letters mean here, and it is not the outlet.
    if (otherwise?.size && otherwise.has(folded.slice(hit.start, hit.end))) continue;
    const paragraph = paragraphAt(text, hit.start);
    const position = positionalKind(text, hit.start, hit.end, paragraph, !hit.alias.ambiguous);
    if (!hit.alias.ambiguous) {
      // "Global Times Square", "Xinhua Bookstore": a place or thing continues the name.
      if (continuesAsName(text, folded, tokens, hit)) continue;
      accepted.push(hit);
      // A mention until attribution finds its sentence resting on the outlet ("Xinhua said"): only ambiguous
      // names need their sentence here (segmenting is most of the cost of a hit).
      kinds.set(hit, position ?? 'mention');
      continue;
    }
    const input = { text, folded, tokens, hit, sentence: sentenceAt(text, hit.start, paragraph), covered, country: matcher.countryOf(hit.alias.outlet) };
    if (meansSomethingElse(input) || looksLikePerson(input)) continue;
    // A dateline or credit position is media context: "Latakia, SANA –", "Photo: Li Wei/Xinhua".
    const evidence = mediaContext(input);
    const enough = position !== null || (evidence !== null && !(evidence === 'verb' && placeLike(input)));
    kinds.set(hit, position ?? kindByWords(evidence));
    // Or the text names the outlet, or its group, by a name that stands alone: "Moscow funds Sputnik through
    // Rossiya Segodnya".
    if (enough || (!hit.alias.strict && (named.has(hit.alias.outlet) || namedFamilies.has(familyOf(hit.alias.outlet))))) accepted.push(hit);
    else pending.push(hit);
  }
  // "of RT and Sputnik", "Channel One Russia and NTV": a name joined to a cited outlet shares its context.
  for (const hit of pending) {
    if (hit.alias.strict) continue;
    const joined = accepted.some((a) => (a.end <= hit.start ? hit.start - a.end : a.start - hit.end) <= JOIN_MAX && /^\s*(,|and|or|&|\/)\s*$/i.test(a.end <= hit.start ? text.slice(a.end, hit.start) : text.slice(hit.end, a.start)));
    if (joined) accepted.push(hit);
  }
  accepted.sort((a, b) => a.start - b.start);
  return mergeParenthetical(text, accepted, kinds);
}

/** A citation when the words around the name make the outlet a source of what the sentence says. */
function kindByWords(evidence: ReturnType<typeof mediaContext>): ReferenceKind {
  return evidence === 'verb' || evidence === 'introducer' ? 'citation' : evidence === 'credit' ? 'dateline' : 'mention';
}

/** Of two kinds given to one merged reference, the one that says most. */
const KIND_RANK: Record<ReferenceKind, number> = { mention: 0, link: 0, citation: 1, credit: 2, dateline: 2 };
const stronger = (a: ReferenceKind, b: ReferenceKind) => (KIND_RANK[b] > KIND_RANK[a] ? b : a);

/** The longest joint between two names: " and ", ", ", " / "... (farther apart, two names are not joined; this saves slicing far). */
const JOIN_MAX = 40;

/**
 * "Global Times Square", "Xinhua Bookstore", "Xinhua bookstores", "Xinhua district": a place or thing that
 * continues the name, in either case, right after it.
 */
function continuesAsName(text: string, folded: string, tokens: Token[], hit: AliasHit): boolean {
  const next = tokens[hit.tokenEnd];
  if (!next || text.slice(hit.end, next.start) !== ' ') return false;
  return NOT_MEDIA_AFTER.has(folded.slice(next.start, next.end));
}

let regionNames: Intl.DisplayNames | undefined;
const stems = new Map<string, RegExp | null>();

/** A word's start that also catches its adjective: "Taiwan" → "taiwa" ("Taiwanese"), "Algeria" → "alger". */
const stemOf = (word: string) => (word.length > 4 ? word.slice(0, Math.max(4, Math.min(5, word.length - 1))) : word);

/**
 * "Taiwan" for TW, as a word start that also catches "Taiwanese", "Algerian", "Singapore's". A name whose
 * first word names no country on its own takes the next one too ("South Africa", "North Korea", "New
 * Zealand", "United States"); Türkiye is written "Turkey" and "Turkish" in news copy. Its CITY_CUES count as its name.
 */
function countryCue(code: string): RegExp | null {
  if (!stems.has(code)) {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const [first, second = ''] = fold(regionNames.of(code) ?? '').split(/[\s(]/);
    const stem = code === 'TR' ? 'turk' : /^(north|south|east|west|new|united|el|sri)$/.test(first) ? `${first} ${stemOf(second)}` : stemOf(first);
    // One alternation either way: the stem, then the cities, or the stem again where none are listed.
    stems.set(code, stem.length >= 3 ? new RegExp(`(^|[^\\p{L}])(${stem}|${CITY_CUES[code] ?? stem})`, 'u') : null);
  }
  return stems.get(code)!;
}

/**
 * An alias several outlets share ("CNA": Taiwan's, Cyprus's, Singapore's) names the one whose country its
 * paragraph mentions (by name, or one of its CITY_CUES: "The Harare paper"), or the one the page already cites
 * by a distinctive name; otherwise it is left out.
 */
function resolveShared(text: string, hit: AliasHit, matcher: Matcher, named: ReadonlySet<number>): AliasHit | null {
  const candidates = [hit.alias, ...(hit.alternatives ?? [])];
  const only = (list: AliasEntry[]) => (new Set(list.map((c) => c.outlet)).size === 1 ? list[0] : null);
  const onPage = only(candidates.filter((c) => named.has(c.outlet)));
  if (onPage) return { ...hit, alias: onPage };
  const paragraph = paragraphAt(text, hit.start);
  const span = sentenceAt(text, hit.start, paragraph);
  const around = fold(text.slice(paragraph.start, paragraph.end));
  const cuedList = candidates.filter((c) => {
    const code = matcher.countryOf(c.outlet);
    const cue = code ? countryCue(code) : null;
    return cue ? cue.test(around) : false;
  });
  const cued = only(cuedList);
  if (cued) return { ...hit, alias: cued };
  // A name only one registry outlet carries, described as state media next to it: "the state-owned Chronicle",
  // "The Star, a pro-government daily". (Toronto's Star is never described so.)
  if (candidates.length === 1 && STATE_DESCRIBED.test(fold(text.slice(Math.max(span.start, hit.start - 30), Math.min(span.end, hit.end + 20))))) return hit;
  // No cue, or a cue that fits several (two Cuban outlets): the preferred one, if it is among them.
  const preferred = only((cuedList.length ? cuedList : candidates).filter((c) => c.preferred));
  return preferred ? { ...hit, alias: preferred } : null;
}

/** State media described as such, in folded text: "state-run", "government-owned", "pro-government", "state media". */
const STATE_DESCRIBED = /(state|government|party)[- ](run|owned|controlled|backed)|pro-government|state media/;

/**
 * "Syrian Arab News Agency (SANA)", "SANA (Syrian Arab News Agency)" and "Emirates News Agency, WAM": one
 * citation each.
 */
const OPEN_PAREN = /^\s*\(\s*$/;
const CLOSE_PAREN = /^\s*\)/;
/** An acronym in parentheses right after a name: "(EBC)", "(AKP)", "(RFE/RL)". */
const ACRONYM_IN_PARENS = /^\s*\(\s*[\p{Lu}\p{N}][\p{Lu}\p{N}&./-]{1,11}\s*\)/u;
/** "Emirates News Agency, WAM" and "WAM – Emirates News Agency": one outlet named twice across a comma or dash. */
const APPOSITION = /^(\s*[,–—]\s*|\s+-\s+)$/;

function mergeParenthetical(text: string, hits: AliasHit[], kinds: ReadonlyMap<AliasHit, ReferenceKind>): TextCitation[] {
  const out: TextCitation[] = [];
  const kindOf = (hit: AliasHit) => kinds.get(hit) ?? 'mention';
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i];
    const b = hits[i + 1];
    // The acronym after a full name belongs to that name, whichever outlet the acronym alone would mean.
    const acronym = !a.alias.ambiguous || a.tokenEnd - a.token > 1 ? ACRONYM_IN_PARENS.exec(text.slice(a.end)) : null;
    if (acronym) {
      const end = a.end + acronym[0].length;
      let kind = kindOf(a);
      while (hits[i + 1] && hits[i + 1].start < end) kind = stronger(kind, kindOf(hits[++i]));
      out.push({ outlet: a.alias.outlet, start: a.start, end, kind });
      continue;
    }
    // The same outlet again: in parentheses ("SANA (Syrian Arab News Agency)") or after a comma or dash, as
    // another of its names ("Emirates News Agency, WAM"). The same name twice is two references: "...according
    // to SANA, SANA reported" names the agency twice.
    if (b && b.alias.outlet === a.alias.outlet) {
      const gap = text.slice(a.end, b.start);
      const sameName = fold(text.slice(a.start, a.end)) === fold(text.slice(b.start, b.end));
      const close = OPEN_PAREN.test(gap) ? CLOSE_PAREN.exec(text.slice(b.end)) : APPOSITION.test(gap) && !sameName ? [''] : null;
      if (close) {
        out.push({ outlet: a.alias.outlet, start: a.start, end: b.end + close[0].length, kind: stronger(kindOf(a), kindOf(b)) });
        i++;
        continue;
      }
    }
    out.push({ outlet: a.alias.outlet, start: a.start, end: a.end, kind: kindOf(a) });
  }
  return out;
}

/** The sentence around a citation, whitespace collapsed, for reports. */
export function sentenceText(text: string, offset: number): string {
  const span: Span = sentenceAt(text, offset, paragraphAt(text, offset));
  return text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

export interface AttributedCitation extends TextCitation {
  attributed: boolean;
}

export interface TextAnalysis {
  citations: AttributedCitation[];
  /** Per outlet index: sentences that rest on it. */
  attributedSentences: Map<number, number>;
  /** Sentences in the text. */
  sentences: number;
}

/**
 * Attribution for citations found in text (and links placed in it): which citations' sentences give content
 * to the outlet, and how many sentences rest on each outlet. In steps (see attributeSteps) over the text or
 * its slices; attributeCitations does it at once.
 */
export function* attributeCitationSteps(text: string | TextSlices, citations: readonly TextCitation[]): Generator<void, TextAnalysis> {
  // In text order (a citation's place in the list is kept for its flag); links whose text was not read have none.
  const placed = citations.filter((c) => c.start >= 0).sort((a, b) => a.start - b.start);
  const result = yield* attributeSteps(text, placed);
  const flags = new Map(placed.map((c, k) => [c, result.attributed[k]]));
  return {
    // A mention whose sentence gives content to the outlet ("the Sana report said that...") is a citation.
    citations: citations.map((c) => {
      const attributed = flags.get(c) ?? false;
      return { ...c, attributed, kind: attributed && c.kind === 'mention' ? 'citation' : c.kind };
    }),
    attributedSentences: result.sentences,
    sentences: result.total,
  };
}

export function attributeCitations(text: string | TextSlices, citations: readonly TextCitation[]): TextAnalysis {
  return drain(attributeCitationSteps(text, citations));
}

/** Candidate paragraphs are read in pieces of about this many characters, so that a page can yield between. */
const PIECE_CHARS = 16_000;

/**
 * findTextCitations over a page's text, reading in full only the paragraphs the prefilter flags, in pieces
 * with a yield between them (see scanPage): the same citations as one call over the whole text (paragraphs are
 * the unit of every context rule, the prefilter never misses a hit, and what one piece learns about the
 * outlets the page names is shared with all), at a fraction of the cost on long pages.
 */
export function* findFlaggedSteps(text: string | TextSlices, matcher: Matcher, options: FindOptions = {}): Generator<void, TextCitation[]> {
  const { prefilter } = matcher;
  const { slices, sliceStarts } = asSlices(text);
  // The flagged paragraphs of every slice, with the slice they are in.
  const spans: Array<[FlaggedSpan, number]> = [];
  for (let k = 0; k < slices.length; k++) {
    for (const span of yield* prefilter.paragraphSteps(slices[k])) spans.push([span, k]);
    // (A slice is the text of a few hundred nodes: a chance to yield after each.)
    yield;
  }
  if (!spans.length) return [];
  yield;
  // A piece's words are kept as numbers in one typed array until its hits are judged: kept as objects, the
  // words of every piece were most of what the garbage collector moved on a long page (pauses of 15 to 35 ms
  // at 5 MB).
  interface Piece { text: string; spans: Span[]; starts: number[]; flags: number[]; folded: string; words: Int32Array; hits: AliasHit[] }
  const pieces: Piece[] = [];
  let piece: Piece | null = null;
  let length = 0;
  const parts: string[] = [];
  const close = () => {
    if (!piece) return;
    piece.text = parts.join('\n\n');
    const { tokens, folded } = prepareText(piece.text);
    // Packed at once, before the matcher reads the words: packed after it (only for pieces with hits), the
    // same copy took 55 to 100 ms over a 5 MB page in Chromium, and the matcher's reads were slower too; read
    // at once, the words cost about 1 ms (measured; the engine's reason is not known). Node shows no difference.
    const words = packTokens(tokens);
    piece.hits = matcher.find(piece.text, tokens, folded, piece.flags);
    if (piece.hits.length) {
      piece.folded = folded;
      piece.words = words;
    }
    pieces.push(piece);
    piece = null;
    parts.length = 0;
    length = 0;
  };
  for (const [span, k] of spans) {
    piece ??= { text: '', spans: [], starts: [], flags: [], folded: '', words: NO_WORDS, hits: [] };
    piece.spans.push({ start: span.start + sliceStarts[k], end: span.end + sliceStarts[k] });
    piece.starts.push(length);
    for (const f of span.flags) piece.flags.push(f - span.start + length);
    parts.push(slices[k].slice(span.start, span.end));
    length += span.end - span.start + 2;
    if (length >= PIECE_CHARS) {
      close();
      yield;
    }
  }
  close();
  // What the whole text names, as one call would see it: unambiguous names first, then shared ones resolved.
  const allHits = pieces.flatMap((p) => p.hits);
  const named = namedBefore(allHits, options.knownOutlets);
  const resolved: Array<Array<AliasHit | null>> = [];
  for (const p of pieces) {
    resolved.push(resolveAll(p.text, p.hits, matcher, named));
    yield;
  }
  // An acronym defined as something else anywhere in the text is not the outlet in any piece of it.
  const otherwise = new Set<string>();
  for (const p of pieces) if (p.hits.length) for (const k of definedOtherwise(p.text, p.hits)) otherwise.add(k);
  const resolvedNamed = new Set<number>();
  for (const list of resolved) for (const hit of list) if (hit && !hit.alias.ambiguous) resolvedNamed.add(hit.alias.outlet);
  const out: TextCitation[] = [];
  for (let i = 0; i < pieces.length; i++) {
    yield;
    const p = pieces[i];
    if (!p.hits.length) continue;
    let k = 0;
    for (const c of acceptHits(matcher, p.text, { tokens: unpackTokens(p.words), folded: p.folded }, p.hits, resolved[i], named, resolvedNamed, otherwise)) {
      while (k + 1 < p.starts.length && p.starts[k + 1] <= c.start) k++;
      const shift = p.spans[k].start - p.starts[k];
      out.push({ outlet: c.outlet, start: c.start + shift, end: c.end + shift, kind: c.kind });
    }
  }
  return out;
}

const NO_WORDS = new Int32Array(0);

/** Tokens as start, end pairs in one array, and back. */
function packTokens(tokens: readonly Token[]): Int32Array {
  const out = new Int32Array(tokens.length * 2);
  for (let i = 0; i < tokens.length; i++) {
    out[2 * i] = tokens[i].start;
    out[2 * i + 1] = tokens[i].end;
  }
  return out;
}

function unpackTokens(packed: Int32Array): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < packed.length; i += 2) out.push({ start: packed[i], end: packed[i + 1] });
  return out;
}

/** findFlaggedSteps in one go. */
export function findFlaggedCitations(text: string | TextSlices, matcher: Matcher, options: FindOptions = {}): TextCitation[] {
  return drain(findFlaggedSteps(text, matcher, options));
}

export function analyzeText(text: string, matcher: Matcher, options: FindOptions = {}): TextAnalysis {
  return attributeCitations(text, findTextCitations(text, matcher, options));
}
