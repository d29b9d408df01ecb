import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directionOf, fillMessage, languageTag, resolveCatalog, UI_LANGUAGES, type Catalog } from '../../src/core/i18n';

const ROOT = join(__dirname, '..', '..');
const catalog = (lang: string) => JSON.parse(readFileSync(join(ROOT, '_locales', lang, 'messages.json'), 'utf8')) as Catalog;

describe('interface strings in a language the reader chose', () => {
  it('resolve named placeholders and substitutions as browser.i18n does', () => {
    const strings = resolveCatalog({
      controller: { message: 'Controlled by: $WHO$ ($Who$)', placeholders: { who: { content: '$1' } } },
      both: { message: '$COUNT$ of $TOTAL$ — $$5', placeholders: { count: { content: '$1' }, total: { content: '$2' } } },
    });
    expect(fillMessage(strings.controller, 'the state')).toBe('Controlled by: the state (the state)');
    expect(fillMessage(strings.both, ['2', '8'])).toBe('2 of 8 — $5');
    expect(fillMessage(strings.both)).toBe(' of  — $5');
  });

  it('fall back to English for a key a catalog lacks', () => {
    const strings = resolveCatalog({ a: { message: 'uno' } }, { a: { message: 'one' }, b: { message: 'two' } });
    expect(strings).toEqual({ a: 'uno', b: 'two' });
  });

  it('every shipped catalog resolves every placeholder it uses', () => {
    for (const lang of UI_LANGUAGES) {
      const strings = resolveCatalog(catalog(lang), catalog('en'));
      const unresolved = Object.entries(strings).filter(([, m]) => /\$[A-Za-z_]+\$/.test(m)).map(([k]) => k);
      expect(unresolved, lang).toEqual([]);
      expect(Object.keys(strings).sort(), lang).toEqual(Object.keys(catalog('en')).sort());
    }
  });

  it('name the direction and the tag of each language', () => {
    expect(UI_LANGUAGES.map(directionOf)).toEqual(['ltr', 'rtl', 'ltr', 'ltr', 'ltr', 'ltr']);
    expect(languageTag('zh_CN')).toBe('zh-CN');
    expect(directionOf('ar-EG')).toBe('rtl');
  });
});
