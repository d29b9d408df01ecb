/**
 * Property tests over random DOM trees (fast-check, jsdom). Each property runs on 10,000 generated pages:
 *   1. scanning, highlighting and clearing leave the document exactly as it was, and the highlight registry
 *      holds one range per citation while highlighted and none of StateLens's names after clear();
 *   2. a rescan gives the same citations, also while the highlights are applied;
 *   3. no citation covers text StateLens must never read (scripts, styles, code, forms, editable regions,
 *      SVG, navigation, asides, aria-hidden), and a text citation's range reads as its surface;
 *   4. no generated page makes scanPage throw;
 *   5. collectText, which judges each element once as its walk enters it, reads what the rules say when they
 *      are applied to each text node on its own (climbing its ancestors), node for node and offset for offset.
 * Properties 1, 2 and 4 are checked together on each page (one test), property 3 on its own: a failure of one
 * test leaves the other running. The trees are built with DOM calls, so they also hold what the HTML parser
 * never makes (children of a <template> element outside its content, elements inside <script> or <input>,
 * adjacent and empty text nodes, lone surrogates). Seeds are fixed: a failure prints the counterexample as
 * a page description (its HTML as a JS string) and the seed and path that replay it. FUZZ_RUNS=500 runs
 * fewer pages while working on the file.
 */
import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Typology } from '../../src/core/typology';
import { blockOf, collectText, isSkipped } from '../../src/dom/collect-text';
import { Highlighter, type Style } from '../../src/dom/highlight';
import { scanPage, type PageScan } from '../../src/dom/scan-page';
import { realRegistry } from '../helpers/registry';

const { registry, matcher, hosts } = realRegistry();

const RUNS = Number(process.env.FUZZ_RUNS) || 10_000;
const SVG_NS = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------------------------------------------------
// A stand-in for the CSS Custom Highlight API, which jsdom lacks. Like the real one: Highlight is a set of
// ranges (with a priority and a type) that takes only ranges, and CSS.highlights is a map from names to
// Highlight objects that refuses anything else.

/** AbstractRange of every window below (a Highlight takes ranges of any of them). */
const RANGE_TYPES: Array<abstract new () => AbstractRange> = [];

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type: 'highlight' | 'spelling-error' | 'grammar-error' = 'highlight';

  constructor(...ranges: AbstractRange[]) {
    super();
    for (const range of ranges) {
      if (!RANGE_TYPES.some((type) => range instanceof type)) throw new TypeError('Highlight: not an AbstractRange');
      this.add(range);
    }
  }
}

