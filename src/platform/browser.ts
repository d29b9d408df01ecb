/**
 * The one place that touches the WebExtension API (through webextension-polyfill, so Chrome and Firefox
 * share one promise-based API). Everything else gets what it needs from here as plain functions.
 */
import browser from 'webextension-polyfill';
import { isMessage, type Message, type Replies } from '../core/messages';
import { directionOf, fillMessage, languageTag, type Strings, type UiLanguage } from '../core/i18n';
import { repairSettings, type Settings } from '../core/settings';
import { stringsFor } from './locales';

const SETTINGS_KEY = 'settings';

/** The reader's settings, repaired; broken stored values are written back repaired. */
export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  const { settings, repaired } = repairSettings(stored);
  if (stored !== undefined && repaired.length) await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
  return settings;
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

export type Handler = (message: Message, sender: { tabId?: number; frameId?: number }) => Promise<unknown> | undefined;

/** Listens for messages until signal aborts. A handler returns a promise to reply, or undefined to pass. */
export function onMessage(handler: Handler, signal?: AbortSignal): void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
    // Only StateLens's own content scripts and pages may ask; and only well-formed messages are answered.
    if (sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
    return handler(message, { tabId: sender.tab?.id, frameId: sender.frameId });
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** The reader's chosen interface language and its strings; null: the browser's language, through browser.i18n. */
let chosen: { language: UiLanguage; strings: Strings } | null = null;

/** Speaks the language of the reader's settings from now on (the popup and options call this first). */
export function useLanguage(settings: Settings): void {
  chosen = settings.language === 'auto' ? null : { language: settings.language, strings: stringsFor(settings.language) };
}

export function t(key: string, substitutions?: string | string[]): string {
  if (chosen) {
    const message = chosen.strings[key];
    return message === undefined ? key : fillMessage(message, substitutions);
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
