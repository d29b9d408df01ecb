/**
 * Shared pieces of the end-to-end tests: a fixture server on 127.0.0.1 that records every request it sees,
 * browser launch with the built extension installed (Chromium and Firefox ESR via puppeteer-core), and the
 * rule for a missing browser: a skip with a warning on a developer's machine, a failure under CI=true.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join, normalize, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
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
/**
 * A platform's host, resolved to 127.0.0.1 too, so a page can be an outlet's account page (x.com/ria_novosti).
 * x.com is on the browsers' HSTS preload lists: it is served over HTTPS, with a certificate made for the run.
 */
export const PLATFORM_SITE = 'x.com';

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

/**
 * An HTTPS server for PLATFORM_SITE: every path answers with the account page fixture
 * (tests/pages/008-account-page), as a platform serves every account from one application.
 */
export async function servePlatform(): Promise<FixtureServer> {
  const dir = mkdtempSync(join(tmpdir(), 'statelens-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${PLATFORM_SITE}`,
    '-addext', `subjectAltName=DNS:${PLATFORM_SITE}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const requests: string[] = [];
  const page = readFileSync(join(FIXTURES, '008-account-page', 'source.html'));
  const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    requests.push(req.url ?? '');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { origin: `https://${PLATFORM_SITE}:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
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
      executablePath, headless: true, enableExtensions: true, pipe: true, acceptInsecureCerts: true,
      // On Linux, Chromium takes its interface language from LANGUAGE before --lang.
      env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync', `--lang=${lang}`,
        // An outlet's own site for the banner test, served by the fixture server.
        `--host-resolver-rules=MAP ${OUTLET_SITE} 127.0.0.1, MAP ${PLATFORM_SITE} 127.0.0.1`],
    });
    const id = await browser.installExtension(join(ROOT, 'dist', 'chrome'));
    return { browser, extensionOrigin: `chrome-extension://${id}` };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath, headless: true, args: ['--remote-allow-system-access'], acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // An outlet's own site for the banner test resolves to this machine (and the fixture server).
      'network.dns.localDomains': `${OUTLET_SITE},${PLATFORM_SITE}`,
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