class FakeHighlightRegistry extends Map<string, FakeHighlight> {
  override set(name: string, highlight: FakeHighlight): this {
    if (!(highlight instanceof FakeHighlight)) throw new TypeError('HighlightRegistry.set: not a Highlight');
    return super.set(name, highlight);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Where pages are built: a jsdom window per page address, made once (a new window costs ~20 ms, a new
// document ~2 ms), whose document each run empties and fills. jsdom moves the live ranges of removed nodes
// to their parent, and holds ranges through WeakRefs, whose targets stay alive until the current job (here
// the whole synchronous fc.assert) ends: ranges left over from earlier runs would pile up on <html> and make
// every run slower than the last. So the document's createRange (an own property wrapping the real one)
// notes each range it makes, and after each run those ranges are moved into a detached node. Apart from that
// and the highlight stand-in, the documents are the windows' own, with their location and defaultView.

interface Site {
  win: JSDOM['window'];
  doc: Document;
  highlights: FakeHighlightRegistry;
  /** The page's own highlight (a search-hit marker, say): StateLens must leave it alone. */
  pageOwn: FakeHighlight;
  /** Ranges made in the current run. */
  ranges: Range[];
}

const PAGE_URLS = [
  'https://news.example/world/2024/story.html', 'https://sana.sy/en/?p=12345', 'https://www.rt.com/news/1-story/',
  'https://tass.com/politics/1', 'http://localhost:8080/a', 'file:///home/reader/saved.html',
];

const SITES = new Map(
  PAGE_URLS.map((url): [string, Site] => {
    // Random text in <style> is not CSS: jsdom's complaints about it are noise.
    const win = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url, virtualConsole: new VirtualConsole() }).window;
    const doc = win.document;
    const highlights = new FakeHighlightRegistry();
    Object.assign(win, { CSS: { highlights }, Highlight: FakeHighlight });
    RANGE_TYPES.push(win.AbstractRange);
    const pageOwn = new FakeHighlight();
    highlights.set('page-search-hit', pageOwn);
    const site: Site = { win, doc, highlights, pageOwn, ranges: [] };
    const createRange = win.Document.prototype.createRange;
    Object.defineProperty(doc, 'createRange', {
      value: () => {
        const range = createRange.call(doc);
        site.ranges.push(range);
        return range;
      },
    });
    return [url, site];
  }),
);

/** Moves the run's ranges out of the page (see above). */
function releaseRanges(site: Site): void {
  const away = site.doc.createTextNode('');
  for (const range of site.ranges) {
    range.setStart(away, 0);
    range.setEnd(away, 0);
  }
  site.ranges = [];
}

const statelensEntries = (site: Site) => [...site.highlights].filter(([name]) => name.startsWith('statelens-'));

// ---------------------------------------------------------------------------------------------------------
// Generated pages.

type Tree =
  | { kind: 'text'; data: string }
  | { kind: 'comment'; data: string }
  | { kind: 'element'; tag: string; svg: boolean; attrs: Array<[string, string]>; children: Tree[]; intoContent: boolean };

interface Page {
  url: string;
  head: Tree[];
  /** Body-less pages put the content straight into <html>. */
  noBody: boolean;
  bodyAttrs: Array<[string, string]>;
  body: Tree[];
  allPages: boolean;
  style: Style;
}

const text = (data: string): Tree => ({ kind: 'text', data });
const el = (tag: string, attrs: Array<[string, string]> = [], children: Tree[] = []): Tree =>
  ({ kind: 'element', tag, svg: false, attrs, children, intoContent: false });

const OUTLET_HREFS = [
  'https://sana.sy/en/?p=1', 'https://www.sana.sy/', 'http://SANA.SY/ar/', 'https://www.rt.com/news/1-story/',
  'https://arabic.rt.com/', 'https://tass.com/world/2', 'https://tass.ru/', 'https://english.news.cn/x',
  'https://www.xinhuanet.com/english/', '//sana.sy/x', 'https://user:pw@tass.com:8080/x',
];
const OTHER_HREFS = [
  'https://www.bbc.co.uk/news', 'https://evil-sana.sy/', 'https://sana.sy.example.net/', 'https://example.org/sana.sy',
  '/local/path', '#top', 'mailto:desk@sana.sy', 'javascript:void(0)', 'http://[::1', '', 'https://xn--mgbaam.example/',
];
const MENTIONS = [
  'SANA said', 'Syrian Arab News Agency (SANA)', 'سانا', 'RT reported', 'according to TASS', 'Xinhua', "Sana'a",
  'Sana’a', 'quoted by SANA', 'The Sana report said', 'the report added', 'Syrian Arab', 'News Agency', 'SANA', 'RT',
  'TASS', 'RT @user', 'CCTV footage', 'Fars province', '据新华社报道', '新华社', 'الوكالة العربية السورية للأنباء',
  'Sana Mir', 'sana.sy',
];
const WORDS = [
  'the', 'minister', 'said', 'on', 'Tuesday', 'that', 'talks', 'Damascus', 'Moscow', 'report', 'agency', 'news',
  'officials', 'a', 'statement', 'Sana', 'Russia',
];
const ODD = [
  '📰', '👍🏽', '🇸🇾', '\ud800', '\udc00', '\u200b', '\u200f', '\u00a0', 'مرحبا بالعالم', '北京今天下雨', 'İ', 'ß', 'ﬁ',
  'é', '\u0000', '&amp;', '<b>',
];
const SEPARATORS = [' ', ' ', ' ', '', '  ', '\n', '\t', '\r\n', '. ', ', ', ': ', ' (', ') ', '"'];

const textData = fc
  .array(
    fc.tuple(
      fc.oneof(
        { arbitrary: fc.constantFrom(...MENTIONS), weight: 3 },
        { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
        { arbitrary: fc.constantFrom(...ODD), weight: 2 },
        { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)), maxLength: 3 }), weight: 1 },
      ),
      fc.constantFrom(...SEPARATORS),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.map(([token, sep]) => token + sep).join(''));

