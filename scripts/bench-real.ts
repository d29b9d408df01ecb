/**
 * What a reader feels, on real pages: Chromium with a bench build of the extension installed (node build.mjs
 * --bench: its content script records the main-thread time of each part of its work as performance measures,
 * see src/dom/part-timing.ts) loads each saved real page of the shared folder (readability and news), and the
 * time StateLens adds to the page is read part by part:
 *   evaluateIndex, evaluateCode   compiling and running index.js (the index's sites), and content.js (the
 *                 trace's EvaluateScript events)
 *   detect     is the page an article (detect-article.ts)
 *   links      the page's own address and its links (hosts parsed on first use)
 *   importReader  asking for reader.js, the text reader with the index's aliases, which a page whose text is
 *                 read imports once it is found to be one: the browser makes the file's request on the main
 *                 thread, in the import() call (its wait for the file is not counted: the clock stops)
 *   evaluateReader  compiling and running reader.js (the trace's module events for it)
 *   matcher    the matcher made ready (context words parsed, the prefilter's tables copied)
 *   collect    the story's text read
 *   match      citations found in it
 *   ranges     their ranges made
 *   highlight  the highlights registered
 *   importCard, evaluateCard   the same two for card.js, the card's code, which a page with citations imports
 *                 once they show, in idle time; the bench waits for it on such pages
 * The pages are served from 127.0.0.1, each at a site of its own (p1.test, p2.test... resolved to 127.0.0.1), so
 * that its first load is in a new renderer process, where StateLens's scripts are compiled afresh as on a
 * reader's first page of a site (firstMs); the loads after it are that renderer's again (totalMs). Every other
 * request but the extension's own is refused, so that no page waits on the network.
 * Pages whose text StateLens reads are "article" pages; the others (not articles: only links are looked at).
 *
 * The references, in the same loads of the same pages: a second extension installed beside StateLens, on the
 * same pages and frames at the same time, with two content scripts:
 *   floor.js       one empty statement: what the browser charges any content script at all (floorMs)
 *   floor-links.js the least labelling every page's links can cost, written as plainly as it can be: a set of
 *                  the registry's hosts (the list in the script itself), and every link's host looked up in
 *                  it (floorLinksMs); no article detection, no text, no highlights.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import puppeteer, { type Page } from 'puppeteer-core';

export const PARTS = ['evaluateIndex', 'evaluateCode', 'detect', 'links', 'importReader', 'evaluateReader', 'matcher', 'collect', 'match', 'ranges', 'highlight', 'importCard', 'evaluateCard'] as const;
export type Part = (typeof PARTS)[number];

export interface RealPageRow {
  page: string;
  article: boolean;
  /** Main-thread time StateLens added, in ms: the sum of its parts. */
  totalMs: number;
  parts: Record<Part, number>;
  /** The same load's evaluation of the empty content script of the reference extension, in ms. */
  floorMs: number;
  /** The same load's evaluation of the reference's links-only content script, in ms. */
  floorLinksMs: number;
  /** The page's first load, in a new renderer process: StateLens's time, and the reference's. */
  firstMs: number;
  firstParts: Record<Part, number>;
  firstFloorMs: number;
  firstFloorLinksMs: number;
}

export interface RealPagesResult {
  articleMedianMs: number | null;
  articleP95Ms: number | null;
  otherMedianMs: number | null;
  otherP95Ms: number | null;
  pages: number;
  articles: number;
  /** The reference: an empty content script's evaluation, median over the article pages and over the others. */
  floorArticleMedianMs: number | null;
  floorOtherMedianMs: number | null;
  /** The links-only reference, median over the article pages and over the others, and over the first loads. */
  floorLinksArticleMedianMs: number | null;
  floorLinksOtherMedianMs: number | null;
  floorLinksFirstMedianMs: number | null;
  /** The pages' first loads, each in a new renderer process (StateLens's scripts compiled afresh). */
  articleFirstMedianMs: number | null;
  articleFirstP95Ms: number | null;
  otherFirstMedianMs: number | null;
  floorFirstMedianMs: number | null;
  /** Median of each part over the article pages, and over the others. */
  partsMedianMs: { article: Record<Part, number | null>; other: Record<Part, number | null> };
  /** The same, of the first loads. */
  partsFirstMedianMs: { article: Record<Part, number | null>; other: Record<Part, number | null> };
  /** Pages where StateLens did not finish within the time allowed (reported, never dropped silently). */
  unfinished: string[];
  rows: RealPageRow[];
}

const quantile = (values: number[], q: number): number | null => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};

/** The saved real pages: readability's test pages and the labelled news pages (read from the shared folder). */
export function realPages(shared: string): Array<{ name: string; file: string }> {
  const pages: Array<{ name: string; file: string }> = [];
  const readability = join(shared, 'pages', 'readability');
  for (const dir of readdirSync(readability).sort()) {
    const file = join(readability, dir, 'source.html');
    if (existsSync(file)) pages.push({ name: `readability/${dir}`, file });
  }
  const news = join(shared, 'pages', 'news');
  for (const set of ['scrapinghub', 'trafilatura']) {
    for (const f of readdirSync(join(news, set)).filter((x) => x.endsWith('.html')).sort()) pages.push({ name: `news/${set}/${f}`, file: join(news, set, f) });
  }
  return pages;
}

