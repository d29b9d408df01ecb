/**
 * Detection on real published text: the labelled corpora of the shared folder beside the project (Wikipedia and
 * Wikinews sentences, Voice of America and Global Voices articles, saved news pages; read from there, never
 * copied here). The scores of `npm run eval` may not fall below the floors measured when this test was written.
 *
 * The targets of the real-text issue are precision ≥ 0.99 and recall ≥ 0.97 on every corpus, and recall ≥ 0.95
 * for every kind of reference with at least 20 labels. They are not met yet (README, "Detection quality"): these
 * floors keep what has been reached, and a change that lowers a figure fails here. Raise them as detection improves.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateAll, jsonReport, type CorpusReport } from '../../scripts/eval';
import { hasCorpora, REAL_CORPORA, unlabelledArticles } from '../../scripts/eval/corpora';
import { realRegistry, SHARED } from '../helpers/registry';

/** [precision, recall] over (item, outlet) pairs, per corpus and over the real corpora together. */
const FLOORS: Record<string, [number, number]> = {
  wikipedia: [0.89, 0.74],
  voa: [0.99, 0.94],
  openlicensed: [0.66, 0.66],
  // Precision 0.765 fell to 0.760 when recall rose from 0.815 to 0.859 (Korean particles, Chinese pages without
  // markup, photo credits): of the two false alarms that came with it, one is Vesti's credit found under the
  // registry's Vesti where the labels name VGTRK's row of the matrix, the other Xinhua's own names in an
  // archived copy of its site, which is now read as the article it is.
  pages: [0.75, 0.85],
  overall: [0.86, 0.76],
};

/** Recall per kind of reference, where a corpus labels at least 20 of that kind. */
const KIND_FLOORS: Record<string, Record<string, number>> = {
  wikipedia: { mention: 0.67 },
  pages: { citation: 0.82, credit: 0.76, mention: 0.9, link: 0.8 },
};

describe.skipIf(!hasCorpora(SHARED) && process.env.CI !== 'true')('detection on real text (the shared corpora)', () => {
  let reports: Record<string, CorpusReport>;
  let json: ReturnType<typeof jsonReport>;

  beforeAll(() => {
    expect(existsSync(join(SHARED, 'corpus')), 'the shared corpora').toBe(true);
    reports = evaluateAll(realRegistry().registry);
    json = jsonReport(reports);
  }, 600_000);

  it('reads every corpus, with every article labelled', () => {
    expect(Object.keys(reports).sort()).toEqual([...REAL_CORPORA, 'own'].sort());
    expect(reports.wikipedia.results.length).toBeGreaterThanOrEqual(600);
    expect(reports.pages.results.length).toBeGreaterThanOrEqual(180);
    expect(unlabelledArticles(SHARED, 'voa')).toEqual([]);
    expect(unlabelledArticles(SHARED, 'openlicensed')).toEqual([]);
  });

  it('keeps precision and recall over (item, outlet) pairs at their floors, per corpus and overall', () => {
    for (const [name, [precision, recall]] of Object.entries(FLOORS)) {
      const score = name === 'overall' ? json.overall : json.corpora[name];
      expect(score.precision, `${name} precision`).toBeGreaterThanOrEqual(precision);
      expect(score.recall, `${name} recall`).toBeGreaterThanOrEqual(recall);
    }
  });

  it('keeps recall per kind of reference at its floor, where a corpus labels at least 20 of the kind', () => {
    for (const [name, kinds] of Object.entries(KIND_FLOORS)) {
      for (const [kind, recall] of Object.entries(kinds)) {
        const score = json.corpora[name].kinds[kind];
        expect(score.references, `${name} ${kind} references`).toBeGreaterThanOrEqual(20);
        expect(score.recall, `${name} ${kind} recall`).toBeGreaterThanOrEqual(recall);
      }
    }
  });

  it('is far above the naive substring matcher in precision on every corpus, and the own set is reported apart', () => {
    for (const name of REAL_CORPORA) expect(json.corpora[name].precision).toBeGreaterThan(json.corpora[name].naive.precision + 0.3);
    // The project's own sentences never count in the overall figure.
    const real = REAL_CORPORA.reduce((n, name) => n + json.corpora[name].pairs, 0);
    expect(json.overall.pairs).toBe(real);
  });

  it('prints the documented JSON: per corpus precision, recall, f1, pairs, per kind and per language', () => {
    for (const name of [...REAL_CORPORA, 'own']) {
      const c = json.corpora[name];
      for (const key of ['precision', 'recall', 'f1', 'pairs', 'kinds', 'languages', 'references']) expect(c, `${name}.${key}`).toHaveProperty(key);
    }
    expect(Object.keys(json.corpora.pages.languages)).toEqual(expect.arrayContaining(['de', 'en', 'es', 'fr', 'zh']));
    expect(json.overall).toHaveProperty('precision');
  });
});