const ORDINARY_TAGS = ['p', 'div', 'span', 'em', 'b', 'br', 'article', 'section', 'h1', 'h2', 'ul', 'li', 'blockquote'];
/** Pseudo-tags: "editable" is a <div contenteditable>, "svg" an <svg><text>…</text></svg>. */
const NEVER_READ_TAGS = ['script', 'style', 'noscript', 'template', 'textarea', 'input', 'code', 'pre', 'editable', 'svg', 'nav', 'aside'];
const ATTRIBUTES: Array<[string, string]> = [
  ['class', 'lead'], ['class', 'story-body'], ['class', 'comments'], ['class', 'related-links'], ['id', 'main'],
  ['id', 'sidebar'], ['role', 'navigation'], ['role', 'main'], ['hidden', ''], ['aria-hidden', 'true'],
  ['aria-hidden', 'false'], ['contenteditable', 'false'], ['itemprop', 'articleBody'], ['title', 'SANA said'],
  ['lang', 'ar'], ['dir', 'rtl'], ['style', 'display:none'], ['data-note', 'RT reported'],
];
const EDITABLE_VALUES = ['true', '', 'plaintext-only'];

const hrefArb = fc.oneof(fc.constantFrom(...OUTLET_HREFS), fc.constantFrom(...OTHER_HREFS));
const attrsArb = fc.uniqueArray(fc.constantFrom(...ATTRIBUTES), { maxLength: 2, selector: ([name]) => name });

/** Mentions cut in two around another node: "Syrian Arab <code>x</code>News Agency". */
const SPLIT_MENTIONS = [
  'Syrian Arab News Agency (SANA) said', 'SANA said', 'according to TASS', 'RT reported', 'Xinhua said',
  'الوكالة العربية السورية للأنباء', '据新华社报道',
];

const { node: nodeArb } = fc.letrec<{ node: Tree; element: Tree; split: Tree }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    { arbitrary: textData.map(text), weight: 5 },
    { arbitrary: textData.map((data): Tree => ({ kind: 'comment', data })), weight: 1 },
    { arbitrary: tie('element'), weight: 4 },
    { arbitrary: tie('split'), weight: 1 },
  ),
  split: fc
    .record({
      mention: fc.constantFrom(...SPLIT_MENTIONS),
      atSpace: fc.boolean(),
      cut: fc.nat(),
      middle: fc.oneof(tie('element'), textData.map((data): Tree => ({ kind: 'comment', data }))),
      wrap: fc.constantFrom('p', 'span', 'li', 'h2'),
      before: textData,
      after: textData,
    })
    .map(({ mention, atSpace, cut, middle, wrap, before, after }) => {
      // Half the time between words, else anywhere inside the mention.
      const spaces = [...mention.matchAll(/ /g)].map((m) => m.index + 1);
      const at = atSpace && spaces.length ? spaces[cut % spaces.length] : 1 + (cut % (mention.length - 1));
      return el(wrap, [], [text(`${before} ${mention.slice(0, at)}`), middle, text(`${mention.slice(at)} ${after}`)]);
    }),
  element: fc
    .record({
      tag: fc.oneof(
        { arbitrary: fc.constantFrom(...ORDINARY_TAGS), weight: 5 },
        { arbitrary: fc.constant('a'), weight: 2 },
        { arbitrary: fc.constantFrom(...NEVER_READ_TAGS), weight: 2 },
      ),
      attrs: attrsArb,
      children: fc.array(tie('node'), { maxLength: 3 }),
      href: hrefArb,
      editable: fc.constantFrom(...EDITABLE_VALUES),
      intoContent: fc.boolean(),
    })
    .map(({ tag, attrs, children, href, editable, intoContent }): Tree => {
      if (tag === 'a') return el('a', [['href', href], ...attrs], children);
      if (tag === 'editable') return el('div', [['contenteditable', editable], ...attrs], children);
      if (tag === 'svg') {
        const inner: Tree = { kind: 'element', tag: 'text', svg: true, attrs: [], children, intoContent: false };
        return { kind: 'element', tag: 'svg', svg: true, attrs, children: [inner], intoContent: false };
      }
      // <br> keeps no children; <input> may (only DOM calls can give it some, and they must stay unread).
      if (tag === 'br') return el('br', attrs);
      return { kind: 'element', tag, svg: false, attrs, children, intoContent: tag === 'template' && intoContent };
    }),
}));

