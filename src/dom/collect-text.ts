/**
 * The readable text under a root, as one string, with a map back to the text nodes. Paragraphs are separated
 * by a blank line; navigation, comments, recommendations, forms, code and scripts are left out, and so are
 * editable regions, which StateLens never touches.
 */

import { drain } from '../core/steps';
import { storyParagraphs } from './detect-article';

/** Elements whose text is never read (by local name: lower case, also in XHTML). */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'code', 'pre',
  'svg', 'math', 'canvas', 'iframe', 'object', 'nav', 'aside', 'footer', 'form', 'dialog',
]);
const SKIP_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'dialog']);
/** Class or id words of page furniture around an article. */
const FURNITURE = /(^|[\s_-])(comments?|respond|reply|related|recommend(ed|ations)?|promo|share|sharing|social|newsletter|subscribe|sidebar|footer|breadcrumbs?|outbrain|taboola|advert(isement)?|ads?|popular|trending|more-stories|read-more)($|[\s_-])/i;

const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section',
  'article', 'header', 'main', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'caption', 'body', 'hr', 'address',
  'details', 'summary', 'center',
]);

export interface CollectedText {
  /** The whole text, joined from the slices when first read (the scan itself reads the slices only). */
  readonly text: string;
  /**
   * The text in slices, each ending at a paragraph break (the next starts with it), and where each starts in
   * the text: a long page's text is never copied into one string by the scan (5 MB took about 28 ms here).
   */
  slices: string[];
  sliceStarts: number[];
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in text. */
  starts: number[];
  /** The open shadow roots whose text was read (their highlights need StateLens's styles inside them). */
  shadowRoots?: ShadowRoot[];
}

export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  // Most elements of an article have no attributes at all: one call instead of seven.
  if (!el.hasAttributes()) return false;
  // The attribute, not isContentEditable: that property makes the browser bring its styles up to date on every
  // call. Editability is inherited, and every ancestor of a text node is asked in turn, so this sees it too.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const cls = typeof el.className === 'string' ? el.className : '';
  if (!FURNITURE.test(cls) && !FURNITURE.test(el.id)) return false;
  // A wrapper named like furniture that holds the story ("st-sidebar__main", "js-social-anchor-start") is read:
  // the names say where a box sits, not what it holds. Comments are never read, however long.
  return COMMENTS.test(cls) || COMMENTS.test(el.id) || !holdsStory(el);
}

/** Class or id words of reader comments (never read, even where they are most of the page's text). */
const COMMENTS = /(^|[\s_-])(comments?|respond|reply|disqus)($|[\s_-])/i;

/** Per document, the text of its story paragraphs; per element named like furniture, whether it holds the story. */
const paragraphTotals = new WeakMap<Document, number>();
const storyHolders = new WeakMap<Element, boolean>();

const storyText = (scope: Document | Element) => storyParagraphs(scope).reduce((sum, [, n]) => sum + n, 0);

/**
 * Does el hold at least half of its document's story-paragraph text (see storyParagraphs)? Worked out once per
 * element (only elements named like furniture are asked, most of them small), and the total once per document.
 */
function holdsStory(el: Element): boolean {
  let holds = storyHolders.get(el);
  if (holds === undefined) {
    const doc = el.ownerDocument;
    let total = paragraphTotals.get(doc);
    if (total === undefined) paragraphTotals.set(doc, (total = doc.body ? storyText(doc.body) : 0));
    holds = total > 0 && storyText(el) * 2 >= total;
    storyHolders.set(el, holds);
  }
  return holds;
}

/**
 * Is el, or an ancestor of it below scope, never read? Iterative, so 10,000-deep markup cannot overflow the
 * stack.
 */
