/**
 * The interface in Arabic (right to left): the card, the popup and the options page mirror, use the Arabic
 * messages and the outlet's Arabic name, and axe finds no violation. In Chromium the browser itself speaks
 * Arabic (--lang ar); in Firefox (ESR has no Arabic language pack here) the reader picks Arabic on the options
 * page, which applies to the open tab at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { axeViolations, browserPath, hoverUntilCard, IN_CI, launchWithExtension, openExtensionPage, openTestArticle, resultsDir, ROOT, serveFixtures } from './harness';

async function arabicCard(page: Page) {
  await hoverUntilCard(page, 'The Sana report', 'Sana');
  return page.evaluate(() => {
    const el = document.querySelector('statelens-card')!.testRoot!.querySelector<HTMLElement>('.card')!;
    return { dir: el.dir, title: el.querySelector('h2')?.textContent, text: el.textContent ?? '' };
  });
}

const path = browserPath('chromium');
const firefox = browserPath('firefox');
const AR_TITLE = (JSON.parse(readFileSync(join(ROOT, '_locales', 'ar', 'messages.json'), 'utf8')) as Record<string, { message: string }>).optionsTitle.message;

describe.skipIf(!path && !IN_CI)('StateLens in Arabic (Chromium)', () => {
  it('mirrors the card and the popup and speaks Arabic', async () => {
    if (!path) throw new Error('chromium is required under CI=true but was not found');
    const server = await serveFixtures();
    const { browser, extensionOrigin } = await launchWithExtension('chromium', path, 'ar');
    const out = resultsDir('chromium');
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      await openTestArticle(page, server.origin);
      const card = await arabicCard(page);
      expect(card.dir).toBe('rtl');
      expect(card.title).toBe('الوكالة العربية السورية للأنباء');
      expect(card.text).toContain('Syrian Arab News Agency');
      expect(card.text).not.toContain('State-controlled media');
      await page.screenshot({ path: join(out, 'card-ar.png') });
      expect(await axeViolations(page, 'statelens-card')).toEqual([]);

      const popup = await browser.newPage();
      await openExtensionPage(popup, `${extensionOrigin}/popup.html`, '#app h1');
      expect(await popup.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await popup.setViewport({ width: 380, height: 300 });
      await popup.screenshot({ path: join(out, 'popup-ar.png') });
      expect(await axeViolations(popup)).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});

describe.skipIf(!firefox && !IN_CI)('StateLens in Arabic (Firefox, chosen on the options page)', () => {
  it('switches the open tab, the popup and the options page to Arabic without a reload', async () => {
    if (!firefox) throw new Error('firefox is required under CI=true but was not found');
    const server = await serveFixtures();
    const { browser, extensionOrigin } = await launchWithExtension('firefox', firefox, 'en-US');
    const out = resultsDir('firefox');
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      await openTestArticle(page, server.origin);
      expect((await arabicCard(page)).dir).toBe('ltr');
      await page.mouse.move(5, 5);
      await page.waitForFunction(() => !document.querySelector('statelens-card'), { timeout: 5_000, polling: 100 });

      const options = await browser.newPage();
      await openExtensionPage(options, `${extensionOrigin}/options.html`, 'select[name="language"]');
      await options.select('select[name="language"]', 'ar');
      await options.waitForFunction((title) => document.documentElement.dir === 'rtl' && document.title === title, { timeout: 10_000, polling: 100 }, AR_TITLE);
      expect(await options.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('language');
      await options.setViewport({ width: 720, height: 900 });
      await options.screenshot({ path: join(out, 'options-ar.png') });
      expect(await axeViolations(options)).toEqual([]);

      await page.bringToFront();
      await page.waitForFunction(() => Boolean((CSS as unknown as { highlights: Map<string, unknown> }).highlights.get('statelens-sc')), { timeout: 15_000, polling: 100 });
      const card = await arabicCard(page);
      expect(card.dir).toBe('rtl');
      expect(card.title).toBe('الوكالة العربية السورية للأنباء');
      expect(card.text).toContain('Syrian Arab News Agency');
      expect(card.text).not.toContain('State-controlled media');
      await page.screenshot({ path: join(out, 'card-ar.png') });
      expect(await axeViolations(page, 'statelens-card')).toEqual([]);

      const popup = await browser.newPage();
      await openExtensionPage(popup, `${extensionOrigin}/popup.html`, '#app h1');
      expect(await popup.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ar');
      expect(await axeViolations(popup)).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});
