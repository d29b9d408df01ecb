/**
 * The page side of `npm run bench` (scripts/bench.ts): bundled with the content script's build options (the
 * same virtual modules: the index's tables as index.js ships them, the context words among them) and loaded into every
 * benchmark page. It exposes window.StateLensBench; scripts/bench.ts drives it with puppeteer and takes the
 * medians. Every measurement here runs on the page's own main thread.
 */
import tables from 'statelens:index-tables';
// @ts-expect-error: mark.js ships no type declarations (see MarkInstance below)
import MarkJs from 'mark.js';
import { INFO, infoOf } from '../src/core/match/classes';
import { findTextCitations } from '../src/core/match/find-citations';
import { LinkIndex } from '../src/core/match/links';
import { Matcher } from '../src/core/match/matcher';
import { typologyAt } from '../src/core/registry/pack';
import { entriesOf } from '../src/core/registry/sorted-table';
import { defaultSettings, type Settings } from '../src/core/settings';
import { summarize, type OutletSummary } from '../src/core/summary';
import type { Typology } from '../src/core/typology';
import { aliasTables, loadMatcher as loadContentMatcher, siteTables, sitesOf } from '../src/content/load-index';
import { Highlighter } from '../src/dom/highlight';
import { nextIdle, nextTask } from '../src/dom/next-task';
import { rescanLinks, scanPage, scanPageSliced, type PageCitation, type PageScan } from '../src/dom/scan-page';

interface MarkInstance {
  markRegExp(regexp: RegExp, options: { done?: (total: number) => void }): void;
}
const Mark = MarkJs as new (context: Element) => MarkInstance;

/** What the content script has once its matcher is loaded (see main() in src/content/main.ts). */
export interface Ready {
  matcher: Matcher;
  hosts: LinkIndex;
  typologyOf: (outlet: number) => Typology | null;
  highlighter: Highlighter;
}

/** What StateLens keeps after a scan (the content script keeps these for hover, the popup and the badge). */
export interface PipelineResult {
  isArticle: boolean;
  citations: PageCitation[];
  outlets: OutletSummary[];
  /** The longest stretch of StateLens's work between two yields, highlighting included. */
  longestSliceMs: number;
  /** The scan, whose attribution the content script works out next, in slices, while the page is idle. */
  scan: PageScan;
}

// As index.js does for the content script (the aliases' tables are reader.js's: here they are all at hand).
(globalThis as { statelensIndex?: unknown }).statelensIndex = tables;

/**
 * Loads the matcher as the content script does: the index's tables (parsed on first use), the context words
 * installed, the Matcher and the LinkIndex built.
 */
export function loadMatcher(doc: Document, marks: { sites?: number } = {}): Ready {
  // As the content script does: the host table first (every page with links reads it), then the aliases.
  const sites = sitesOf(siteTables());
  void sites.hosts;
  marks.sites = performance.now();
  const matcher = loadContentMatcher(aliasTables(tables), sites);
  return {
    matcher,
    hosts: new LinkIndex(sites),
    typologyOf: (outlet) => typologyAt(sites, outlet),
    highlighter: new Highlighter(doc),
  };
}

/**
 * StateLens's pipeline, the one function the benchmark times as "scan". It does what run() in
 * src/content/main.ts does synchronously once the matcher is ready: scan the page (article detection, main text, citations,
 * attribution), keep the categories the reader shows, count them per outlet, and highlight them. (Messages to the background are left out: they are asynchronous and cross
 * processes.) Async so that a chunked pipeline can take its place without changing the callers.
 */
