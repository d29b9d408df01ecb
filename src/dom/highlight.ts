/**
 * Highlights with the CSS Custom Highlight API: the page's DOM is not changed at all, so its layout, its
 * scripts and its frameworks never see StateLens. The colours are ::highlight rules (highlightCss).
 */
import { nextTask } from './next-task';
import { TYPOLOGIES, type Typology } from '../core/typology';

export const HIGHLIGHT_PREFIX = 'statelens-';

export type Style = 'background' | 'underline' | 'none';

const FLASH = `${HIGHLIGHT_PREFIX}flash`;

/** "statelens-sc" (background and underline) or "statelens-sc-line" (underline only). */
export function highlightName(typology: Typology | null, style: Style = 'background'): string {
  return `${HIGHLIGHT_PREFIX}${(typology ?? 'unknown').toLowerCase()}${style === 'underline' ? '-line' : ''}`;
}

/** Background (with opacity) and underline colours by category; the other categories share the last. */
const COLOURS: Partial<Record<Typology, [string, string]>> = { SC: ['d32f2f38', 'c62828'], CaPu: ['ef6c0038', 'e65100'], CaPr: ['8e24aa33', '7b1fa2'] };
const OTHERS = ['1e88e529', '1e88e5'];

/**
 * The ::highlight rules for every name highlightName gives, and the popup's flash. Written once: the build
 * puts them in content.css, which the manifest adds to every page, and the content script adopts them into
 * open shadow roots, which the page's styles do not reach.
 */
export function highlightCss(): string {
  let css = `::highlight(${HIGHLIGHT_PREFIX}flash){background-color:#ffd600bf}`;
  for (const typology of [...TYPOLOGIES, null]) {
    const [background, line] = (typology && COLOURS[typology]) || OTHERS;
    const underline = `text-decoration:underline 2px #${line};text-underline-offset:3px`;
    css += `::highlight(${highlightName(typology)}){background-color:#${background};${underline}}::highlight(${highlightName(typology, 'underline')}){${underline}}`;
  }
  return css;
}

interface HighlightWindow {
  CSS: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => unknown;
}

export function supportsHighlights(doc: Document): boolean {
  const win = doc.defaultView as unknown as HighlightWindow | null;
  return Boolean(win?.CSS?.highlights && win.Highlight);
}

/**
 * Above this many citations, only those near the window are painted, and the others as the reader scrolls:
 * the browser's frame that registers and paints thousands of highlights at once blocks the page for tens of
 * milliseconds.
 */
export const PAINT_ALL_MAX = 400;
/**
 * Citations grouped and their elements given to the IntersectionObserver per task, when there are many: at
 * 5 MB, grouping and observing 2,430 of them at once took 8 to 20 ms in one task in Chromium. (Each pause
 * may wait for a frame, since observing asks for one: smaller batches cost more time than they save.)
 */
const OBSERVE_BATCH = 1000;

type Item = { range: Range; typology: Typology | null };

export class Highlighter {
  #names = new Set<string>();
  /** The shadow roots given StateLens's highlight styles, and that style sheet. */
  #styled = new Set<ShadowRoot>();
  #sheet: CSSStyleSheet | null = null;
  /** Watches the citations' elements when only those near the window are painted. */
  #observer: IntersectionObserver | null = null;
  /** Counts calls of apply and clear: work left over from an earlier call stops when it changes. */
  #generation = 0;
  /** Many citations are being set up: their highlights are not registered yet. */
  busy = false;

  readonly #doc: Document;

  /**
   * The page has the ::highlight rules from the manifest (content.css); a shadow root with a citation in it
   * gets them too (highlightCss, made when the first one needs them), since the page's styles do not reach
   * into it.
   */
  constructor(doc: Document) {
    this.#doc = doc;
  }