const FILLER =
  'The council met on Tuesday to discuss the budget for the coming year, and the members spoke at length about ' +
  'roads, schools, water and the harbour, which has been closed for repairs since the storm in the spring. ';
// Two of them make a page without <article> read as one (Readability's isProbablyReaderable); one does not.
const fillerArb = fc.constantFrom(FILLER + 'The mayor thanked the volunteers for their work.', FILLER + 'Officials said, according to TASS, that the talks went well.');
const HEAD_ITEMS: Tree[] = [
  el('script', [['type', 'application/ld+json']], [text('{"@type":"NewsArticle","datePublished":"2024-03-01"}')]),
  el('script', [['type', 'application/ld+json']], [text('{not json')]),
  el('meta', [['property', 'og:type'], ['content', 'article']]),
  el('meta', [['property', 'article:published_time'], ['content', '2023-01-02T00:00:00Z']]),
  el('title', [], [text('SANA said: breaking')]),
  el('base', [['href', 'https://sana.sy/']]),
];

const LAYOUTS = ['plain', 'article', 'two-articles', 'articleBody', 'main'] as const;

const pageArb: fc.Arbitrary<Page> = fc
  .record({
    url: fc.constantFrom(...PAGE_URLS),
    // Structured data makes a page an article; half the pages have none.
    head: fc.oneof(fc.constant<Tree[]>([]), fc.subarray(HEAD_ITEMS, { minLength: 1 })),
    noBody: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    bodyAttrs: attrsArb,
    layout: fc.constantFrom(...LAYOUTS),
    kids: fc.array(nodeArb, { maxLength: 4 }),
    // Long paragraphs on a third of the pages.
    fillers: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 2 }, { arbitrary: fc.array(fillerArb, { minLength: 1, maxLength: 2 }), weight: 1 }),
    allPages: fc.boolean(),
    style: fc.constantFrom<Style>('background', 'underline', 'none'),
  })
  .map(({ layout, kids, fillers, ...rest }): Page => {
    const filler = fillers.map((f) => el('p', [], [text(f)]));
    let body: Tree[];
    switch (layout) {
      case 'plain': body = [...filler, ...kids]; break;
      case 'article': body = [el('article', [], [...kids, ...filler])]; break;
      case 'two-articles': body = [el('article', [], [el('p', [], [text('A short teaser.')])]), el('article', [], [...kids, ...filler])]; break;
      case 'articleBody': body = [el('div', [['itemprop', 'articleBody']], kids), ...filler]; break;
      case 'main': body = [el('main', [], [...kids, ...filler])]; break;
    }
    return withPrinter({ ...rest, body });
  });

// ---------------------------------------------------------------------------------------------------------
// Building a page in its site's document, and printing one (for counterexamples).

function build(doc: Document, tree: Tree, parent: Node): void {
  if (tree.kind === 'text') parent.appendChild(doc.createTextNode(tree.data));
  else if (tree.kind === 'comment') parent.appendChild(doc.createComment(tree.data));
  else {
    const element = tree.svg ? doc.createElementNS(SVG_NS, tree.tag) : doc.createElement(tree.tag);
    for (const [name, value] of tree.attrs) element.setAttribute(name, value);
    const target = tree.intoContent ? (element as HTMLTemplateElement).content : element;
    for (const child of tree.children) build(doc, child, target);
    parent.appendChild(element);
  }
}