/** Builds the bench variant of the extension into out (never dist/: that is what ships). */
export function benchBuild(root: string, out: string): string {
  const run = spawnSync(process.execPath, ['build.mjs', '--bench', '--out', out], { cwd: root, stdio: ['ignore', 'ignore', process.stderr] });
  if (run.status !== 0) throw new Error('bench build failed (node build.mjs --bench)');
  return join(out, 'chrome');
}

/**
 * The reference extension, on the pages StateLens runs on, in all frames, at document_idle: an empty content
 * script, and one that looks up every link's host in a set of these hosts.
 */
function floorExtension(out: string, hosts: string[]): string {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Empty content script (bench reference)', version: '1.0',
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['floor.js', 'floor-links.js'], run_at: 'document_idle', all_frames: true }],
  }));
  writeFileSync(join(out, 'floor.js'), 'void 0;\n');
  writeFileSync(join(out, 'floor-links.js'), `(() => {
  const hosts = new Set(${JSON.stringify(hosts)});
  let found = 0;
  for (const a of document.querySelectorAll('a[href]')) if (hosts.has(a.hostname)) found++;
  return found;
})();
`);
  return out;
}

/** The registry's hosts, read from the bench build's index.js (its host table holds them written backwards). */
function registryHosts(extension: string): string[] {
  const scope: { statelensIndex?: { hosts: string } } = {};
  runInNewContext(readFileSync(join(extension, 'index.js'), 'utf8'), { globalThis: scope });
  const table = JSON.parse(scope.statelensIndex!.hosts) as Record<string, number>;
  return Object.keys(table).map((backwards) => [...backwards].reverse().join(''));
}

/** The trace's events for a module's main-thread work (Chromium: compiling it, evaluating it). */
const MODULE_EVENTS = new Set(['v8.compileModule', 'v8.evaluateModule']);

/** One load's measures: StateLens's parts, and the reference extension's two scripts' evaluation. */
interface Sample {
  parts: Record<Part, number>;
  floorMs: number;
  floorLinksMs: number;
}

async function measurePage(page: Page, url: string, timeoutMs: number): Promise<Sample & { finished: boolean }> {
  await page.tracing.start({ categories: ['devtools.timeline'] });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 }).catch(() => undefined);
  // The content script marks "statelens:done" once the page is read and shown.
  const finished = await page.waitForFunction(() => performance.getEntriesByName('statelens:done').length > 0, { timeout: timeoutMs, polling: 50 })
    .then(() => true, () => false)
    // A page with citations then loads the card's code in idle time ("card-pending" until "card").
    .then((done) => done && page.waitForFunction(() => performance.getEntriesByName('statelens:card-pending').length === 0
      || performance.getEntriesByName('statelens:card').length > 0, { timeout: timeoutMs, polling: 50 }).then(() => true, () => false));
  const measures = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((e) => e.name.startsWith('statelens:')).map((e) => [e.name.slice('statelens:'.length), e.duration] as [string, number]));
  const trace = JSON.parse(Buffer.from(await page.tracing.stop() ?? new Uint8Array()).toString('utf8')) as { traceEvents: Array<{ name: string; dur?: number; args?: { data?: { url?: string }; url?: string } }> };
  const parts = Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>;
  for (const [name, ms] of measures) if (name in parts) parts[name as Part] += ms;
  let floorMs = 0;
  let floorLinksMs = 0;
  for (const e of trace.traceEvents) {
    const url = e.args?.data?.url ?? e.args?.url;
    if (!url?.startsWith('chrome-extension://') || !e.dur) continue;
    if (e.name === 'EvaluateScript' && url.endsWith('/floor.js')) floorMs += e.dur / 1000;
    else if (e.name === 'EvaluateScript' && url.endsWith('/floor-links.js')) floorLinksMs += e.dur / 1000;
    else if (e.name === 'EvaluateScript') parts[url.endsWith('/index.js') ? 'evaluateIndex' : 'evaluateCode'] += e.dur / 1000;
    // card.js and reader.js, modules: compiled, then evaluated.
    else if (MODULE_EVENTS.has(e.name) && url.endsWith('/card.js')) parts.evaluateCard += e.dur / 1000;
    else if (MODULE_EVENTS.has(e.name) && url.endsWith('/reader.js')) parts.evaluateReader += e.dur / 1000;
  }
  return { parts, floorMs, floorLinksMs, finished };
}

