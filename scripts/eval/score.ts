/**
 * Scoring detection against labelled real text, by the counting rule of the shared corpus README: first over
 * (item, outlet) pairs, then over references (labelled spans of one outlet joined only by brackets, dashes,
 * commas or "or" are one reference, as StateLens reports "Syrian Arab News Agency (SANA)" as one).
 */
import type { CompiledRegistry } from '../../src/core/registry/types';
import { KINDS, type CorpusItem, type LabelledRef, type RefKind } from './corpora';

/** What a detector reports in an item. */
export interface Found {
  /** Registry outlet id. */
  outlet: string;
  surface: string;
  kind?: RefKind;
}

export interface Detection {
  found: Found[];
  /** The item's text as the detector read it (a page's body text), to place labelled spans for merging. */
  text: string;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
}

const normName = (name: string) => name.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
const normDomain = (d: string) => d.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');

/** The key a label is known by: its domain, else its name. */
export function labelKey(ref: Pick<LabelledRef, 'domain' | 'outlet'>): string {
  return ref.domain ? `d:${normDomain(ref.domain)}` : `n:${normName(ref.outlet)}`;
}

/** A label's name, as a second key (the matrix's domain for an outlet is sometimes its company's). */
export function labelName(ref: Pick<LabelledRef, 'outlet'>): string {
  return `n:${normName(ref.outlet)}`;
}

/**
 * The keys a registry outlet answers to: its domain, hosts and names, and those of its family. The labels name a
 * broadcaster's channels and stations by the broadcaster, as the matrix row does (corpus/wikipedia/SOURCE.md:
 * "channels or stations of a broadcaster ... are labelled as the matrix outlet"), where the registry may keep a
 * channel apart: a channel answers to its parent group's keys and its company's name, and a group to its members'.
 */
export function outletKeys(registry: CompiledRegistry): (id: string) => Set<string> {
  const cache = new Map<string, Set<string>>();
  const children = new Map<string, string[]>();
  for (const o of Object.values(registry.outlets)) if (o.parent) children.set(o.parent, [...(children.get(o.parent) ?? []), o.id]);
  const own = (id: string, keys: Set<string>) => {
    const o = registry.outlets[id];
    if (!o) return;
    if (o.domain) keys.add(`d:${normDomain(o.domain)}`);
    for (const h of o.hosts) keys.add(`d:${normDomain(h)}`);
    keys.add(`n:${normName(o.name)}`);
    for (const n of Object.values(o.names)) keys.add(`n:${normName(n)}`);
    if (o.company) keys.add(`n:${normName(o.company)}`);
  };
  return (id) => {
    let keys = cache.get(id);
    if (!keys) {
      keys = new Set();
      if (!registry.outlets[id]) keys.add(`n:${id}`);
      own(id, keys);
      const parent = registry.outlets[id]?.parent;
      if (parent) own(parent, keys);
      for (const child of children.get(id) ?? []) own(child, keys);
      cache.set(id, keys);
    }
    return keys;
  };
}

/** A labelled reference after merging, with where it was placed in the text (-1 if it could not be). */
export interface Reference {
  key: string;
  /** The label's name as a key too. */
  name: string;
  outlet: string;
  kind: RefKind;
  surface: string;
  start: number;
  end: number;
}

const JOINT = /^[\s()[\]{}\-–—,/]*$|^[\s()[\]{}\-–—,]*\bor\b[\s()[\]{}\-–—,]*$/i;

/** Places the labelled spans in the text in order, and merges neighbours of one outlet joined only by a joint. */
export function mergeRefs(text: string, refs: readonly LabelledRef[]): Reference[] {
  const placed: Reference[] = [];
  let cursor = 0;
  for (const r of refs) {
    let at = text.indexOf(r.surface, cursor);
    if (at < 0) at = text.indexOf(r.surface);
    const ref = { key: labelKey(r), name: labelName(r), outlet: r.outlet, kind: r.kind, surface: r.surface, start: at, end: at < 0 ? -1 : at + r.surface.length };
    const prev = placed.at(-1);
    if (r.kind !== 'link' && prev && prev.kind !== 'link' && prev.key === ref.key && at >= prev.end && prev.start >= 0 && JOINT.test(text.slice(prev.end, at))) {
      prev.end = ref.end;
      prev.surface = text.slice(prev.start, prev.end);
      cursor = ref.end;
      continue;
    }
    // A span inside the one before it ("RTSH" in "RTSH-24") is that reference, not another.
    if (prev && at >= 0 && prev.start >= 0 && at >= prev.start && ref.end <= prev.end && prev.key === ref.key) continue;
    placed.push(ref);
    if (at >= 0) cursor = at + 1;
  }
  return placed;
}

