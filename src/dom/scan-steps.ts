/**
 * The scan every page runs: article detection, the page's own site, and the links to outlets' sites and
 * accounts; then, on a page whose text is read, the text reader's steps (read-text.ts), handed in as a
 * TextReader or a function that loads one. The content script loads the text reader (reader.js: the matcher,
 * the aliases, the context rules) only on such pages, so that every other page compiles and runs none of it.
 * Takes the document as a parameter; never touches browser.* and never changes the page. (scan-page.ts joins
 * both parts for the command line and the tests.)
 */
import type { LinkAddress, LinkIndex } from '../core/match/links';
import type { ReferenceKind } from '../core/match/reference-kind';
import type { Platform } from '../core/registry/platforms';
import { nextTask } from './next-task';
import { hasSkippedAncestor, isSkipped, type CollectedText } from './collect-text';
import { detectArticle, type ArticleInfo } from './detect-article';
import { lap, pause, resume } from './part-timing';

export interface PageCitation {
  outlet: number;
  via: 'text' | 'link';
  /**
   * Dateline, credit, citation or mention for a name in the text (see TextCitation.kind); 'link' for a link.
   * Attribution, once worked out, turns a mention whose sentence rests on the outlet into a citation.
   */
  kind: ReferenceKind;
  range: Range;
  /** The citation's text as it reads on the page. */
  surface: string;
  /** Offsets in the collected text (-1 for a link whose text is not in it), for sentence lookups. */
  start: number;
  end: number;
}

/** What the citations of a page's text attribute to their outlets. */
export interface Attribution {
  /** Per outlet index: the sentences that rest on it. */
  attributedSentences: Map<number, number>;
  /** Sentences in the text. */
  sentences: number;
  /** Per citation (in the scan's order): whether its sentence gives content to the outlet ("SANA said that..."). */
  attributed: boolean[];
}

export interface PageScan {
  article: ArticleInfo;
  /** The element whose text was read: the article's root, or the body on other pages. */
  scope: Element;
  collected: CollectedText | null;
  citations: PageCitation[];
  /** The outlet whose site this page is on (index), or -1. */
  site: number;
  /**
   * Attribution over the collected text, or null when the text was not read. Worked out on first use (it
   * segments every sentence of the text, which costs more than finding the citations): highlighting does not
   * need it.
   */
  readonly attribution: Attribution | null;
  /**
   * The attribution, worked out in slices (see SliceOptions) rather than in one task, which on a long page is
   * long (the content script's path). Null when the signal stops it.
   */
  attributionSliced(options?: SliceOptions): Promise<Attribution | null>;
}

export interface ScanOptions {
  /** Scan the text of pages that are not articles too (the reader's "all pages" choice). */
  allPages?: boolean;
  /** On pages whose text is not read, label the links to outlets' sites and accounts (default: yes). */
  linksEverywhere?: boolean;
}

export interface SliceOptions {
  /** Longest stretch of work before giving the page its main thread back, in milliseconds. */
  sliceMs?: number;
  /** How to give it back (default: scheduler.yield where there is one, else a macrotask). */
  yieldToPage?: () => Promise<void>;
  /** Stops the scan between two slices (resolves to null). */
  signal?: AbortSignal;
}

/** What the scan found before the page's text is read: handed to the text reader. */
export interface PageFound {
  article: ArticleInfo;
  /** The element whose text is read. */
  scope: Element;
  site: number;
  /** The scope's link citations (the site's own navigation left out). */
  links: PageCitation[];
}

/**
 * The reading of a page's text (read-text.ts): its own part of the content script (reader.js), which only
 * pages whose text is read load.
 */
export interface TextReader {
  /**
   * The scan's steps from the text on: collect it, find its citations, make their ranges, join the links.
   * lap: the part-timing clock of the caller (part-timing.ts), whose bundle the reader's is not.
   */
  readSteps(doc: Document, found: PageFound, options: { hosts: LinkIndex; lap?: (part: string | null) => void }): Generator<void, PageScan, unknown>;
  /** After the page changed: reads again only the changed blocks (see read-text.ts). */
  rescanChanged(scan: PageScan, changed: Iterable<Node>, hosts: LinkIndex): PageScan | null;
}

/** A text reader, or what makes one on first need (at once, or once its code is loaded). */
export type TextReaderSource = TextReader | (() => TextReader | Promise<TextReader>);

