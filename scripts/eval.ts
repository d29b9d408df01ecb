/**
 * npm run eval [-- --json] [--errors] [--corpus NAME]: precision, recall and F1 of StateLens's detection on real
 * labelled text (the shared folder's corpora: Wikipedia sentences, Voice of America and Global Voices articles,
 * saved news pages; see scripts/eval/) and, reported apart, on the project's own sentences (tests/eval/*.jsonl),
 * each next to a naive case-insensitive substring matcher over the same aliases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../src/build/load-registry';
import { findTextCitations } from '../src/core/match/find-citations';
import { matcherFromIndex } from '../src/core/match/from-index';
import { LinkIndex } from '../src/core/match/links';
import type { CompiledRegistry } from '../src/core/registry/types';
import { hasCorpora, readCorpus, REAL_CORPORA, type CorpusItem, type CorpusName } from './eval/corpora';
import { detect, naiveDetector, statelensDetector, type Detector } from './eval/detect';
import { judge, outletKeys, score, summarize, type ItemResult, type Score, type Summary } from './eval/score';

export interface Labelled {
  text: string;
  /** The citations a careful reader would mark: outlet id and the words as they appear. */
  expect: Array<{ outlet: string; surface: string }>;
  note?: string;
}

interface Found {
  outlet: string;
  surface: string;
}

const DIR = join(process.cwd(), 'tests', 'eval');

export function readSet(dir = DIR): Labelled[] {
  const items: Labelled[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, file), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const item = JSON.parse(line) as Labelled;
        if (typeof item.text !== 'string' || !Array.isArray(item.expect)) throw new Error('needs "text" and "expect"');
        items.push(item);
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
  }
  return items;
}

/** Matches found against expected by outlet and surface; each expected citation can be matched once. */
function compare(expected: Found[], found: Found[]) {
  const left = [...expected];
  let tp = 0;
  const fps: Found[] = [];
  for (const f of found) {
    const k = left.findIndex((e) => e.outlet === f.outlet && e.surface.replace(/\s+/g, ' ') === f.surface.replace(/\s+/g, ' '));
    if (k >= 0) {
      tp++;
      left.splice(k, 1);
    } else fps.push(f);
  }
  return { tp, fps, fns: left };
}

export function statelens(registry: CompiledRegistry) {
  const matcher = matcherFromIndex(registry.index);
  return (text: string): Found[] =>
    findTextCitations(text, matcher).map((c) => ({ outlet: registry.index.outlets[c.outlet][0], surface: text.slice(c.start, c.end) }));
}

/** The baseline: every alias as a case-insensitive substring, longest first, no context (scripts/eval/detect.ts). */
export function naive(registry: CompiledRegistry): (text: string) => Found[] {
  return naiveDetector(registry).text;
}

export function evaluate(set: Labelled[], detect: (text: string) => Found[], family: (id: string) => string) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perFamily = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (id: string, key: 'tp' | 'fp' | 'fn') => {
    const f = family(id);
    const entry = perFamily.get(f) ?? { tp: 0, fp: 0, fn: 0 };
    entry[key]++;
    perFamily.set(f, entry);
  };
  const errors: Array<{ text: string; fps: Found[]; fns: Found[] }> = [];
  for (const item of set) {
    const result = compare(item.expect, detect(item.text));
    tp += result.tp;
    fp += result.fps.length;
    fn += result.fns.length;
    for (const e of item.expect) if (!result.fns.includes(e)) bump(e.outlet, 'tp');
    result.fps.forEach((f) => bump(f.outlet, 'fp'));
    result.fns.forEach((f) => bump(f.outlet, 'fn'));
    if (result.fps.length || result.fns.length) errors.push({ text: item.text, fps: result.fps, fns: result.fns });
  }
  return {
    overall: score(tp, fp, fn),
    families: [...perFamily.entries()].map(([name, s]) => ({ name, ...score(s.tp, s.fp, s.fn) })).sort((a, b) => a.name.localeCompare(b.name)),
    errors,
  };
}

