/**
 * npm run eval [-- --json]: precision, recall and F1 of StateLens's detection on the project's labelled
 * sentences (tests/eval/*.jsonl), overall and per outlet family, next to a naive case-insensitive substring
 * matcher over the same aliases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../src/build/load-registry';
import { findTextCitations } from '../src/core/match/find-citations';
import { matcherFromIndex } from '../src/core/match/from-index';
import type { CompiledRegistry } from '../src/core/registry/types';

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

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
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

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
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

/** The baseline: every alias as a case-insensitive substring, longest first, no context. */
export function naive(registry: CompiledRegistry) {
  const aliases = registry.index.aliases
    .map(([text, outlet]) => ({ text: text.toLowerCase(), outlet: registry.index.outlets[outlet][0] }))
    .sort((a, b) => b.text.length - a.text.length);
  return (text: string): Found[] => {
    const lower = text.toLowerCase();
    const taken = new Array<boolean>(text.length).fill(false);
    const found: Array<Found & { at: number }> = [];
    for (const a of aliases) {
      for (let at = lower.indexOf(a.text); at >= 0; at = lower.indexOf(a.text, at + 1)) {
        if (taken.slice(at, at + a.text.length).some(Boolean)) continue;
        taken.fill(true, at, at + a.text.length);
        found.push({ outlet: a.outlet, surface: text.slice(at, at + a.text.length), at });
      }
    }
    return found.sort((x, y) => x.at - y.at).map(({ outlet, surface }) => ({ outlet, surface }));
  };
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

function main(): void {
  const json = process.argv.includes('--json');
  const verbose = process.argv.includes('--errors');
  const registry = loadRegistry(join(process.cwd(), 'src', 'data'));
  const dirArg = process.argv.indexOf('--dir');
  const set = readSet(dirArg > 0 ? process.argv[dirArg + 1] : DIR);
  const family = (id: string) => registry.outlets[id]?.parent ?? id;
  const ours = evaluate(set, statelens(registry), family);
  const base = evaluate(set, naive(registry), family);
  const positives = set.filter((s) => s.expect.length).length;
  const outlets = new Set(set.flatMap((s) => s.expect.map((e) => e.outlet)));
  const countries = new Set([...outlets].map((id) => registry.outlets[id]?.country));
  if (json) {
    const pick = ({ precision, recall, f1 }: Score) => ({ precision, recall, f1 });
    process.stdout.write(`${JSON.stringify({ ...pick(ours.overall), naive: pick(base.overall), sentences: set.length })}\n`);
    return;
  }
  console.log(`${set.length} sentences: ${positives} with citations (${outlets.size} outlets, ${countries.size} countries), ${set.length - positives} without`);
  const row = (name: string, s: Score) => `${name.padEnd(34)} ${s.precision.toFixed(4)}  ${s.recall.toFixed(4)}  ${s.f1.toFixed(4)}   tp ${s.tp} fp ${s.fp} fn ${s.fn}`;
  console.log(`${''.padEnd(34)} precision recall  F1`);
  console.log(row('StateLens', ours.overall));
  console.log(row('naive substring (case-insensitive)', base.overall));
  console.log('\nper outlet family (StateLens):');
  for (const f of ours.families) console.log(row(`  ${f.name}`, f));
  if (verbose || ours.errors.length <= 15) {
    console.log(`\nStateLens's mistakes (${ours.errors.length}):`);
    for (const e of ours.errors) {
      console.log(`  ${e.text}`);
      for (const f of e.fps) console.log(`    + ${f.outlet}: "${f.surface}" (not expected)`);
      for (const f of e.fns) console.log(`    - ${f.outlet}: "${f.surface}" (missed)`);
    }
  } else console.log(`\n${ours.errors.length} sentences with mistakes (--errors lists them)`);
}

if (process.argv[1]?.endsWith('eval.ts')) main();
