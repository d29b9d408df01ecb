/**
 * Does the root StateLens scans hold the story? Over the 130 test pages of mozilla/readability (Apache-2.0),
 * read from the shared folder beside the project (../shared/pages/readability/<name>/: source.html, expected.html
 * = the story Readability extracts, expected-metadata.json with "readerable"; never copied here), the share of
 * the story's text that lies inside the root detectArticle returns.
 *
 *   node scripts/run-ts.mjs scripts/story-root.ts [--before] [PAGES_DIR]
 *
 * prints the coverage of every page, then for the pages detectArticle calls articles (and, apart, the pages
 * Readability's tests call readerable) the share with coverage ≥ 0.95, the minimum, and the pages below 0.95.
 * --before measures the rule detectArticle had until this script was written (markupRoot below), for comparison.
 * tests/dom/story-root.test.ts runs the same measurement and asserts the targets.
 *
 * The measure: the fraction of the story's word 5-grams (shingles) that occur in the root's text. Why not a
 * plain substring or character count: expected.html is Readability's rewrite of the story (it drops share
 * boxes, captions and empty nodes, turns <br><br> into paragraphs, may drop the title), so its text is never
 * one contiguous piece of the page, and a character count says nothing about *which* text the root holds. Why
 * not single words: a root that holds only the site's navigation shares most common words with any story. Word
 * 5-grams are specific to the story's sentences (a shared 5-gram is almost always the same passage), they do
 * not care in which order the story's blocks come in the page, and a small rewrite (one word dropped or
 * changed) costs only the five shingles around it. The root's text is its textContent (scripts and styles
 * included), read block by block so that two blocks with no white space between them (`<p>a</p><p>b</p>`) do
 * not glue their edge words into one; the story is read the same way, then both are split at white space.
 *
 * Also printed, not asserted: "read", the same measure against the text StateLens actually reads under the
 * root (collectText, which leaves out navigation, comments, code, furniture classes...), and "precision", the
 * share of that read text's 5-grams that belong to the story.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePage } from '../src/cli/parse-page';
import { collectText } from '../src/dom/collect-text';
import { detectArticle, type ArticleInfo } from '../src/dom/detect-article';

/** Words per shingle. */
const N = 5;

export interface PageCoverage {
  name: string;
  /** detectArticle's verdict. */
  isArticle: boolean;
  reason: ArticleInfo['reason'];
  /** expected-metadata.json's "readerable". */
  readerable: boolean;
  /** The root: tag, id and class, for the report. */
  root: string;
  /** Share of the story's shingles (of those found in the page at all) found in the root's text, 0 to 1. */
  coverage: number;
  /** The same against the text collectText reads under the root. */
  read: number;
  /** Share of the read text's 5-grams that are the story's. */
  precision: number;
  /** Share of the story's shingles found anywhere in the page's body (the rest are Readability's rewrites). */
  inPage: number;
  /** Words of the story. */
  storyWords: number;
}

export interface Summary {
  pages: number;
  /** Pages with coverage ≥ 0.95, and their share. */
  atLeast95: number;
  share95: number;
  min: number;
  below95: { name: string; coverage: number }[];
  /** Pages whose root holds less than half the story. */
  belowHalf: { name: string; coverage: number }[];
}

/** Elements that do not break a line of text: a shingle may run across them. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'img', 'ins', 'kbd', 'label',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

function blockOf(node: Node): Node | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.localName)) el = el.parentElement;
  return el;
}

/**
 * A node's text as words, in blocks: consecutive text nodes (scripts and styles included, as in textContent)
 * under the same block element form one block. Within a block the text nodes are joined as they show
 * ("<b>W</b>ord" is one word); two blocks never are ("<p>a</p><p>b</p>" is two words, where textContent
 * would give one).
 */
export function blocks(node: Node): string[][] {
  const doc = node.ownerDocument ?? (node as Document);
  const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  const out: string[][] = [];
  let parts: string[] = [];
  let block: Node | null = null;
  const flush = () => {
    const w = parts.join('').split(/\s+/).filter(Boolean);
    if (w.length) out.push(w);
    parts = [];
  };
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const b = blockOf(t);
    if (b !== block) flush();
    block = b;
    parts.push((t as Text).data);
  }
  flush();
  return out;
}

