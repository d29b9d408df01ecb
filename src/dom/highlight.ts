/**
 * Highlights with the CSS Custom Highlight API: the page's DOM is not changed at all, so its layout, its
 * scripts and its frameworks never see StateLens. The colours are in content.css (::highlight rules).
 */
import type { Typology } from '../core/typology';

export const HIGHLIGHT_PREFIX = 'statelens-';

export type Style = 'background' | 'underline' | 'none';

/** "statelens-sc" (background and underline) or "statelens-sc-line" (underline only). */
export function highlightName(typology: Typology | null, style: Style = 'background'): string {
  return `${HIGHLIGHT_PREFIX}${(typology ?? 'unknown').toLowerCase()}${style === 'underline' ? '-line' : ''}`;
}

interface HighlightWindow {
  CSS: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => unknown;
}

export function supportsHighlights(doc: Document): boolean {
  const win = doc.defaultView as unknown as HighlightWindow | null;
  return Boolean(win?.CSS?.highlights && win.Highlight);
}

export class Highlighter {
  private names = new Set<string>();
  /** The shadow roots given StateLens's highlight styles, and that style sheet. */
  private styled = new Set<ShadowRoot>();
  private sheet: CSSStyleSheet | null = null;

  /**
   * css: the ::highlight rules (content.css). The page has them from the manifest; a shadow root with a
   * citation in it gets them too, since the page's styles do not reach into it.
   */
  constructor(private readonly doc: Document, private readonly css = '') {}

  /** Replaces all of StateLens's highlights with these ranges, grouped by category. */
  apply(items: ReadonlyArray<{ range: Range; typology: Typology | null }>, style: Style = 'background'): void {
    const win = this.doc.defaultView as unknown as HighlightWindow | null;
    const registry = win?.CSS?.highlights;
    this.clear();
    if (!registry || !win?.Highlight || style === 'none') return;
    const groups = new Map<string, Range[]>();
    for (const { range, typology } of items) {
      const name = highlightName(typology, style);
      const group = groups.get(name);
      if (group) group.push(range);
      else groups.set(name, [range]);
      const root = range.startContainer.getRootNode();
      if (root !== this.doc && 'host' in root) this.style(root as ShadowRoot);
    }
    for (const [name, ranges] of groups) {
      registry.set(name, new win.Highlight(...ranges));
      this.names.add(name);
    }
  }

  private style(root: ShadowRoot): void {
    if (this.styled.has(root) || !this.css) return;
    try {
      const Sheet = (this.doc.defaultView as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet;
      if (!this.sheet) {
        this.sheet = new Sheet();
        this.sheet.replaceSync(this.css);
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
      this.styled.add(root);
    } catch {
      // A root that takes no style sheet: its citations count, and show no colour.
    }
  }

  clear(): void {
    const registry = (this.doc.defaultView as unknown as HighlightWindow | null)?.CSS?.highlights;
    for (const name of this.names) registry?.delete(name);
    this.names.clear();
    for (const root of this.styled) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.styled.clear();
  }
}
