/**
 * Golden pages: tests/pages/<slug>/source.html with the expected result in expected.json. Each detection bug
 * fixed adds a page. The pages are written by the project; `url` in expected.json is where the page pretends
 * to live.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../src/dom/scan-page';
import { realRegistry, ROOT } from '../helpers/registry';

const PAGES = join(ROOT, 'tests', 'pages');
const { registry, matcher, hosts } = realRegistry();

interface Expected {
  url: string;
  article: boolean;
  published: string | null;
  site: string | null;
  citations: Array<{ outlet: string; via: 'text' | 'link'; surface: string; attributed: boolean }>;
  outlets: Array<{ outlet: string; citations: number; attributedSentences: number | null }>;
}

const slugs = readdirSync(PAGES).filter((d) => existsSync(join(PAGES, d, 'expected.json'))).sort();

describe('golden pages', () => {
  it('there are golden pages', () => expect(slugs.length).toBeGreaterThanOrEqual(3));

  it.each(slugs)('%s', (slug) => {
    const expected: Expected = JSON.parse(readFileSync(join(PAGES, slug, 'expected.json'), 'utf8'));
    const { window } = new JSDOM(readFileSync(join(PAGES, slug, 'source.html'), 'utf8'), { url: expected.url });
    const scan = scanPage(window.document, matcher, hosts);
    const id = (i: number) => registry.index.outlets[i][0];
    expect({
      article: scan.article.isArticle,
      published: scan.article.published,
      site: scan.site >= 0 ? id(scan.site) : null,
      citations: scan.citations.map((c, i) => ({ outlet: id(c.outlet), via: c.via, surface: c.surface, attributed: scan.attribution?.attributed[i] ?? false })),
    }).toEqual({ article: expected.article, published: expected.published, site: expected.site, citations: expected.citations });
    const counts = new Map<string, number>();
    for (const c of scan.citations) counts.set(id(c.outlet), (counts.get(id(c.outlet)) ?? 0) + 1);
    expect(expected.outlets.map((o) => [o.outlet, counts.get(o.outlet)])).toEqual(expected.outlets.map((o) => [o.outlet, o.citations]));
    for (const o of expected.outlets) {
      const i = registry.index.outlets.findIndex(([x]) => x === o.outlet);
      expect(scan.attribution?.attributedSentences.get(i) ?? null, o.outlet).toBe(o.attributedSentences);
    }
  });
});