export async function benchRealPages(options: {
  root: string; shared: string; executablePath: string; runs: number; log: (message: string) => void; only?: (name: string) => boolean;
}): Promise<RealPagesResult> {
  const { root, shared, executablePath, runs, log } = options;
  const pages = realPages(shared).filter((p) => !options.only || options.only(p.name));
  const extension = benchBuild(root, join(root, 'test-results', 'bench-build'));
  const byPath = new Map(pages.map((p, i) => [`/${i}.html`, p]));
  const server = createServer((request, response) => {
    const page = byPath.get(request.url ?? '');
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(page.file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  /** Page i's own site (a site of its own: a renderer process of its own). */
  const siteOf = (i: number) => `http://p${i}.test:${port}`;
  const ours = new RegExp(`^http://p\\d+\\.test:${port}/`);
  const browser = await puppeteer.launch({
    executablePath, headless: true, pipe: true, enableExtensions: true, defaultViewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
      '--host-resolver-rules=MAP *.test 127.0.0.1'],
    // A page that blocks its own main thread must not hold the whole run: its calls fail, and it is reported.
    protocolTimeout: 30_000,
  });
  const rows: RealPageRow[] = [];
  const unfinished: string[] = [];
  try {
    await browser.installExtension(extension);
    await browser.installExtension(floorExtension(join(root, 'test-results', 'bench-floor'), registryHosts(extension)));
    const newTab = async () => {
      const tab = await browser.newPage();
      await tab.setRequestInterception(true);
      tab.on('request', (request) => {
        // (The extension's own files too: the content script imports the card's code, card.js.)
        if (ours.test(request.url()) || request.url().startsWith('chrome-extension://')) void request.continue();
        else void request.abort('blockedbyclient');
      });
      // Pages that open dialogs (alert, confirm) would wait for a reader.
      tab.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
      return tab;
    };
    let tab = await newTab();
    let i = 0;
    for (const [path, page] of byPath) {
      if (++i % 50 === 0) log(`real pages: ${i} of ${pages.length}`);
      const samples: Sample[] = [];
      let finished = true;
      let first: Sample | null = null;
      // One load more than asked: the first, in a new renderer process, warms it and the browser's caches.
      for (let run = 0; run <= runs; run++) {
        try {
          const measured = await measurePage(tab, `${siteOf(i)}${path}`, 10_000);
          finished &&= measured.finished;
          if (run > 0) samples.push(measured);
          else first = measured;
        } catch (error) {
          // The page's tab stopped answering: it is reported, and the next page gets a new tab.
          finished = false;
          log(`real pages: ${page.name}: ${(error as Error).message.split('\n')[0]}`);
          await tab.close().catch(() => undefined);
          tab = await newTab();
          break;
        }
      }
      // A page StateLens did not finish is reported as such, and left out of the figures (its parts are partial).
      if (!finished) unfinished.push(page.name);
      if (!finished || !samples.length || !first) continue;
      // The run with the least time in all: the machine's other work (a second process, the collector) only
      // ever adds to a run, never takes away.
      const total = (s: Record<Part, number>) => PARTS.reduce((n, p) => n + s[p], 0);
      const best = samples.reduce((a, b) => (total(b.parts) < total(a.parts) ? b : a));
      rows.push({
        page: page.name, article: samples.some((s) => s.parts.collect > 0), totalMs: total(best.parts), parts: best.parts, floorMs: best.floorMs,
        floorLinksMs: best.floorLinksMs, firstMs: total(first.parts), firstParts: first.parts, firstFloorMs: first.floorMs, firstFloorLinksMs: first.floorLinksMs,
      });
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const articles = rows.filter((r) => r.article);
  const others = rows.filter((r) => !r.article);
  const partMedians = (list: RealPageRow[], first = false) =>
    Object.fromEntries(PARTS.map((p) => [p, quantile(list.map((r) => (first ? r.firstParts : r.parts)[p]), 0.5)])) as Record<Part, number | null>;
  return {
    articleMedianMs: quantile(articles.map((r) => r.totalMs), 0.5),
    articleP95Ms: quantile(articles.map((r) => r.totalMs), 0.95),
    otherMedianMs: quantile(others.map((r) => r.totalMs), 0.5),
    otherP95Ms: quantile(others.map((r) => r.totalMs), 0.95),
    pages: rows.length,
    articles: articles.length,
    articleFirstMedianMs: quantile(articles.map((r) => r.firstMs), 0.5),
    articleFirstP95Ms: quantile(articles.map((r) => r.firstMs), 0.95),
    otherFirstMedianMs: quantile(others.map((r) => r.firstMs), 0.5),
    floorFirstMedianMs: quantile(rows.map((r) => r.firstFloorMs), 0.5),
    floorArticleMedianMs: quantile(articles.map((r) => r.floorMs), 0.5),
    floorOtherMedianMs: quantile(others.map((r) => r.floorMs), 0.5),
    floorLinksArticleMedianMs: quantile(articles.map((r) => r.floorLinksMs), 0.5),
    floorLinksOtherMedianMs: quantile(others.map((r) => r.floorLinksMs), 0.5),
    floorLinksFirstMedianMs: quantile(rows.map((r) => r.firstFloorLinksMs), 0.5),
    partsMedianMs: { article: partMedians(articles), other: partMedians(others) },
    partsFirstMedianMs: { article: partMedians(articles, true), other: partMedians(others, true) },
    unfinished,
    rows,
  };
}
