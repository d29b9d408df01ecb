/**
 * Dark mode in Firefox (set by preference; Chromium's dark mode, with axe, is checked in the main scenario):
 * the card and the popup switch to their dark colours, and axe finds no violation in either.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserPath, hoverUntilCard, IN_CI, launchWithExtension, openExtensionPage, openTestArticle, resultsDir, serveFixtures } from './harness';

const path = browserPath('firefox');

describe.skipIf(!path && !IN_CI)('StateLens in Firefox, dark mode', () => {
  it('shows the card and the popup in dark colours', async () => {
    if (!path) throw new Error('firefox is required under CI=true but was not found');
    const server = await serveFixtures();
    const { browser, extensionOrigin } = await launchWithExtension('firefox', path, 'en-US', true);
    const out = resultsDir('firefox');
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      await openTestArticle(page, server.origin);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      await hoverUntilCard(page, 'The Sana report', 'Sana');
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('statelens-card')!.testRoot!.querySelector('.card')!).backgroundColor);
      expect(background).toBe('rgb(31, 35, 40)');
      await page.screenshot({ path: join(out, 'card-dark.png') });
      expect(await axeViolations(page, 'statelens-card')).toEqual([]);

      const popup = await browser.newPage();
      await openExtensionPage(popup, `${extensionOrigin}/popup.html`, '#app h1');
      expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(31, 35, 40)');
      expect(await axeViolations(popup)).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});
