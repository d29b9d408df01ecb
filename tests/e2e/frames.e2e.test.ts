/**
 * Frames: StateLens reads the frames of the page's own origin (all_frames), highlights their citations and
 * counts them in the badge and the popup; a frame from another origin is left alone (its content script stops
 * before loading anything).
 */
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { browserPath, highlighted, IN_CI, launchWithExtension, openExtensionPage, openShadow, resultsDir, serveFixtures, until, type FixtureServer, type Kind } from './harness';

interface ExtensionApi {
  tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object, o: object): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}

/** The texts StateLens highlights in a frame's document (read in that frame). */
/** The texts StateLens highlights in a page or frame, sorted (the order of the frames' citations is not tested here). */
const highlightedIn = async (frame: Page | Frame) => (await highlighted(frame)).sort();

for (const kind of ['chromium', 'firefox'] as Kind[]) {
  const path = browserPath(kind);
  if (!path && !IN_CI) console.warn(`e2e: ${kind} not found; the frames tests are SKIPPED. Under CI=true this is a failure.`);

  describe.skipIf(!path && !IN_CI)(`StateLens with frames in ${kind}`, () => {
    let browser: Browser;
    let extensionOrigin: string;
    let server: FixtureServer;
    beforeAll(async () => {
      if (!path) throw new Error(`${kind} is required under CI=true but was not found`);
      server = await serveFixtures();
      ({ browser, extensionOrigin } = await launchWithExtension(kind, path));
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('reads the frame of the page\'s origin, leaves the other origin\'s frame alone, and counts both documents in the badge and the popup', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.origin}/frames/source.html`);
      const frameOf = (host: string) => page.frames().find((f) => f.url().includes(`//${host}:`) && f.url().endsWith('/frames/live.html'));

      expect(await until(() => highlightedIn(page), (t) => t.length === 2)).toEqual(['Syrian Arab News Agency (SANA)', 'Xinhua']);
      const same = frameOf('127.0.0.1');
      expect(same, 'the same-origin frame').toBeDefined();
      expect(await until(() => highlightedIn(same!), (t) => t.length === 2)).toEqual(['SANA', 'TASS']);
      // The other origin's frame did load, and StateLens highlighted nothing in it.
      const other = await until(async () => frameOf('localhost'), (f) => f !== undefined);
      expect(other, 'the other origin\'s frame').toBeDefined();
      expect(await until(() => other!.evaluate(() => document.body.textContent ?? ''), (t) => t.includes('TASS'))).toContain('TASS said');
      expect(await highlightedIn(other!)).toEqual([]);

      // The badge counts the page and its same-origin frame; the popup lists both documents' citations.
      const popup = await browser.newPage();
      await openExtensionPage(popup, `${extensionOrigin}/popup.html`, '#app h1');
      const tabId = await popup.evaluate(async () => {
        const api = ((globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi }).browser
          ?? (globalThis as unknown as { chrome: ExtensionApi }).chrome);
        // (Tabs' addresses are hidden without the "tabs" permission: the tab is the one whose top document
        // answers with the article's two citations.)
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined) continue;
          const summary = await api.tabs.sendMessage(tab.id, { type: 'page/summary' }, { frameId: 0 }).catch(() => null);
          if ((summary as { total?: number } | null)?.total === 2) return tab.id;
        }
        return -1;
      });
      expect(tabId).toBeGreaterThanOrEqual(0);
      const badge = await until(() => popup.evaluate(async (id) => {
        const api = ((globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi }).browser
          ?? (globalThis as unknown as { chrome: ExtensionApi }).chrome);
        return api.action.getBadgeText({ tabId: id });
      }, tabId), (b) => b === '4');
      expect(badge).toBe('4');
      await openExtensionPage(popup, `${extensionOrigin}/popup.html?tab=${tabId}`, 'button.outlet');
      const items = await popup.$$eval('button.outlet', (buttons) => buttons.map((b) => `${b.querySelector('.name')?.textContent}: ${b.querySelector('.count')?.textContent}`));
      expect(items.sort(), JSON.stringify(items)).toEqual(['Syrian Arab News Agency: 2', 'TASS: 1', 'Xinhua News Agency: 1']);
      await popup.close();

      // Hovering "SANA" in the frame (220 px high) opens its card over the page, where it is whole, under the
      // citation, and not inside the frame; the pointer can move onto it without closing it.
      await page.bringToFront();
      const frameBox = await page.evaluate(() => {
        const frame = document.getElementById('same')!;
        frame.scrollIntoView({ block: 'start' });
        const r = frame.getBoundingClientRect();
        return { x: r.left + frame.clientLeft, y: r.top + frame.clientTop, height: frame.clientHeight };
      });
      const word = await same!.evaluate(() => {
        const text = [...document.querySelectorAll('p')].find((p) => p.textContent!.includes('SANA said'))!.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, text.data.indexOf('SANA'));
        range.setEnd(text, text.data.indexOf('SANA') + 4);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, bottom: r.bottom };
      });
      const x = frameBox.x + word.x;
      const y = frameBox.y + word.y;
      await page.mouse.move(x - 30, y - 30);
      await page.mouse.move(x, y, { steps: 4 });
      await page.waitForFunction(() => Boolean(document.querySelector('statelens-card')), { timeout: 10_000, polling: 100 });
      expect(await same!.evaluate(() => document.querySelector('statelens-card'))).toBeNull();
      const card = await page.evaluate(() => {
        const r = document.querySelector('statelens-card')!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: innerWidth, height: innerHeight };
      });
      expect(card.bottom - card.top, 'taller than the frame').toBeGreaterThan(frameBox.height);
      expect(card.top).toBeGreaterThanOrEqual(frameBox.y + word.bottom);
      expect(card.left).toBeGreaterThanOrEqual(0);
      expect(card.right).toBeLessThanOrEqual(card.width);
      expect(card.bottom).toBeLessThanOrEqual(card.height);
      await page.screenshot({ path: join(resultsDir(kind), 'frame-card.png') });
      await openShadow(page, 'statelens-card');
      expect(await page.evaluate(() => document.querySelector('statelens-card')!.testRoot!.textContent)).toContain('Syrian Arab News Agency');
      // Onto the card, and a while on it (longer than the delay after which a card closes): it stays.
      await page.mouse.move(x, card.top + 30, { steps: 6 });
      await new Promise((r) => setTimeout(r, 800));
      await new Promise((r) => setTimeout(r, 800));
      expect(await page.evaluate(() => Boolean(document.querySelector('statelens-card')))).toBe(true);
      // Away from the frame and the card: it closes.
      await page.mouse.move(2, 2, { steps: 4 });
      await page.waitForFunction(() => !document.querySelector('statelens-card'), { timeout: 5_000, polling: 100 });
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);
  });
}
