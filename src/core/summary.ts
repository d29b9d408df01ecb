/** Per-outlet counts of a page's citations: what the badge, the popup and `scan` report. */
import { TYPOLOGY_INFO, isTypology, type Typology } from './typology';
import type { MatcherIndex } from './registry/types';

export interface CitationRef {
  outlet: number;
  via: 'text' | 'link';
}

export interface OutletSummary {
  outlet: string;
  typology: Typology | null;
  domain: string | null;
  citations: number;
}

export function summarize(citations: readonly CitationRef[], outlets: MatcherIndex['outlets']): OutletSummary[] {
  const counts = new Map<number, number>();
  for (const c of citations) counts.set(c.outlet, (counts.get(c.outlet) ?? 0) + 1);
  return [...counts.entries()]
    .map(([i, citations]) => {
      const [outlet, typology, domain] = outlets[i];
      return { outlet, typology: isTypology(typology) ? typology : null, domain: domain || null, citations };
    })
    .sort((a, b) => b.citations - a.citations || rank(a.typology) - rank(b.typology) || a.outlet.localeCompare(b.outlet));
}

function rank(t: Typology | null): number {
  return t ? TYPOLOGY_INFO[t].rank : 99;
}

/** The most state-controlled category among the outlets, for the badge colour. */
export function strongestTypology(summary: readonly OutletSummary[]): Typology | null {
  let best: Typology | null = null;
  for (const s of summary) if (s.typology && (!best || rank(s.typology) < rank(best))) best = s.typology;
  return best;
}
