/**
 * Shared pieces of the end-to-end tests: a fixture server on 127.0.0.1 that records every request it sees,
 * browser launch with the built extension installed (Chromium and Firefox ESR via puppeteer-core), and the
 * rule for a missing browser: a skip with a warning on a developer's machine, a failure under CI=true.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error: plain JavaScript module shared with the scripts
import { findBrowser } from './browsers.mjs';

export const ROOT = resolve(__dirname, '..', '..');
/** Golden pages: tests/pages/<slug>/source.html, served as /<slug>/source.html. */
export const FIXTURES = join(ROOT, 'tests', 'pages');
export const RESULTS = join(ROOT, 'test-results');
export const GECKO_ID = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id as string;
/** Fixed so the tests can open moz-extension://<uuid>/popup.html. */
export const FIREFOX_UUID = '5e7a7e1e-0000-4000-8000-57a7e1e25000';

export type Kind = 'chromium' | 'firefox';

/** A host that the browsers resolve to 127.0.0.1 in the tests, so a page can be "on" SANA's site. */
export const OUTLET_SITE = 'www.sana.sy';

export interface FixtureServer {
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

export async function serveFixtures(): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(FIXTURES, path));
      res.setHeader('content-type', path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

/** The browser's path, or null (then the caller skips, or fails under CI). */
export function browserPath(kind: Kind): string | null {
  return findBrowser(kind) as string | null;
}

export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export interface Launched {
  browser: Browser;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  extensionOrigin: string;
}

export async function launchWithExtension(kind: Kind, executablePath: string, lang = 'en-US', dark = false): Promise<Launched> {
  if (kind === 'chromium') {
    const browser = await puppeteer.launch({
      executablePath, headless: true, enableExtensions: true, pipe: true,
      // On Linux, Chromium takes its interface language from LANGUAGE before --lang.
      env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync', `--lang=${lang}`,
        // An outlet's own site for the banner test, served by the fixture server.
        `--host-resolver-rules=MAP ${OUTLET_SITE} 127.0.0.1`],
    });
    const id = await browser.installExtension(join(ROOT, 'dist', 'chrome'));
    return { browser, extensionOrigin: `chrome-extension://${id}` };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath, headless: true, args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // An outlet's own site for the banner test resolves to this machine (and the fixture server).
      'network.dns.localDomains': OUTLET_SITE,
      'intl.locale.requested': 'en-US',
      // 0 = dark: what pages and extension pages see as prefers-color-scheme.
      ...(dark ? { 'layout.css.prefers-color-scheme.content-override': 0, 'ui.systemUsesDarkTheme': 1 } : {}),
    },
  });
  await browser.installExtension(join(ROOT, 'dist', 'firefox'));
  return { browser, extensionOrigin: `moz-extension://${FIREFOX_UUID}` };
}

/**
 * Opens an extension page. In Firefox over WebDriver BiDi, goto on a moz-extension URL never resolves, so we
 * start it and wait for an element of the page instead.
 */
export async function openExtensionPage(page: Page, url: string, readySelector: string): Promise<void> {
  if (!url.startsWith('moz-extension:')) {
    await page.goto(url);
    await page.waitForSelector(readySelector, { timeout: 15_000 });
    return;
  }
  // Firefox over BiDi: goto never resolves for extension pages, and while the page is replaced a query may
  // fail with a protocol error. So we poll, tolerating those errors, and navigate once more if the first
  // navigation was dropped (seen under load).
  const started = Date.now();
  let navigations = 0;
  let lastError: unknown;
  while (Date.now() - started < 30_000) {
    if (navigations === 0 || (navigations === 1 && Date.now() - started > 12_000)) {
      if (navigations === 1) console.warn(`e2e: ${url} not ready after 12 s; navigating again`);
      void page.goto(url).catch(() => undefined);
      navigations++;
    }
    try {
      if (await page.$(readySelector)) return;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url}: ${readySelector} did not appear in 30 s${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

export function resultsDir(kind: Kind): string {
  const dir = join(RESULTS, kind);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every URL a page asked for, to prove that nothing left the machine. */
export function recordRequests(page: Page, into: string[]): void {
  page.on('request', (request) => into.push(request.url()));
}

export function isLocal(url: string, origin: string): boolean {
  const port = new URL(origin).port;
  return url.startsWith(`${origin}/`) || url.startsWith(`http://${OUTLET_SITE}:${port}/`) || /^(chrome-extension|moz-extension|data|blob|about):/.test(url);
}

/** Centre of the first occurrence of `word` inside the paragraph that contains `context`. */
export async function pointOf(page: Page, context: string, word: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((ctx, w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(ctx);
      if (at < 0) continue;
      const offset = at + ctx.indexOf(w);
      const range = document.createRange();
      range.setStart(n, offset);
      range.setEnd(n, offset + w.length);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, context, word);
  if (!point) throw new Error(`fixture text not found: ${context}`);
  return point;
}

/** Moves the pointer onto `word` (in the text containing `context`) and waits for the card to open. */
export async function hoverUntilCard(page: Page, context: string, word: string): Promise<void> {
  const { x, y } = await pointOf(page, context, word);
  await page.mouse.move(x - 40, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
  await page.waitForFunction(() => Boolean(document.querySelector('statelens-card')?.shadowRoot?.querySelector('.card')), { timeout: 10_000, polling: 100 });
}
