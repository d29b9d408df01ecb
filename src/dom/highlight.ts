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

/** Many citations: only those near the window are painted (see apply). */
interface Watch {
  observer: IntersectionObserver;
  /** The items by the element their range starts in (the element observed). */
  byElement: Map<Element, Item[]>;
  /** The elements within a window's height of the view. */
  near: Set<Element>;
  /** Still setting up the first elements: the observer's reports wait for the first paint. */
  observing: boolean;
}

export class Highlighter {
  #names = new Set<string>();
  /** The shadow roots given StateLens's highlight styles, and that style sheet. */
  #styled = new Set<ShadowRoot>();
  #sheet: CSSStyleSheet | null = null;
  /** The items highlighted, and the style they are painted in. */
  #items: Item[] = [];
  #styleNow: Style = 'background';
  /** Watches the citations' elements when only those near the window are painted. */
  #watch: Watch | null = null;
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

  #window(): (HighlightWindow & { IntersectionObserver?: typeof IntersectionObserver }) | null {
    const win = this.#doc.defaultView as unknown as HighlightWindow & { IntersectionObserver?: typeof IntersectionObserver } | null;
    return win?.CSS?.highlights && win.Highlight ? win : null;
  }

  /**
   * Replaces all of StateLens's highlights with these ranges, grouped by category. Many citations are set up
   * over a few tasks (see below): busy until they are registered.
   */
  apply(items: readonly Item[], style: Style = 'background'): void {
    this.#apply(items, style, true);
  }

  /**
   * guess: paint the elements near the view at once, from their boxes (which costs a layout of the page), or
   * wait a frame for the observer's first report (a feed's step: its new posts are not laid out yet).
   */
  #apply(items: readonly Item[], style: Style, guess: boolean): void {
    const win = this.#window();
    this.clear();
    this.#items = [...items];
    this.#styleNow = style;
    if (!win || style === 'none') return;
    if (items.length <= PAINT_ALL_MAX || !win.IntersectionObserver) {
      for (const { range } of items) this.#styleRootOf(range);
      return this.#paint(items, style);
    }
    // Many citations: those whose element is within a window's height of the view, as the view moves. The
    // elements are observed in batches, and painted after the last. Any change of the highlights repaints the
    // whole page in Chromium: they are changed again only when the elements near the view change.
    const generation = this.#generation;
    this.busy = true;
    const watch = this.#startWatch(win);
    void (async () => {
      for (let i = 0; i < items.length; ) {
        const end = Math.min(items.length, i + OBSERVE_BATCH);
        this.#observe(watch, items.slice(i, end));
        i = end;
        if (i < items.length) await nextTask();
        if (generation !== this.#generation) return;
      }
      if (!guess) {
        watch.observing = this.busy = false;
        return;
      }
      // The first paint without waiting for the observer's first report (a frame later), from a guess: in page
      // order, an article's blocks go down the page, so a binary search over a few boxes finds the first one
      // near the view. Where it is wrong (columns, boxes moved by styles), the observer's report corrects it.
      const order = [...watch.byElement.keys()];
      const height = (win as unknown as Window).innerHeight;
      let lo = 0;
      for (let hi = order.length; lo < hi; ) {
        const mid = (lo + hi) >> 1;
        if (order[mid].getBoundingClientRect().bottom < -height) lo = mid + 1;
        else hi = mid;
      }
      while (order[lo]?.getBoundingClientRect().top <= 2 * height) watch.near.add(order[lo++]);
      watch.observing = this.busy = false;
      this.#paintNear(watch);
    })();
  }

  /**
   * Adds ranges to the highlights (the links a feed's next posts bring): only the new ones are set up, and the
   * ones already highlighted are left as they are. Where the new ones take the page past PAINT_ALL_MAX, or
   * the style changed, everything is applied again.
   */
  add(items: readonly Item[], style: Style = 'background'): void {
    if (!items.length) return;
    const win = this.#window();
    // (While the elements are still being set up, the watch takes new ones too: they join the first paint.)
    if (style !== this.#styleNow || (!this.#watch && this.#items.length + items.length > PAINT_ALL_MAX && win?.IntersectionObserver)) {
      return this.#apply([...this.#items, ...items], style, false);
    }
    this.#items.push(...items);
    if (!win || style === 'none') return;
    if (this.#watch) return this.#observe(this.#watch, items);
    const registry = win.CSS.highlights as Map<string, { add(range: Range): void }>;
    for (const { range, typology } of items) {
      this.#styleRootOf(range);
      const name = highlightName(typology, style);
      const highlight = registry.get(name);
      if (highlight && this.#names.has(name)) highlight.add(range);
      else {
        registry.set(name, new win.Highlight!(range) as { add(range: Range): void });
        this.#names.add(name);
      }
    }
  }

  #startWatch(win: { IntersectionObserver?: typeof IntersectionObserver }): Watch {
    const watch: Watch = { observer: undefined as unknown as IntersectionObserver, byElement: new Map(), near: new Set(), observing: true };
    watch.observer = new win.IntersectionObserver!((entries) => {
      let changed = false;
      for (const entry of entries) {
        // An element without a box of its own (display: contents) never intersects: it stays painted.
        const box = entry.boundingClientRect;
        const isNear = entry.isIntersecting || !(box.width || box.height);
        if (isNear !== watch.near.has(entry.target)) changed = true;
        if (isNear) watch.near.add(entry.target);
        else watch.near.delete(entry.target);
      }
      if (!watch.observing && changed) this.#paintNear(watch);
    }, { rootMargin: '100% 0px' });
    this.#watch = watch;
    return watch;
  }

  /** Observes the elements of these items (new elements are painted once the observer reports them near). */
  #observe(watch: Watch, items: readonly Item[]): void {
    for (const item of items) {
      this.#styleRootOf(item.range);
      const node = item.range.startContainer;
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el) continue;
      const list = watch.byElement.get(el);
      if (list) list.push(item);
      else {
        watch.byElement.set(el, [item]);
        watch.observer.observe(el);
      }
    }
  }

  #paintNear(watch: Watch): void {
    this.#paint([...watch.byElement].flatMap(([el, list]) => (watch.near.has(el) ? list : [])), this.#styleNow);
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
    this.#items = [];
    this.#watch?.observer.disconnect();
    this.#watch = null;
    const registry = (this.#doc.defaultView as unknown as HighlightWindow | null)?.CSS?.highlights;
    for (const name of this.#names) registry?.delete(name);
    this.#names.clear();
    registry?.delete(FLASH);
    for (const root of this.#styled) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.#sheet);
    this.#styled.clear();
  }
}
