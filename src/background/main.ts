/**
 * Background: keeps the toolbar badge per tab and serves registry details. It sees counts and outlet ids,
 * never the page's text.
 */
import outlets from 'statelens:outlets';
import { isMessage, type PageSummary } from '../core/messages';
import type { Outlet } from '../core/registry/types';
import { strongestTypology, type OutletSummary } from '../core/summary';
import { BADGE_COLORS } from '../core/badge';
import { activeTabId, broadcastToTab, onCommand, onMessage, onTabChange, openExtensionTab, repairStoredSettings, sendToTab, sessionGet, sessionRemove, sessionSet, setBadge } from '../platform/browser';
import { stringsFor } from '../platform/locales';

// Stored settings that are not valid (an old version, an edit by hand) are repaired once at start.
void repairStoredSettings().catch(() => undefined);

onMessage(isMessage, (message, sender) => {
  switch (message.type) {
    case 'page/report':
      if (sender.tabId === undefined) return undefined;
      return updateFrames(sender.tabId, (frames) => ({ ...frames, [sender.frameId ?? 0]: framed(message.summary) }));
    case 'tab/frames':
      return sessionGet<Frames>(framesKey(message.tabId)).then((frames) =>
        Object.entries(frames ?? {}).filter(([frame]) => frame !== '0').map(([, f]) => f.outlets));
    case 'outlet/details': {
      const result: Record<number, Outlet> = {};
      for (const i of message.outlets) if (Number.isInteger(i) && outlets[i]) result[i] = outlets[i];
      return Promise.resolve(result);
    }
    case 'outlet/report':
      // Only the outlet goes to the report page, never the address of the page the reader was on.
      return outlets[message.outlet] ? openExtensionTab(`report.html?outlet=${message.outlet}`) : undefined;
    case 'ui/strings':
      return Promise.resolve(stringsFor(message.language));
    default:
      return undefined;
  }
});

/**
 * The badge counts the citations of every frame of a tab that StateLens reads (the top document and its
 * same-origin frames), kept per frame in session storage (the background may be stopped between reports).
 */
type Frames = Record<string, { total: number; outlets: OutletSummary[] }>;

const framesKey = (tabId: number) => `frames:${tabId}`;
const framed = (summary: PageSummary) => ({ total: summary.total, outlets: summary.outlets });
/** Each tab's updates in turn, so that two frames reporting at once do not lose one another's counts. */
const queues = new Map<number, Promise<unknown>>();

function updateFrames(tabId: number, change: (frames: Frames) => Frames | null): Promise<void> {
  const next = (queues.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(async () => {
    const frames = change((await sessionGet<Frames>(framesKey(tabId))) ?? {});
    if (!frames) {
      queues.delete(tabId);
      return sessionRemove(framesKey(tabId));
    }
    await sessionSet(framesKey(tabId), frames);
    const all = Object.values(frames);
    const total = all.reduce((n, f) => n + f.total, 0);
    const typology = strongestTypology(all.flatMap((f) => f.outlets));
    await setBadge(tabId, total ? String(total) : '', BADGE_COLORS[typology ?? 'none']);
  });
  queues.set(tabId, next);
  return next;
}

// A tab's frames change with a new document: every frame reports again, and frames that are gone drop out.
onTabChange((tabId, closed) => {
  void updateFrames(tabId, () => (closed ? null : {})).then(() => {
    if (!closed) return broadcastToTab(tabId, { type: 'page/recount' });
    return undefined;
  }).catch(() => {
    // A tab without StateLens (a browser page): nothing to count.
  });
});

// Keyboard access to every citation, also those in plain text (highlights cannot take the focus): the shortcut
// opens the next citation's card in the active tab, with the focus in it.
onCommand((command) => {
  if (command !== 'next-citation') return;
  void activeTabId().then((tabId) => (tabId === undefined ? undefined : sendToTab(tabId, { type: 'page/step' }))).catch(() => {
    // No content script in this tab (a browser page, a site switched off before load): nothing to step through.
  });
});
