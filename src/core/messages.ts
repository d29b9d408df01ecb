/** Messages between the content script, the background and the popup: a typed union with area/verb names. */
import { isUiLanguage, type Strings, type UiLanguage } from './i18n';
import type { Outlet } from './registry/types';
import type { OutletSummary } from './summary';

export interface PageSummary {
  /** The page's host name (for "Off on this site"). */
  host: string;
  /** The reader switched StateLens off on this site. */
  off: boolean;
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
  | { type: 'page/reveal'; outlet: number }
  /** content → background: the reader wants to report a mistake about an outlet (opens the report page). */
  | { type: 'outlet/report'; outlet: number }
  /** background → content (the keyboard shortcut): open the card of the next citation, focused. */
  | { type: 'page/step' }
  /** content → background: the interface strings of a language the reader chose (not the browser's). */
  | { type: 'ui/strings'; language: UiLanguage }
  /** popup → background: the outlets counted in a tab's embedded frames (the top document answers page/summary). */
  | { type: 'tab/frames'; tabId: number }
  /** background → every frame of a tab: report your counts again (the tab's frames changed). */
  | { type: 'page/recount' };

export interface Replies {
  'page/report': void;
  'outlet/details': Record<number, Outlet>;
  'page/summary': PageSummary;
  'page/reveal': { index: number; of: number } | null;
  'page/step': { index: number; of: number } | null;
  'outlet/report': void;
  'ui/strings': Strings;
  'tab/frames': OutletSummary[][];
  'page/recount': void;
}

const TYPES = new Set(['page/report', 'outlet/details', 'page/summary', 'page/reveal', 'page/step', 'outlet/report', 'ui/strings', 'tab/frames', 'page/recount']);

const isIndex = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

/** The messages a page's content script answers (from the popup and the background). */
export type PageMessage = Extract<Message, { type: 'page/summary' | 'page/reveal' | 'page/step' | 'page/recount' }>;

const PAGE_TYPES = new Set<string>(['page/summary', 'page/reveal', 'page/step', 'page/recount'] satisfies PageMessage['type'][]);

/** The content script's check: one of the messages it answers, whole. Any other message is none of its business. */
export function isPageMessage(value: unknown): value is PageMessage {
  return isMessage(value) && PAGE_TYPES.has(value.type);
}

/** Messages arrive from other contexts: check the whole shape before trusting it. */
export function isMessage(value: unknown): value is Message {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  if (!TYPES.has(m.type as string)) return false;
  switch (m.type) {
    case 'outlet/details':
      return Array.isArray(m.outlets) && m.outlets.length <= 10_000 && m.outlets.every(isIndex);
    case 'page/reveal':
    case 'outlet/report':
      return isIndex(m.outlet);
    case 'ui/strings':
      return isUiLanguage(m.language);
    case 'tab/frames':
      return isIndex(m.tabId);
    case 'page/report': {
      const s = m.summary as Record<string, unknown> | null;
      return Boolean(s && typeof s === 'object' && isIndex(s.total) && Array.isArray(s.outlets));
    }
    default:
      return true;
  }
}
