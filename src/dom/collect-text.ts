/**
 * The readable text under a root, as one string, with a map back to the text nodes. Paragraphs are separated
 * by a blank line; navigation, comments, recommendations, forms, code and scripts are left out, and so are
 * editable regions, which StateLens never touches.
 */

import { drain } from '../core/steps';

/** Elements whose text is never read. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE',
  'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'NAV', 'ASIDE', 'FOOTER', 'FORM', 'DIALOG',
]);
const SKIP_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'dialog']);
/** Class or id words of page furniture around an article. */
const FURNITURE = /(^|[\s_-])(comments?|respond|reply|related|recommend(ed|ations)?|promo|share|sharing|social|newsletter|subscribe|sidebar|footer|breadcrumbs?|outbrain|taboola|advert(isement)?|ads?|popular|trending|more-stories|read-more)($|[\s_-])/i;

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION',
  'ARTICLE', 'HEADER', 'MAIN', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'TD', 'TH', 'CAPTION', 'BODY', 'HR', 'ADDRESS',
  'DETAILS', 'SUMMARY', 'CENTER',
]);

export interface CollectedText {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in text. */
  starts: number[];
}

export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  // The attribute, not isContentEditable: that property makes the browser bring its styles up to date on every
  // call. Editability is inherited, and every ancestor of a text node is asked in turn, so this sees it too.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const cls = typeof el.className === 'string' ? el.className : '';
  return FURNITURE.test(cls) || FURNITURE.test(el.id);
}

/** Text nodes read between two chances to yield (see collectTextSteps). */
const NODES_PER_STEP = 512;

export function collectText(root: Element): CollectedText {
  return drain(collectTextSteps(root));
}

/** collectText, yielding every few hundred text nodes so that a long page can be read in slices. */
export function* collectTextSteps(root: Element): Generator<void, CollectedText> {
  const doc = root.ownerDocument;
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  let lastBlock: Element | null = null;
  const skipCache = new Map<Element, boolean>();

  // Whether an element is inside something we skip; iterative, so 10,000-deep markup cannot overflow the stack.
  const skipped = (start: Element | null): boolean => {
    const chain: Element[] = [];
    let verdict = false;
    for (let el = start; el && el !== root.parentElement; el = el.parentElement) {
      const cached = skipCache.get(el);
      if (cached !== undefined) {
        verdict = cached;
        break;
      }
      chain.push(el);
      if (el !== root && isSkipped(el)) {
        verdict = true;
        break;
      }
    }
    // The walk stopped at the nearest skipped ancestor (or a cached one, or the root): the whole chain below
    // it shares its verdict.
    for (const el of chain) skipCache.set(el, verdict);
    return verdict;
  };

  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let count = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (++count % NODES_PER_STEP === 0) yield;
    const data = node.data;
    if (!data || skipped(node.parentElement)) continue;
    const block = blockOf(node, root);
    // Whitespace between blocks is indentation of the source, not text; within a block it separates words.
    if (block !== lastBlock && !/\S/.test(data)) {
      // Still a block of its own: "S<div> </div>ANA" is two lines, not "SANA".
      if (lastBlock) lastBlock = block;
      continue;
    }
    if (lastBlock && block !== lastBlock) text += '\n\n';
    else if (node.previousSibling?.nodeName === 'BR') text += '\n';
    lastBlock = block;
    nodes.push(node);
    starts.push(text.length);
    // Line breaks inside a text node render as spaces; keep the length so offsets map 1:1.
    text += data.replace(/[\n\r\t\f]/g, ' ');
  }
  return { text, nodes, starts };
}

/** The nearest block element around node (itself, if it is one), or root. */
export function blockOf(node: Node, root: Element): Element {
  if (node === root) return root;
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (el === root || BLOCK_TAGS.has(el.tagName.toUpperCase())) return el;
  }
  return root;
}

/** The text node and offset for a position in the collected text. */
export function locate(collected: CollectedText, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = collected;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo], offset: Math.min(offset - starts[lo], nodes[lo].data.length) };
}
