/**
 * The one place that touches the WebExtension API, for every part of the extension: the background, the
 * popup, the options and report pages and the content script. It speaks through webextension-polyfill, so that
 * Chrome and Firefox share one promise-based API (in Firefox the polyfill is the browser's own `browser`).
 * Everything else gets what it needs from here as plain functions; a module that imports only some of them
 * bundles only those.
 */
import browser from 'webextension-polyfill';
import type { Message, Replies } from '../core/messages';
import { directionOf, fillMessage, languageTag, type Strings, type UiLanguage } from '../core/i18n';
import { repairSettings, type Settings } from '../core/settings';

const SETTINGS_KEY = 'settings';

/** The reader's settings, repaired in memory; unreadable storage gives the defaults (never an error). */
export async function loadSettings(): Promise<Settings> {
  try {
    return repairSettings((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).settings;
  } catch {
    return repairSettings(undefined).settings;
  }
}

/** Writes broken stored settings back repaired (the background does this once at its start). */
export async function repairStoredSettings(): Promise<void> {
  const stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  const { settings, repaired } = repairSettings(stored);
  if (stored !== undefined && repaired.length) await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

/** Calls back with the new settings whenever they change, until signal aborts. */
export function onSettingsChanged(callback: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) callback(repairSettings(changes[SETTINGS_KEY].newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

/** The fields of the stored settings that were invalid (before loadSettings repaired them). */
export async function storedSettingsProblems(): Promise<string[]> {
  const stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  return stored === undefined ? [] : repairSettings(stored).repaired;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: repairSettings(settings).settings });
}

export function openOptions(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

export function send<M extends Message>(message: M): Promise<Replies[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<Replies[M['type']]>;
}

/** To the tab's top document (its embedded frames run StateLens too, and would answer as well). */
export function sendToTab<M extends Message>(tabId: number, message: M): Promise<Replies[M['type']]> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<Replies[M['type']]>;
}

export type Handler<M extends Message> = (message: M, sender: { tabId?: number; frameId?: number }) => Promise<unknown> | undefined;

/**
 * Listens until signal aborts for the messages `accepts` lets through (whole and well formed: isMessage, or
 * the content script's isPageMessage). A handler returns a promise to reply, or undefined to pass.
 */
export function onMessage<M extends Message>(accepts: (value: unknown) => value is M, handler: Handler<M>, signal?: AbortSignal): void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
    // Only StateLens's own content scripts and pages may ask.
    if (sender.id !== browser.runtime.id || !accepts(message)) return undefined;
    return handler(message, { tabId: sender.tab?.id, frameId: sender.frameId });
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** The reader's chosen interface language and its strings; null: the browser's language, through browser.i18n. */
let chosen: { language: UiLanguage; strings: Strings } | null = null;

/**
 * Speaks the language of the reader's settings from now on. catalog: the strings of a language, where the
 * caller bundles them (the extension's pages); without it, they come from the background (the content
 * script, which runs on every page, bundles none).
 */
export async function useLanguage(settings: Settings, catalog?: (language: UiLanguage) => Strings): Promise<void> {
  const { language } = settings;
  if (language === 'auto') {
    chosen = null;
    return;
  }
  if (chosen?.language === language) return;
  const strings = catalog ? catalog(language) : await send({ type: 'ui/strings', language });
  chosen = strings && typeof strings === 'object' ? { language, strings } : null;
}

export function t(key: string, substitutions?: string | string[]): string {
  if (chosen) {
    const message = chosen.strings[key];
    if (typeof message === 'string') return fillMessage(message, substitutions);
  }
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The interface language as a BCP 47 tag ("en-US", "zh-CN"). */
export function uiLanguage(): string {
  return chosen ? languageTag(chosen.language) : browser.i18n.getUILanguage();
}

export function uiDirection(): 'ltr' | 'rtl' {
  return chosen ? directionOf(chosen.language) : browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

const DISMISSED_KEY = 'dismissedBanners';

/** Sites (and accounts) where the reader dismissed the site banner (kept on this device only). */
export async function bannerDismissed(site: string): Promise<boolean> {
  try {
    const list = (await browser.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY];
    return Array.isArray(list) && list.includes(site);
  } catch {
    return false;
  }
}

export async function dismissBanner(site: string): Promise<void> {
  const list = (await browser.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY];
  const sites = Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  if (!sites.includes(site)) await browser.storage.local.set({ [DISMISSED_KEY]: [...sites, site].slice(-500) });
}

export async function setBadge(tabId: number, text: string, color: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color });
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

/** Opens one of the extension's own pages in a new tab (no permission needed). */
export async function openExtensionTab(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}

/** The `chrome` namespace, which Firefox has too: only what importExtensionModule uses. */
declare const chrome: { runtime: { getURL(path: string): string } };

/**
 * Imports a module file of the extension (listed in manifest.json's web_accessible_resources: a content script
 * may import only those). Its exports are the caller's to check. The address is made by `chrome.runtime.getURL`
 * itself, not through the polyfill: addons.mozilla.org's linter accepts an import only from a direct call of it.
 */
export function importExtensionModule(file: string): Promise<unknown> {
  return import(chrome.runtime.getURL(file)) as Promise<unknown>;
}

/** Calls back when the reader presses one of the extension's keyboard shortcuts. */
export function onCommand(callback: (command: string) => void): void {
  browser.commands.onCommand.addListener(callback);
}

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * What lives as long as the browser session, in memory that survives the background's restarts
 * (storage.session; the "storage" permission covers it).
 */
export async function sessionGet<T>(key: string): Promise<T | undefined> {
  return (await browser.storage.session.get(key))[key] as T | undefined;
}

export function sessionSet(key: string, value: unknown): Promise<void> {
  return browser.storage.session.set({ [key]: value });
}

export function sessionRemove(key: string): Promise<void> {
  return browser.storage.session.remove(key);
}

/** A tab finished loading a document (its frames may have changed), or was closed (done: true). */
export function onTabChange(listener: (tabId: number, closed: boolean) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete') listener(tabId, false);
  });
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId, true));
}

/** To every frame of the tab. */
export function broadcastToTab(tabId: number, message: Message): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message);
}

/**
 * Whether the extension is still there: an extension updated or removed while a page is open leaves its old
 * content script running with no extension to talk to (its runtime id is gone).
 */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}
