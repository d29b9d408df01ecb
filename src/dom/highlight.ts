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

  constructor(private readonly doc: Document) {}

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
    }
    for (const [name, ranges] of groups) {
      registry.set(name, new win.Highlight(...ranges));
      this.names.add(name);
    }
  }

  clear(): void {
    const registry = (this.doc.defaultView as unknown as HighlightWindow | null)?.CSS?.highlights;
    for (const name of this.names) registry?.delete(name);
    this.names.clear();
  }
}