export async function statelensPipeline(doc: Document, ready: Ready, settings: Settings = defaultSettings()): Promise<PipelineResult> {
  // As the content script does (src/content/main.ts run()): the scan in slices of at most 8 ms, and the counts
  // for the badge without attribution, which is worked out only when the card or the popup asks for it.
  // The longest stretch of the scan's own work between two yields (the rest of a long task is the browser's).
  let resumed = performance.now();
  let longestSlice = 0;
  const yieldToPage = () => {
    longestSlice = Math.max(longestSlice, performance.now() - resumed);
    return nextTask().then(() => {
      resumed = performance.now();
    });
  };
  const scan = (await scanPageSliced(doc, ready.matcher, ready.hosts, { allPages: settings.scope === 'all', yieldToPage }))!;
  const citations = scan.citations.filter((c) => {
    const typology = ready.typologyOf(c.outlet);
    return typology !== null && settings.categories[typology];
  });
  const outlets = summarize(citations, ready.typologyOf);
  // (The ranges' index for the pointer's hit test is made on the first pointer move, not here.)
  // Many citations are set up over a few tasks (see Highlighter.apply): until their highlights are registered.
  if (citations.length) {
    ready.highlighter.apply(citations.map((c) => ({ range: c.range, typology: ready.typologyOf(c.outlet) })), settings.style);
    // (Ordinary tasks: a scheduler.yield() continuation would run ahead of the observer's report.)
    while (ready.highlighter.busy) await tick();
  }
  longestSlice = Math.max(longestSlice, performance.now() - resumed);
  return { isArticle: scan.article.isArticle, citations, outlets, longestSliceMs: longestSlice, scan };
}

/** What the content script does once the highlights are painted: the attribution, in the page's idle time. */
async function attributeWhenIdle(scan: PageScan): Promise<void> {
  await nextIdle();
  await scan.attributionSliced({ yieldToPage: nextIdle });
}

// ---------------------------------------------------------------------------------------------------------
// Timing helpers.

/** The next task (a MessageChannel message: not clamped like setTimeout). */
function tick(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}

/** The end of the next frame: its animation callbacks, then a task after its style, layout and paint. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => void tick().then(resolve)));
}

function collectGarbage(): void {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

/**
 * A heartbeat on the main thread: a MessageChannel message that posts itself again, recording the longest
 * gap between two beats, which is the longest task (or frame) that ran in between.
 */
function heartbeat(): { stop: () => number } {
  const channel = new MessageChannel();
  let last = performance.now();
  let longest = 0;
  let running = true;
  // The beat must not wait behind the scan's own slices: scheduler.yield() resumes ahead of ordinary tasks, so
  // a plain message would only run once the whole scan is done. A user-blocking task runs before them.
  const scheduler = (globalThis as { scheduler?: { postTask?: (f: () => void, o: { priority: string; delay?: number }) => Promise<void> } }).scheduler;
  // (A 1 ms delay, so that a beat that keeps posting itself does not starve everything else.)
  const post = scheduler?.postTask
    ? () => void scheduler.postTask!(beat, { priority: 'user-blocking', delay: 1 })
    : () => channel.port2.postMessage(0);
  const beat = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) post();
    else channel.port1.close();
  };
  channel.port1.onmessage = beat;
  post();
  return {
    stop() {
      running = false;
      return Math.max(longest, performance.now() - last);
    },
  };
}

/** Longest entries of a PerformanceObserver type while it runs (0 when none; unsupported types give null). */
function observeLongest(type: string): { stop: () => number | null } {
  if (!PerformanceObserver.supportedEntryTypes?.includes(type)) return { stop: () => null };
  let longest = 0;
  const take = (entries: PerformanceEntryList) => {
    for (const e of entries) longest = Math.max(longest, e.duration);
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type, buffered: false });
  return {
    stop() {
      take(observer.takeRecords());
      observer.disconnect();
      return longest;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The page API driven by scripts/bench.ts.

let pristine: HTMLElement | null = null;
let ready: Ready | null = null;
let regex: RegExp | null = null;
let kept: PipelineResult | null = null;

/**
 * Runs a pass again and again until a millisecond has passed (small pages take microseconds): the mean time
 * of one pass, the passes, and the sum of what they returned.
 */
function timedPasses(pass: () => number): { ms: number; passes: number; total: number } {
  let passes = 0;
  let total = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    total += pass();
    passes++;
    elapsed = performance.now() - started;
  } while (elapsed < 1 && passes < 1000);
  return { ms: elapsed / passes, passes, total };
}

/**
 * onePass's work: the text of every text node, read and joined (as the scan collects it: a loop over one
 * joined string is faster in Chromium than loops over each node's string), then every character read, folded
 * and hashed.
 */
function walkAndPass(root: Node): number {
  const parts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) parts.push(n.data);
  const text = parts.join('');
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    hash = Math.imul(hash ^ ((INFO[unit] || infoOf(unit)) >>> 8), 0x01000193);
  }
  return hash;
}