const loose = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export interface ItemResult {
  item: CorpusItem;
  found: Found[];
  /** Pair level: labelled outlet keys, those found, and reported outlets that were not labelled. */
  labelled: string[];
  hit: Set<string>;
  falseOutlets: string[];
  refs: Reference[];
  /** Per merged reference, whether a found citation of its outlet covers its words. */
  refFound: boolean[];
  /** Found citations matched to no reference. */
  extra: Found[];
}

export function judge(item: CorpusItem, detection: Detection, keysOf: (id: string) => Set<string>): ItemResult {
  const labelled = [...new Set(item.refs.map(labelKey))];
  const nameOf = new Map(item.refs.map((r) => [labelKey(r), labelName(r)]));
  const answers = (keys: Set<string>, k: string) => keys.has(k) || keys.has(nameOf.get(k)!);
  const hit = new Set<string>();
  const falseOutlets = new Set<string>();
  for (const f of detection.found) {
    const keys = keysOf(f.outlet);
    const matched = labelled.filter((k) => answers(keys, k));
    if (matched.length) matched.forEach((k) => hit.add(k));
    else falseOutlets.add(f.outlet);
  }
  const refs = mergeRefs(detection.text, item.refs);
  const refFound = refs.map(() => false);
  const extra: Found[] = [];
  for (const f of detection.found) {
    const keys = keysOf(f.outlet);
    const s = loose(f.surface);
    const k = refs.findIndex((r, i) => !refFound[i] && (keys.has(r.key) || keys.has(r.name)) && s && (loose(r.surface).includes(s) || s.includes(loose(r.surface))));
    if (k >= 0) refFound[k] = true;
    else extra.push(f);
  }
  return { item, found: detection.found, labelled, hit, falseOutlets: [...falseOutlets], refs, refFound, extra };
}

export interface Summary {
  items: number;
  /** Over (item, outlet) pairs. */
  pairs: Score;
  /** Over references: recall over merged labelled references, precision over StateLens's citations. */
  references: Score;
  kinds: Partial<Record<RefKind, Score>>;
  languages: Record<string, Score>;
  families: Record<string, Score>;
}

export function summarize(results: readonly ItemResult[], family: (key: string) => string): Summary {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let rtp = 0;
  let rfn = 0;
  let rfp = 0;
  const kinds = new Map<RefKind, { tp: number; fn: number; fp: number }>();
  const bucket = <K>(m: Map<K, { tp: number; fn: number; fp: number }>, k: K) => {
    let b = m.get(k);
    if (!b) m.set(k, (b = { tp: 0, fn: 0, fp: 0 }));
    return b;
  };
  const langs = new Map<string, { tp: number; fn: number; fp: number }>();
  const fams = new Map<string, { tp: number; fn: number; fp: number }>();
  for (const r of results) {
    const lang = bucket(langs, r.item.lang);
    for (const k of r.labelled) {
      const fam = bucket(fams, family(k));
      if (r.hit.has(k)) {
        tp++;
        lang.tp++;
        fam.tp++;
      } else {
        fn++;
        lang.fn++;
        fam.fn++;
      }
    }
    fp += r.falseOutlets.length;
    lang.fp += r.falseOutlets.length;
    for (const o of r.falseOutlets) bucket(fams, family(`id:${o}`)).fp++;
    r.refs.forEach((ref, i) => {
      const b = bucket(kinds, ref.kind);
      if (r.refFound[i]) {
        rtp++;
        b.tp++;
      } else {
        rfn++;
        b.fn++;
      }
    });
    rfp += r.extra.length;
    for (const e of r.extra) if (e.kind) bucket(kinds, e.kind).fp++;
  }
  const scored = (m: Map<string, { tp: number; fn: number; fp: number }>) =>
    Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, b]) => [k, score(b.tp, b.fp, b.fn)]));
  return {
    items: results.length,
    pairs: score(tp, fp, fn),
    references: score(rtp, rfp, rfn),
    kinds: Object.fromEntries(KINDS.filter((k) => kinds.has(k)).map((k) => { const b = kinds.get(k)!; return [k, score(b.tp, b.fp, b.fn)]; })),
    languages: scored(langs),
    families: scored(fams),
  };
}
