/**
 * npm run bench [-- --json] [-- --runs N] [-- --pages 1mb,5mb]: StateLens's cost on generated pages in headless
 * Chromium (puppeteer-core, the browser the end-to-end tests find; nothing is downloaded), next to the floor
 * (reading the page's text and nothing else) and to mark.js with a RegExp of all the aliases; the hover card in
 * the built extension; the content script's size; and in Node the matcher's throughput next to a RegExp's.
 * A report, not a test: targets that are missed are printed as FAIL and the exit status stays 0.
 * Every figure is the median of N runs (default 5) after one warm-up run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { loadRegistry } from '../src/build/load-registry';
import { findTextCitations } from '../src/core/match/find-citations';
import { matcherFromIndex } from '../src/core/match/from-index';
import type { CompiledRegistry } from '../src/core/registry/types';
import { keyedWords } from '../src/core/match/context-words';
import { WORDS } from '../src/core/match/context-words.data';
import { highlightCss } from '../src/dom/highlight';
// @ts-expect-error: plain JavaScript module shared with the end-to-end tests
import { findBrowser } from '../tests/e2e/browsers.mjs';
import { articlePage, MUTATOR, prose, proseText, shopPage } from './bench-text';
import { benchRealPages, PARTS, type RealPagesResult } from './bench-real';
import { ownLongestTask } from './bench-trace';

const ROOT = resolve(dirname(process.argv[1]), '..');
const args = process.argv.slice(2);
const JSON_MODE = args.includes('--json');
const optionValue = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Math.max(1, Number(optionValue('--runs') ?? 5));
const ONLY = optionValue('--pages')?.split(',');
/** --profile: also write a CPU profile of one StateLens scan per page to test-results/bench/<page>.cpuprofile. */
const PROFILE = args.includes('--profile');
const CONTENT_BUDGET_KB = 80;
const FRAME_MS = 1000 / 60;
/** Pages whose warm-up run takes longer than this are measured SLOW_RUNS times. */
const SLOW_RUN_MS = 60_000;
const SLOW_RUNS = 3;
/** The page whose text the matcher and the RegExp also run over alone, in Chromium. */
const THROUGHPUT_PAGE = '1mb';
/** Loads of each real page after its warm-up load (--real-runs; 312 pages, so one by default). */
const REAL_RUNS = Math.max(1, Number(optionValue('--real-runs') ?? 1));