/**
 * The scan in slices of at most sliceMs of work each, so that a long page never gets a long task from
 * StateLens. The page may change between slices: what was removed simply is not highlighted (the rescan that
 * its change triggers catches up).
 */
export function scanPageSliced(
  doc: Document, text: TextReaderSource, hosts: LinkIndex, options: ScanOptions & SliceOptions = {},
): Promise<PageScan | null> {
  return runSliced(scanSteps(doc, text, hosts, options), options);
}

/**
 * Runs steps in slices of at most sliceMs of work, giving the page its main thread back between them; a step
 * that yields a promise (the text reader's code loading) is waited for, off the clock. Null when the signal
 * stops it.
 */
export async function runSliced<T>(steps: Generator<void | Promise<unknown>, T, unknown>, { sliceMs = 8, yieldToPage = nextTask, signal }: SliceOptions = {}): Promise<T | null> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      lap(null);
      return step.value;
    }
    if (!step.value && performance.now() - sliceStart < sliceMs) continue;
    pause();
    await (step.value ?? yieldToPage());
    if (signal?.aborted) return null;
    resume();
    sliceStart = performance.now();
  }
}

/**
 * The scan as steps: it yields wherever it may pause, and yields a promise where it waits for the text
 * reader to load. text: the reader, or what makes it, called only when the page's text is read (not on other
 * pages).
 */
export function* scanSteps(
  doc: Document, text: TextReaderSource, hosts: LinkIndex, options: ScanOptions = {},
): Generator<void | Promise<unknown>, PageScan, unknown> {
  lap('detect');
  const article = detectArticle(doc);
  lap('links');
  // The outlet whose site, or whose account on a platform (x.com/XHNews), this page is.
  const site = doc.location ? hosts.lookupLink(doc.location) : -1;
  const scope = article.isArticle ? article.root : doc.body ?? doc.documentElement;
  // An article inside an editable region, a form field or a hidden box is not read at all.
  if (insideSkipped(scope)) return unread({ article, scope, site, citations: [] });
  // (A document in design mode is editable from end to end: StateLens never reads editable text.)
  const read = (article.isArticle || options.allPages) && doc.designMode !== 'on';
  // A page that is not read still has its links labelled, unless the reader wants them only in articles.
  if (!read && (options.linksEverywhere === false || doc.designMode === 'on')) return unread({ article, scope, site, citations: [] });
  const links = findLinkCitations(scope, hosts, site);
  if (!read) return unread({ article, scope, site, citations: links });
  yield;

  // The text reader (its code, the aliases, the matcher) is loaded and made only here, where the page's text
  // is read. (Asking for the reader's code costs the main thread too: the browser makes its request then.)
  let reader: TextReader | undefined = typeof text === 'function' ? undefined : text;
  if (!reader) {
    lap('importReader');
    const made = (text as () => TextReader | Promise<TextReader>)();
    if (made instanceof Promise) yield made.then((r) => void (reader = r));
    else reader = made;
  }
  lap('matcher');
  if (!reader) throw new Error('StateLens: the text reader was not made');
  return yield* reader.readSteps(doc, { article, scope, site, links }, { hosts, lap });
}

/** The scan of a page whose text was not read: no attribution. */
function unread(scan: Pick<PageScan, 'article' | 'scope' | 'site' | 'citations'>): PageScan {
  return { ...scan, collected: null, attribution: null, attributionSliced: async () => null };
}

/** Page order; ranges in different trees (the document, a shadow root) are ordered by their hosts. */
export function inPageOrder(a: PageCitation, b: PageCitation): number {
  const x = a.range.startContainer;
  const y = b.range.startContainer;
  if (x.getRootNode() === y.getRootNode()) return a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range);
  const position = inDocument(x).compareDocumentPosition(inDocument(y));
  return position & 4 /* FOLLOWING */ ? -1 : position & 2 /* PRECEDING */ ? 1 : 0;
}

/** The node itself, or the outermost shadow host that holds it, in the document. */
function inDocument(node: Node): Node {
  for (let root = node.getRootNode(); 'host' in root; root = node.getRootNode()) node = (root as ShadowRoot).host;
  return node;
}

/** An address with a scheme ("https:", "mailto:") or a host ("//example.com"); others are relative. */
const ABSOLUTE = /^[\s]*([a-z][a-z\d+.-]*:|[/\\]{2})/i;

