/**
 * End-to-end, in both browsers: state media beyond articles, with no code of any site's own.
 *
 * A. A search results page (tests/pages/006-search-results): each result that links to an outlet's site or
 *    official account is labelled, and nothing else (the snippets' text is not read; a look-alike handle, a
 *    punycode host, javascript:, data: and relative links and a link in an editable box are not labelled);
 *    hovering a result opens its card; the popup says "Links to state media on this page: N".
 * B. A feed that grows as it is scrolled (tests/pages/007-feed: 500 posts a step): the links of the posts each
 *    step brings are labelled, and the posts already there keep theirs.
 * C. An outlet's account page on a platform (x.com/ria_novosti, served over HTTPS by the test): the banner
 *    names the outlet's account; a link there to another outlet's account is labelled.
 * Screenshots go to test-results/<browser>/ (the README's come from there).
 */
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserPath, highlighted, IN_CI, launchWithExtension, openExtensionPage, openShadow, recordRequests, resultsDir, serveFixtures, servePlatform, tabReporting, until, waitForCard,
  type FixtureServer, type Kind,
} from './harness';

/** The results that lead to an outlet, in page order, as their link text reads. */
const SEARCH_LABELLED = [
  'Syrian Arab News Agency – SANA',
  'РИА Новости (@ria_novosti) / X',
  'RT Arabic – YouTube',
  'RT Arabic – Telegram',
  'Xinhua News (@XHNews) / X',
  'Russia news — RT',
];

/** Links per 500 posts of the feed: 20 posts by an outlet's account, 20 sharing a link to SANA's site. */
const FEED_PER_STEP = 40;

const KINDS: Kind[] = ['chromium', 'firefox'];

for (const kind of KINDS) {
  const path = browserPath(kind);
  if (!path && !IN_CI) console.warn(`e2e: ${kind} not found (install it, or set ${kind === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}); the links-everywhere tests are SKIPPED. Under CI=true this is a failure.`);

  describe.skipIf(!path && !IN_CI)(`StateLens beyond articles in ${kind}`, () => {
    let browser: Browser;
    let extensionOrigin: string;
    let fixtures: FixtureServer;
    let platform: FixtureServer;
    const out = resultsDir(kind);

    beforeAll(async () => {
      if (!path) throw new Error(`${kind} is required under CI=true but was not found`);
      fixtures = await serveFixtures();
      platform = await servePlatform();
      ({ browser, extensionOrigin } = await launchWithExtension(kind, path));
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await fixtures?.close();
      await platform?.close();
    });

    it('A: a search results page labels each result that leads to an outlet\'s site or account, and nothing else', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${fixtures.origin}/006-search-results/source.html`);
      expect(await until(() => highlighted(page), (l) => l.length >= SEARCH_LABELLED.length)).toEqual(SEARCH_LABELLED);
      await page.screenshot({ path: join(out, 'search-results.png') });

      // Hovering a labelled result opens the card of its outlet.
      const box = await page.evaluate(() => {
        const a = [...document.querySelectorAll('a')].find((x) => x.textContent?.includes('@ria_novosti'))!;
        const r = a.getBoundingClientRect();
        return { x: r.left + 30, y: r.top + r.height / 2 };
      });
      await page.mouse.move(box.x - 40, box.y - 40);
      await page.mouse.move(box.x, box.y, { steps: 4 });
      await waitForCard(page);
      const card = await page.evaluate(() => document.querySelector('statelens-card')?.testRoot?.querySelector('.card')?.textContent ?? '');
      expect(card).toContain('RIA Novosti');
      await page.screenshot({ path: join(out, 'search-results-card.png') });

      // The popup counts the links (the page's text is not read).
      const popup = await browser.newPage();
      await openExtensionPage(popup, `${extensionOrigin}/popup.html`, '#app h1');
      const tabId = await tabReporting(popup, SEARCH_LABELLED.length);
      expect(tabId).toBeGreaterThanOrEqual(0);
      await openExtensionPage(popup, `${extensionOrigin}/popup.html?tab=${tabId}`, 'button.outlet');
      expect(await popup.$eval('.status', (e) => e.textContent)).toBe(`Links to state media on this page: ${SEARCH_LABELLED.length}`);
      await popup.setViewport({ width: 380, height: 420 });
      await popup.screenshot({ path: join(out, 'search-results-popup.png') });
      await popup.close();
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it('B: a feed that grows as it is scrolled has each step\'s links labelled as they come', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 900, height: 900 });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${fixtures.origin}/007-feed/source.html`);
      const count = () => highlighted(page).then((l) => l.length);
      expect(await until(count, (n) => n === FEED_PER_STEP)).toBe(FEED_PER_STEP);
      for (let step = 2; step <= 4; step++) {
        // To the end of the feed: the page adds the next 500 posts.
        await page.evaluate(() => document.getElementById('more')!.scrollIntoView());
        await page.waitForFunction((n) => (window as unknown as { __feedCount(): number }).__feedCount() >= n, { timeout: 10_000, polling: 100 }, step * 500);
        expect(await until(count, (n) => n === step * FEED_PER_STEP)).toBe(step * FEED_PER_STEP);
      }
      const texts = await highlighted(page);
      expect(new Set(texts)).toEqual(new Set(['РИА Новости @ria_novosti', 'RT Arabic', 'CGTN America @cgtnamerica', 'sana.sy — Syrian Arab News Agency']));
      // Back among the first posts, for the screenshot: their labels are still there.
      await page.evaluate(() => window.scrollTo(0, 300));
      await page.screenshot({ path: join(out, 'feed.png') });
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it('C: an outlet\'s official account page shows the banner, and labels a link to another outlet\'s account', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1000, height: 700 });
      const requests: string[] = [];
      recordRequests(page, requests);
      await page.goto(`${platform.origin}/ria_novosti`);
      await openShadow(page, 'statelens-banner');
      const banner = await page.evaluate(() => document.querySelector('statelens-banner')?.testRoot?.querySelector('.bar')?.textContent ?? '');
      expect(banner).toContain('This is an official account of RIA Novosti');
      // Its own account and site are its navigation; RT Arabic's account is another outlet's.
      expect(await until(() => highlighted(page), (l) => l.length > 0)).toEqual(['RT Arabic']);
      await page.screenshot({ path: join(out, 'account-page.png') });
      // Nothing went anywhere but the test's own servers.
      expect(requests.filter((u) => !u.startsWith(`${platform.origin}/`) && !/^(chrome-extension|moz-extension|data|about):/.test(u))).toEqual([]);
      await page.close();
    }, 60_000);
  });
}
