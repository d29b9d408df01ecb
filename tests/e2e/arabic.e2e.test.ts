/**
 * The interface in Arabic (right to left), in Chromium (Firefox ESR here has no Arabic language pack): the card
 * and the popup mirror, use the Arabic messages and the outlet's Arabic name, and axe finds no violation.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserPath, hoverUntilCard, IN_CI, launchWithExtension, openExtensionPage, resultsDir, serveFixtures } from './harness';

const path = browserPath('chromium');

describe.skipIf(!path && !IN_CI)('StateLens in Arabic (Chromium)', () => {
  it('mirrors the card and the popup and speaks Arabic', async () => {
    if (!path) throw new Error('chromium is required under CI=true but was not found');
    const server = await serveFixtures();
    const { browser, extensionOrigin } = await launchWithExtension('chromium', path, 'ar');
    const out = resultsDir('chromium');
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(`${server.origin}/001-sana-wire/source.html`);
      await page.waitForFunction(() => Boolean((CSS as unknown as { highlights: Map<string, unknown> }).highlights.get('statelens-sc')), { timeout: 15_000, polling: 100 });
      await hoverUntilCard(page, 'The Sana report', 'Sana');
      const card = await page.evaluate(() => {
        const el = document.querySelector('statelens-card')!.testRoot!.querySelector<HTMLElement>('.card')!;
        return { dir: el.dir, title: el.querySelector('h2')?.textContent, text: el.textContent };
      });
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
