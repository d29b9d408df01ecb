import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText, findTextCitations } from '../../src/core/match/find-citations';
import { matcherFromIndex } from '../../src/core/match/from-index';
import { ALIAS_AMBIGUOUS, ALIAS_CASE_SENSITIVE, ALIAS_STRICT, MATCHER_INDEX_VERSION, type MatcherIndex } from '../../src/core/registry/types';
import { realRegistry, SHARED } from '../helpers/registry';

const A = ALIAS_AMBIGUOUS;
const CS = ALIAS_CASE_SENSITIVE;

/** A small index written for these tests, independent of the registry's data. */
const index: MatcherIndex = {
  version: MATCHER_INDEX_VERSION,
  outlets: [['rt', 'SC', 'rt.com'], ['sputnik', 'SC', 'sputnikglobe.com'], ['cctv', 'SC', 'cctv.com'], ['granma', 'SC', 'granma.cu'],
    ['fars', 'SC', 'farsnews.ir'], ['mir', 'SC', 'mirtv.ru'], ['xinhua', 'SC', 'xinhuanet.com'], ['tass', 'SC', 'tass.com'],
    ['press-tv', 'SC', 'presstv.ir'], ['anadolu', 'SC', 'aa.com.tr']],
  aliases: [
    ['Russia Today', 0, 0], ['RT', 0, A | CS],
    ['Sputnik', 1, A | CS],
    ['China Central Television', 2, 0], ['CCTV', 2, A | CS, ['footage', 'recording', 'recordings', 'images', 'video']],
    ['Granma', 3, A | CS],
    ['Fars News Agency', 4, 0], ['Fars', 4, A | CS],
    ['Mir', 5, A | CS | ALIAS_STRICT],
    ['Xinhua News Agency', 6, 0], ['Xinhua', 6, A | CS], ['新华社', 6, 0],
    ['TASS', 7, A | CS], ['Tass', 7, A | CS],
    ['Press TV', 8, A | CS],
    ['Anadolu Ajansı', 9, 0], ['Anadolu Agency', 9, 0],
  ],
  hosts: [],
  accounts: [],
  families: [],
  periods: [],
};
const matcher = matcherFromIndex(index);
const cite = (text: string) => findTextCitations(text, matcher).map((c) => [index.outlets[c.outlet][0], text.slice(c.start, c.end)]);

describe('ambiguous names with media context', () => {
  it.each([
    ['RT reported that the talks had stalled.', 'rt', 'RT'],
    ['The Kremlin-funded broadcaster RT aired the interview.', 'rt', 'RT'],
    ['Sputnik said the convoy had crossed the border.', 'sputnik', 'Sputnik'],
    ['State broadcaster CCTV showed the ceremony.', 'cctv', 'CCTV'],
    ['Granma, the Communist Party daily, published the speech.', 'granma', 'Granma'],
    ['According to Fars, the drill lasted three days.', 'fars', 'Fars'],
    ['Xinhua said the meeting was constructive.', 'xinhua', 'Xinhua'],
    ['据新华社报道，会议在北京举行。', 'xinhua', '新华社'],
    ['Russia’s TASS quoted a ministry source.', 'tass', 'TASS'],
    ['The Russian news agency Tass said the talks would resume.', 'tass', 'Tass'],
    ['Iran’s English-language channel Press TV broadcast the speech.', 'press-tv', 'Press TV'],
    ['ANADOLU AJANSI reported the quake.', 'anadolu', 'ANADOLU AJANSI'],
    ['The Anadolu Ajansi report was carried widely.', 'anadolu', 'Anadolu Ajansi'],
    ['Ｘｉｎｈｕａ News Agency carried the statement.', 'xinhua', 'Ｘｉｎｈｕａ News Agency'],
  ])('%s', (text, id, surface) => {
    expect(cite(text)).toEqual([[id, surface]]);
  });
});

