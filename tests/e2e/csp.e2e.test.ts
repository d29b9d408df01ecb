/**
 * A page with a strict Content Security Policy (no scripts, no inline styles, nothing from elsewhere), as many
 * news sites send: StateLens still highlights its citations, loads the card's code (card.js, imported by the
 * content script from the extension) and shows the card with its styles, in both browsers.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserPath, FIXTURES, hoverUntilCard, IN_CI, launchWithExtension, type Kind } from './harness';

const POLICY = "default-src 'none'; img-src 'self'; style-src 'self'";

async function serveWithPolicy(): Promise<{ url: string; close: () => Promise<void> }> {
  const page = readFileSync(join(FIXTURES, '001-sana-wire', 'source.html'));
  const server = createServer((_, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', POLICY);
    res.end(page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

for (const kind of ['chromium', 'firefox'] as Kind[]) {
  const path = browserPath(kind);
  describe.skipIf(!path && !IN_CI)(`a page with a strict Content Security Policy (${kind})`, () => {
    it('is highlighted, and its card opens with its styles', async () => {
      if (!path) throw new Error(`${kind} is required under CI=true but was not found`);
      const server = await serveWithPolicy();
      const { browser } = await launchWithExtension(kind, path);
      try {
        const page = await browser.newPage();
        await page.setViewport({ width: 1100, height: 900 });
        const response = await page.goto(server.url);
        expect(response?.headers()['content-security-policy']).toBe(POLICY);
        await page.waitForFunction(() => Boolean((CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.get('statelens-sc')), { timeout: 15_000, polling: 100 });
        await hoverUntilCard(page, 'The Sana report', 'Sana');
        const card = await page.evaluate(() => {
          const host = document.querySelector('statelens-card')!;
          const el = host.testRoot!.querySelector<HTMLElement>('.card')!;
          const style = getComputedStyle(el);
          return { title: el.querySelector('h2')?.textContent, position: getComputedStyle(host).position, background: style.backgroundColor, width: el.getBoundingClientRect().width };
        });
        expect(card.title).toBe('Syrian Arab News Agency');
        expect(card.position).toBe('fixed');
        // The card's own styles applied: an opaque background and its set width, not an unstyled block.
        expect(card.background).not.toBe('rgba(0, 0, 0, 0)');
        expect(card.width).toBeGreaterThan(200);
        expect(card.width).toBeLessThan(600);
      } finally {
        await browser.close();
        await server.close();
      }
    }, 120_000);
  });
}