/** Opens the SANA test article (tests/pages/001-sana-wire) and waits until StateLens has highlighted it. */
export async function openTestArticle(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/001-sana-wire/source.html`);
  await page.waitForFunction(() => Boolean((CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.get('statelens-sc')), { timeout: 15_000, polling: 100 });
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

declare global {
  interface Element {
    /** A closed shadow root of StateLens's, handed to the page's world by the tests only (see openShadow). */
    testRoot?: ShadowRoot;
  }
}

/**
 * StateLens's card and banner live in closed shadow roots, so the page (and axe) cannot reach into them. The
 * tests get hold of one through the browser's automation protocol, which can see closed roots: in Chromium,
 * CDP's DOM.getDocument with pierce; in Firefox, WebDriver BiDi's serialization with includeShadowTree "all"
 * (puppeteer does not expose that option, so this calls its BiDi realm directly). The root is then left on its
 * host as `testRoot`, in the page's world of the test's page only. Waits for the host to appear.
 */
export async function openShadow(page: Page, tag: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction((t) => Boolean(document.querySelector(t)), { timeout, polling: 100 }, tag);
  if (await page.evaluate((t) => Boolean(document.querySelector(t)?.testRoot), tag)) return;
  // (Browser.protocol exists at run time but is left out of puppeteer's published types.)
  if ((page.browser() as unknown as { protocol: string }).protocol === 'cdp') {
    const cdp = await page.createCDPSession();
    try {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const stack = [root];
      while (stack.length) {
        const node = stack.pop()!;
        if (node.localName === tag && node.shadowRoots?.length) {
          const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.shadowRoots[0].backendNodeId });
          await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function () { this.host.testRoot = this; }' });
          return;
        }
        stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []));
      }
    } finally {
      await cdp.detach();
    }
    throw new Error(`${tag}: no shadow root found over CDP`);
  }
  interface BidiRealm {
    callFunction(f: string, awaitPromise: boolean, options: object): Promise<{ result?: { value?: { shadowRoot?: { sharedId?: string } } } }>;
  }
  const realm = (page.mainFrame() as unknown as { browsingContext: { defaultRealm: BidiRealm } }).browsingContext.defaultRealm;
  const found = await realm.callFunction(`() => document.querySelector(${JSON.stringify(tag)})`, false, {
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 }, resultOwnership: 'none',
  });
  const sharedId = found.result?.value?.shadowRoot?.sharedId;
  if (!sharedId) throw new Error(`${tag}: no shadow root found over WebDriver BiDi`);
  await realm.callFunction('(root) => { root.host.testRoot = root; }', false, { arguments: [{ sharedId }] });
}

/** Waits until the card is open, and reachable by the test as document.querySelector('statelens-card').testRoot. */
export async function waitForCard(page: Page, timeout = 10_000): Promise<void> {
  await openShadow(page, 'statelens-card', timeout);
  await page.waitForFunction(() => Boolean(document.querySelector('statelens-card')?.testRoot?.querySelector('.card')), { timeout, polling: 100 });
}

/** Moves the pointer onto `word` (in the text containing `context`) and waits for the card to open. */
export async function hoverUntilCard(page: Page, context: string, word: string): Promise<void> {
  const { x, y } = await pointOf(page, context, word);
  await page.mouse.move(x - 40, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
  await waitForCard(page);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (evaluated, so extension pages' CSP does not apply) and returns the violations. */
export async function axeViolations(page: Page, context?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    // axe cannot enter a closed shadow root: it checks an open copy of it (same nodes, same style sheet, same
    // place on the screen), which is removed afterwards.
    const root = selector ? document.querySelector(selector)?.testRoot : undefined;
    let copy: HTMLElement | null = null;
    if (selector && root) {
      if (!root.querySelector(':not(style)')) throw new Error(`${selector}: its shadow root is empty`);
      copy = document.createElement('statelens-axe-copy');
      copy.style.cssText = (root.host as HTMLElement).style.cssText;
      copy.attachShadow({ mode: 'open' }).append(...[...root.childNodes].map((n) => n.cloneNode(true)));
      document.documentElement.append(copy);
    } else if (selector) throw new Error(`${selector}: not found, or its shadow root was not opened for the test`);
    try {
      const target = copy ? { include: [['statelens-axe-copy']] } : document;
      const result = await axe.run(target, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    } finally {
      copy?.remove();
    }
  }, context ?? null);
}

/**
 * Reads `read` until `ok` holds or `ms` pass, and returns the last value (the caller asserts on it, so a
 * timeout fails with what was seen). For state that settles asynchronously, such as the badge, which the
 * background sets after it has stored the frame's count.
 */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read().catch(() => value);
  }
  return value;
}

/** Ranges in StateLens's highlights, read from the page or frame (the highlight registry is the document's), in page order. */
export async function highlighted(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
    const out: Array<[number, string]> = [];
    for (const [name, highlight] of registry ?? []) {
      if (!name.startsWith('statelens-')) continue;
      for (const range of highlight) {
        const probe = document.createRange();
        probe.setStart(document.body, 0);
        probe.setEnd(range.startContainer, range.startOffset);
        out.push([probe.toString().length, range.toString().replace(/\s+/g, ' ')]);
      }
    }
    return out.sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  });
}

/**
 * From an extension page: the id of the tab whose content script reports references (total > 0), or exactly
 * `total` of them when given; -1 when none does.
 */
export async function tabReporting(extensionPage: Page, total?: number): Promise<number> {
  return extensionPage.evaluate(async (want) => {
    type Api = { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const summary = (await api.tabs.sendMessage(tab.id, { type: 'page/summary' })) as { total: number } | undefined;
        if (summary && (want === null ? summary.total > 0 : summary.total === want)) return tab.id;
      } catch {
        // no content script in this tab
      }
    }
    return -1;
  }, total ?? null);
}
