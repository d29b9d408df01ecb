/**
 * One scan of a document: article detection, the main text's citations and the links to outlets' sites.
 * Takes the document and the matcher as parameters; never touches browser.* and never changes the page.
 */
import { attributeCitations, findTextCitations, prepareText } from '../core/match/find-citations';
import type { HostIndex } from '../core/match/hosts';
import type { Matcher } from '../core/match/matcher';
import { collectText, isSkipped, locate, type CollectedText } from './collect-text';
import { detectArticle, type ArticleInfo } from './detect-article';

export interface PageCitation {
  outlet: number;
  via: 'text' | 'link';
  range: Range;
  /** The citation's text as it reads on the page. */
  surface: string;
  /** Offsets in the collected text (-1 for a link whose text is not in it), for sentence lookups. */
  start: number;
  end: number;
  /** Whether its sentence gives content to the outlet ("SANA said that..."). */
  attributed: boolean;
}

export interface PageScan {
  article: ArticleInfo;
  collected: CollectedText | null;
  citations: PageCitation[];
  /** The outlet whose site this page is on (index), or -1. */
  site: number;
  /** Attribution counts over the collected text, or null when the text was not read. */
  attribution: { attributedSentences: Map<number, number>; sentences: number } | null;
}

export interface ScanOptions {
  /** Scan the text of pages that are not articles too (the reader's "all pages" choice). */
  allPages?: boolean;
}

export function scanPage(doc: Document, matcher: Matcher, hosts: HostIndex, options: ScanOptions = {}): PageScan {
  const article = detectArticle(doc);
  const site = /^https?:$/.test(doc.location?.protocol ?? '') ? hosts.lookup(doc.location.hostname) : -1;
  const scope = article.isArticle ? article.root : doc.body ?? doc.documentElement;
  // Links within an outlet's own site are its navigation, not citations.
  const links = findLinkCitations(scope, hosts).filter((l) => l.outlet !== site);
  if (!article.isArticle && !options.allPages) return { article, site, collected: null, citations: links, attribution: null };

  const collected = collectText(scope);
  const known = new Set(links.map((l) => l.outlet));
  // The page's text is tokenized and folded once, for matching and for attribution.
  const prepared = prepareText(collected.text);
  const text = findTextCitations(collected.text, matcher, { knownOutlets: known }, prepared).map((c): PageCitation => {
    const range = doc.createRange();
    const from = locate(collected, c.start);
    const to = locate(collected, c.end, true);
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return { outlet: c.outlet, via: 'text', range, surface: collected.text.slice(c.start, c.end), start: c.start, end: c.end, attributed: false };
  });
  // A link whose text is itself a text citation counts once.
  const linkOnly = links.filter((l) => !text.some((t) => l.range.intersectsNode(t.range.startContainer) && t.outlet === l.outlet));
  placeLinks(linkOnly, collected);
  const citations = [...text, ...linkOnly].sort((a, b) => a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range));
  if (!citations.length) return { article, site, collected, citations, attribution: null };
  const analysis = attributeCitations(collected.text, citations, prepared);
  citations.forEach((c, i) => {
    c.attributed = analysis.citations[i].attributed;
  });
  return { article, site, collected, citations, attribution: { attributedSentences: analysis.attributedSentences, sentences: analysis.sentences } };
}

export function findLinkCitations(scope: Element, hosts: HostIndex): PageCitation[] {
  const out: PageCitation[] = [];
  for (const a of scope.querySelectorAll('a[href]')) {
    if (hasSkippedAncestor(a, scope)) continue;
    let host: string;
    try {
      const url = new URL(a.getAttribute('href') ?? '', a.ownerDocument.baseURI);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      host = url.hostname;
    } catch {
      continue;
    }
    const outlet = hosts.lookup(host);
    if (outlet < 0) continue;
    const range = a.ownerDocument.createRange();
    range.selectNodeContents(a);
    out.push({ outlet, via: 'link', range, surface: (a.textContent ?? '').trim() || host, start: -1, end: -1, attributed: false });
  }
  return out;
}

/** Gives link citations their offsets in the collected text (for sentence lookups), when their text is in it. */
function placeLinks(links: PageCitation[], collected: CollectedText): void {
  if (!links.length) return;
  const position = new Map<Node, number>(collected.nodes.map((n, i) => [n, i]));
  for (const link of links) {
    const anchor = link.range.startContainer;
    const walker = anchor.ownerDocument!.createTreeWalker(anchor, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = position.get(n);
      if (i === undefined) continue;
      link.start = collected.starts[i];
      link.end = link.start + (anchor.textContent ?? '').length;
      break;
    }
  }
}

function hasSkippedAncestor(el: Element, scope: Element): boolean {
  for (let e: Element | null = el; e && e !== scope; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}
