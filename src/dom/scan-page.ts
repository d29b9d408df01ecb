/**
 * One scan of a document, whole: article detection, the links to outlets' sites (scan-steps.ts) and the main
 * text's citations (read-text.ts), with a matcher at hand. The command line, the tests and the bench use it;
 * the content script uses the two parts apart, loading the text's only on pages whose text is read. Never
 * touches browser.* and never changes the page.
 */
import type { LinkIndex } from '../core/match/links';
import type { Matcher } from '../core/match/matcher';
import { drain } from '../core/steps';
import { textReader } from './read-text';
import { scanPageSliced as scanSliced, scanSteps, type PageScan, type ScanOptions, type SliceOptions } from './scan-steps';

export { findLinkCitations, plainAddress, rescanLinks, type Attribution, type LinkChange, type PageCitation, type PageScan, type ScanOptions, type SliceOptions } from './scan-steps';

/** The whole scan at once. */
export function scanPage(doc: Document, matcher: Matcher, hosts: LinkIndex, options: ScanOptions = {}): PageScan {
  return drain(scanSteps(doc, textReader(matcher), hosts, options));
}

/** The scan in slices (see scan-steps.ts); matcher: or a function that makes it, called only when the page's text is read. */
export function scanPageSliced(
  doc: Document, matcher: Matcher | (() => Matcher), hosts: LinkIndex, options: ScanOptions & SliceOptions = {},
): Promise<PageScan | null> {
  return scanSliced(doc, textReader(matcher), hosts, options);
}

/**
 * After the page changed: keeps the citations whose text is untouched, and reads again only the blocks
 * (paragraphs, list items...) that hold added or changed text. Returns the updated scan, or null when the
 * change calls for a full scan (the article's root left the page).
 */
export function rescanChanged(scan: PageScan, changed: Iterable<Node>, matcher: Matcher, hosts: LinkIndex): PageScan | null {
  return textReader(matcher).rescanChanged(scan, changed, hosts);
}