/** Progress goes to stderr, so that --json leaves exactly one JSON object on stdout. */
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (x: number, digits = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

// ---------------------------------------------------------------------------------------------------------
// The aliases, and mark.js's (and the naive baseline's) RegExp.

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One RegExp for every alias the matcher knows (also without a leading "The", as the packed index adds them),
 * escaped, longest first, spaces matching any white space, between word boundaries that know accented Latin
 * letters (\p{L}, not \b). Case-insensitive.
 */
function aliasUnion(registry: CompiledRegistry): { source: string; flags: string; count: number } {
  const seen = new Set<string>();
  const aliases: string[] = [];
  const add = (text: string) => {
    const key = text.toLowerCase();
    if (!text.trim() || seen.has(key)) return;
    seen.add(key);
    aliases.push(text);
  };
  for (const [text] of registry.index.aliases) {
    add(text);
    const m = /^the\s+(\S+\s+\S.*)$/i.exec(text);
    if (m) add(m[1]);
  }
  aliases.sort((a, b) => b.length - a.length);
  const body = aliases.map((a) => escapeRegExp(a).replace(/\s+/g, '\\s+')).join('|');
  return { source: `(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, flags: 'giu', count: aliases.length };
}

// ---------------------------------------------------------------------------------------------------------
// Node: the matcher alone against the RegExp, over the same text.

/** MB/s of run(text): warmed up on a tenth of the text, then the median of RUNS runs over all of it. */
function mbPerSecond(run: (text: string) => number, text: string): { mbps: number; hits: number; ms: number } {
  run(text.slice(0, text.length / 10));
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    hits = run(text);
    times.push(performance.now() - started);
  }
  const ms = median(times);
  return { mbps: Buffer.byteLength(text) / 1e6 / (ms / 1000), hits, ms };
}

/**
 * Node text for the throughput: 500 KB. Both are rates, and both costs grow linearly with the text; the RegExp
 * runs at 0.04 to 0.2 MB/s, so that over 2 MB its runs alone took two to four minutes of the bench.
 */
const NODE_TEXT_CHARS = 500_000;

function nodeThroughput(registry: CompiledRegistry, union: { source: string; flags: string }) {
  const text = proseText(prose({ chars: NODE_TEXT_CHARS, citeEvery: 2000, seed: 11 }));
  const matcher = matcherFromIndex(registry.index);
  const matcherRate = mbPerSecond((t) => findTextCitations(t, matcher).length, text);
  const re = new RegExp(union.source, union.flags);
  const regexRate = mbPerSecond((t) => {
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(t)) n++;
    return n;
  }, text);
  return { textMB: Buffer.byteLength(text) / 1e6, matcher: matcherRate, regex: regexRate };
}

// ---------------------------------------------------------------------------------------------------------
// Bundles: the bench page with the content script's build options, and the content script itself.

interface BuildModule {
  configs: Array<esbuild.BuildOptions & { entryPoints: Record<string, string> }>;
}

async function bundles(): Promise<{ benchJs: string; contentFreshBytes: number }> {
  // Imported at run time (not bundled into this script): build.mjs finds the project from its own location.
  const build = (await import(pathToFileURL(join(ROOT, 'build.mjs')).href)) as BuildModule;
  const content = build.configs.find((c) => c.entryPoints && 'content' in c.entryPoints);
  if (!content) throw new Error('build.mjs: no content script configuration');
  // With --profile, the page keeps its functions' names so that the profile can be read.
  const names = PROFILE ? { minify: false, minifySyntax: true } : {};
  const page = await esbuild.build({ ...content, ...names, entryPoints: { bench: join(ROOT, 'scripts', 'bench-page.ts') }, write: false });
  const fresh = await esbuild.build({ ...content, write: false });
  const js = (r: esbuild.BuildResult) => r.outputFiles!.find((f) => f.path.endsWith('.js'))!;
  return { benchJs: js(page).text, contentFreshBytes: js(fresh).contents.length };
}

/**
 * The index as the content script shipped it before index.js, for the bench's comparison of forms: the sites
 * and the aliases parts, each deflated (raw) and base64-encoded, as globalThis.deflatedIndex.
 */
function deflatedIndexScript(registry: CompiledRegistry): string {
  const { aliases, runAliases, categories, countries, periods, hosts, accounts, families } = registry.packed;
  const sites = { categories, countries, periods, hosts, accounts, families };
  const part = (value: unknown) => deflateRawSync(Buffer.from(JSON.stringify(value)), { level: 9 }).toString('base64');
  return `globalThis.deflatedIndex=${JSON.stringify({ sites: part(sites), aliases: part({ aliases, runAliases, contextWords: keyedWords(WORDS) }) })};`;
}

function contentScriptBytes(): number {
  const file = join(ROOT, 'dist', 'chrome', 'content.js');
  if (!existsSync(file)) {
    log('dist/chrome/content.js is missing: building first');
    const run = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
    if (run.status !== 0) throw new Error('npm run build failed');
  }
  return statSync(file).size;
}

// ---------------------------------------------------------------------------------------------------------
// The pages, served from 127.0.0.1 (cross-origin isolated, for a finer performance.now()).

interface PageSpec {
  name: string;
  describe: string;
  html: string;
}

const BENCH_HEAD = '<link rel="stylesheet" href="/content.css"><script src="/deflated.js" defer></script><script src="/bench.js" defer></script>';
const withBench = (page: string) => page.replace('</head>', `${BENCH_HEAD}</head>`);

function pages(): { bench: PageSpec[]; card: string } {
  const title = 'Talks to resume as fuel shortages deepen';
  const article = (chars: number) => articlePage({ title, chars, citeEvery: 2000 }).html;
  const ticker = '<aside class="ticker"><h2>Markets</h2><ul>'
    + Array.from({ length: 200 }, (_, i) => `<li>Index ${i}: <span class="live">Updated 0 s ago</span></li>`).join('') + '</ul></aside>';
  const bench: PageSpec[] = [
    { name: '10kb', describe: '10 KB article', html: article(10_000) },
    { name: '1mb', describe: '1 MB article', html: article(1_000_000) },
    { name: '5mb', describe: '5 MB article', html: article(5_000_000) },
    { name: '100k-nodes', describe: 'article, 100,000 DOM nodes', html: articlePage({ title, chars: 10_000_000, citeEvery: 2000, markupEvery: 3, maxNodes: 100_000 }).html },
    { name: '2000-cites', describe: 'article, 2,000 citations', html: articlePage({ title, chars: 10_000_000, citeEvery: 0, maxCitations: 2000 }).html },
    { name: 'shop', describe: 'shop landing page (no article)', html: shopPage() },
    {
      name: 'mutating', describe: '200 KB article, 1,000 text changes/s', html: articlePage({
        title, chars: 200_000, citeEvery: 2000, head: MUTATOR, after: ticker,
        afterParagraph: (i) => (i % 2 ? '' : '<p class="updated"><span class="live">Updated 0 s ago</span></p>'),
      }).html,
    },
  ];
  return { bench: bench.filter((p) => !ONLY || ONLY.includes(p.name)).map((p) => ({ ...p, html: withBench(p.html) })), card: article(10_000) };
}

async function serve(files: Map<string, { body: string; type: string }>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const file = files.get((req.url ?? '/').split('?')[0]);
    if (!file) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('content-type', file.type);
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('cross-origin-embedder-policy', 'require-corp');
    res.setHeader('cache-control', 'no-store');
    res.end(file.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

// ---------------------------------------------------------------------------------------------------------
// Chromium.

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
  '--disable-sync', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
  '--window-size=1280,900'];
const VIEWPORT = { width: 1280, height: 900 };

async function launch(executablePath: string, extension: boolean): Promise<Browser> {
  return puppeteer.launch({
    executablePath, headless: true, pipe: true, enableExtensions: extension, defaultViewport: VIEWPORT, protocolTimeout: 600_000,
    // gc() in the page, for the heap measurement.
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
}

interface Row {
  page: string;
  floorMs: number | null;
  scanMs: number | null;
  markjsMs: number | null;
  markjsFrameMs: number | null;
  scanFrameMs: number | null;
  longestTaskMs: number | null;
  /**
   * Of the same run's tasks, the longest time StateLens's scripts ran in one (from a trace: JavaScript and what
   * it called, without the frame's own rendering; see bench-trace.ts). Issue 19's target: ≤ 16 ms at 5 MB.
   */
  ownLongestTaskMs: number | null;
  /**
   * The longest task when the page only registers one highlight (the browser's repaint for a change of the
   * highlight registry: a floor under longestTaskMs that grows with the page).
   */
  oneHighlightTaskMs: number | null;
  describe: string;
  textKB: number;
  nodes: number;
  article: boolean;
  hits: { statelens: number; markjs: number };
  scanPerFloor: number | null;
  /** The floor plus one JS pass over every character (see onePass in bench-page.ts): a lower bound for scanMs. */
  onePassMs: number | null;
  onePassPerFloor: number | null;
  markjsFramePerScanFrame: number | null;
  loafMs: number | null;
  longtaskMs: number | null;
  /** The longest stretch of StateLens's own work between two yields (the rest of a long task is rendering). */
  longestSliceMs: number;
  /**
   * Time to work out the attribution after the scan, in slices (the content script starts it when the page is
   * idle; the card and the popup wait for it). Its tasks count in longestTaskMs.
   */
  attributionMs: number | null;
  heapKB: number | null;
  runs: number;
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.createCDPSession();
  try {
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

type MatcherLoad = { ms: number; sitesMs: number };
/** The 1 MB page's text in Chromium: the matcher and the aliases' RegExp (MB/s), the prefilter's two ways (ms). */
type InBrowser = { matcherMBps: number; regexMBps: number; prefilterMs: number; prefilterReadingMs: number };
type IndexForms<N = number> = { json: { firstMs: N; warmMs: N }; aliasesObject: { firstMs: N; warmMs: N }; deflated: { firstMs: N; warmMs: N } };

async function benchPage(page: Page, origin: string, spec: PageSpec, union: { source: string; flags: string }, matcherLoads: MatcherLoad[] | null) {
  await page.goto(`${origin}/${spec.name}.html`, { waitUntil: 'load', timeout: 300_000 });
  await page.waitForFunction(() => Boolean(window.StateLensBench), { timeout: 60_000 });
  const info = await page.evaluate((source, flags) => window.StateLensBench.init(source, flags), union.source, union.flags);
  if (!info.crossOriginIsolated) log(`${spec.name}: the page is not cross-origin isolated (coarser timer)`);
  const cold = info.matcherLoadCold;
  if (matcherLoads) {
    // Time to a ready matcher: the first load above was cold; these are warm.
    for (let i = 0; i <= RUNS; i++) {
      const load = await page.evaluate(() => window.StateLensBench.loadMatcher());
      if (i > 0) matcherLoads.push(load);
    }
  }
  const s = { floor: [] as number[], onePass: [] as number[], scan: [] as number[], scanFrame: [] as number[], mark: [] as number[], markFrame: [] as number[],
    longest: [] as number[], own: [] as number[], oneHighlight: [] as number[], loaf: [] as number[], longtask: [] as number[], slice: [] as number[], heap: [] as number[], attribution: [] as number[] };
  let hits = { statelens: -1, markjs: -1 };
  let article = false;
  let runs = RUNS;
  for (let run = 0; run <= runs; run++) {
    const keep = run > 0;
    const started = Date.now();
    // Every measurement starts from a fresh copy of the page (no JS wrappers made for its nodes yet, as on a
    // page the content script has not touched), laid out and painted.
    const restore = () => page.evaluate(() => window.StateLensBench.restore());
    await restore();
    const floor = await page.evaluate(() => window.StateLensBench.floor());
    await restore();
    const onePass = await page.evaluate(() => window.StateLensBench.onePass());
    await restore();
    const scan = await page.evaluate(() => window.StateLensBench.statelens());
    if (PROFILE && run === 1) await profileScan(page, spec.name, restore);
    await restore();
    const longest = await page.evaluate(() => window.StateLensBench.statelensLongestTask());
    // The same under a trace, for StateLens's own tasks alone (without the frames' rendering; see bench-trace.ts).
    await restore();
    const own = await ownLongestTask(page, () => page.evaluate(() => window.StateLensBench.statelensLongestTask()));
    await restore();
    const oneHighlight = await page.evaluate(() => window.StateLensBench.oneHighlightLongestTask());
    // The heap that the scan's result keeps (as the content script keeps its citations): gc, read, scan, gc, read.
    await restore();
    const before = await heapUsed(page);
    await page.evaluate(() => window.StateLensBench.keep());
    await page.evaluate(() => window.StateLensBench.collectGarbage());
    const after = await heapUsed(page);
    const alive = await page.evaluate(() => window.StateLensBench.keptCitations());
    await restore();
    const mark = await page.evaluate(() => window.StateLensBench.markjs());
    if (mark.hits !== mark.elements) log(`${spec.name}: mark.js counted ${mark.hits} marks, the page has ${mark.elements}`);
    hits = { statelens: scan.hits, markjs: mark.hits };
    article = scan.isArticle;
    if (!keep) {
      // A page whose every run takes minutes gets fewer runs (said in the row's "runs").
      if (Date.now() - started > SLOW_RUN_MS && runs > SLOW_RUNS) {
        runs = SLOW_RUNS;
        log(`${spec.name}: one run took ${((Date.now() - started) / 1000).toFixed(0)} s, so ${runs} runs instead of ${RUNS}`);
      }
      continue;
    }
    s.floor.push(floor.ms);
    s.onePass.push(onePass.ms);
    s.scan.push(scan.ms);
    s.scanFrame.push(scan.frameMs);
    s.mark.push(mark.ms);
    s.markFrame.push(mark.frameMs);
    s.longest.push(longest.longestTaskMs);
    s.own.push(own.ownLongestTaskMs);
    if (oneHighlight !== null) s.oneHighlight.push(oneHighlight);
    if (longest.loafMs !== null) s.loaf.push(longest.loafMs);
    if (longest.longtaskMs !== null) s.longtask.push(longest.longtaskMs);
    s.slice.push(longest.longestSliceMs);
    s.attribution.push(scan.attributionMs);
    if (alive === scan.hits) s.heap.push((after - before) / 1024);
  }
  // On the 1 MB page: the matcher and the RegExp alone over its text, in this browser (Node's counterparts).
  let inBrowser: InBrowser | null = null;
  if (spec.name === THROUGHPUT_PAGE) {
    const t = { matcher: [] as number[], regex: [] as number[], prefilter: [] as number[], reading: [] as number[] };
    for (let run = 0; run <= runs; run++) {
      const r = await page.evaluate(() => window.StateLensBench.throughput());
      if (run === 0) continue;
      t.matcher.push(r.matcherMBps);
      t.regex.push(r.regexMBps);
      t.prefilter.push(r.prefilterMs);
      t.reading.push(r.prefilterReadingMs);
    }
    inBrowser = { matcherMBps: median(t.matcher), regexMBps: median(t.regex), prefilterMs: median(t.prefilter), prefilterReadingMs: median(t.reading) };
  }
  const m = (xs: number[]) => median(xs);
  const row: Row = {
    page: spec.name,
    floorMs: round(m(s.floor), 4),
    scanMs: round(m(s.scan)),
    markjsMs: round(m(s.mark)),
    markjsFrameMs: round(m(s.markFrame)),
    scanFrameMs: round(m(s.scanFrame)),
    longestTaskMs: round(m(s.longest)),
    ownLongestTaskMs: round(m(s.own)),
    oneHighlightTaskMs: s.oneHighlight.length ? round(m(s.oneHighlight)) : null,
    describe: spec.describe,
    textKB: round(info.textChars / 1024, 1)!,
    nodes: info.nodes,
    article,
    hits,
    scanPerFloor: round(m(s.scan) / m(s.floor), 1),
    onePassMs: round(m(s.onePass), 4),
    onePassPerFloor: round(m(s.onePass) / m(s.floor), 1),
    markjsFramePerScanFrame: round(m(s.markFrame) / m(s.scanFrame), 2),
    loafMs: s.loaf.length ? round(m(s.loaf), 1) : null,
    longtaskMs: s.longtask.length ? round(m(s.longtask), 1) : null,
    longestSliceMs: round(m(s.slice), 2)!,
    attributionMs: round(m(s.attribution)),
    heapKB: s.heap.length ? round(m(s.heap), 1) : null,
    runs,
  };
  return { row, cold, inBrowser };
}

// ---------------------------------------------------------------------------------------------------------
// The hover card, in the built extension.

declare global {
  interface Window {
    benchCardTiming?: Promise<{ ms: number; frameMs: number; width: number; height: number }>;
  }
}

/**
 * The real flow: Chromium with dist/chrome installed, a 10 KB article; the pointer leaves (the card closes),
 * then moves onto a highlighted citation in one step. Timed in the page from the pointermove's dispatch (a
 * capturing listener on window, which runs before the content script's) to the <statelens-card> element's
 * arrival (a MutationObserver), and to the end of the next frame. Only the host element is looked at, never
 * its shadow root.
 */
async function cardFlow(executablePath: string, origin: string) {
  const browser = await launch(executablePath, true);
  try {
    await browser.installExtension(join(ROOT, 'dist', 'chrome'));
    const page = await browser.newPage();
    await page.goto(`${origin}/card.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => ((CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0) > 0, { timeout: 30_000 });
    const ms: number[] = [];
    const frameMs: number[] = [];
    let size = { width: 0, height: 0 };
    for (let run = 0; run <= RUNS; run++) {
      // Away from the text: the open card (if any) closes after its delay.
      await page.mouse.move(2, 2);
      await page.waitForFunction(() => !document.querySelector('statelens-card'), { timeout: 10_000, polling: 50 });
      const point = await page.evaluate((i) => {
        const ranges: Range[] = [];
        for (const highlight of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()) ranges.push(...highlight);
        ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        const range = ranges[i % ranges.length];
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const r = range.getClientRects()[0];
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, run);
      await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      await page.evaluate(() => {
        window.benchCardTiming = new Promise((resolve) => {
          let moved = -1;
          addEventListener('pointermove', () => {
            moved = performance.now();
          }, { capture: true, once: true });
          const observer = new MutationObserver(() => {
            const host = document.querySelector('statelens-card');
            if (!host || moved < 0) return;
            observer.disconnect();
            const appeared = performance.now();
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                const rect = host.getBoundingClientRect();
                resolve({ ms: appeared - moved, frameMs: performance.now() - moved, width: rect.width, height: rect.height });
              };
              channel.port2.postMessage(0);
            });
          });
          observer.observe(document.documentElement, { childList: true });
        });
      });
      await page.mouse.move(point.x, point.y);
      const timing = await page.evaluate(() => Promise.race([
        window.benchCardTiming!,
        new Promise<null>((r) => setTimeout(() => r(null), 5000)),
      ]));
      if (!timing) throw new Error('the card did not open within 5 s');
      size = { width: timing.width, height: timing.height };
      if (run > 0) {
        ms.push(timing.ms);
        frameMs.push(timing.frameMs);
      }
    }
    return { cardMs: median(ms), cardFrameMs: median(frameMs), size };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const executablePath = findBrowser('chromium') as string | null;
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH, or install Debian\'s chromium); nothing is downloaded');

  log('compiling the registry');
  const registry = loadRegistry(join(ROOT, 'src', 'data'));
  const union = aliasUnion(registry);
  log(`Node: the matcher and a RegExp of ${union.count} aliases over the same text`);
  const node = nodeThroughput(registry, union);

  log('bundling the bench page with the content script\'s build options');
  const { benchJs, contentFreshBytes } = await bundles();
  const contentBytes = contentScriptBytes();
  const indexBytes = statSync(join(ROOT, 'dist', 'chrome', 'index.js')).size;
  // The card's code, loaded only by pages with citations (src/content/card-loader.ts): reported, not budgeted.
  const cardPartBytes = statSync(join(ROOT, 'dist', 'chrome', 'card.js')).size;
  // The text reader with the index's aliases, loaded only by pages whose text is read (src/content/reader-loader.ts).
  const readerPartBytes = statSync(join(ROOT, 'dist', 'chrome', 'reader.js')).size;

  const { bench, card: cardPage } = pages();
  const files = new Map<string, { body: string; type: string }>([
    ['/bench.js', { body: benchJs, type: 'text/javascript; charset=utf-8' }],
    ['/content.css', { body: highlightCss(), type: 'text/css; charset=utf-8' }],
    ['/deflated.js', { body: deflatedIndexScript(registry), type: 'text/javascript; charset=utf-8' }],
    ['/card.html', { body: cardPage, type: 'text/html; charset=utf-8' }],
    ['/feed.html', { body: withBench(FEED_PAGE), type: 'text/html; charset=utf-8' }],
    ...bench.map((p) => [`/${p.name}.html`, { body: p.html, type: 'text/html; charset=utf-8' }] as const),
  ]);
  const server = await serve(files);

  const rows: Row[] = [];
  const matcherLoads: MatcherLoad[] = [];
  let matcherLoadCold: MatcherLoad = { ms: NaN, sitesMs: NaN };
  let indexForms: IndexForms | null = null;
  let chromiumThroughput: InBrowser | null = null;
  let browserVersion = '';
  let feed: FeedResult | null = null;
  const browser = await launch(executablePath, false);
  try {
    browserVersion = await browser.version();
    const page = await browser.newPage();
    for (const spec of bench) {
      log(`${spec.name}: ${spec.describe} (${(spec.html.length / 1024).toFixed(0)} KB of HTML)`);
      const first = rows.length === 0;
      const { row, cold, inBrowser } = await benchPage(page, server.origin, spec, union, first ? matcherLoads : null);
      if (first) {
        matcherLoadCold = cold;
        indexForms = await page.evaluate(() => window.StateLensBench.indexForms());
      }
      if (inBrowser) chromiumThroughput = inBrowser;
      rows.push(row);
    }
    if (!ONLY || ONLY.includes('feed')) {
      log(`feed: ${FEED_STEPS} steps of ${FEED_PER_STEP} posts (${FEED_STEPS * FEED_PER_STEP} links), ${RUNS} runs`);
      feed = await benchFeed(page, server.origin, union);
    }
  } finally {
    await browser.close();
  }

  log('hover card, in Chromium with dist/chrome installed');
  let card: { cardMs: number; cardFrameMs: number; size: { width: number; height: number } } | null = null;
  let cardError: string | null = null;
  try {
    card = await cardFlow(executablePath, server.origin);
  } catch (e) {
    cardError = (e as Error).message;
    log(`hover card: ${cardError}`);
  }
  await server.close();

  let realPages: RealPagesResult | null = null;
  const shared = join(ROOT, '..', 'shared');
  if (!ONLY || ONLY.includes('real')) {
    if (existsSync(join(shared, 'pages'))) {
      log('real pages: the saved pages of the shared folder, in Chromium with a bench build of the extension installed');
      realPages = await benchRealPages({ root: ROOT, shared, executablePath, runs: REAL_RUNS, log });
    } else log(`real pages: not run (${join('..', 'shared', 'pages')} is missing)`);
  }

  const shop = rows.find((r) => r.page === 'shop');
  const matcherLoadMs = median(matcherLoads.map((l) => l.ms));
  const heapRow = rows.find((r) => r.page === '1mb') ?? rows[0];
  const result = {
    browser: browserVersion,
    rows,
    matcherLoadMs: round(matcherLoadMs),
    nonArticleMs: shop ? shop.scanMs : null,
    cardMs: card ? round(card.cardMs) : null,
    heapKB: heapRow?.heapKB ?? null,
    contentScriptKB: round(contentBytes / 1024, 1),
    matcherMBps: round(node.matcher.mbps, 2),
    regexMBps: round(node.regex.mbps, 2),
    // Extra detail.
    runs: RUNS,
    cores: availableParallelism(),
    matcherFirstLoadMs: round(matcherLoadCold.ms),
    indexForms: indexForms && {
      json: { firstMs: round(indexForms.json.firstMs), warmMs: round(indexForms.json.warmMs) },
      aliasesObject: { firstMs: round(indexForms.aliasesObject.firstMs), warmMs: round(indexForms.aliasesObject.warmMs) },
      deflated: { firstMs: round(indexForms.deflated.firstMs), warmMs: round(indexForms.deflated.warmMs) },
    },
    indexKB: round(indexBytes / 1024, 1),
    cardPartKB: round(cardPartBytes / 1024, 1),
    readerPartKB: round(readerPartBytes / 1024, 1),
    // On a page that is not an article the content script parses the host table (for the links) but builds no matcher.
    nonArticleWithMatcherLoadMs: shop?.scanMs != null ? round(shop.scanMs + median(matcherLoads.map((l) => l.sitesMs))) : null,
    cardFrameMs: card ? round(card.cardFrameMs) : null,
    cardMethod: card ? 'real: dist/chrome in Chromium, pointermove to <statelens-card> in the DOM' : `failed: ${cardError}`,
    cardSize: card?.size ?? null,
    heapPage: heapRow?.page ?? null,
    contentScriptFreshKB: round(contentFreshBytes / 1024, 1),
    aliases: union.count,
    nodeTextMB: round(node.textMB, 2),
    nodeHits: { matcher: node.matcher.hits, regex: node.regex.hits },
    chromiumMatcherMBps: chromiumThroughput ? round(chromiumThroughput.matcherMBps, 2) : null,
    chromiumRegexMBps: chromiumThroughput ? round(chromiumThroughput.regexMBps, 2) : null,
    chromiumPrefilterMs: chromiumThroughput ? round(chromiumThroughput.prefilterMs, 2) : null,
    chromiumPrefilterReadingMs: chromiumThroughput ? round(chromiumThroughput.prefilterReadingMs, 2) : null,
    scanGrowth: growth(rows),
    feed,
    realPages,
  };

  if (JSON_MODE) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  printTable(result);
}

