/**
 * The reading of a page's text, once the scan (scan-steps.ts) has found the article and its links: the text
 * collected, its citations found by the matcher, their ranges made and joined with the links, and the
 * attribution (how much of the text rests on each outlet) worked out on first use; and, after the page
 * changed, the changed blocks read again. The content script has it in a file of its own (reader.js, with
 * the aliases: src/content/reader-part.ts), which only pages whose text is read load.
 */
import { attributeCitationSteps, findFlaggedCitations, findFlaggedSteps, type TextCitation } from '../core/match/find-citations';
import type { LinkIndex } from '../core/match/links';
import type { Matcher } from '../core/match/matcher';
import { drain } from '../core/steps';
import { blockOf, collectText, collectTextSteps, hasSkippedAncestor, isSkipped, locate, type CollectedText } from './collect-text';
import { findLinkCitations, inPageOrder, runSliced, type Attribution, type PageCitation, type PageScan, type TextReader } from './scan-steps';

/** The text reader over this matcher, or over the one a function makes on first need (the page's first read). */
export function textReader(matcher: Matcher | (() => Matcher)): TextReader {
  const ready = () => (typeof matcher === 'function' ? matcher() : matcher);
  return {
    *readSteps(doc, { article, scope, site, links }, { hosts, lap = () => undefined }) {
      const found = ready();
      lap('collect');
      const collected = yield* collectTextSteps(scope);
      for (const shadow of collected.shadowRoots ?? []) links.push(...findLinkCitations(shadow, hosts, site));
      const known = new Set(links.map((l) => l.outlet));
      lap('match');
      const cited = yield* findFlaggedSteps(collected, found, { knownOutlets: known });
      yield;
      lap('ranges');
      const all = yield* combineSteps(doc, collected, cited, links);
      return withLazyAttribution({ article, scope, site, collected, citations: all } as PageScan, all, collected);
    },
    rescanChanged: (scan, changed, hosts) => rescanChanged(scan, changed, ready(), hosts),
  };
}

/** Ranges for the text citations, the links that are not also text citations, all in page order. */
function* combineSteps(doc: Document, collected: CollectedText, found: readonly TextCitation[], links: readonly PageCitation[]): Generator<void, PageCitation[]> {
  const citations: PageCitation[] = [];
  const { slices, sliceStarts } = collected;
  let count = 0;
  // The slice of the text each citation is in (the citations are in order, and none crosses a paragraph break).
  let k = 0;
  for (const c of found) {
    while (k + 1 < sliceStarts.length && sliceStarts[k + 1] <= c.start) k++;
    if (++count % 256 === 0) yield;
    const range = doc.createRange();
    const from = locate(collected, c.start);
    const to = locate(collected, c.end, true);
    try {
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
    } catch {
      // The page changed this text while the scan paused: it is read again by the rescan the change triggers.
      continue;
    }
    const surface = slices[k].slice(c.start - sliceStarts[k], c.end - sliceStarts[k]);
    // A name read across something StateLens skips ("Syrian Arab <script>…</script>News Agency", a hidden
    // box) would highlight that too: such a match is not a citation a reader sees.
    if (from.node !== to.node && crossesSkipped(range)) continue;
    citations.push({ outlet: c.outlet, via: 'text', kind: c.kind, range, surface, start: c.start, end: c.end });
  }
  // A link whose text is itself a text citation counts once.
  const textNodes = new Map<Node, number[]>();
  for (const t of citations) {
    const list = textNodes.get(t.range.startContainer);
    if (list) list.push(t.outlet);
    else textNodes.set(t.range.startContainer, [t.outlet]);
  }
  const linkOnly: PageCitation[] = links.filter((l) => !linkHasTextCitation(l, textNodes)).map((l) => ({ ...l }));
  if (!linkOnly.length) return citations;
  placeLinks(linkOnly, collected);
  // Text citations are in page order already; links join them by their place in the text, and only links
  // whose text was not read (an image, a skipped box) need the DOM's (slower) comparison.
  if (linkOnly.every((l) => l.start >= 0)) return [...citations, ...linkOnly].sort((a, b) => a.start - b.start || (a.via === 'link' ? 1 : -1));
  return [...citations, ...linkOnly].sort(inPageOrder);
}

/**
 * After the page changed: keeps the citations whose text is untouched, and reads again only the blocks
 * (paragraphs, list items...) that hold added or changed text. Returns the updated scan, or null when the
 * change calls for a full scan (the article's root left the page).
 */
