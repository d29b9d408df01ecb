/**
 * The interface languages and their message catalogs (the `_locales/<lang>/messages.json` files), for when the
 * reader picks a language other than the browser's: browser.i18n only ever speaks the browser's language.
 * formatMessage follows browser.i18n.getMessage: named placeholders ($NAME$) stand for their content, which
 * refers to the substitutions as $1..$9; "$$" is a dollar sign.
 */
export const UI_LANGUAGES = ['en', 'ar', 'ru', 'zh_CN', 'es', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const RTL = new Set<string>(['ar', 'fa', 'he', 'ur']);

export interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, CatalogEntry>;
/** A catalog with its placeholders resolved: key → message with $1..$9 left to fill. */
export type Strings = Record<string, string>;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return (UI_LANGUAGES as readonly unknown[]).includes(value);
}

/** "zh_CN" → "zh-CN", as in HTML's lang attribute and Intl. */
export function languageTag(language: string): string {
  return language.replace('_', '-');
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL.has(language.toLowerCase().split(/[-_]/)[0]) ? 'rtl' : 'ltr';
}

/** Resolves named placeholders; keys missing from `catalog` come from `fallback` (English). */
export function resolveCatalog(catalog: Catalog, fallback: Catalog = {}): Strings {
  const out: Strings = {};
  for (const [key, entry] of Object.entries({ ...fallback, ...catalog })) {
    const named = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
    out[key] = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => named[name.toLowerCase()] ?? whole);
  }
  return out;
}

export function fillMessage(message: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return message.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : subs[Number(c) - 1] ?? ''));
}