function grams(w: readonly string[], n: number, into: Set<string>): Set<string> {
  for (let i = 0; i + n <= w.length; i++) into.add(w.slice(i, i + n).join(' '));
  return into;
}

interface Shingles {
  want: Set<string>;
  /** The shingle lengths used: N, and shorter for short blocks. */
  sizes: Set<number>;
}

/** The story's shingles: within one block; a block of fewer than five words is one shingle of all its words. */
function storyShingles(story: readonly string[][]): Shingles {
  const want = new Set<string>();
  const sizes = new Set<number>();
  for (const b of story) {
    const n = Math.min(N, b.length);
    sizes.add(n);
    grams(b, n, want);
  }
  return { want, sizes };
}

/** The story's shingles found in a text read as one run (its blocks one after the other). */
function found(story: Shingles, text: readonly string[][]): Set<string> {
  const run = text.flat();
  const have = new Set<string>();
  for (const n of story.sizes) grams(run, n, have);
  return new Set([...story.want].filter((s) => have.has(s)));
}

/**
 * The share of the story that lies inside the root: of the story's shingles that occur in the page at all, the
 * fraction that occur in the root's text. The story's shingles stay within one block (a 5-gram across two
 * paragraphs would depend on what Readability removed between them: a caption, a heading, an ad); the root's
 * text is read as one run, so any block of the story that lies inside it is found whole. Shingles found nowhere
 * in the page are Readability's rewrites, which no root can hold (on wikipedia-3 it drops the formulas from
 * the sentences around them: 11% of the story's shingles; on clean-links the annotations' pop-up text, 4%):
 * they are left out, and reported apart as inPage.
 */
export function coverage(story: readonly string[][], root: readonly string[][], page: readonly string[][]): { coverage: number; inPage: number } {
  const s = storyShingles(story);
  if (!s.want.size) return { coverage: 1, inPage: 1 };
  const inPage = found(s, page);
  if (!inPage.size) return { coverage: 1, inPage: 0 };
  const inRoot = found({ want: inPage, sizes: s.sizes }, root);
  return { coverage: inRoot.size / inPage.size, inPage: inPage.size / s.want.size };
}

/** Share of a text's 5-grams that are 5-grams of the story (within its blocks). */
function precision(story: readonly string[][], text: readonly string[]): number {
  const mine = grams(text, N, new Set());
  if (!mine.size) return 1;
  const theirs = new Set<string>();
  for (const b of story) grams(b, N, theirs);
  let hit = 0;
  for (const s of mine) if (theirs.has(s)) hit++;
  return hit / mine.size;
}

/** The rule detectArticle had before this measurement: articleBody, else the longest <article>, else <main>, else body. */
export function markupRoot(doc: Document): Element {
  const body = doc.querySelector('[itemprop="articleBody"]');
  if (body) return body;
  const articles = [...doc.querySelectorAll('article')];
  if (articles.length) return articles.reduce((a, b) => ((b.textContent?.length ?? 0) > (a.textContent?.length ?? 0) ? b : a));
  return doc.querySelector('main, [role="main"]') ?? doc.body ?? doc.documentElement;
}

export function pageNames(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => existsSync(join(dir, n, 'source.html'))).sort() : [];
}

function describeRoot(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
  const prop = el.getAttribute('itemprop') ? `[itemprop=${el.getAttribute('itemprop')}]` : '';
  return `${el.localName}${id}${cls}${prop}`;
}

export interface MeasureOptions {
  /** The root of an article page, instead of detectArticle's (--before: markupRoot). */
  rootOf?: (doc: Document) => Element;
}