function render(page: Page): Site {
  const site = SITES.get(page.url)!;
  const doc = site.doc;
  // Built apart, then put in the page at once (cheaper in jsdom than growing the live tree).
  const head = doc.createElement('head');
  page.head.forEach((t) => build(doc, t, head));
  let body: Node;
  if (page.noBody) body = doc.createDocumentFragment();
  else {
    body = doc.createElement('body');
    for (const [name, value] of page.bodyAttrs) (body as Element).setAttribute(name, value);
  }
  page.body.forEach((t) => build(doc, t, body));
  doc.documentElement.replaceChildren(head, body);
  return site;
}

const VOID = new Set(['br', 'input', 'meta', 'base']);
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attrsHtml = (attrs: Array<[string, string]>) => attrs.map(([n, v]) => ` ${n}="${escapeText(v).replace(/"/g, '&quot;')}"`).join('');
function toHtml(tree: Tree): string {
  if (tree.kind === 'text') return escapeText(tree.data);
  if (tree.kind === 'comment') return `<!--${tree.data}-->`;
  const attrs = attrsHtml(tree.attrs);
  const inner = tree.children.map(toHtml).join('');
  if (VOID.has(tree.tag) && !inner) return `<${tree.tag}${attrs}>`;
  const note = tree.tag === 'template' && !tree.intoContent && inner ? '<!--[children of the element, not of .content]-->' : '';
  return `<${tree.tag}${attrs}>${note}${inner}</${tree.tag}>`;
}

function describePage(page: Page): string {
  const head = page.head.map(toHtml).join('');
  const body = page.body.map(toHtml).join('');
  const html = page.noBody ? `<head>${head}</head>${body}` : `<head>${head}</head><body${attrsHtml(page.bodyAttrs)}>${body}</body>`;
  return `Page(url=${page.url}, allPages=${page.allPages}, style=${page.style}, built with DOM calls as: ${JSON.stringify(html)})`;
}

function withPrinter(page: Page): Page {
  return Object.assign(page, { [fc.toStringMethod]: () => describePage(page) });
}

// ---------------------------------------------------------------------------------------------------------
// Looking at the document.

/** Every node of the document in tree order (template contents included), with a line describing each. */
function walk(root: Node): { lines: string[]; nodes: Node[] } {
  const lines: string[] = [];
  const nodes: Node[] = [];
  const stack: Array<[Node, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    nodes.push(node);
    let line = `${depth} ${node.nodeType} ${node.nodeName}`;
    if (node.nodeType === 1) {
      const element = node as Element;
      line += ` ${element.namespaceURI}`;
      for (const a of element.attributes) line += ` ${a.name}=${JSON.stringify(a.value)}`;
    } else if (node.nodeType === 3 || node.nodeType === 8) line += ` ${JSON.stringify((node as CharacterData).data)}`;
    lines.push(line);
    if (node.nodeName === 'TEMPLATE') stack.push([(node as HTMLTemplateElement).content, depth + 1]);
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push([child, depth + 1]);
  }
  return { lines, nodes };
}

const NEVER_READ = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'code', 'pre', 'svg', 'nav', 'aside']);
/** HTML: contenteditable="", "true" and "plaintext-only" (any case) make an element editable. */
const isNeverRead = (element: Element) =>
  NEVER_READ.has(element.localName.toLowerCase()) ||
  ['', 'true', 'plaintext-only'].includes(element.getAttribute('contenteditable')?.toLowerCase() ?? 'false') ||
  // aria-hidden on the body or the root is left out on purpose: modal dialogs set it on the page behind them
  // for a moment, and StateLens still reads the article then (src/dom/scan-page.ts, insideSkipped).
  (element.getAttribute('aria-hidden') === 'true' && element.localName !== 'body' && element.localName !== 'html');

/** The nodes of the document inside (or being) an element StateLens must never read. */
function neverReadNodes(doc: Document): Node[] {
  const out: Node[] = [];
  const stack: Array<[Node, boolean]> = [[doc, false]];
  while (stack.length) {
    const [node, above] = stack.pop()!;
    const inside = above || (node.nodeType === 1 && isNeverRead(node as Element));
    if (inside) out.push(node);
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push([child, inside]);
  }
  return out;
}