function countNodes(root: Node): { nodes: number; textNodes: number; textChars: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let nodes = 0;
  let textNodes = 0;
  let textChars = 0;
  for (let n: Node | null = walker.nextNode(); n; n = walker.nextNode()) {
    nodes++;
    if (n.nodeType === Node.TEXT_NODE) {
      textNodes++;
      textChars += (n as Text).data.length;
    }
  }
  return { nodes, textNodes, textChars };
}

const api = {
  /** Keeps a copy of the untouched body, builds mark.js's RegExp, loads the matcher (the page's first load). */
  async init(source: string, flags: string) {
    pristine = document.body.cloneNode(true) as HTMLElement;
    regex = new RegExp(source, flags);
    // onePass's loop, optimised before it is timed (on a copy: the measured pages have no wrappers yet).
    for (let i = 0; i < 10; i++) walkAndPass(pristine);
    const matcherLoadCold = await api.loadMatcher();
    return { ...countNodes(document.body), matcherLoadCold, crossOriginIsolated: globalThis.crossOriginIsolated };
  },

  /**
   * Time to a ready matcher, and the part of it spent on the host table alone (what a page whose text is not
   * read loads).
   */
  async loadMatcher() {
    const marks: { sites?: number } = {};
    const started = performance.now();
    ready = loadMatcher(document, marks);
    return { ms: performance.now() - started, sitesMs: marks.sites! - started };
  },

  /**
   * The index's forms side by side, on this page's first call (cold) and warm: every JSON table of index.js
   * parsed, the aliases' sorted table used as it is (what ships); the aliases' table as a JSON object, parsed
   * (what shipped before the sorted table); and the index deflated and base64-encoded, inflated with
   * DecompressionStream (what shipped before the JSON text, served by the bench as deflated.js).
   */
  async indexForms() {
    const deflated = (globalThis as { deflatedIndex?: { sites: string; aliases: string } }).deflatedIndex;
    if (!deflated) throw new Error('bench: deflated.js did not load');
    const parsed = Object.entries(tables).filter(([key, value]) => !['categories', 'countries', 'aliases'].includes(key) && typeof value === 'string');
    const json = () => {
      const started = performance.now();
      for (const [, value] of parsed) JSON.parse(value as string);
      return performance.now() - started;
    };
    const aliasesJson = JSON.stringify(Object.fromEntries(entriesOf(tables.aliases)));
    const aliasesObject = () => {
      const started = performance.now();
      JSON.parse(aliasesJson);
      return performance.now() - started;
    };
    const inflate = async (base64: string) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const reader = new Response(bytes).body!.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
      const decoder = new TextDecoder();
      let text = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
      return JSON.parse(text + decoder.decode()) as unknown;
    };
    const inflated = async () => {
      const started = performance.now();
      await Promise.all([inflate(deflated.sites), inflate(deflated.aliases)]);
      return performance.now() - started;
    };
    const first = { json: json(), aliasesObject: aliasesObject(), deflated: await inflated() };
    const warm = { json: [] as number[], aliasesObject: [] as number[], deflated: [] as number[] };
    for (let i = 0; i < 15; i++) {
      warm.json.push(json());
      warm.aliasesObject.push(aliasesObject());
      warm.deflated.push(await inflated());
    }
    const mid = (list: number[]) => list.sort((a, b) => a - b)[list.length >> 1];
    return {
      json: { firstMs: first.json, warmMs: mid(warm.json) },
      aliasesObject: { firstMs: first.aliasesObject, warmMs: mid(warm.aliasesObject) },
      deflated: { firstMs: first.deflated, warmMs: mid(warm.deflated) },
    };
  },

  /** A fresh copy of the page: the untouched body swapped in, laid out and painted, garbage collected. */
  async restore() {
    ready?.highlighter.clear();
    kept = null;
    document.body.replaceWith(pristine!.cloneNode(true));
    void document.body.offsetHeight;
    await nextFrame();
    await nextFrame();
    collectGarbage();
    await tick();
  },

  /**
   * The floor: a TreeWalker over the body that reads every text node's data and nothing else. Repeated until
   * a millisecond has passed (small pages take microseconds); the mean of one pass.
   */
  floor() {
    const { ms, passes, total } = timedPasses(() => {
      let chars = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) chars += n.data.length;
      return chars;
    });
    return { ms, chars: total / passes, passes };
  },

  /**
   * A lower bound for a scanner in JS that reads the page's text as StateLens does: the floor's walk, the text
   * joined, and one pass over it that reads every code unit, folds it through the classes table and hashes it
   * (the least a tokenizer does: no tokens kept, no matching). Timed as the floor is, and warmed up in init
   * (the scan's code is warm too: it has run before every measured run). StateLens's scan does this and more,
   * so scan / floor cannot be below onePass / floor.
   */
  onePass() {
    // (The hashes are returned so that the engine cannot drop the loop.)
    const { ms, total } = timedPasses(() => walkAndPass(document.body));
    return { ms, hash: total };
  },

  /**
   * StateLens's pipeline: its own time, and the time until the frame that shows the highlights is done; then
   * the time until the attribution is worked out, as the content script does it, in the page's idle time.
   */
  async statelens() {
    const started = performance.now();
    const result = await statelensPipeline(document, ready!);
    const scanned = performance.now();
    await nextFrame();
    const painted = performance.now();
    await attributeWhenIdle(result.scan);
    const attributionMs = performance.now() - painted;
    return { ms: scanned - started, frameMs: painted - started, attributionMs, hits: result.citations.length, isArticle: result.isArticle };
  },

  /**
   * The pipeline again, under a heartbeat: the longest main-thread task from its start to its frame's end, and
   * through the attribution that the content script works out next in the page's idle time (the share of the
   * article that each outlet's card and the popup show).
   */
  async statelensLongestTask() {
    const loaf = observeLongest('long-animation-frame');
    const longtask = observeLongest('longtask');
    const beat = heartbeat();
    await tick();
    await tick();
    const { longestSliceMs, scan } = await statelensPipeline(document, ready!);
    await nextFrame();
    await attributeWhenIdle(scan);
    await tick();
    const longestTaskMs = beat.stop();
    await nextFrame();
    return { longestTaskMs, longestSliceMs, loafMs: loaf.stop(), longtaskMs: longtask.stop() };
  },

  /**
   * The browser's share of the longest task: one highlight (the article's first word) registered, under the
   * same heartbeat, until its frame is done. Chromium repaints the whole page for any change of the highlight
   * registry, so this frame grows with the page, whatever StateLens does before it.
   */
  async oneHighlightLongestTask() {
    const text = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (/\S/.test((n as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
    }).nextNode() as Text | null;
    if (!text) return null;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, Math.min(text.data.length, 5));
    const beat = heartbeat();
    await tick();
    await tick();
    const win = window as unknown as { Highlight: new (...ranges: Range[]) => unknown };
    (CSS as unknown as { highlights: Map<string, unknown> }).highlights.set('statelens-sc', new win.Highlight(range));
    await nextFrame();
    await tick();
    const longestTaskMs = beat.stop();
    (CSS as unknown as { highlights: Map<string, unknown> }).highlights.delete('statelens-sc');
    await nextFrame();
    return longestTaskMs;
  },

  /** Runs the pipeline and keeps its result (for the heap measurement: scripts/bench.ts reads the heap). */
  async keep() {
    kept = await statelensPipeline(document, ready!);
    return kept.citations.length;
  },

  /** mark.js over the body with the union of the aliases: its own time, and until its frame is done. */
  async markjs() {
    const re = regex!;
    re.lastIndex = 0;
    let hits = -1;
    const started = performance.now();
    new Mark(document.body).markRegExp(re, {
      done: (total) => {
        hits = total;
      },
    });
    const marked = performance.now();
    await nextFrame();
    const painted = performance.now();
    return { ms: marked - started, frameMs: painted - started, hits, elements: document.body.getElementsByTagName('mark').length };
  },

  /**
   * The matcher alone (findTextCitations) and mark.js's RegExp alone over the article's text, in MB/s: the
   * Node figures' counterparts in this browser's JavaScript engine.
   */
  throughput() {
    const text = (document.querySelector('article') ?? document.body).textContent ?? '';
    const mb = new TextEncoder().encode(text).length / 1e6;
    let started = performance.now();
    const citations = findTextCitations(text, ready!.matcher).length;
    const matcherMBps = mb / ((performance.now() - started) / 1000);
    const re = regex!;
    re.lastIndex = 0;
    let hits = 0;
    started = performance.now();
    while (re.exec(text)) hits++;
    const regexMBps = mb / ((performance.now() - started) / 1000);
    // The prefilter, paragraph by paragraph as the scan runs it: led by its RegExp (shipped), and reading every
    // word (the design before it).
    const { prefilter } = ready!.matcher;
    const paragraphs = text.split(/\n\s*\n/);
    const timedFlags = (flag: (p: string) => number[]) => {
      const t = performance.now();
      let flags = 0;
      for (const p of paragraphs) flags += flag(p).length;
      return { ms: performance.now() - t, flags };
    };
    const led = timedFlags((p) => prefilter.flagged(p));
    const reading = timedFlags((p) => prefilter.flaggedByReading(p));
    return { mb, matcherMBps, regexMBps, citations, hits, prefilterMs: led.ms, prefilterReadingMs: reading.ms };
  },

  /**
   * An endless feed: `steps` steps of `per` posts, each with its author's link (an account on a platform, so
   * every link's path is read; one post in 25 is an outlet's account, one in 25 shares a link to an outlet's
   * site). Each step: the page appends its posts (timed: the baseline), then StateLens does what the content
   * script does with the change on a page whose text is not read (src/content/main.ts changedUnread):
   * rescanLinks over the added posts, and the highlights painted again (timed). Needs init on the feed page.
   */
  feed(steps: number, per: number) {
    const { hosts, highlighter } = ready!;
    const feed = document.getElementById('feed')!;
    let scan = scanPage(document, ready!.matcher, hosts, { linksEverywhere: true });
    if (scan.article.isArticle) throw new Error('the feed page reads as an article: the benchmark would time the wrong path');
    const appendMs: number[] = [];
    const stateLensMs: number[] = [];
    let count = 0;
    for (let step = 0; step < steps; step++) {
      let started = performance.now();
      const added: Node[] = [];
      for (let i = 0; i < per; i++, count++) {
        const post = document.createElement('article');
        const author = document.createElement('a');
        const outlet = count % 25 === 12;
        author.href = outlet ? 'https://x.com/ria_novosti' : `https://x.com/user${count}`;
        author.textContent = outlet ? 'РИА Новости @ria_novosti' : `@user${count}`;
        const body = document.createElement('p');
        body.textContent = `Post number ${count}: an ordinary post about the weather, the news and lunch.`;
        post.append(author, body);
        if (count % 25 === 20) {
          const shared = Object.assign(document.createElement('a'), { href: `https://www.sana.sy/en/?p=${count}`, textContent: 'sana.sy' });
          post.append(shared);
        }
        feed.append(post);
        added.push(post);
      }
      appendMs.push(performance.now() - started);
      started = performance.now();
      // As changedUnread does: links added and none gone, only the new ones are highlighted.
      const change = rescanLinks(scan, added, hosts);
      if (change) {
        scan = change.scan;
        highlighter.add(change.added.map((c) => ({ range: c.range, typology: ready!.typologyOf(c.outlet) })), 'background');
      }
      stateLensMs.push(performance.now() - started);
    }
    highlighter.clear();
    return { appendMs, stateLensMs, links: count + Math.floor(count / 25), labelled: scan.citations.length };
  },

  /** Citations of the kept result (after the heap was read: proves it was still alive). */
  keptCitations: () => kept?.citations.length ?? -1,

  collectGarbage,
};

export type BenchApi = typeof api;

declare global {
  interface Window {
    StateLensBench: BenchApi;
  }
}

window.StateLensBench = api;