describe('the same words meaning something else', () => {
  it.each([
    'RT @kremlin_watcher: this is huge',
    'Please RT if you agree.',
    'An RT-PCR test is required before boarding, the agency said.',
    'The Sputnik V vaccine was approved in 2020, the report said.',
    'Sputnik 1 was launched in 1957.',
    'Police said CCTV footage showed the suspect.',
    'CCTV cameras recorded the attack, the channel reported.',
    'Hurricane winds hit Granma province, the agency said.',
    'The yacht Granma landed in 1956.',
    'Heavy rain fell in Fars province, state media said.',
    'The Mir space station was deorbited in 2001, the report said.',
    'Traffic was blocked on Xinhua Road, the report said.',
    'The striker Erik Tass scored twice, the newspaper reported.',
    'Wider press TV coverage followed the vote.',
    'tass said nothing',
  ])('%s', (text) => {
    expect(cite(text)).toEqual([]);
  });
});

describe('attribution', () => {
  /** Whether each citation the matcher finds in text is attributed. */
  const attributed = (text: string, by = matcher) => analyzeText(text, by).citations.map((c) => c.attributed);

  it('counts the sentences that give content to the outlet, with follow-ups', () => {
    const text = [
      'Syrian troops entered the town on Sunday. The army had besieged it for weeks.',
      'Xinhua said the talks would resume on Monday. A ministry official quoted by Xinhua described them as frank.',
      'The report added that the two sides had agreed on a timetable.',
      'Residents said they had heard shelling overnight.',
    ].join('\n\n');
    const result = analyzeText(text, matcher);
    expect(result.citations.map((c) => c.attributed)).toEqual([true, true]);
    expect(result.sentences).toBe(6);
    expect(result.attributedSentences.get(6)).toBe(3);
  });

  it('skips a clause between the outlet\'s media nouns and its verb', () => {
    expect(attributed('The Xinhua news agency, which is run by the state, reported the arrests.')).toEqual([true]);
    expect(attributed('Xinhua, which is run by the state, reported the arrests.')).toEqual([true]);
    expect(attributed('The Xinhua news agency, which was founded in 1931, has bureaus around the world.')).toEqual([false]);
    // An apposition that opens on a possessive.
    expect(attributed("Xinhua, China's state news agency, reported that the talks had ended.")).toEqual([true]);
    expect(attributed("Xinhua, China's state news agency, has bureaus around the world.")).toEqual([false]);
  });

  it('in other word orders: adjectives after the media noun, Arabic verbs first, names inside Chinese runs', () => {
    expect(attributed('Según la agencia estatal china Xinhua, el acuerdo entra en vigor el lunes.')).toEqual([true]);
    expect(attributed("Selon l'agence officielle chinoise Xinhua, l'accord entre en vigueur lundi.")).toEqual([true]);
    expect(attributed('据新华社报道，双方同意加强合作。')).toEqual([true]);
    expect(attributed('新华社称，会谈富有成果。')).toEqual([true]);
    expect(attributed('新华社的记者在现场受伤。')).toEqual([false]);
    expect(attributed('The statement was published on the website of the Xinhua news agency on Monday.')).toEqual([true]);
    expect(attributed('A transcript appeared on the official site of Xinhua.')).toEqual([true]);
    const { matcher: real } = realRegistry();
    expect(attributed('ذكرت وكالة سانا أن الهجوم أسفر عن ثلاثة قتلى.', real)).toEqual([true]);
    expect(attributed('ذكرت وكالة الأنباء الرسمية سانا أن الهجوم أسفر عن ثلاثة قتلى.', real)).toEqual([true]);
    // Not past a capitalised word, nor farther than two words from the media noun.
    expect(attributed('Según la agencia oficial de Pekín Xinhua News Agency, el acuerdo entra en vigor.')).toEqual([false]);
    expect(attributed('Según la agencia que informó antes que Xinhua News Agency, el acuerdo entra en vigor.')).toEqual([false]);
  });

  it('a citation that only names the outlet is not attribution', () => {
    const result = analyzeText('A reporter for state broadcaster CCTV was injured in the blast.', matcher);
    expect(result.citations.map((c) => c.attributed)).toEqual([false]);
    expect(result.attributedSentences.size).toBe(0);
  });
});

