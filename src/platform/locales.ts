/**
 * The six message catalogs, bundled into the background, the popup and the options page (not the content
 * script, which asks the background for the one it needs), for a reader who picks a language other than the
 * browser's.
 */
import ar from '../../_locales/ar/messages.json';
import en from '../../_locales/en/messages.json';
import es from '../../_locales/es/messages.json';
import fr from '../../_locales/fr/messages.json';
import ru from '../../_locales/ru/messages.json';
import zhCN from '../../_locales/zh_CN/messages.json';
import { resolveCatalog, type Catalog, type Strings, type UiLanguage } from '../core/i18n';

const CATALOGS: Record<UiLanguage, Catalog> = { en, ar, ru, zh_CN: zhCN, es, fr };

const cache = new Map<UiLanguage, Strings>();

export function stringsFor(language: UiLanguage): Strings {
  let strings = cache.get(language);
  if (!strings) cache.set(language, (strings = resolveCatalog(CATALOGS[language], CATALOGS.en)));
  return strings;
}
