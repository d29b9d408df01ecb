/**
 * Background: keeps the toolbar badge per tab and serves registry details. It sees counts and outlet ids,
 * never the page's text.
 */
import outlets from 'statelens:outlets';
import type { Message } from '../core/messages';
import type { Outlet } from '../core/registry/types';
import { strongestTypology } from '../core/summary';
import { BADGE_COLORS } from '../core/badge';
import { activeTabId, loadSettings, onCommand, onMessage, openExtensionTab, sendToTab, setBadge } from '../platform/browser';
import { stringsFor } from '../platform/locales';

// Stored settings that are not valid (an old version, an edit by hand) are repaired once at start.
void loadSettings().catch(() => undefined);

onMessage((message: Message, sender) => {
  switch (message.type) {
    case 'page/report': {
      if (sender.tabId === undefined) return undefined;
      const { total, outlets: found } = message.summary;
      const typology = strongestTypology(found);
      return setBadge(sender.tabId, total ? String(total) : '', BADGE_COLORS[typology ?? 'none']);
    }
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

// Keyboard access to every citation, also those in plain text (highlights cannot take the focus): the shortcut
// opens the next citation's card in the active tab, with the focus in it.
onCommand((command) => {
  if (command !== 'next-citation') return;
  void activeTabId().then((tabId) => (tabId === undefined ? undefined : sendToTab(tabId, { type: 'page/step' }))).catch(() => {
    // No content script in this tab (a browser page, a site switched off before load): nothing to step through.
  });
});
