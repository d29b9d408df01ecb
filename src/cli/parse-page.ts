/**
 * A saved page as a jsdom document. jsdom parses every style sheet as it builds the document, and its CSS
 * parser throws on some real sheets (an unclosed "calc((" left by a preprocessor); the page's text and links do
 * not depend on its style sheets, so such a page is read again without them rather than failed.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

export interface ParsedPage {
  dom: JSDOM;
  /** The page's style sheets had to be dropped to read it. */
  withoutStyles: boolean;
}

const STYLE_ELEMENTS = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

export function parsePage(html: string, url: string): ParsedPage {
  const options = { url, virtualConsole: new VirtualConsole() };
  try {
    return { dom: new JSDOM(html, options), withoutStyles: false };
  } catch (e) {
    // Only the CSS parser's failure is retried; anything else is the caller's error to report.
    if (!(e instanceof Error) || !/css-tree/.test(e.stack ?? '')) throw e;
    return { dom: new JSDOM(html.replace(STYLE_ELEMENTS, ''), options), withoutStyles: true };
  }
}
