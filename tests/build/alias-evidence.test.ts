import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyAlias, loadEvidenceData } from '../../src/build/alias-evidence';
import { ROOT } from '../helpers/registry';

const OTHER_MEANINGS = join(ROOT, 'src', 'data', 'other-meanings.json');
const data = loadEvidenceData(OTHER_MEANINGS);
const classOf = (text: string, country: string) => classifyAlias({ text, country }, data);

describe("an alias's class, from data", () => {
  it.each([
    ['CGTN', 'CN', 'not a common word, name or place'],
    ['KCNA', 'KP', 'not a common word, name or place'],
    ['TASS', 'RU', 'not a common word, name or place'], // Estonian #8204 only: not a language of Russia, not in any top 2,000
    ['Xinhua', 'CN', 'not a common word, name or place'], // towns called Xinhua have no population in the list
    ['Xinhua News Agency', 'CN', 'a name: Xinhua'],
    ['Rossiya Segodnya', 'RU', 'a name: Rossiya Segodnya'],
    ['Bulgarian News Agency', 'BG', 'a name: Bulgarian'],
  ])('%s stands alone: %s', (text, country, reason) => {
    expect(classOf(text, country)).toEqual({ match: 'distinctive', reason });
  });

  it.each([
    ['SANA', 'SY', 'common word: turkish #33'],
    ['Sana', 'SY', 'common word: turkish #33'],
    ['RT', 'RU', 'two letters'],
    ['Petra', 'JO', 'first name (English lists)'],
    ['Fars', 'IR', 'common word: danish #886'],
    ['Mehr', 'IR', 'common word: german #90'],
    ['Today', 'SG', 'common word: english #284'],
    ['Bernama', 'MY', 'common word: indonesian #906'],
    ['Antara', 'ID', 'common word: indonesian #484'],
    ['Star', 'TR', 'common word: english #639'],
    ['Sabah', 'TR', 'common word: turkish #346'],
    ['CCTV', 'CN', 'other meaning: closed-circuit television: CCTV cameras and footage'],
    ['Sputnik', 'RU', "other meaning: the Soviet satellite of 1957 (a 'Sputnik moment')"],
    ['Channel One', 'RU', 'ordinary words: Channel (english #1193), One (english #45)'],
    ['The National', 'AE', 'ordinary words: The (english #1), National (english #243)'],
    ['Radio Ya', 'NI', 'ordinary words: Radio (english #693), Ya (two letters)'],
    ['New Era', 'NA', 'other meaning: a new era, a new period'],
    ['Смотрим', 'RU', 'common word: russian #6186'],
    ['Вести', 'RU', 'common word: russian #965'],
    ['Iran', 'IR', 'common word: english #3229'], // and a country,
  ])('%s needs context: %s', (text, country, reason) => {
    expect(classOf(text, country)).toEqual({ match: 'ambiguous', reason });
  });

  it('a name that another outlet of the registry keeps needs context', () => {
    expect(classifyAlias({ text: 'BNA', country: 'BH', sharedWith: ['bakhtar-news-agency'] }, data))
      .toEqual({ match: 'ambiguous', reason: 'also an alias of bakhtar-news-agency' });
  });
});

describe('src/data/other-meanings.json', () => {
  const text = readFileSync(OTHER_MEANINGS, 'utf8');
  const entries = Object.entries(JSON.parse(text) as Record<string, unknown>);

  it('is sorted, without duplicates, each alias with one or more short meanings', () => {
    const keys = entries.map(([k]) => k);
    expect(keys).toEqual([...keys].sort());
    expect((text.match(/^ "/gm) ?? []).length).toBe(keys.length); // a key written twice would be merged by JSON.parse
    for (const [alias, meanings] of entries) {
      expect(Array.isArray(meanings) && meanings.length > 0, alias).toBe(true);
      for (const m of meanings as unknown[]) expect(typeof m === 'string' && m.length > 0 && m.length <= 90, `${alias}: ${String(m)}`).toBe(true);
      expect(new Set(meanings as string[]).size, alias).toBe((meanings as string[]).length);
    }
  });
});
