/**
 * Is this page an article, where is its main text, and when was it published? Structured data first
 * (JSON-LD, Open Graph), then markup (<article>), then Readability's isProbablyReaderable.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle', 'BlogPosting',
  'LiveBlogPosting', 'Report', 'ScholarlyArticle', 'TechArticle', 'SocialMediaPosting',
]);

export interface ArticleInfo {
  isArticle: boolean;
  /** How it was decided, for debugging and tests. */
  reason: 'json-ld' | 'og:type' | 'article-element' | 'readerable' | 'none';
  /** The element holding the article's main text (body when unknown). */
  root: Element;
  /** Publication date, YYYY-MM-DD, or null. */
  published: string | null;
}

interface JsonLdNode {
  '@type'?: unknown;
  '@graph'?: unknown;
  datePublished?: unknown;
  [key: string]: unknown;
}

/**
 * isProbablyReaderable's minContentLength (its default): a node with less text never counts towards the score.
 * mainRoot counts the page's paragraphs of this length.
 */
const MIN_CONTENT_LENGTH = 140;

/**
 * The filter isProbablyReaderable applies first to every paragraph. The length test the library makes last
 * comes first here: the untrimmed length is an upper bound, so the verdict is the same (a property test
 * compares them, and fails if the library's threshold drops below this one), and on a page of short
 * paragraphs (a shop, an app) most nodes are turned away before the library's class-name expressions and
 * selector match. On the benchmark's shop page in Chromium, detection as a whole took 0.5 to 0.9 ms where the library's test alone,
 * with the visibility filter only, took 0.9 to 1.4 (medians of 15 runs, in the same pages). Then Readability's
 * own visibility test, without reading element.style (which builds a style object for every paragraph):
 * display: none in the style attribute, hidden, aria-hidden (except its "fallback-image" case).
 */
function mayCount(node: Element, minLength = MIN_CONTENT_LENGTH): boolean {
  return node.textContent!.length >= minLength && !/display\s*:\s*none/i.test(node.getAttribute('style') ?? '')
    && !node.hasAttribute('hidden') && (node.getAttribute('aria-hidden') !== 'true' || node.className.includes?.('fallback-image'));
}

/**
 * Chinese, Japanese and Korean say in one character what English says in two or more, so their paragraphs are
 * shorter in characters: a Xinhua story's run 68 to 174 characters, and scored 9 where isProbablyReaderable
 * wants 20. Such a page is weighed again with each character counted twice: paragraphs of 70 characters, and
 * the score (the sum of the square roots of the lengths beyond it) scaled by the square root of 2.
 */
const CJK_MIN_CONTENT_LENGTH = MIN_CONTENT_LENGTH / 2;
const CJK_MIN_SCORE = 20 / Math.SQRT2;

/** mayCount at CJK_MIN_CONTENT_LENGTH. */
function mayCountCjk(node: Element): boolean {
  return mayCount(node, CJK_MIN_CONTENT_LENGTH);
}

/**
 * The page says it is in Chinese, Japanese or Korean, or its title is written in them (most such pages set no
 * lang). The blocks of Hangul Jamo, Kana, Hangul compatibility Jamo, CJK ideographs, Hangul syllables and CJK
 * compatibility ideographs, as plain ranges: a class of Unicode scripts costs the engine a compile of its own
 * on every page that gets here, most of them not articles (0.1 to 0.5 ms in the bench's non-article figure).
 */
const CJK_LETTER = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
function writtenInCjk(doc: Document): boolean {
  return /^(zh|ja|ko)\b/i.test(doc.documentElement.lang) || CJK_LETTER.test(doc.title);
}

function jsonLdNodes(doc: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      nodes.push(value as JsonLdNode);
      visit((value as JsonLdNode)['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken structured data is common; the page is judged by its other signals.
    }
  }
  return nodes;
}

function types(node: JsonLdNode): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