/** The shared folder beside the project (see CONTRIBUTING.md: its text is read from there, never copied). */
export const SHARED = join(process.cwd(), '..', 'shared');

export interface CorpusReport {
  statelens: Summary;
  naive: Summary;
  results: ItemResult[];
}

/** The family a pair's key belongs to: the registry outlet's parent group, or the outlet. */
export function familyOf(registry: CompiledRegistry): (key: string) => string {
  const keysOf = outletKeys(registry);
  const byKey = new Map<string, string>();
  for (const id of Object.keys(registry.outlets).sort()) for (const k of keysOf(id)) if (!byKey.has(k)) byKey.set(k, id);
  return (key) => {
    const id = key.startsWith('id:') ? key.slice(3) : byKey.get(key);
    if (!id) return key.slice(2);
    return registry.outlets[id]?.parent ?? id;
  };
}

export function evaluateItems(items: readonly CorpusItem[], registry: CompiledRegistry, detectors: { statelens: Detector; naive: Detector }): CorpusReport {
  const keysOf = outletKeys(registry);
  const family = familyOf(registry);
  const results = items.map((item) => judge(item, detect(item, detectors.statelens), keysOf));
  const naive = items.map((item) => judge(item, detect(item, detectors.naive), keysOf));
  return { statelens: summarize(results, family), naive: summarize(naive, family), results };
}

/** The own set in the real corpora's shape (its labels name registry outlets by id). */
function ownItems(registry: CompiledRegistry, set: readonly Labelled[]): CorpusItem[] {
  return set.map((s, i) => ({
    corpus: 'wikipedia' as CorpusName, id: `own-${i + 1}`, lang: 'en', text: s.text, outside: [], lookalikes: [],
    refs: s.expect.map((e) => ({ surface: e.surface, outlet: registry.outlets[e.outlet]?.name ?? e.outlet, domain: registry.outlets[e.outlet]?.domain ?? null, typology: null, kind: 'citation' as const })),
  }));
}

export function evaluateAll(registry: CompiledRegistry, only?: string): Record<string, CorpusReport> {
  const matcher = matcherFromIndex(registry.index);
  const detectors = { statelens: statelensDetector(registry, matcher, LinkIndex.of(registry.index)), naive: naiveDetector(registry) };
  const out: Record<string, CorpusReport> = {};
  for (const name of REAL_CORPORA) if (!only || only === name) out[name] = evaluateItems(readCorpus(SHARED, name), registry, detectors);
  if (!only || only === 'own') out.own = evaluateItems(ownItems(registry, readSet()), registry, detectors);
  return out;
}

/** Real corpora together (the own set never counts in it). */
function overall(reports: Record<string, CorpusReport>): { pairs: Score; references: Score } {
  const sum = (pick: (s: Summary) => { tp: number; fp: number; fn: number }) => {
    const t = { tp: 0, fp: 0, fn: 0 };
    for (const [name, r] of Object.entries(reports)) if (name !== 'own') for (const k of ['tp', 'fp', 'fn'] as const) t[k] += pick(r.statelens)[k];
    return score(t.tp, t.fp, t.fn);
  };
  return { pairs: sum((s) => s.pairs), references: sum((s) => s.references) };
}

const pick = (s: Score) => ({ precision: s.precision, recall: s.recall, f1: s.f1, tp: s.tp, fp: s.fp, fn: s.fn });

/**
 * The report `--json` prints: {"corpora": {"wikipedia": {...}, "voa": ..., "openlicensed": ..., "pages": ...,
 * "own": ...}, "overall": {...}}; each corpus with precision, recall, f1 over (item, outlet) pairs, the number of
 * labelled pairs, the references, and per kind and per language; overall over the real corpora only.
 */
