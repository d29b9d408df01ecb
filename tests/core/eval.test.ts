/**
 * The labelled sentences (tests/eval/*.jsonl, written for this project) as a regression guard: detection keeps
 * the targets of `npm run eval`, and the set keeps its size and spread.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, naive, readSet, statelens } from '../../scripts/eval';
import { realRegistry, ROOT } from '../helpers/registry';

const { registry } = realRegistry();
const set = readSet(join(ROOT, 'tests', 'eval'));
const family = (id: string) => registry.outlets[id]?.parent ?? id;

describe('the labelled test set', () => {
  it('is large and wide enough, and every label names a registry outlet and a part of its sentence', () => {
    const positives = set.filter((s) => s.expect.length);
    const outlets = new Set(positives.flatMap((s) => s.expect.map((e) => e.outlet)));
    expect(positives.length).toBeGreaterThanOrEqual(300);
    expect(set.length - positives.length).toBeGreaterThanOrEqual(150);
    expect(outlets.size).toBeGreaterThanOrEqual(60);
    expect(new Set([...outlets].map((id) => registry.outlets[id]?.country)).size).toBeGreaterThanOrEqual(25);
    for (const item of set) {
      for (const e of item.expect) {
        expect(registry.outlets[e.outlet], e.outlet).toBeDefined();
        expect(item.text.includes(e.surface), e.surface).toBe(true);
      }
    }
  });

  it('StateLens keeps precision ≥ 0.99 and recall ≥ 0.97, far above the naive substring matcher', () => {
    const ours = evaluate(set, statelens(registry), family).overall;
    const base = evaluate(set, naive(registry), family).overall;
    expect(ours.precision).toBeGreaterThanOrEqual(0.99);
    expect(ours.recall).toBeGreaterThanOrEqual(0.97);
    expect(base.precision).toBeLessThan(ours.precision);
  });
});