/** One page: detectArticle on its source, the coverage of its root (body when the page is not an article). */
export function measurePage(dir: string, name: string, options: MeasureOptions = {}): PageCoverage {
  const url = `https://example.test/${name}/`;
  const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as { readerable?: boolean };
  const source = parsePage(readFileSync(join(dir, name, 'source.html'), 'utf8'), url).dom;
  const expected = parsePage(readFileSync(join(dir, name, 'expected.html'), 'utf8'), url).dom;
  try {
    const doc = source.window.document;
    const info = detectArticle(doc);
    const root = info.isArticle && options.rootOf ? options.rootOf(doc) : info.root;
    const story = blocks(expected.window.document.body);
    const page = blocks(doc.body ?? doc.documentElement);
    const read = collectText(root).text.split(/\s+/).filter(Boolean);
    return {
      name, isArticle: info.isArticle, reason: info.reason, readerable: meta.readerable === true, root: describeRoot(root),
      ...coverage(story, blocks(root), page), read: coverage(story, [read], page).coverage, precision: precision(story, read),
      storyWords: story.flat().length,
    };
  } finally {
    source.window.close();
    expected.window.close();
  }
}

export function measureStoryRoots(dir: string, options: MeasureOptions = {}): PageCoverage[] {
  return pageNames(dir).map((name) => measurePage(dir, name, options));
}

export function summarize(pages: readonly PageCoverage[]): Summary {
  const atLeast95 = pages.filter((p) => p.coverage >= 0.95).length;
  const listed = (keep: (p: PageCoverage) => boolean) => pages.filter(keep).map(({ name, coverage: c }) => ({ name, coverage: c }));
  return {
    pages: pages.length, atLeast95, share95: pages.length ? atLeast95 / pages.length : 1,
    min: Math.min(1, ...pages.map((p) => p.coverage)),
    below95: listed((p) => p.coverage < 0.95), belowHalf: listed((p) => p.coverage < 0.5),
  };
}

function report(title: string, pages: readonly PageCoverage[]): void {
  const s = summarize(pages);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const mean = (f: (p: PageCoverage) => number) => (pages.reduce((a, p) => a + f(p), 0) / Math.max(1, pages.length)).toFixed(3);
  console.log(`\n${title}: ${s.pages} pages; coverage ≥ 0.95 on ${s.atLeast95} (${pct(s.share95)}); minimum ${s.min.toFixed(3)}; below half: ${s.belowHalf.length}`);
  for (const p of s.below95) console.log(`  below 0.95: ${p.name} ${p.coverage.toFixed(3)}`);
  console.log(`  (not asserted) read ≥ 0.95 on ${pages.filter((p) => p.read >= 0.95).length}, mean read ${mean((p) => p.read)}, mean precision ${mean((p) => p.precision)}`);
}

if (process.argv[1]?.endsWith('story-root.ts')) {
  const args = process.argv.slice(2);
  const before = args.includes('--before');
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join('..', 'shared', 'pages', 'readability'));
  const pages = measureStoryRoots(dir, before ? { rootOf: markupRoot } : {});
  if (!pages.length) {
    console.error(`no pages in ${dir}`);
    process.exit(1);
  }
  console.log(`root rule: ${before ? 'before (markupRoot)' : 'detectArticle'}\ncoverage read precision  page  verdict  root  (story)`);
  for (const p of pages) {
    console.log(`${p.coverage.toFixed(3)} ${p.read.toFixed(3)} ${p.precision.toFixed(2)}  ${p.name}  ${p.isArticle ? p.reason : 'not an article'}${p.readerable ? '' : ' (not readerable)'}  ${p.root}  (${p.storyWords} words, ${(100 * p.inPage).toFixed(0)}% of its shingles in the page)`);
  }
  report('Article pages (detectArticle)', pages.filter((p) => p.isArticle));
  report('Readerable pages (expected-metadata), root as detectArticle returns it (body when not an article)', pages.filter((p) => p.readerable));
  const unread = pages.filter((p) => p.readerable && !p.isArticle).map((p) => p.name);
  console.log(`Readerable pages detectArticle does not call articles (their text is not scanned by default): ${unread.length ? unread.join(', ') : 'none'}`);
}