  /**
   * Replaces all of StateLens's highlights with these ranges, grouped by category. Many citations are set up
   * over a few tasks (see below): busy until they are registered.
   */
  apply(items: readonly Item[], style: Style = 'background'): void {
    const win = this.#doc.defaultView as unknown as HighlightWindow & { IntersectionObserver?: typeof IntersectionObserver } | null;
    this.clear();
    if (!win?.CSS?.highlights || !win.Highlight || style === 'none') return;
    if (items.length <= PAINT_ALL_MAX || !win.IntersectionObserver) {
      for (const { range } of items) this.#styleRootOf(range);
      return this.#paint(items, style);
    }
    // Many citations: those whose element is within a window's height of the view, as the view moves. The
    // elements are observed in batches, and painted after the last. Any change of the highlights repaints the
    // whole page in Chromium: they are changed again only when the elements near the view change.
    const generation = this.#generation;
    this.busy = true;
    const byElement = new Map<Element, Item[]>();
    const near = new Set<Element>();
    let observing = true;
    const paint = () => this.#paint([...byElement].flatMap(([el, list]) => (near.has(el) ? list : [])), style);
    const observer = (this.#observer = new win.IntersectionObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        // An element without a box of its own (display: contents) never intersects: it stays painted.
        const box = entry.boundingClientRect;
        const isNear = entry.isIntersecting || !(box.width || box.height);
        if (isNear !== near.has(entry.target)) changed = true;
        if (isNear) near.add(entry.target);
        else near.delete(entry.target);
      }
      if (!observing && changed) paint();
    }, { rootMargin: '100% 0px' }));
    void (async () => {
      for (let i = 0; i < items.length; ) {
        for (const end = Math.min(items.length, i + OBSERVE_BATCH); i < end; i++) {
          const item = items[i];
          this.#styleRootOf(item.range);
          const node = item.range.startContainer;
          const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
          if (!el) continue;
          const list = byElement.get(el);
          if (list) list.push(item);
          else {
            byElement.set(el, [item]);
            observer.observe(el);
          }
        }
        if (i < items.length) await nextTask();
        if (generation !== this.#generation) return;
      }
      // The first paint without waiting for the observer's first report (a frame later), from a guess: in page
      // order, an article's blocks go down the page, so a binary search over a few boxes finds the first one
      // near the view. Where it is wrong (columns, boxes moved by styles), the observer's report corrects it.
      const order = [...byElement.keys()];
      const height = (win as unknown as Window).innerHeight;
      let lo = 0;
      for (let hi = order.length; lo < hi; ) {
        const mid = (lo + hi) >> 1;
        if (order[mid].getBoundingClientRect().bottom < -height) lo = mid + 1;
        else hi = mid;
      }
      while (order[lo]?.getBoundingClientRect().top <= 2 * height) near.add(order[lo++]);
      observing = this.busy = false;
      paint();
    })();
  }

  /**
   * The popup's "show me": one range flashed over the category colours for ms (in a shadow root, with
   * StateLens's styles there). clear() ends it too.
   */
  flash(range: Range, ms: number): void {
    const win = this.#doc.defaultView as unknown as HighlightWindow | null;
    const registry = win?.CSS?.highlights;
    if (!registry || !win.Highlight) return;
    this.#styleRootOf(range);
    const flash = new win.Highlight(range);
    registry.set(FLASH, flash);
    setTimeout(() => registry.get(FLASH) === flash && registry.delete(FLASH), ms);
  }

  /** A range in a shadow root needs StateLens's styles in that root. */
  #styleRootOf(range: Range): void {
    const root = range.startContainer.getRootNode();
    if (root !== this.#doc && 'host' in root) this.#style(root as ShadowRoot);
  }

  /** Registers these ranges as the highlights, in place of the ones before. */
  #paint(items: readonly Item[], style: Style): void {
    const win = this.#doc.defaultView as unknown as HighlightWindow;
    const registry = win.CSS.highlights!;
    for (const name of this.#names) registry.delete(name);
    this.#names.clear();
    const groups = new Map<string, Range[]>();
    for (const { range, typology } of items) {
      const name = highlightName(typology, style);
      const group = groups.get(name);
      if (group) group.push(range);
      else groups.set(name, [range]);
    }
    for (const [name, ranges] of groups) {
      registry.set(name, new win.Highlight!(...ranges));
      this.#names.add(name);
    }
  }

  #style(root: ShadowRoot): void {
    if (this.#styled.has(root)) return;
    try {
      const Sheet = (this.#doc.defaultView as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet;
      if (!this.#sheet) {
        this.#sheet = new Sheet();
        this.#sheet.replaceSync(highlightCss());
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
      this.#styled.add(root);
    } catch {
      // A root that takes no style sheet: its citations count, and show no colour.
    }
  }

  clear(): void {
    this.#generation++;
    this.busy = false;
    this.#observer?.disconnect();
    this.#observer = null;
    const registry = (this.#doc.defaultView as unknown as HighlightWindow | null)?.CSS?.highlights;
    for (const name of this.#names) registry?.delete(name);
    this.#names.clear();
    registry?.delete(FLASH);
    for (const root of this.#styled) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.#sheet);
    this.#styled.clear();
  }
}