/** An absolute http(s) address with a plain ASCII host, as most links are written: scheme, host, port, path, query, fragment. */
const PLAIN_URL = /^[\t\n\f\r ]*(https?):\/\/([a-z0-9.-]+)(?::\d{0,5})?(\/[^?#\s\\]*)?(\?[^#\s]*)?(?:#\S*)?[\t\n\f\r ]*$/i;

/**
 * The parts of a link's address that say where it leads, read from the address as written where it is plain
 * (the browser's parse of an <a>'s href, made again at each read of its parts, was most of the cost of a
 * feed's links); null for any other form (relative, with a user, a backslash, a host in another script), which
 * the browser parses.
 */
export function plainAddress(href: string): LinkAddress | null {
  const m = PLAIN_URL.exec(href);
  if (!m) return null;
  return { protocol: `${m[1].toLowerCase()}:`, hostname: m[2].toLowerCase(), pathname: m[3] ?? '/', search: m[4] ?? '' };
}

/**
 * The link citations in scope, in page order. site: the outlet whose site the page is on (-1: none); links
 * within an outlet's own site, and to the sites of its family (Xinhua's xinhuanet.com and news.cn), are its
 * navigation, not citations, and are left out.
 */
export function findLinkCitations(scope: Element | ShadowRoot, hosts: LinkIndex, site = -1): PageCitation[] {
  const out: PageCitation[] = [];
  const reader = linkReader(scope, hosts);
  // A relative link leads to the page's own site, which is never a citation (on an outlet's site it is its
  // navigation): its address need not be parsed, unless a <base> sends relative links to another site or the
  // page is a platform's, where relative links lead to accounts. Otherwise the
  // selector leaves out the links that cannot be absolute (no ":", "//" or "\\"), most of a page's: the
  // browser skips them without making an object for each.
  for (const a of scope.querySelectorAll(reader.everyLink ? 'a[href]' : MAYBE_ABSOLUTE)) {
    const link = reader.read(a);
    if (link && !hosts.isNavigation(site, link.outlet)) out.push(link);
  }
  return out;
}

const MAYBE_ABSOLUTE = 'a:is([href*=":"],[href*="//"],[href*="\\\\"])';

/**
 * Reads links one by one: the link citation of an <a>, or null. Most of a page's links share a few hosts (its
 * own, above all): each host is looked up once per reader.
 */
function linkReader(scope: Element | ShadowRoot, hosts: LinkIndex): { everyLink: boolean; read: (a: Element) => PageCitation | null } {
  /** By host: its outlet (or -1), or the platform whose links are looked up one by one. */
  const outlets = new Map<string, number | Platform>();
  // On a platform's page (x.com), a relative link leads to an account: every link is read there.
  const doc = scope.ownerDocument!;
  const everyLink = sameOrigin(doc.baseURI, doc.URL) === false || (doc.location !== null && hosts.platformOf(doc.location.hostname) !== null);
  const read = (a: Element): PageCitation | null => {
    const href = a.getAttribute('href') ?? '';
    if (!everyLink && !ABSOLUTE.test(href)) return null;
    // The link's host first (cheap, and most links lead nowhere of interest); where it sits only for outlets.
    // The browser has parsed an HTML link's address already (a link in SVG has no such properties: StateLens
    // never reads SVG).
    const link = plainAddress(href) ?? (a as HTMLAnchorElement);
    const { protocol, hostname: host } = link;
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    let outlet = outlets.get(host);
    if (outlet === undefined) {
      const platform = hosts.platformOf(host);
      outlets.set(host, (outlet = platform ?? hosts.lookupHost(host)));
    }
    // On a platform (x.com, t.me...), the path says whose account a link leads to: each is looked up.
    if (typeof outlet === 'string') outlet = hosts.lookupAccount(outlet, link.pathname, link.search);
    if (outlet < 0 || hasSkippedAncestor(a, scope)) return null;
    const range = linkRange(a);
    if (!range) return null;
    return { outlet, via: 'link', kind: 'link', range, surface: visibleText(a) || host, start: -1, end: -1 };
  };
  return { everyLink, read };
}

/** What a change brought to a page whose text is not read. */
export interface LinkChange {
  scan: PageScan;
  /** The new link citations, in page order. */
  added: PageCitation[];
  /** How many citations left the page. */
  removed: number;
}

/** The links already counted on a scan of links (see rescanLinks), carried from scan to scan. */
const counted = new WeakMap<PageScan, Set<Element>>();

/**
 * After a page that is not read (not an article) changed: keeps the link citations still on the page, and
 * adds those of the links that came with the change (a feed's next posts, the next page of results). Only
 * the added nodes are looked at, so a growing feed costs what it adds. Null when nothing changed.
 */
export function rescanLinks(scan: PageScan, changed: Iterable<Node>, hosts: LinkIndex): LinkChange | null {
  const { scope, site } = scan;
  const kept = scan.citations.filter((c) => !c.range.collapsed && c.range.startContainer.isConnected);
  const removed = scan.citations.length - kept.length;
  let seen = counted.get(scan);
  // (After a removal, rebuilt: a link taken out and put back is counted again.)
  if (!seen || removed) {
    seen = new Set();
    for (const c of kept) {
      const anchor = anchorOf(c.range.startContainer);
      if (anchor) seen.add(anchor);
    }
  }
  const reader = linkReader(scope, hosts);
  const added: PageCitation[] = [];
  const consider = (a: Element) => {
    if (seen.has(a)) return;
    const link = reader.read(a);
    if (link && !hosts.isNavigation(site, link.outlet)) {
      seen.add(a);
      added.push(link);
    }
  };
  // A feed's posts come as siblings: the link around them (none, mostly) is looked for once per parent.
  let lastParent: Element | null = null;
  let linkAroundParent: Element | null = null;
  for (const node of changed) {
    if (!scope.contains(node)) continue;
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element) continue;
    // The node itself or the link around it (its text changed), and the links inside it.
    if (element.parentElement !== lastParent) {
      lastParent = element.parentElement;
      linkAroundParent = lastParent?.closest('a[href]') ?? null;
    }
    const around = element.localName === 'a' && element.hasAttribute('href') ? element : linkAroundParent;
    if (around && scope.contains(around)) consider(around);
    // (The element's live list of links: cheaper to make than a query's, once per added post.)
    if (node.nodeType === 1) for (const a of element.getElementsByTagName('a')) consider(a);
  }
  if (!added.length && !removed) return null;
  added.sort(inPageOrder);
  // A feed grows at its end: the new links mostly follow the old ones, and need no sort with them.
  const inOrder = !kept.length || !added.length || inPageOrder(kept[kept.length - 1], added[0]) < 0;
  const citations = inOrder ? [...kept, ...added] : [...kept, ...added].sort(inPageOrder);
  const next = unread({ article: scan.article, scope, site, citations });
  counted.set(next, seen);
  return { scan: next, added, removed };
}

/**
 * Do two addresses share an origin (null when one cannot be parsed)? A <base> that keeps relative links on the
 * page's own site changes nothing for them; one that sends them elsewhere has every link read. (The browser
 * keeps the document's base address: no query over a long page for a <base>.)
 */
function sameOrigin(a: string, b: string): boolean | null {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return null;
  }
}