describe('names that papers in many countries carry', () => {
  /** The ids of the outlets the real registry finds in text, in order. */
  const ids = (text: string) => {
    const { registry, matcher: real } = realRegistry();
    return findTextCitations(text, real).map((c) => registry.index.outlets[c.outlet][0]);
  };

  it('count only with the outlet\'s country in the paragraph, a state-media description, or its full name or site on the page', () => {
    expect(ids('The Star reported that the minister would resign.')).toEqual([]);
    expect(ids('The Mirror reported that the singer had married.')).toEqual([]);
    expect(ids('The Chronicle reported the crash on its front page.')).toEqual([]);
    expect(ids('The Daily Star reported the story.')).toEqual([]);
    expect(ids("South Africa's The Star reported that the minister would resign.")).toEqual(['the-star']);
    expect(ids("The Chronicle, Zimbabwe's state-owned daily in Bulawayo, reported the crash.")).toEqual(['the-chronicle']);
    expect(ids("Turkey's pro-government Star daily reported the arrests.")).toEqual(['star']);
    expect(ids('The Star reported that the southern provinces had flooded.')).toEqual([]);
    expect(ids('The Star, a South African daily, reported the floods.')).toEqual(['the-star']);
    // Or described as state media right next to it.
    expect(ids('The Star, a pro-government daily, reported the arrests.')).toEqual(['the-star']);
    expect(ids('The pro-government Star newspaper reported the arrests.')).toEqual(['star']);
    expect(ids('The Star reported that the government-backed loans at Canadian banks had grown.')).toEqual([]);
  });

  it('The Herald: Glasgow\'s and Gqeberha\'s papers carry the name too; Zimbabwe\'s is cued by the country or its cities in the paragraph', () => {
    expect(ids('Glasgow City Council told The Herald that the bin collections would resume.')).toEqual([]);
    expect(ids('The Herald reported that the dams supplying Nelson Mandela Bay were low.')).toEqual([]);
    expect(ids('The Herald reported that the harvest would be late. Farmers near Harare said rain had not come.')).toEqual(['the-herald']);
    expect(ids('The Herald reported that the harvest would be late. Zimbabwean farmers said rain had not come.')).toEqual(['the-herald']);
    // Bulawayo is The Chronicle's city, and a cue for Zimbabwe's papers as the country's name is.
    expect(ids('The Chronicle reported the crash outside Bulawayo.')).toEqual(['the-chronicle']);
    // The paragraph, not the page: a cue in another paragraph does not count.
    expect(ids('The Herald reported that the harvest would be late.\n\nIn Harare, farmers said rain had not come.')).toEqual([]);
    // Like the country's name, a city's is read as a word's start ("Hararean").
    expect(ids('The Herald reported that the Hararean-born poet had died.')).toEqual(['the-herald']);
  });
});

const SEED = join(SHARED, 'seed', 'seed-article.txt');
describe.skipIf(!existsSync(SEED) && process.env.CI !== 'true')('the seed article', () => {
  it('has SANA six times and nothing else, and eight of its sentences rest on SANA', () => {
    const { registry, matcher: real } = realRegistry();
    const text = readFileSync(SEED, 'utf8');
    const result = analyzeText(text, real);
    expect(result.citations.map((c) => [registry.index.outlets[c.outlet][0], text.slice(c.start, c.end)])).toEqual([
      ['sana', 'Syrian Arab News Agency (SANA)'], ['sana', 'Sana'], ['sana', 'SANA'], ['sana', 'SANA'], ['sana', 'SANA'], ['sana', 'SANA'],
    ]);
    const sana = registry.index.outlets.findIndex(([id]) => id === 'sana');
    expect(result.attributedSentences.get(sana)).toBe(8);
  });
});

describe('bad input', () => {
  it('lone surrogates, empty text, and a 1 MB paragraph without punctuation', () => {
    expect(cite('\ud800RT said\udc00 that')).toEqual([['rt', 'RT']]);
    expect(cite('')).toEqual([]);
    const big = `${'word '.repeat(200_000)}Xinhua said so`;
    const result = analyzeText(big, matcher);
    expect(result.citations).toHaveLength(1);
    expect(result.citations[0].attributed).toBe(true);
  });
});
