/**
 * The end-to-end scenario, the same in both browsers: open the fixture article, check the highlighted
 * citations, hover one and read the card, check the badge and the popup, and that nothing went to the network.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import {
  axeViolations, highlighted, isLocal, tabReporting, launchWithExtension, openExtensionPage, openShadow, openTestArticle, OUTLET_SITE, pointOf, recordRequests, resultsDir, serveFixtures, until, waitForCard, type Kind,
} from './harness';

export const EXPECTED_CITATIONS = [
  'Syrian Arab News Agency (SANA)',
  'Sana',
  'SANA',
  'SANA',
  'SANA',
  'الوكالة العربية السورية للأنباء (سانا)',
  'its website',
  'SANA',
];

async function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('statelens-card');
    return host?.testRoot?.querySelector('.card')?.textContent ?? null;
  });
}

/** The part of the WebExtension API the tests call from an extension page. */
interface ExtensionApi {
  tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}

export interface E2eTimings {
  totalMs: number;
}

export async function runExtensionScenario(kind: Kind, executablePath: string): Promise<E2eTimings> {
  const started = performance.now();
  const server = await serveFixtures();
  const { browser, extensionOrigin } = await launchWithExtension(kind, executablePath);
  const out = resultsDir(kind);
  const requests: string[] = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    recordRequests(page, requests);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openTestArticle(page, server.origin);

    // 1. Exactly the expected citations are highlighted (and nothing in the comments or recommendations).
    expect(await highlighted(page)).toEqual(EXPECTED_CITATIONS);
    await page.screenshot({ path: join(out, 'article-highlighted.png') });

    // 2. Hovering "Sana" in "The Sana report said" opens the card.
    const { x, y } = await pointOf(page, 'The Sana report said', 'Sana');
    await page.mouse.move(x - 40, y - 40);
    await page.mouse.move(x, y, { steps: 4 });
    await waitForCard(page);
    // The page itself cannot read the card: its shadow root is closed.
    expect(await page.evaluate(() => document.querySelector('statelens-card')?.shadowRoot)).toBeNull();
    const text = (await cardText(page)) ?? '';
    expect(text).toContain('Syrian Arab News Agency');
    expect(text).toContain('الوكالة العربية السورية للأنباء');
    expect(text).toContain('Syria');
    expect(text).toContain('News agency');
    expect(text).toContain('State-controlled media');
    expect(text).toContain('The state pays for it, owns or runs it, and decides what it reports.');
    expect(text).toContain('Assad government (Ministry of Information)');
    // Eight references: seven cite SANA (six in the text, one link), one only names it ("SANA’s correspondent").
    expect(text).toContain('Cited 7 times on this page');
    expect(text).toContain('Named once more without being cited');
    // The share of the article, from the attribution the content script works out in slices after the scan.
    expect(text).toMatch(/6 sentences rest on it \(\d+% of the article\)/);
    const classification = await page.evaluate(() => {
      const a = document.querySelector('statelens-card')?.testRoot?.querySelector<HTMLAnchorElement>('.classified a');
      return a ? { href: a.href, target: a.target, rel: a.rel, text: a.textContent } : null;
    });
    expect(classification).toEqual({
      href: 'https://statemediamonitor.com/2022/05/syrian-arab-news-agency-sana/',
      target: '_blank', rel: 'noopener noreferrer', text: 'State Media Monitor',
    });
    await page.screenshot({ path: join(out, 'card.png') });
    expect(await axeViolations(page, 'statelens-card')).toEqual([]);
    if (kind === 'chromium') {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await page.screenshot({ path: join(out, 'card-dark.png') });
      expect(await axeViolations(page, 'statelens-card')).toEqual([]);
      await page.emulateMediaFeatures([]);
    }

    // "Report a correction" opens StateLens's own report page for this outlet in a new tab (nothing is sent).
    // (Polled, and asked for its address: over WebDriver BiDi a tab the extension opens stays at about:blank
    // in puppeteer's view.)
    await page.evaluate(() => document.querySelector('statelens-card')?.testRoot?.querySelector<HTMLButtonElement>('button[data-action="report"]')?.click());
    let report: Page | undefined;
    for (let i = 0; i < 60 && !report; i++) {
      for (const p of await browser.pages()) {
        if (p !== page && (await p.evaluate(() => location.href).catch(() => '')).includes('/report.html?outlet=')) report = p;
      }
      if (!report) await new Promise((r) => setTimeout(r, 250));
    }
    if (!report) throw new Error(`the report page did not open: ${(await browser.pages()).map((p) => p.url()).join(', ')}`);
    for (let i = 0; i < 60 && !(await report.$('textarea[name="what"]').catch(() => null)); i++) await new Promise((r) => setTimeout(r, 250));
    expect(await report.$eval('legend', (l) => l.textContent)).toContain('Syrian Arab News Agency');
    await report.setViewport({ width: 720, height: 700 });
    await report.screenshot({ path: join(out, 'report.png') });
    expect(await axeViolations(report)).toEqual([]);
    await report.close();
    await page.bringToFront();

    // Moving away closes it.
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => !document.querySelector('statelens-card'), { timeout: 5_000, polling: 100 });

    // Opened again, it closes when its citation scrolls out of the window.
    const third = await pointOf(page, 'The Sana report said', 'Sana');
    await page.mouse.move(third.x - 40, third.y - 40);
    await page.mouse.move(third.x, third.y, { steps: 4 });
    await page.waitForFunction(() => Boolean(document.querySelector('statelens-card')), { timeout: 5_000, polling: 100 });
    // (The test article is short: give it room to scroll the citation away.)
    await page.evaluate(() => {
      document.body.style.paddingBottom = '3000px';
      window.scrollBy(0, 2000);
    });
    await page.waitForFunction(() => !document.querySelector('statelens-card'), { timeout: 5_000, polling: 100 });

    // Hovering again opens it; the card walks through the outlet's citations (this is the second of eight,
    // "next" opens the third and keeps the focus on "next"), and Escape closes it.
    const back = await pointOf(page, 'The Sana report said', 'Sana');
    await page.mouse.move(back.x - 40, back.y - 40);
    await page.mouse.move(back.x, back.y, { steps: 4 });
    await waitForCard(page, 5_000);
    expect(text).toContain('2 of 8');
    await page.evaluate(() => document.querySelector('statelens-card')?.testRoot?.querySelector<HTMLButtonElement>('button[data-action="next"]')?.click());
    await page.waitForFunction(() => document.querySelector('statelens-card')?.testRoot?.querySelector('.position')?.textContent === '3 of 8', { timeout: 5_000, polling: 100 });
    const focused = await page.evaluate(() => document.querySelector('statelens-card')?.testRoot?.activeElement?.getAttribute('data-action'));
    expect(focused).toBe('next');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('statelens-card'), { timeout: 5_000, polling: 100 });


    // 3. The badge and the popup, read from an extension page (popup.html?tab=N shows tab N).
    const popup = await browser.newPage();
    recordRequests(popup, requests);
    await openExtensionPage(popup, `${extensionOrigin}/popup.html`, '#app h1');
    const tabId = await tabReporting(popup);
    expect(tabId).toBeGreaterThanOrEqual(0);
    // The background sets the badge once it has stored the frame's count: read it until it settles.
    const badgeText = () => popup.evaluate(async (id) => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      return (g.browser ?? g.chrome)!.action.getBadgeText({ tabId: id });
    }, tabId);
    expect(await until(badgeText, (b) => b === '8')).toBe('8');

    // Keyboard access to plain-text citations: the shortcut (Alt+Shift+N) makes the background send page/step
    // to the tab; here the popup sends it the same way. The first press opens the first citation's card with
    // the focus on it, the next one the second citation's.
    const stepTo = (id: number) => popup.evaluate(async (tab) => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      return (g.browser ?? g.chrome)!.tabs.sendMessage(tab, { type: 'page/step' });
    }, id);
    expect(await stepTo(tabId)).toEqual({ index: 1, of: 8 });
    await waitForCard(page);
    expect(await page.evaluate(() => document.querySelector('statelens-card')?.testRoot?.activeElement?.getAttribute('role'))).toBe('dialog');
    expect(await stepTo(tabId)).toEqual({ index: 2, of: 8 });
    await page.waitForFunction(() => document.querySelector('statelens-card')?.testRoot?.querySelector('.position')?.textContent === '2 of 8', { timeout: 5_000, polling: 100 });
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('statelens-card'), { timeout: 5_000, polling: 100 });
    await popup.bringToFront();

    await openExtensionPage(popup, `${extensionOrigin}/popup.html?tab=${tabId}`, 'button.outlet');
    const items = await popup.$$eval('button.outlet', (buttons) => buttons.map((b) => ({
      name: b.querySelector('.name')?.textContent, count: b.querySelector('.count')?.textContent, category: b.querySelector('.category')?.textContent,
      named: b.querySelector('.named')?.textContent,
    })));
    expect(items).toEqual([{ name: 'Syrian Arab News Agency', count: '8', category: 'State-controlled media', named: 'Named once more without being cited' }]);
    expect(await popup.$eval('button.outlet .attributed', (e) => e.textContent)).toMatch(/^6 sentences rest on it \(\d+% of the article\)$/);
    await popup.setViewport({ width: 380, height: 300 });
    await popup.screenshot({ path: join(out, 'popup.png') });
    expect(await axeViolations(popup)).toEqual([]);

    // Dark mode (Chromium can emulate the reader's system setting over CDP): the popup stays legible.
    if (kind === 'chromium') {
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await popup.screenshot({ path: join(out, 'popup-dark.png') });
      expect(await axeViolations(popup)).toEqual([]);
      await popup.emulateMediaFeatures([]);
    }

    // An outlet in the popup shows its first citation in the page: its card opens, and the citation flashes for
    // a moment (through the Highlighter, which ends the flash with the rest on clear()).
    await popup.click('button.outlet');
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.has('statelens-flash'), { timeout: 5_000, polling: 50 });
    expect(await page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('statelens-flash')!].map((r) => r.toString())))
      .toEqual(['Syrian Arab News Agency (SANA)']);
    await page.waitForFunction(() => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('statelens-flash'), { timeout: 5_000, polling: 100 });
    await waitForCard(page);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('statelens-card'), { timeout: 5_000, polling: 100 });
    await popup.bringToFront();

    // 4. Settings apply live in the open tab: hide state-controlled media, then show it underlined only.
    await openExtensionPage(popup, `${extensionOrigin}/options.html`, 'input[name="category-SC"]');
    await popup.setViewport({ width: 720, height: 900 });
    await popup.screenshot({ path: join(out, 'options.png') });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('input[name="category-SC"]');
    // The article's tab is in the background: poll on a timer, not on animation frames.
    await page.waitForFunction(() => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('statelens-sc'), { timeout: 10_000, polling: 100 });
    expect(await until(badgeText, (b) => b === '')).toBe('');
    await popup.click('input[name="category-SC"]');
    await popup.click('input[name="style"][value="underline"]');
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('statelens-sc-line'), { timeout: 10_000, polling: 100 });
    await page.bringToFront();
    expect(await highlighted(page)).toEqual(EXPECTED_CITATIONS);
    await page.screenshot({ path: join(out, 'article-underline.png') });

    // 5. An article whose text arrives after load is read once the text is there.
    await page.goto(`${server.origin}/005-late-article/source.html`);
    await page.waitForFunction(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('statelens-sc-line');
      return h ? h.size === 2 : false;
    }, { timeout: 15_000, polling: 100 });

    // 6. On the outlet's own site, a banner names it; dismissed, it stays away on that site.
    await page.goto(`http://${OUTLET_SITE}:${new URL(server.origin).port}/004-on-the-outlets-site/source.html`);
    await openShadow(page, 'statelens-banner');
    expect(await page.evaluate(() => document.querySelector('statelens-banner')?.shadowRoot)).toBeNull();
    const bannerText = await page.evaluate(() => document.querySelector('statelens-banner')?.testRoot?.querySelector('.bar')?.textContent ?? '');
    expect(bannerText).toContain('Syrian Arab News Agency');
    expect(bannerText).toContain('State-controlled media');
    await page.screenshot({ path: join(out, 'banner.png') });
    expect(await axeViolations(page, 'statelens-banner')).toEqual([]);
    await page.evaluate(() => document.querySelector('statelens-banner')?.testRoot?.querySelector<HTMLButtonElement>('button.dismiss')?.click());
    await page.waitForFunction(() => !document.querySelector('statelens-banner'), { timeout: 5_000, polling: 100 });
    await page.reload();
    await page.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000, polling: 100 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.evaluate(() => Boolean(document.querySelector('statelens-banner')))).toBe(false);

    // 7. Nothing left the machine: every request went to the fixture server or stayed inside the browser.
    expect(errors).toEqual([]);
    const outside = requests.filter((u) => !isLocal(u, server.origin));
    expect(outside).toEqual([]);
    writeFileSync(join(out, 'requests.json'), `${JSON.stringify({ requests, server: server.requests }, null, 2)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
  return { totalMs: performance.now() - started };
}
