/**
 * The browser API as the content script uses it: messaging and i18n only. It runs on every page, so it
 * speaks to the browser's own `browser` (Firefox) or `chrome` (Chromium) object directly instead of bundling
 * webextension-polyfill (about 10 KB) into every page; the background and the popup use the polyfill
 * (browser.ts). Both browsers accept a reply through sendResponse when the listener returns true, and both
 * return a promise from runtime.sendMessage in Manifest V3.
 */
import type { Browser, Runtime } from 'webextension-polyfill';
import { isPageMessage, type Message, type PageMessage, type Replies } from '../core/messages';
import { directionOf, fillMessage, languageTag, type Strings, type UiLanguage } from '../core/i18n';
import { repairSettings, type Settings } from '../core/settings';

const SETTINGS_KEY = 'settings';

/** The reader's settings, repaired in memory (the options page and the background write repairs back). */
export async function loadSettings(): Promise<Settings> {
  try {
    const stored = (await api.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    return repairSettings(stored).settings;
  } catch {
    return repairSettings(undefined).settings;
  }
}

/** Calls back with the new settings whenever they change, until signal aborts. */
export function onSettingsChanged(callback: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) callback(repairSettings(changes[SETTINGS_KEY].newValue).settings);
  };
  api.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => api.storage.onChanged.removeListener(listener), { once: true });
}

const api = ((globalThis as { browser?: Browser }).browser ?? (globalThis as unknown as { chrome: Browser }).chrome);

export function send<M extends Message>(message: M): Promise<Replies[M['type']]> {
  return api.runtime.sendMessage(message) as Promise<Replies[M['type']]>;
}

export type Handler = (message: PageMessage) => Promise<unknown> | undefined;

export function onMessage(handler: Handler, signal?: AbortSignal): void {
  const listener = (message: unknown, _sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void): true | undefined => {
    if (!isPageMessage(message)) return undefined;
    const reply = handler(message);
    if (!reply) return undefined;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  api.runtime.onMessage.addListener(listener as never);
  signal?.addEventListener('abort', () => api.runtime.onMessage.removeListener(listener as never), { once: true });
}

/** The reader's chosen interface language and its strings (from the background); null: the browser's. */
let chosen: { language: UiLanguage; strings: Strings } | null = null;

/** Speaks the language of the reader's settings: the strings of a chosen language come from the background. */
export async function useLanguage(settings: Settings): Promise<void> {
  if (settings.language === 'auto') {
    chosen = null;
    return;
  }
  if (chosen?.language === settings.language) return;
  const strings = await send({ type: 'ui/strings', language: settings.language });
  chosen = strings && typeof strings === 'object' ? { language: settings.language, strings } : null;
}

export function t(key: string, substitutions?: string | string[]): string {
  if (chosen) {
    const message = chosen.strings[key];
    if (typeof message === 'string') return fillMessage(message, substitutions);
  }
  return api.i18n.getMessage(key, substitutions) || key;
}

/** The interface language as a BCP 47 tag ("en-US", "zh-CN"). */
export function uiLanguage(): string {
  return chosen ? languageTag(chosen.language) : api.i18n.getUILanguage();
}

const DISMISSED_KEY = 'dismissedBanners';

/** Sites where the reader dismissed the site banner (kept on this device only). */
export async function bannerDismissed(site: string): Promise<boolean> {
  try {
    const list = (await api.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY];
    return Array.isArray(list) && list.includes(site);
  } catch {
    return false;
  }
}

export async function dismissBanner(site: string): Promise<void> {
  const list = (await api.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY];
  const sites = Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  if (!sites.includes(site)) await api.storage.local.set({ [DISMISSED_KEY]: [...sites, site].slice(-500) });
}

export function uiDirection(): 'ltr' | 'rtl' {
  if (chosen) return directionOf(chosen.language);
  return api.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