export function toIsoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function meta(doc: Document, name: string): string | null {
  const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
  return el?.getAttribute('content')?.trim() || null;
}

export function detectArticle(doc: Document): ArticleInfo {
  const articleNode = jsonLdNodes(doc).find((n) => types(n).some((t) => ARTICLE_TYPES.has(t)));
  let reason: ArticleInfo['reason'] = 'none';
  if (articleNode) reason = 'json-ld';
  else if (meta(doc, 'og:type')?.toLowerCase() === 'article') reason = 'og:type';
  else if (doc.querySelector('article') && !isFeed(doc)) reason = 'article-element';
  else if (doc.body && (isProbablyReaderable(doc, { visibilityChecker: mayCount })
    || (writtenInCjk(doc) && isProbablyReaderable(doc, { visibilityChecker: mayCountCjk, minContentLength: CJK_MIN_CONTENT_LENGTH, minScore: CJK_MIN_SCORE })))) reason = 'readerable';
  // Most pages are not articles: they stop here, at the cost of a few selector queries.
  if (reason === 'none') return { isArticle: false, reason, root: doc.body ?? doc.documentElement, published: null };
  const root = mainRoot(doc);
  const published =
    toIsoDate(articleNode?.datePublished) ??
    toIsoDate(meta(doc, 'article:published_time')) ??
    toIsoDate(root.querySelector('time[datetime]')?.getAttribute('datetime') ?? doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  return { isArticle: true, reason, root, published };
}

/** Outer <article> elements a feed is judged by: enough to tell, few enough to stay cheap on an endless feed. */
const FEED_SAMPLE = 50;

/**
 * Several <article>s of which none holds most of their text: a feed, a profile's posts or a list of results,
 * whose items are articles in markup only (X and Mastodon mark each post so). An article page's <article>
 * holds its story, longer than the teasers and comments marked beside it.
 */
function isFeed(doc: Document): boolean {
  const outer: Element[] = [];
  for (const a of doc.getElementsByTagName('article')) {
    if (a.parentElement?.closest('article')) continue;
    if (outer.push(a) === FEED_SAMPLE) break;
  }
  // (Most article pages have one or two: their text is not read here; mainRoot reads it.)
  if (outer.length < 3) return false;
  let total = 0;
  let most = 0;
  for (const a of outer) {
    const n = a.textContent!.length;
    total += n;
    most = Math.max(most, n);
  }
  return most < total / 2;
}

/**
 * The element with the article's text: the longest articleBody (a <meta itemprop="articleBody"> holds no
 * text), else the longest <article>, else <main>, else body; but where the element markup names holds less
 * than a quarter of the page's paragraph text (<p> of MIN_CONTENT_LENGTH characters or more, trimmed), its
 * nearest ancestor that holds half of it. Markup alone misleads: a page's only <article> can be a photo box
 * after the story or a promotion, an articleBody a teaser. The root only ever widens from the element markup
 * named, so nothing it held is dropped.
 *
 * Measured with scripts/story-root.ts on the 130 pages of mozilla/readability's tests (the share of the story
 * Readability extracts that lies in the root, by word 5-grams), over the 124 that detectArticle calls articles:
 * markup alone held ≥ 95% of the story on 118 (95.2%), three pages under half: aclu 0% and nytimes-5 16%
 * (their longest <article> a promotion), seattletimes-1 0% (its first articleBody a <meta>). With this rule:
 * 122 (98.4%), the least 91% (nytimes-3 and -4: their summary, captions and author's note lie outside the
 * articleBody). Where markup's element held the story it held at least 29% of the paragraph text (yahoo-2; then
 * heise 39%, liberation-1 41%, wordpress 43%, cnn 45%); where it did not, at most 4% (nytimes-5; aclu 0%, and
 * firefox-nightly-blog's <article>, whose story is lists and whose comments Readability counts, 0%). Paragraph
 * thresholds of 25, 80 and 140 characters give the same roots. A trigger at a half would widen those five
 * correct roots too, and cnn's <main> has a class collectText skips as furniture ("js-social-anchor-start"):
 * above it, none of its story would be read. Also measured: widening until the root holds the parent with the
 * most paragraph text (a densest block) reached the same 122 pages with 25 to 100 characters, but from 120 it
 * widened cnn's <main> to body (its story puts one paragraph per <div>; a legal notice outside weighed more). Readability's scoring was
 * not tried (nor cloning the document): this is one pass over the paragraphs, made only on an article page
 * whose markup names an element; the walk up, rare, reads the list again at each step.
 */
function mainRoot(doc: Document): Element {
  const marked = longest(doc.querySelectorAll('[itemprop="articleBody"]')) ?? longest(doc.querySelectorAll('article'))
    ?? doc.querySelector('main, [role="main"]');
  if (!marked) return doc.body ?? doc.documentElement;
  if (holdsAQuarter(doc, marked)) return marked;
  const paragraphs = storyParagraphs(doc);
  const total = paragraphs.reduce((sum, [, n]) => sum + n, 0);
  const held = (el: Element) => paragraphs.reduce((sum, [p, n]) => (el.contains(p) ? sum + n : sum), 0);
  let root = marked;
  while (root.parentElement && held(root) < total / 2) root = root.parentElement;
  return root;
}

/**
 * Does el hold at least a quarter of the page's story-paragraph text (see storyParagraphs)? That is, three times
 * its own at least what lies outside it. The paragraphs outside are measured first (on an article page, a few:
 * navigation, teasers, the footer), then those inside only until they reach a third of that: on the benchmark's
 * 5 MB article, measuring every paragraph took about 20 ms in one task, nearly all of it inside the story.
 */
function holdsAQuarter(doc: Document, el: Element): boolean {
  // el's paragraphs come in document order, one after another, among the page's.
  const inside = el.getElementsByTagName('p');
  let outside = 0;
  let k = 0;
  for (const p of doc.getElementsByTagName('p')) {
    if (p === inside[k]) k++;
    else if (p !== el) outside += storyLength(p);
  }
  // (An articleBody may be a <p> itself.)
  let held = el.localName === 'p' ? storyLength(el) : 0;
  for (let i = 0; i < inside.length && held * 3 < outside; i++) held += storyLength(inside[i]);
  return held * 3 >= outside;
}

/** A paragraph's trimmed length if it counts as story text, else 0. */
function storyLength(p: Element): number {
  const n = p.textContent!.trim().length;
  return n >= MIN_CONTENT_LENGTH ? n : 0;
}

/**
 * The paragraphs that may be a story's, with their length: <p> of MIN_CONTENT_LENGTH characters or more,
 * trimmed (what mainRoot weighs roots by, and collectText weighs a wrapper named like furniture by).
 */
export function storyParagraphs(scope: Document | Element): Array<[Element, number]> {
  const out: Array<[Element, number]> = [];
  for (const p of scope.getElementsByTagName('p')) {
    const n = storyLength(p);
    if (n > 0) out.push([p, n]);
  }
  return out;
}

/**
 * Of the elements that hold any text (a <meta itemprop="articleBody"> holds none), the one with the most. One
 * alone is only checked for text, not measured: the usual page has one <article>, and its textContent, the
 * whole story as one string, cost 13 ms at 1 MB and 61 ms at 5 MB in one task. Each is measured once.
 */
function longest(els: NodeListOf<Element>): Element | undefined {
  if (els.length === 1) return hasText(els[0]) ? els[0] : undefined;
  let best: Element | undefined;
  let most = 0;
  for (const e of els) {
    const n = e.textContent!.length;
    if (n > most) {
      best = e;
      most = n;
    }
  }
  return best;
}

/** Does el hold a text node that is not empty? (Only its first such node is looked for.) */
function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.length > 0) return true;
  return false;
}
