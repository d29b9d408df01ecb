/**
 * Real web pages: the 130 test pages of mozilla/readability (Apache-2.0), read from the shared folder beside
 * the project (see its SOURCE.md; never copied here). StateLens must read every one without an error and find
 * state media only where a reader would: Guangming Daily's own site, and the People's Daily named in a
 * Chinese article. Public broadcasters (BBC, NPR, ČTK...) are found too, but their categories are not shown
 * by default.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/settings';
import { scanPage } from '../../src/dom/scan-page';
import { realRegistry, SHARED } from '../helpers/registry';

const PAGES = join(SHARED, 'pages', 'readability');
const { registry, matcher, hosts } = realRegistry();
const shown = defaultSettings().categories;

/** What the extension would highlight with the default settings, per page: outlet ids, in order of first citation. */
const EXPECTED: Record<string, string[]> = {
  // On Guangming Daily's own site: its links, and links to its military channel (mil.gmw.cn).
  gmw: ['guangming-daily', 'military-news'],
  youth: ['people-s-daily-renmin-ribao'],
};

describe.skipIf(!existsSync(PAGES) && process.env.CI !== 'true')('real pages (mozilla/readability test pages)', () => {
  const names = existsSync(PAGES) ? readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'source.html'))) : [];

  it('are all there', () => expect(names.length).toBeGreaterThanOrEqual(120));

  it('are read without an error, and state media is found only where a reader would find it', () => {
    const found: Record<string, string[]> = {};
    for (const name of names) {
      const dom = new JSDOM(readFileSync(join(PAGES, name, 'source.html'), 'utf8'), { url: `https://example.test/${name}/`, virtualConsole: new VirtualConsole() });
      try {
        for (const allPages of [false, true]) {
          const scan = scanPage(dom.window.document, matcher, hosts, { allPages });
          const visible = scan.citations.filter((c) => {
            const typology = registry.outlets[registry.index.outlets[c.outlet][0]].typology;
            return typology !== null && shown[typology];
          });
          if (allPages && visible.length) found[name] = [...new Set(visible.map((c) => registry.index.outlets[c.outlet][0]))];
        }
      } finally {
        dom.window.close();
      }
    }
    expect(found).toEqual(EXPECTED);
  }, 120_000);
});
