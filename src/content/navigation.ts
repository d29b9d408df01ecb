/**
 * Citation navigation: the keyboard shortcut steps through the page's citations in page order, and the popup
 * reveals an outlet's citations one after another (scrolled into view, flashed, their card opened and focused).
 */
import type { Highlighter } from '../dom/highlight';
import type { PageCitation } from '../dom/scan-steps';
import type { CitationCard } from './card-controller';

/** How long a citation revealed from the popup flashes. */
const FLASH_MS = 1500;

export interface Position {
  index: number;
  of: number;
}

export interface CitationNavigation {
  /** The next citation after the open one (or the last stepped to); null when there is none. */
  step(): Position | null;
  /** The outlet's next citation; null when the page has none of it. */
  reveal(outlet: number): Position | null;
}

export function citationNavigation(
  citations: () => readonly PageCitation[], card: CitationCard, highlighter: Highlighter, scrollTo: (c: PageCitation) => void,
): CitationNavigation {
  let stepped = -1;
  const reveals = new Map<number, number>();
  return {
    step() {
      const all = citations();
      if (!all.length) return null;
      const i = ((card.openIndex >= 0 ? card.openIndex : stepped) + 1) % all.length;
      stepped = i;
      scrollTo(all[i]);
      void card.open(i, 'card');
      return { index: i + 1, of: all.length };
    },
    reveal(outlet) {
      const all = citations();
      const own = all.filter((c) => c.outlet === outlet);
      if (!own.length) return null;
      const n = ((reveals.get(outlet) ?? -1) + 1) % own.length;
      reveals.set(outlet, n);
      const target = own[n];
      scrollTo(target);
      void card.open(all.indexOf(target), 'card');
      highlighter.flash(target.range, FLASH_MS);
      return { index: n + 1, of: own.length };
    },
  };
}