export function hasSkippedAncestor(el: Element, scope: Node): boolean {
  for (let e: Element | null = el; e && e !== scope; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
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
  // The text in parts, joined slice by slice at a paragraph break after each yield.
  let parts: string[] = [];
  const slices: string[] = [];
  const sliceStarts: number[] = [];
  let length = 0;
  let sliceStart = 0;
  let cut = false;
  const endSlice = () => {
    slices.push(parts.join(''));
    sliceStarts.push(sliceStart);
    parts = [];
    sliceStart = length;
  };
  let lastBlock: Element | null = null;
  /**
   * Each element the walk enters, judged once from its parent's verdict (the walker enters a parent before
   * its children): the block its own text belongs to, or null when it is skipped. Where the parent was not
   * entered by this walk (the walk's top, a shadow root's children, slotted nodes), the verdict comes from
   * climbing the tree instead (rare: no cache).
   */
  const verdicts = new Map<Node, Element | null>();
  const blockFor = (node: Node, top: Node): Element | null => {
    const parent = node === top ? undefined : verdicts.get(node.parentNode!);
    if (parent === undefined) {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      return el && hasSkippedAncestor(el, root) ? null : blockOf(node, root, flat > 0);
    }
    if (parent === null || node.nodeType !== 1) return parent;
    const el = node as Element;
    return isSkipped(el) ? null : BLOCK_TAGS.has(el.localName) ? el : parent;
  };

  let count = 0;
  const readText = (node: Text, top: Node) => {
    const data = node.data;
    if (!data) return;
    const block = blockFor(node, top);
    if (!block) return;
    // Whitespace between blocks is indentation of the source, not text; within a block it separates words.
    if (block !== lastBlock && !/\S/.test(data)) {
      // Still a block of its own: "S<div> </div>ANA" is two lines, not "SANA".
      if (lastBlock) lastBlock = block;
      return;
    }
    const gap = lastBlock && block !== lastBlock ? '\n\n' : node.previousSibling?.nodeName === 'BR' ? '\n' : '';
    // A slice ends where a paragraph break begins: at a new block, after text that does not end in white space
    // (which a break would take in).
    if (cut && gap.length > 1 && parts.length && /\S$/.test(parts[parts.length - 1])) {
      endSlice();
      cut = false;
    }
    if (gap) {
      parts.push(gap);
      length += gap.length;
    }
    lastBlock = block;
    nodes.push(node);
    starts.push(length);
    // Line breaks inside a text node render as spaces; keep the length so offsets map 1:1.
    parts.push(data.replace(/[\n\r\t\f]/g, ' '));
    length += data.length;
  };

  /**
   * The text under top in the order the page shows it: an element with an open shadow root shows that root
   * (whose slots show the element's own children), not its children. The walker reads elements and text;
   * only shadow roots recurse, so deep markup cannot overflow the stack.
   */
  function* walk(top: Node): Generator<void, void> {
    const walker = doc.createTreeWalker(top, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
    let node: Node | null = top.nodeType === 11 /* a shadow root */ ? walker.nextNode() : top;
    while (node) {
      if (++count % NODES_PER_STEP === 0) {
        cut = true;
        yield;
      }
      if (node.nodeType === 3) {
        readText(node as Text, top);
        node = node === top ? null : walker.nextNode();
        continue;
      }
      const block = blockFor(node, top);
      verdicts.set(node, block);
      // A skipped element's subtree is not walked at all (scripts, styles, navigation...).
      const shown = block && shownChildren(node as Element);
      if (!block || shown) {
        if (shown) {
          flat++;
          if (Array.isArray(shown)) for (const child of shown) yield* walk(child);
          else {
            shadowRoots.push(shown as ShadowRoot);
            yield* walk(shown as ShadowRoot);
          }
          flat--;
        }
        node = node === top ? null : nextOutside(walker, node, top);
        continue;
      }
      node = walker.nextNode();
    }
  }
  const shadowRoots: ShadowRoot[] = [];
  /** Inside a shadow root or a slot: blocks are found in the tree the page shows. */
  let flat = 0;
  yield* walk(root);
  endSlice();
  let text: string | undefined;
  return {
    get text() {
      return (text ??= slices.join(''));
    },
    slices, sliceStarts, nodes, starts, shadowRoots,
  };
}

/**
 * What an element shows instead of its children, or null: an open shadow root, or a slot's assigned nodes
 * (its own children, read as usual, when nothing is assigned).
 */
function shownChildren(el: Element): ShadowRoot | Node[] | null {
  const shadow = el.shadowRoot;
  if (shadow) return shadow;
  if (el.localName === 'slot' && el.getRootNode() !== el.ownerDocument) {
    const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
    return assigned.length ? assigned : null;
  }
  return null;
}

/** The node after node's subtree within top, in document order. */
function nextOutside(walker: TreeWalker, node: Node, top: Node): Node | null {
  walker.currentNode = node;
  for (let n: Node | null = node; n && n !== top; n = walker.parentNode()) {
    walker.currentNode = n;
    const next = walker.nextSibling();
    if (next) return next;
    walker.currentNode = n;
  }
  return null;
}

/**
 * The nearest block element around node (itself, if it is one), or root. flat: go up the tree the page shows,
 * from a slotted node to its slot and from a shadow root's top to its host (slower: only where there are
 * shadow roots).
 */
export function blockOf(node: Node, root: Element, flat = false): Element {
  if (node === root) return root;
  for (let el = node.nodeType === 1 ? (node as Element) : flat ? flatParent(node) : node.parentElement; el; el = flat ? flatParent(el) : el.parentElement) {
    if (el === root || BLOCK_TAGS.has(el.localName)) return el;
  }
  return root;
}

function flatParent(node: Node): Element | null {
  const slot = (node as Element | Text).assignedSlot;
  if (slot) return slot;
  const parent = node.parentNode;
  return parent && parent.nodeType === 11 /* a shadow root */ ? (parent as ShadowRoot).host : (parent as Element | null);
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
