/**
 * The reader's settings: types, defaults, and repair. Settings are stored in storage.sync, which other
 * versions, other devices or the reader's own edits may have filled with anything: repairSettings keeps every
 * valid field and replaces the rest with its default, so broken settings never break the extension.
 */
import { isUiLanguage, type UiLanguage } from './i18n';
import { TYPOLOGIES, TYPOLOGY_INFO, type Typology } from './typology';

export const SETTINGS_VERSION = 1;
export const HIGHLIGHT_STYLES = ['background', 'underline', 'none'] as const;
export const SCOPES = ['articles', 'all'] as const;

export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export type Scope = (typeof SCOPES)[number];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Which categories are highlighted. */
  categories: Record<Typology, boolean>;
  style: HighlightStyle;
  /** Read the text of articles only, or of every page. */
  scope: Scope;
  /** Label links to outlets' sites and accounts on every page (search results, feeds), not only in articles. */
  linksEverywhere: boolean;
  /** Sites (host names) where StateLens stays off. */
  offSites: string[];
  /** The interface language: the browser's ("auto"), or one of StateLens's own. */
  language: 'auto' | UiLanguage;
}

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    categories: Object.fromEntries(TYPOLOGIES.map((t) => [t, TYPOLOGY_INFO[t].shownByDefault])) as Record<Typology, boolean>,
    style: 'background',
    scope: 'articles',
    linksEverywhere: true,
    offSites: [],
    language: 'auto',
  };
}

/** At most this many sites in the off list (storage.sync items are small). */
const MAX_OFF_SITES = 500;
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function normalizeSite(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (!host) return null;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) host = new URL(host).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return HOST.test(host) ? host : null;
}

export interface Repaired {
  settings: Settings;
  /** Fields that were missing or invalid and now hold their default. */
  repaired: string[];
}

export function repairSettings(raw: unknown): Repaired {
  const defaults = defaultSettings();
  const repaired: string[] = [];
  const input = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (input !== raw) repaired.push('(all)');

  const categories = { ...defaults.categories };
  const rawCategories = input.categories;
  if (rawCategories && typeof rawCategories === 'object' && !Array.isArray(rawCategories)) {
    for (const t of TYPOLOGIES) {
      const value = (rawCategories as Record<string, unknown>)[t];
      if (typeof value === 'boolean') categories[t] = value;
      else if (value !== undefined) repaired.push(`categories.${t}`);
    }
  } else if (rawCategories !== undefined) repaired.push('categories');

  const style = (HIGHLIGHT_STYLES as readonly unknown[]).includes(input.style) ? (input.style as HighlightStyle) : defaults.style;
  if (input.style !== undefined && style !== input.style) repaired.push('style');
  const scope = (SCOPES as readonly unknown[]).includes(input.scope) ? (input.scope as Scope) : defaults.scope;
  if (input.scope !== undefined && scope !== input.scope) repaired.push('scope');

  const linksEverywhere = typeof input.linksEverywhere === 'boolean' ? input.linksEverywhere : defaults.linksEverywhere;
  if (input.linksEverywhere !== undefined && typeof input.linksEverywhere !== 'boolean') repaired.push('linksEverywhere');

  let offSites: string[] = [];
  if (Array.isArray(input.offSites)) {
    const sites = input.offSites.map((s) => (typeof s === 'string' ? normalizeSite(s) : null));
    if (sites.some((s) => s === null)) repaired.push('offSites');
    offSites = [...new Set(sites.filter((s): s is string => s !== null))].slice(0, MAX_OFF_SITES);
  } else if (input.offSites !== undefined) repaired.push('offSites');

  const language = input.language === 'auto' || isUiLanguage(input.language) ? input.language : defaults.language;
  if (input.language !== undefined && language !== input.language) repaired.push('language');

  return { settings: { version: SETTINGS_VERSION, categories, style, scope, linksEverywhere, offSites, language }, repaired };
}

/** Is StateLens off on this host (or on a parent site of it)? */
export function isOffOn(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return settings.offSites.some((site) => host === site || host.endsWith(`.${site}`));
}