export function jsonReport(reports: Record<string, CorpusReport>) {
  const corpora = Object.fromEntries(Object.entries(reports).map(([name, r]) => [name, {
    items: r.statelens.items, ...pick(r.statelens.pairs), pairs: r.statelens.pairs.tp + r.statelens.pairs.fn,
    references: pick(r.statelens.references),
    kinds: Object.fromEntries(Object.entries(r.statelens.kinds).map(([k, s]) => [k, { ...pick(s), references: s.tp + s.fn }])),
    languages: Object.fromEntries(Object.entries(r.statelens.languages).map(([k, s]) => [k, { ...pick(s), pairs: s.tp + s.fn }])),
    naive: pick(r.naive.pairs),
  }]));
  const all = overall(reports);
  return { corpora, overall: { ...pick(all.pairs), pairs: all.pairs.tp + all.pairs.fn, references: pick(all.references) } };
}

function main(): void {
  const json = process.argv.includes('--json');
  const verbose = process.argv.includes('--errors');
  const corpusArg = process.argv.indexOf('--corpus');
  const only = corpusArg > 0 ? process.argv[corpusArg + 1] : undefined;
  if (!hasCorpora(SHARED)) {
    console.error(`eval: the real corpora are missing (${join('..', 'shared', 'corpus')} and ${join('..', 'shared', 'pages', 'news')} beside the project)`);
    process.exit(1);
  }
  const registry = loadRegistry(join(process.cwd(), 'src', 'data'));
  const reports = evaluateAll(registry, only);
  if (json) {
    process.stdout.write(`${JSON.stringify(jsonReport(reports))}\n`);
    return;
  }
  const row = (name: string, s: Score) => `${name.padEnd(28)} ${s.precision.toFixed(4)}  ${s.recall.toFixed(4)}  ${s.f1.toFixed(4)}   tp ${s.tp} fp ${s.fp} fn ${s.fn}`;
  const head = `${''.padEnd(28)} precision recall  F1`;
  for (const [name, r] of Object.entries(reports)) {
    console.log(`\n== ${name}${name === 'own' ? ' (the project\'s own sentences: never the headline)' : ''}: ${r.statelens.items} items`);
    console.log(head);
    console.log(row('pairs (item, outlet)', r.statelens.pairs));
    console.log(row('  naive substring', r.naive.pairs));
    console.log(row('references', r.statelens.references));
    const outside = r.results.reduce((n, x) => n + x.item.outside.length, 0);
    if (outside) console.log(`  (${outside} references outside the pages' stories, in navigation, boxes and footers: not scored)`);
    for (const [k, s] of Object.entries(r.statelens.kinds)) console.log(row(`  ${k}`, s));
    console.log('per language (pairs):');
    for (const [k, s] of Object.entries(r.statelens.languages)) console.log(row(`  ${k}`, s));
    if (process.argv.includes('--families')) {
      console.log('per outlet family (pairs):');
      for (const [k, s] of Object.entries(r.statelens.families)) console.log(row(`  ${k}`, s));
    }
    const wrong = r.results.filter((x) => x.labelled.some((k) => !x.hit.has(k)) || x.falseOutlets.length || x.refFound.some((f) => !f) || x.extra.length);
    if (verbose) {
      console.log(`mistakes (${wrong.length} items):`);
      for (const x of wrong) {
        const text = x.item.text !== undefined ? x.item.text.replace(/\s+/g, ' ').slice(0, 300) : x.item.url;
        console.log(`  [${x.item.id}] ${text}`);
        x.refs.forEach((ref, i) => { if (!x.refFound[i]) console.log(`    - missed ${ref.kind} ${ref.outlet}: "${ref.surface}"${x.hit.has(ref.key) ? ' (outlet found elsewhere in the item)' : ''}`); });
        for (const e of x.extra) console.log(`    + ${x.falseOutlets.includes(e.outlet) ? 'false alarm' : 'unlabelled'} ${e.kind ?? ''} ${e.outlet}: "${e.surface}"`);
      }
    }
  }
  const all = overall(reports);
  console.log('\n== overall, real corpora');
  console.log(head);
  console.log(row('pairs (item, outlet)', all.pairs));
  console.log(row('references', all.references));
  if (!verbose) console.log('\n(--errors lists every miss and false alarm with its text; --corpus NAME runs one corpus; --families adds outlet families)');
}

if (process.argv[1]?.endsWith('eval.ts')) main();
