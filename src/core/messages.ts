/** Messages between the content script, the background and the popup: a typed union with area/verb names. */
import type { Outlet } from './registry/types';
import type { OutletSummary } from './summary';

export interface PageSummary {
  article: boolean;
  /** The outlet (index in this build's registry) whose site this page is on, if any. */
  site: number | null;
  published: string | null;
  total: number;
  outlets: OutletSummary[];
}

export type Message =
  /** content → background: the page's counts, for the badge. No text of the page is sent. */
  | { type: 'page/report'; summary: PageSummary }
  /** content or popup → background: registry details for the card and the popup, by outlet index. */
  | { type: 'outlet/details'; outlets: number[] }
  /** popup → content: what was found on this page. */
  | { type: 'page/summary' }
  /** popup → content: scroll to the next citation of an outlet and flash it. */
  | { type: 'page/reveal'; outlet: number };

export interface Replies {
  'page/report': void;
  'outlet/details': Record<number, Outlet>;
  'page/summary': PageSummary;
  'page/reveal': { index: number; of: number } | null;
}

const TYPES = new Set(['page/report', 'outlet/details', 'page/summary', 'page/reveal']);

/** Messages arrive from other contexts: check the shape before trusting it. */
export function isMessage(value: unknown): value is Message {
  return Boolean(value && typeof value === 'object' && TYPES.has((value as { type?: unknown }).type as string));
}