function rescanChanged(scan: PageScan, changed: Iterable<Node>, matcher: Matcher, hosts: LinkIndex): PageScan | null {
  const { scope } = scan;
  // A page with open shadow roots is read again whole: its order is the tree the page shows, which slots
  // reshuffle.
  if (!scope.isConnected || !scan.collected || scan.collected.shadowRoots?.length) return null;
  const blocks: Element[] = [];
  for (const node of changed) {
    if (!node.isConnected || !scope.contains(node)) continue;
    const block = blockOf(node, scope);
    if (!blocks.some((b) => b.contains(block))) {
      for (let i = blocks.length - 1; i >= 0; i--) if (block.contains(blocks[i])) blocks.splice(i, 1);
      blocks.push(block);
    }
  }
  const inChanged = (node: Node) => blocks.some((b) => b.contains(node));
  const kept = scan.citations.filter((c) => c.range.startContainer.isConnected && !c.range.collapsed && !inChanged(c.range.startContainer));
  const known = new Set(kept.map((c) => c.outlet));
  const added: PageCitation[] = [];
  for (const block of blocks) {
    if (block !== scope && hasSkippedAncestor(block, scope)) continue;
    const collected = collectText(block);
    const links = findLinkCitations(block, hosts, scan.site);
    added.push(...drain(combineSteps(scope.ownerDocument, collected, findFlaggedCitations(collected, matcher, { knownOutlets: known }), links)));
  }
  const all = [...kept.map((c) => ({ ...c })), ...added].sort(inPageOrder);
  // (Not a spread of the scan: that would read its attribution, working it out for the text as it was.)
  const { article, site, collected } = scan;
  return withLazyAttribution({ article, scope, site, collected, citations: all } as PageScan, all);
}

function linkHasTextCitation(link: PageCitation, textNodes: Map<Node, number[]>): boolean {
  if (!textNodes.size) return false;
  const anchor = link.range.startContainer;
  const walker = anchor.ownerDocument!.createTreeWalker(anchor, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (textNodes.get(n)?.includes(link.outlet)) return true;
  return false;
}

/**
 * Attribution is worked out when first asked for, by the scan's attribution (at once) or by attributionSliced
 * (in slices). collected: the text the citations' offsets are in, for a full scan; after an incremental
 * rescan, the scope's text is read again and the offsets found from the ranges.
 */
function withLazyAttribution(scan: PageScan, citations: PageCitation[], collected?: CollectedText): PageScan {
  let attribution: Attribution | null | undefined;
  // One computation, which the one-go and the sliced paths share: each takes it on from where it is.
  let steps: Generator<void, void> | undefined;
  function* compute(): Generator<void, void> {
    if (!citations.length || !scan.scope.isConnected) return void (attribution = null);
    let text = collected;
    let placed: TextCitation[] = citations;
    if (!text) {
      text = yield* collectTextSteps(scan.scope);
      const position = new Map<Node, number>();
      for (const node of text.nodes) if (position.set(node, position.size).size % 4096 === 0) yield;
      placed = [];
      for (const c of citations) {
        const at = firstTextIn(c.range, position);
        const start = at < 0 ? -1 : text.starts[at] + (c.range.startContainer === text.nodes[at] ? c.range.startOffset : 0);
        // (The citation's own fields too: a link's "via" tells attribution that its text may be the verb.)
        placed.push({ ...c, start, end: at < 0 ? -1 : start + c.range.toString().length });
        if (placed.length % 256 === 0) yield;
      }
    }
    const analysis = yield* attributeCitationSteps(text, placed);
    // A mention whose sentence rests on the outlet is a citation: the page's citations say so from now on.
    analysis.citations.forEach((c, i) => {
      if (citations[i]) citations[i].kind = c.kind;
    });
    attribution = { attributedSentences: analysis.attributedSentences, sentences: analysis.sentences, attributed: analysis.citations.map((c) => c.attributed) };
  }
  Object.defineProperty(scan, 'attribution', {
    get: () => (attribution === undefined && drain((steps ??= compute())), attribution),
    enumerable: true,
  });
  scan.attributionSliced = async (options) => {
    if (attribution === undefined) await runSliced((steps ??= compute()), options);
    return attribution ?? null;
  };
  return scan;
}

/** Index (in the collected nodes) of the first collected text node in range, or -1. */
function firstTextIn(range: Range, position: Map<Node, number>): number {
  const start = range.startContainer;
  if (start.nodeType === 3 /* TEXT_NODE */) return position.get(start) ?? -1;
  const walker = start.ownerDocument!.createTreeWalker(range.commonAncestorContainer, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!range.intersectsNode(n)) continue;
    const i = position.get(n);
    if (i !== undefined) return i;
  }
  return -1;
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

/** Does the range hold an element StateLens never reads (between the text nodes it starts and ends in)? */
function crossesSkipped(range: Range): boolean {
  const walker = range.startContainer.ownerDocument!.createTreeWalker(range.commonAncestorContainer, 1 /* SHOW_ELEMENT */);
  for (let e = walker.nextNode() as Element | null; e; e = walker.nextNode() as Element | null) {
    if (range.intersectsNode(e) && isSkipped(e)) return true;
    if (range.comparePoint(e, 0) > 0) break;
  }
  return false;
}
