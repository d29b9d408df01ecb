import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/registry';

const LOCALES = ['en', 'ar', 'ru', 'zh_CN', 'es', 'fr'];
const read = (locale: string) => JSON.parse(readFileSync(join(ROOT, '_locales', locale, 'messages.json'), 'utf8')) as
  Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const english = read('en');
const tokens = (message: string) => [...message.matchAll(/\$([A-Za-z_]+)\$/g)].map((m) => m[1].toLowerCase()).sort();

/** The top-level arguments of a call whose "(" ends at `from`, as source text. */
function splitArguments(code: string, from: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let i = from; i < code.length; i++) {
    const ch = code[i];
    if (quote) {
      current += ch;
      if (ch === quote && code[i - 1] !== '\\') quote = '';
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (depth === 0) break;
      depth--;
    } else if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) args.push(current.trim());
  return args;
}

describe('interface languages', () => {
  it.each(LOCALES)('%s has every message, with the same placeholders', (locale) => {
    expect(existsSync(join(ROOT, '_locales', locale, 'messages.json')), locale).toBe(true);
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(english)) {
      expect(tokens(messages[key].message), `${locale}: ${key}`).toEqual(tokens(entry.message));
      expect(messages[key].placeholders ?? {}, `${locale}: ${key}`).toEqual(entry.placeholders ?? {});
      expect(messages[key].message.trim(), `${locale}: ${key}`).not.toBe('');
    }
    expect(messages.extDescription.message.length).toBeLessThanOrEqual(132);
  });

  it('the interface has no hard-coded words: every text comes from the messages', () => {
    const files = ['src/popup/main.ts', 'src/options/main.ts', 'src/dom/card.ts', 'src/dom/banner.ts', 'src/content/main.ts'];
    const offenders: string[] = [];
    for (const file of files) {
      const code = readFileSync(join(ROOT, file), 'utf8');
      // The text argument of el(...) calls (last of three, or of four when the first is the document).
      for (const call of code.matchAll(/\bel\(/g)) {
        const args = splitArguments(code, call.index! + call[0].length);
        const text = args[args[0] === 'doc' ? 3 : 2];
        if (text && /^'[^']*\p{L}{2,}[^']*'$/u.test(text)) offenders.push(`${file}: ${text}`);
      }
      const patterns = [
        /\.textContent\s*=\s*'([^']*\p{L}{2,}[^']*)'/gu,
        /setAttribute\('aria-label',\s*'([^']*\p{L}{2,}[^']*)'\)/gu,
      ];
      for (const pattern of patterns) for (const m of code.matchAll(pattern)) offenders.push(`${file}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