type Result = {
  browser: string; rows: Row[]; matcherLoadMs: number | null; nonArticleMs: number | null; cardMs: number | null; heapKB: number | null;
  contentScriptKB: number | null; matcherMBps: number | null; regexMBps: number | null; runs: number; cores: number;
  matcherFirstLoadMs: number | null; indexForms: IndexForms<number | null> | null; indexKB: number | null; nonArticleWithMatcherLoadMs: number | null; cardFrameMs: number | null; cardMethod: string;
  cardSize: { width: number; height: number } | null; heapPage: string | null; contentScriptFreshKB: number | null; aliases: number; cardPartKB: number | null; readerPartKB: number | null;
  nodeTextMB: number | null; nodeHits: { matcher: number; regex: number }; chromiumMatcherMBps: number | null; chromiumRegexMBps: number | null;
  /** The prefilter over the 1 MB page's text, paragraph by paragraph: led by its RegExp (shipped), and reading every word. */
  chromiumPrefilterMs: number | null; chromiumPrefilterReadingMs: number | null;
  scanGrowth: Growth | null;
  feed: FeedResult | null;
  realPages: RealPagesResult | null;
};

// ---------------------------------------------------------------------------------------------------------
// An endless feed (search results and timelines are the same path: a page whose text is not read).

const FEED_STEPS = 20;
const FEED_PER_STEP = 500;
const FEED_TARGET_MS = 2;
const FEED_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title></head><body><main><div id="feed"></div></main></body></html>';