/** A scan as plain data; range boundaries as positions in the walk, so two scans of one tree compare. */
function summarise(scan: PageScan, index: Map<Node, number>) {
  return {
    isArticle: scan.article.isArticle,
    reason: scan.article.reason,
    root: index.get(scan.article.root),
    site: scan.site,
    text: scan.collected?.text ?? null,
    attribution: scan.attribution && { sentences: scan.attribution.sentences, perOutlet: [...scan.attribution.attributedSentences] },
    citations: scan.citations.map((c, i) => ({
      outlet: c.outlet, via: c.via, surface: c.surface, start: c.start, end: c.end, attributed: scan.attribution?.attributed[i] ?? false,
      from: [index.get(c.range.startContainer), c.range.startOffset],
      to: [index.get(c.range.endContainer), c.range.endOffset],
    })),
  };
}

const typologyOf = (outlet: number) => (registry.index.outlets[outlet][1] || null) as Typology | null;
const highlightItems = (scan: PageScan) => scan.citations.map((c) => ({ range: c.range, typology: typologyOf(c.outlet) }));
/** A property over generated pages: each run builds its page, checks it, and leaves no range behind. */
const property = (check: (page: Page, site: Site) => void) =>
  fc.property(pageArb, (page) => {
    const site = render(page);
    try {
      check(page, site);
    } finally {
      releaseRanges(site);
      // After a failure, the next run (fast-check shrinking) starts clean.
      for (const [name] of statelensEntries(site)) site.highlights.delete(name);
    }
  });

/**
 * The range's text as it reads: range.toString(), except that a <br> in it is a line break (a citation's
 * surface has one for it). Compared with the surface up to runs of white space, since a line break in the
 * page's text is a space in the surface.
 */
function readRange(range: Range): string {
  const root = range.commonAncestorContainer;
  const piece = (node: Node): string => {
    if (node.nodeName === 'BR') return '\n';
    if (node.nodeType !== 3) return '';
    const data = (node as Text).data;
    return data.slice(node === range.startContainer ? range.startOffset : 0, node === range.endContainer ? range.endOffset : data.length);
  };
  if (root.nodeType === 3) return piece(root);
  let out = '';
  const walker = root.ownerDocument!.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (range.intersectsNode(node)) out += piece(node);
  return out;
}
const collapse = (s: string) => s.replace(/\s+/g, ' ');

/**
 * collectText's rules applied one text node at a time: a node is read unless it or an ancestor below the root
 * is skipped; its block is the nearest block element; blocks are separated by a blank line, a <br> by a line
 * break, and whitespace alone between blocks is not text.
 */
function collectByClimbing(root: Element): { text: string; nodes: Text[]; starts: number[] } {
  let text = '';
  const nodes: Text[] = [];
  const starts: number[] = [];
  let lastBlock: Element | null = null;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    let skipped = false;
    for (let e = node.parentElement; e && e !== root; e = e.parentElement) skipped ||= isSkipped(e);
    if (!node.data || skipped) continue;
    const block = blockOf(node, root);
    if (block !== lastBlock && !/\S/.test(node.data)) {
      if (lastBlock) lastBlock = block;
      continue;
    }
    if (lastBlock && block !== lastBlock) text += '\n\n';
    else if (node.previousSibling?.nodeName === 'BR') text += '\n';
    lastBlock = block;
    nodes.push(node);
    starts.push(text.length);
    text += node.data.replace(/[\n\r\t\f]/g, ' ');
  }
  return { text, nodes, starts };
}
const scan = (page: Page, doc: Document) => scanPage(doc, matcher, hosts, { allPages: page.allPages });

// ---------------------------------------------------------------------------------------------------------