/** The link (<a>) a link citation's range starts in. */
function anchorOf(node: Node): Element | null {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest('a') ?? null;
}

/**
 * The range a link citation highlights: its contents or, when it holds something StateLens never reads (a
 * script, a code sample), its first readable text only. None when nothing in it is readable.
 */
function linkRange(a: Element): Range | null {
  const range = a.ownerDocument.createRange();
  if (![...a.querySelectorAll('*')].some(isSkipped)) {
    range.selectNodeContents(a);
    return range;
  }
  const first = readableTexts(a).find((n) => /\S/.test(n.data));
  if (!first) return null;
  range.selectNodeContents(first);
  return range;
}

/** The text nodes of an element outside what StateLens never reads in it (scripts, code, hidden boxes). */
function readableTexts(el: Element): Text[] {
  const out: Text[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) if (!hasSkippedAncestor(n.parentElement!, el)) out.push(n);
  return out;
}

/** The text of an element without what StateLens never reads inside it. */
function visibleText(el: Element): string {
  return readableTexts(el).map((n) => n.data).join('').replace(/\s+/g, ' ').trim();
}

/**
 * Is the scope itself, or anything around it, never to be read? The body and the root element count only
 * when editable: modal dialogs set aria-hidden on the page behind them for a moment.
 */
function insideSkipped(scope: Element): boolean {
  for (let e: Element | null = scope; e; e = e.parentElement) {
    if (/^(body|html)$/.test(e.localName)) {
      const editable = e.getAttribute('contenteditable');
      if (editable !== null && editable !== 'false') return true;
    } else if (isSkipped(e)) return true;
  }
  return false;
}