interface FeedResult {
  steps: number;
  postsPerStep: number;
  links: number;
  labelled: number;
  /** StateLens's time per step (rescanLinks over the step's posts and the highlights painted again): median, p95, max over every step of every run. */
  perStepMs: number | null;
  perStepP95Ms: number | null;
  perStepMaxMs: number | null;
  /** The page's own time to make and append the step's posts: the baseline. */
  appendMs: number | null;
  perStepPerAppend: number | null;
}

async function benchFeed(page: Page, origin: string, union: { source: string; flags: string }): Promise<FeedResult> {
  const stateLens: number[] = [];
  const append: number[] = [];
  let last = { links: 0, labelled: 0 };
  for (let run = 0; run <= RUNS; run++) {
    await page.goto(`${origin}/feed.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => Boolean(window.StateLensBench), { timeout: 60_000 });
    await page.evaluate((source, flags) => window.StateLensBench.init(source, flags), union.source, union.flags);
    const feed = () => page.evaluate((steps, per) => window.StateLensBench.feed(steps, per), FEED_STEPS, FEED_PER_STEP);
    const r = PROFILE && run === RUNS ? await profiled(page, 'feed', feed) : await feed();
    // The first run warms the engine up; it is not counted.
    if (run > 0) {
      stateLens.push(...r.stateLensMs);
      append.push(...r.appendMs);
    }
    last = { links: r.links, labelled: r.labelled };
  }
  const sorted = [...stateLens].sort((a, b) => a - b);
  const perStep = median(stateLens);
  return {
    steps: FEED_STEPS, postsPerStep: FEED_PER_STEP, ...last,
    perStepMs: round(perStep), perStepP95Ms: round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]),
    perStepMaxMs: round(sorted[sorted.length - 1]), appendMs: round(median(append)), perStepPerAppend: round(perStep / median(append), 2),
  };
}

/** The largest exponent k of "cost grows as size^k" that still counts as linear: 5× the text, at most 1.5× the cost per KB. */
const LINEAR_MAX_EXPONENT = 1.25;

/**
 * How each tool's time grows from the 1 MB page to the 5 MB one, as the exponent k in time ∝ size^k: 1 is
 * linear (the same cost per KB), 2 quadratic. The floor's own exponent shows what the page and the machine add.
 */
interface Growth { from: string; to: string; scan: number | null; floor: number | null; markjs: number | null }
function growth(rows: readonly Row[]): Growth | null {
  const [small, big] = ['1mb', '5mb'].map((name) => rows.find((r) => r.page === name));
  if (!small || !big) return null;
  const k = (a: number | null, b: number | null) => (a && b ? round(Math.log(b / a) / Math.log(big.textKB / small.textKB)) : null);
  return { from: small.page, to: big.page, scan: k(small.scanMs, big.scanMs), floor: k(small.floorMs, big.floorMs), markjs: k(small.markjsMs, big.markjsMs) };
}

function printTable(r: Result): void {
  const f = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '–' : x.toFixed(digits));
  const columns: Array<[string, (row: Row) => string]> = [
    ['page', (row) => row.page],
    ['text KB', (row) => f(row.textKB, 0)],
    ['nodes', (row) => String(row.nodes)],
    ['floor', (row) => f(row.floorMs, 3)],
    ['scan', (row) => f(row.scanMs)],
    ['scan/floor', (row) => `${f(row.scanPerFloor, 1)}×`],
    ['1 pass/floor', (row) => `${f(row.onePassPerFloor, 1)}×`],
    ['scan+frame', (row) => f(row.scanFrameMs)],
    ['mark.js', (row) => f(row.markjsMs)],
    ['mark.js+frame', (row) => f(row.markjsFrameMs)],
    ['mark.js/scan (frame)', (row) => `${f(row.markjsFramePerScanFrame, 1)}×`],
    ['longest task', (row) => f(row.longestTaskMs)],
    ['own task', (row) => f(row.ownLongestTaskMs)],
    ['1 highlight', (row) => f(row.oneHighlightTaskMs)],
    ['attribution', (row) => f(row.attributionMs)],
    ['heap KB', (row) => f(row.heapKB, 0)],
    ['hits SL / mark.js', (row) => `${row.hits.statelens} / ${row.hits.markjs}`],
  ];
  const cells = [columns.map(([h]) => h), ...r.rows.map((row) => columns.map(([, get]) => get(row)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  const line = (values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(`StateLens benchmark: ${r.browser}, ${r.cores} cores, median of ${r.runs} runs after a warm-up; times in ms`);
  console.log('');
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const values of cells.slice(1)) console.log(line(values));
  console.log('');
  for (const row of r.rows) if (row.page !== 'shop' && !row.article) console.log(`note: ${row.page} was not detected as an article`);
  const shop = r.rows.find((row) => row.page === 'shop');
  if (shop?.article) console.log('note: the shop page was detected as an article');
  console.log(`matcher ready        ${f(r.matcherLoadMs)} ms warm (the page's first load: ${f(r.matcherFirstLoadMs)} ms)`);
  if (r.indexForms) {
    const { json, aliasesObject, deflated } = r.indexForms;
    console.log(`index forms          index.js as shipped (its JSON tables parsed, the aliases' sorted table used as it is): first ${f(json.firstMs)} ms, warm ${f(json.warmMs)} ms; ` +
      `the aliases' table as a JSON object, parsed (before the sorted table): first ${f(aliasesObject.firstMs)} ms, warm ${f(aliasesObject.warmMs)} ms; ` +
      `deflated + base64, inflated (before the JSON text): first ${f(deflated.firstMs)} ms, warm ${f(deflated.warmMs)} ms`);
  }
  console.log(`non-article page     ${f(r.nonArticleMs, 3)} ms detection only (with loading the index's sites part, which the content script does first: ${f(r.nonArticleWithMatcherLoadMs)} ms)`);
  console.log(`hover card           ${r.cardMs === null ? `not measured (${r.cardMethod})` : `${f(r.cardMs)} ms to the card's element, ${f(r.cardFrameMs)} ms to the end of its frame (${r.cardMethod}; ${Math.round(r.cardSize!.width)}×${Math.round(r.cardSize!.height)} px)`}`);
  console.log(`heap                 ${f(r.heapKB, 0)} KB kept by the scan on the ${r.heapPage} page`);
  console.log(`content script       ${f(r.contentScriptKB, 1)} KB dist/chrome/content.js${r.contentScriptFreshKB !== r.contentScriptKB ? ` (${f(r.contentScriptFreshKB, 1)} KB when built from the current sources: dist/ is stale)` : ''}`);
  console.log(`card's code          ${f(r.cardPartKB, 1)} KB dist/chrome/card.js, loaded only by pages with citations`);
  console.log(`text reader          ${f(r.readerPartKB, 1)} KB dist/chrome/reader.js (its code and the index's aliases), loaded only by pages whose text is read; index.js (the index's sites) ${f(r.indexKB, 1)} KB`);
  console.log(`Node, ${f(r.nodeTextMB)} MB of text   matcher ${f(r.matcherMBps)} MB/s (${r.nodeHits.matcher} citations), RegExp of ${r.aliases} aliases ${f(r.regexMBps)} MB/s (${r.nodeHits.regex} hits)`);
  if (r.chromiumMatcherMBps !== null) {
    console.log(`Chromium, ${THROUGHPUT_PAGE} page's text   matcher ${f(r.chromiumMatcherMBps)} MB/s, the same RegExp ${f(r.chromiumRegexMBps)} MB/s; ` +
      `prefilter led by its RegExp ${f(r.chromiumPrefilterMs)} ms, reading every word ${f(r.chromiumPrefilterReadingMs)} ms`);
  }
  if (r.realPages) {
    const real = r.realPages;
    console.log('');
    console.log(`real pages (${real.pages}, of which ${real.articles} read as articles): main-thread time StateLens adds, median by part, ms`);
    const parts = (which: 'article' | 'other') => PARTS.map((p) => `${p} ${f(real.partsMedianMs[which][p])}`).join(' · ');
    console.log(`  articles  median ${f(real.articleMedianMs)}, p95 ${f(real.articleP95Ms)}: ${parts('article')}`);
    console.log(`  others    median ${f(real.otherMedianMs)}, p95 ${f(real.otherP95Ms)}: ${parts('other')}`);
    console.log(`  reference, in the same loads: an empty content script, median ${f(real.floorArticleMedianMs)} ms on articles, ${f(real.floorOtherMedianMs)} ms on the others; ` +
      `one that looks up every link's host in a set of the registry's hosts, ${f(real.floorLinksArticleMedianMs)} and ${f(real.floorLinksOtherMedianMs)} ms`);
    const firstParts = (which: 'article' | 'other') => PARTS.map((p) => `${p} ${f(real.partsFirstMedianMs[which][p])}`).join(' · ');
    console.log(`  first loads, each page in a new renderer process (its scripts compiled afresh); the empty content script ${f(real.floorFirstMedianMs)}, the links-only one ${f(real.floorLinksFirstMedianMs)}:`);
    console.log(`    articles  median ${f(real.articleFirstMedianMs)}, p95 ${f(real.articleFirstP95Ms)}: ${firstParts('article')}`);
    console.log(`    others    median ${f(real.otherFirstMedianMs)}: ${firstParts('other')}`);
    const slowest = [...real.rows].sort((a, b) => b.totalMs - a.totalMs).slice(0, 5);
    console.log(`  slowest   ${slowest.map((row) => `${row.page} ${f(row.totalMs)}`).join(' · ')}`);
    if (real.unfinished.length) console.log(`  unfinished within 10 s: ${real.unfinished.join(', ')}`);
  }
  console.log('');
  console.log('targets');
  const row = (name: string) => r.rows.find((x) => x.page === name);
  const check = (label: string, ok: boolean | null, detail: string) => console.log(`  ${ok === null ? 'n/a ' : ok ? 'PASS' : 'FAIL'}  ${label}: ${detail}`);
  for (const name of ['1mb', '5mb']) {
    const x = row(name);
    check(`scan ≤ 2.5× floor at ${name}`, x?.scanPerFloor == null ? null : x.scanPerFloor <= 2.5,
      x ? `${f(x.scanPerFloor, 1)}× (the walk and one JS pass over the characters, nothing else: ${f(x.onePassPerFloor, 1)}×)` : 'not run');
  }
  for (const name of ['1mb', '5mb']) {
    const x = row(name);
    const ratio = x?.markjsFramePerScanFrame;
    check(`scan ≥ 10× faster than mark.js (to the frame) at ${name}`, ratio == null ? null : ratio >= 10, x ? `${f(ratio, 1)}×` : 'not run');
  }
  check('matcher ready ≤ 1 ms warm', r.matcherLoadMs === null ? null : r.matcherLoadMs <= 1, `${f(r.matcherLoadMs)} ms`);
  check('matcher ready ≤ 3 ms on a page\'s first load', r.matcherFirstLoadMs === null ? null : r.matcherFirstLoadMs <= 3, `${f(r.matcherFirstLoadMs)} ms`);
  const big = row('5mb');
  check('StateLens\'s own longest task ≤ 16 ms at 5mb', big?.ownLongestTaskMs == null ? null : big.ownLongestTaskMs <= 16,
    big ? `${f(big.ownLongestTaskMs)} ms (the longest task with the browser's rendering in it: ${f(big.longestTaskMs)} ms; the frame for one highlight alone: ${f(big.oneHighlightTaskMs)} ms)` : 'not run');
  check('non-article ≤ 1 ms', r.nonArticleMs === null ? null : r.nonArticleMs <= 1, r.nonArticleMs === null ? 'not run' : `${f(r.nonArticleMs, 3)} ms`);
  check('card within one frame (≤ 16.7 ms)', r.cardMs === null ? null : r.cardMs <= FRAME_MS, r.cardMs === null ? 'not measured' : `${f(r.cardMs)} ms`);
  const g = r.scanGrowth;
  check(`cost linear in page size (time ∝ size^k, k ≤ ${LINEAR_MAX_EXPONENT})`, g?.scan == null ? null : g.scan <= LINEAR_MAX_EXPONENT,
    g ? `scan k = ${f(g.scan)} from ${g.from} to ${g.to} (the floor ${f(g.floor)}, mark.js ${f(g.markjs)})` : 'needs the 1mb and 5mb pages');
  const feed = r.feed;
  check(`feed ≤ ${FEED_TARGET_MS} ms per step of ${FEED_PER_STEP} links`, feed?.perStepMs == null ? null : feed.perStepMs <= FEED_TARGET_MS,
    feed ? `${f(feed.perStepMs)} ms median (p95 ${f(feed.perStepP95Ms)}, max ${f(feed.perStepMaxMs)}) over ${feed.steps} steps, ${feed.links} links, ${feed.labelled} labelled; ` +
      `the page's own append of the step's posts ${f(feed.appendMs)} ms (StateLens ${f(feed.perStepPerAppend)}× that)` : 'not run');
  const real = r.realPages;
  check('real article pages: median ≤ 3 ms added', real?.articleMedianMs == null ? null : real.articleMedianMs <= 3,
    real ? `${f(real.articleMedianMs)} ms over ${real.articles} pages` : 'not run');
  check('real article pages: p95 ≤ 10 ms added', real?.articleP95Ms == null ? null : real.articleP95Ms <= 10, real ? `${f(real.articleP95Ms)} ms` : 'not run');
  check('real other pages: median ≤ 0.3 ms added', real?.otherMedianMs == null ? null : real.otherMedianMs <= 0.3,
    real ? `${f(real.otherMedianMs)} ms over ${real.pages - real.articles} pages (p95 ${f(real.otherP95Ms)} ms; an empty content script ${f(real.floorOtherMedianMs)} ms, a links-only one ${f(real.floorLinksOtherMedianMs)} ms)` : 'not run');
  check(`content script's code ≤ ${CONTENT_BUDGET_KB} KB minified`, r.contentScriptKB === null ? null : r.contentScriptKB <= CONTENT_BUDGET_KB,
    `${f(r.contentScriptKB, 1)} KB (the index beside it, index.js: ${f(r.indexKB, 1)} KB)`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(`bench: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});

/** A CPU profile (Chromium's DevTools format) of one scan, and its ten heaviest functions on stderr. */
async function profileScan(page: Page, name: string, restore: () => Promise<unknown>): Promise<void> {
  await restore();
  await profiled(page, name, () => page.evaluate(() => window.StateLensBench.statelens()));
}

/** Runs work under the CPU profiler: the profile to test-results/bench/<name>.cpuprofile, its ten heaviest functions on stderr. */
async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const dir = join(ROOT, 'test-results', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  log(`${name}: heaviest functions (self ms): ${[...self].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join('; ')}`);
  return result;
}
