/** Per-outlet counts of a page's citations: what the badge, the popup and `scan` report. */
import type { ReferenceKind } from './match/reference-kind';
import { TYPOLOGY_INFO, type Typology } from './typology';

export interface CitationRef {
  outlet: number;
  via: 'text' | 'link';
  /** A mention names the outlet without using it as a source; every other kind cites it (DESIGN.md §5). */
  kind?: ReferenceKind;
}

export interface OutletSummary {
  /** The outlet's index in this build's registry. */
  outlet: number;
  typology: Typology | null;
  /** All its references on the page, of every kind. */
  citations: number;
  /** Of those, the mentions: the outlet named, not used as a source ("CGTN has bureaus in Nairobi"). */
  named: number;
  /** Sentences that rest on the outlet, and their share of the text's sentences (null when not analysed). */
  attributedSentences: number | null;
  share: number | null;
}

export interface AttributionCounts {
  attributedSentences: ReadonlyMap<number, number>;
  sentences: number;
}

/** Shares are rounded to this many decimals. */
const SHARE_DECIMALS = 3;

export function summarize(
  citations: readonly CitationRef[], typologyOf: (outlet: number) => Typology | null, attribution?: AttributionCounts,
): OutletSummary[] {
  const counts = new Map<number, number>();
  const named = new Map<number, number>();
  for (const c of citations) {
    counts.set(c.outlet, (counts.get(c.outlet) ?? 0) + 1);
    if (c.kind === 'mention') named.set(c.outlet, (named.get(c.outlet) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([outlet, citations]) => {
      const attributed = attribution ? attribution.attributedSentences.get(outlet) ?? 0 : null;
      const share = attribution && attributed !== null && attribution.sentences > 0
        ? Number((attributed / attribution.sentences).toFixed(SHARE_DECIMALS)) : attribution ? 0 : null;
      return { outlet, typology: typologyOf(outlet), citations, named: named.get(outlet) ?? 0, attributedSentences: attributed, share };
    })
    .sort((a, b) => b.citations - a.citations || rank(a.typology) - rank(b.typology) || a.outlet - b.outlet);
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

/**
 * The top document's outlets with the citations of its embedded (same-origin) frames added. Only counts add
 * up: sentences and shares are the top document's, as the frames' texts are not part of its article.
 */
export function withFrames(top: readonly OutletSummary[], frames: ReadonlyArray<readonly OutletSummary[]>): OutletSummary[] {
  const merged = new Map(top.map((o) => [o.outlet, { ...o }]));
  for (const frame of frames) {
    for (const o of frame) {
      const known = merged.get(o.outlet);
      if (known) {
        known.citations += o.citations;
        known.named += o.named;
      }
      else merged.set(o.outlet, { ...o, attributedSentences: null, share: null });
    }
  }
  return [...merged.values()].sort((a, b) => b.citations - a.citations || rank(a.typology) - rank(b.typology) || a.outlet - b.outlet);
}