describe('scanPage and Highlighter on random DOM trees', () => {
  it('1, 2, 4: scan + highlight + clear leave the page as it was, one range per citation; rescans agree; nothing throws', () => {
    fc.assert(
      property((page, site) => {
        const { doc } = site;
        const beforeHtml = doc.documentElement.outerHTML;
        const before = walk(doc);
        expect(statelensEntries(site), 'no highlight of ours before the run').toEqual([]);

        // 4. No exception escapes (the reader's "all pages" setting is drawn with the page, so both ways).
        const result = scan(page, doc);

        // 2. A rescan gives the same citations.
        const index = new Map(before.nodes.map((n, i) => [n, i]));
        const expected = summarise(result, index);
        expect(summarise(scan(page, doc), index), 'property 2: rescan').toEqual(expected);

        // 1. Highlighting registers one range per citation, under our names, grouped by category. Twice, the
        // second time with another style: apply replaces, it never adds up.
        const highlighter = new Highlighter(doc);
        highlighter.apply(highlightItems(result), page.style === 'underline' ? 'background' : 'underline');
        highlighter.apply(highlightItems(result), page.style);
        const ours = statelensEntries(site);
        expect([...site.highlights.keys()].filter((name) => !name.startsWith('statelens-')), 'property 1: other names').toEqual(['page-search-hit']);
        const registered = ours.flatMap(([, h]) => [...h]);
        expect(registered, 'property 1: ranges registered').toHaveLength(page.style === 'none' ? 0 : result.citations.length);
        if (page.style !== 'none') {
          for (const c of result.citations) expect(ours.filter(([, h]) => h.has(c.range)), 'property 1: highlights holding a citation').toHaveLength(1);
          for (const [, h] of ours) {
            const kinds = new Set(result.citations.filter((c) => h.has(c.range)).map((c) => typologyOf(c.outlet)));
            expect(kinds.size, 'property 1: categories in one highlight').toBe(1);
          }
        }

        // 2. The same while highlighted.
        expect(summarise(scan(page, doc), index), 'property 2: rescan while highlighted').toEqual(expected);

        // 1. clear() removes our highlights and only ours (a flash from the popup too); the document is as it
        // was, node for node.
        if (result.citations.length) highlighter.flash(result.citations[0].range, 1);
        highlighter.clear();
        expect(statelensEntries(site), 'property 1: our highlights after clear()').toEqual([]);
        expect(site.highlights.get('page-search-hit'), "property 1: the page's own highlight").toBe(site.pageOwn);
        expect(doc.documentElement.outerHTML, 'property 1: serialisation').toBe(beforeHtml);
        const after = walk(doc);
        expect(after.lines, 'property 1: node types, names, attributes and data').toEqual(before.lines);
        expect(after.nodes.every((n, i) => n === before.nodes[i]), 'property 1: the same node objects').toBe(true);
      }),
      { seed: 0x5e1e75, numRuns: RUNS },
    );
  }, 300_000);

  it('3: no citation covers what must never be read, and a text citation reads as its surface', () => {
    fc.assert(
      property((page, { doc }) => {
        const forbidden = neverReadNodes(doc);
        for (const c of scan(page, doc).citations) {
          const touched = forbidden.filter((n) => c.range.intersectsNode(n)).map((n) => n.nodeName);
          expect(touched, `a ${c.via} citation "${c.surface}" covers nodes never to be read`).toEqual([]);
          if (c.via === 'text') expect(collapse(readRange(c.range)), 'the range reads as the surface').toBe(collapse(c.surface));
        }
      }),
      { seed: 0x5e1e77, numRuns: RUNS },
    );
  }, 300_000);

  it('5: collectText reads what the rules give node by node', () => {
    fc.assert(
      property((_page, { doc }) => {
        for (const root of [doc.body, ...doc.querySelectorAll('article, main')].filter((r): r is HTMLElement => r !== null)) {
          const { text, nodes, starts } = collectText(root);
          const expected = collectByClimbing(root);
          expect(text).toBe(expected.text);
          expect(starts).toEqual(expected.starts);
          expect(nodes.length === expected.nodes.length && nodes.every((n, i) => n === expected.nodes[i]), 'the same text nodes').toBe(true);
        }
      }),
      { seed: 0x5e1e78, numRuns: RUNS },
    );
  }, 300_000);
});
