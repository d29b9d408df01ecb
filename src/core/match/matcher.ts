/**
 * Finds every registry alias in a text, longest first. Linear in the text and flat in the registry's size:
 * each word is looked up once by its folded form in a hash map, and only the few aliases that start with that
 * word are compared. Scripts written without spaces (Chinese, Japanese) are matched inside their runs, without
 * word boundaries; Arabic words may carry a one- or two-letter prefix ("و", "ب", "ل"...).
 */
import { ALIAS_RUN, countryAt, familyAt, FIELD, PACKED_VERSION, RECORD, type PackedIndex } from '../registry/pack';
import { ALIAS_AMBIGUOUS, ALIAS_CASE_SENSITIVE, ALIAS_PREFERRED, ALIAS_SHARED, ALIAS_STRICT, SHORT_NAME_WORDS } from '../registry/types';
import { DESCRIPTIONS, TURKISH_SUFFIXES } from './context-words';
import { caseShape, fold, wordKey, type CaseShape } from './fold';

const SHAPES: Record<string, CaseShape> = { U: 'upper', T: 'title', L: 'lower' };
import { paragraphBreakAfter } from './sentences';
import { isRunStart, isWordChar, tokenize, type Token } from './tokens';
import { Prefilter } from './prefilter';
import { lookup } from '../registry/sorted-table';

export interface AliasEntry {
  outlet: number;
  ambiguous: boolean;
  caseSensitive: boolean;
  strict: boolean;
  /** Other outlets have this alias too (see AliasHit.alternatives). */
  shared: boolean;
  /** Of the sharers, the one meant when the text gives no cue. */
  preferred: boolean;
  /** The alias's words, folded and keyed (wordKey), and their capitalisation. */
  keys: string[];
  shapes: CaseShape[];
  /** For aliases in scripts without spaces: the whole folded alias. */
  run: string | null;
  notAfter: ReadonlySet<string> | null;
  notBefore: ReadonlySet<string> | null;
}

export interface AliasHit {
  start: number;
  end: number;
  alias: AliasEntry;
  /** Index of the first and one past the last token of the hit in the text's token list. */
  token: number;
  tokenEnd: number;
  /** For a shared alias: the same words as an alias of other outlets. */
  alternatives?: AliasEntry[];
}

/** At most this many characters (spaces, a hyphen, a dot) may separate two words of one alias. */
const MAX_GAP = 3;
const GAP = /^[ \t\-.'/&]*$/;
const ARABIC = /^[\p{Script=Arabic}]/u;
/**
 * Arabic clitics that attach to the next word: and, so, with/by, for, like, pairs of them, and the article
 * "ال" alone or after one of them ("والسانا"). Shorter prefixes are tried first.
 */
const ARABIC_PREFIXES = ['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وب', 'ول', 'فب', 'فل', 'وك', 'وال', 'بال', 'فال', 'كال', 'لل'];

export class Matcher {
  /** The index's records by first word key and by first character (runs); see src/core/registry/pack.ts. */
  readonly #packed: PackedIndex;
  /** The aliases' sorted table (see sorted-table.ts), looked up as it is. */
  readonly #records: string;
  readonly #runRecords: Record<string, string>;
  readonly #hasRuns: boolean;
  /** Records parsed into entries, on first use. */
  readonly #byFirstWord = new Map<string, AliasEntry[] | null>();
  readonly #byFirstChar = new Map<string, AliasEntry[]>();

  /** Country (ISO alpha-2) of an outlet, or null; used to tell outlets that share an alias apart. */
  readonly countryOf: (outlet: number) => string | null;
  /** The outlet's family (its group or company) as the index of the family's first outlet; itself if alone. */
  readonly familyOf: (outlet: number) => number;

  /**
   * From the packed index the build writes (the content script's path). Nothing is built here: the index's
   * tables are looked up as they are, and a record becomes an AliasEntry when the page holds its first word.
   */
  constructor(packed: PackedIndex) {
    if (packed.version !== PACKED_VERSION) throw new Error(`matcher index version ${String(packed.version)}, expected ${PACKED_VERSION}`);
    this.countryOf = (outlet) => countryAt(packed, outlet);
    this.familyOf = (outlet) => familyAt(packed.families, outlet);
    this.#packed = packed;
    this.#records = packed.aliases;
    this.#runRecords = packed.runAliases;
    this.#hasRuns = Object.keys(packed.runAliases).length > 0;
  }

  /** The aliases whose first word key is this, longest first ("Syrian Arab News Agency" before "Syrian ..."). */
  #startingWith(key: string): AliasEntry[] | null {
    let list = this.#byFirstWord.get(key);
    if (list === undefined) {
      // Each distinct word is looked up once, and in the sorted table only where the prefilter's hashes say an
      // alias may start with it; a word no alias starts with is kept too.
      const records = this.prefilter.mayStart(key) ? lookup(this.#records, key) : undefined;
      list = records === undefined ? null : records.split(RECORD).map((r) => parseRecord(key + r)).sort((a, b) => b.keys.length - a.keys.length);
      this.#byFirstWord.set(key, list);
    }
    return list;
  }

  /** The run aliases (Chinese, Japanese, Korean) that start with this character, longest first. */
  #runsStartingWith(ch: string): AliasEntry[] | null {
    let list = this.#byFirstChar.get(ch);
    if (!list) {
      const records = this.#runRecords[ch];
      if (typeof records !== 'string') return null;
      this.#byFirstChar.set(ch, (list = records.split(RECORD).map((r) => parseRecord(ch + r)).sort((a, b) => b.run!.length - a.run!.length)));
    }
    return list;
  }

  #prefilter: Prefilter | null = null;

  /** The prefilter over this matcher's aliases (see prefilter.ts), built on first use. */
  get prefilter(): Prefilter {
    return (this.#prefilter ??= new Prefilter(this.#packed.prefilter));
  }

  /**
   * All alias hits in text, left to right, never overlapping. flags: the prefilter's offsets in this text (see
   * Prefilter.flagged); only the tokens they point at are tried, the same hits as trying every token, since
   * every hit is flagged.
   */
  find(text: string, tokens: Token[] = tokenize(text), folded: string = fold(text), flags?: readonly number[]): AliasHit[] {
    const hits: AliasHit[] = [];
    const keys: Array<string | undefined> = new Array(tokens.length);
    const key = (i: number) => (keys[i] ??= wordKey(folded.slice(tokens[i].start, tokens[i].end)));
    let tried: Uint8Array | undefined;
    if (flags) {
      // A flag is at the token that completes an alias's first three keys: the alias starts there or up to
      // two tokens before.
      tried = new Uint8Array(tokens.length + 2);
      let j = 0;
      for (const f of flags) {
        while (j < tokens.length && tokens[j].end <= f) j++;
        tried[j] = tried[j + 1] = tried[j + 2] = 1;
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      if (tried && !tried[i + 2]) continue;
      const token = tokens[i];
      if (this.#hasRuns && isRunStart(text, token.start)) {
        this.#findInRun(folded, token, i, hits);
        continue;
      }
      const k = key(i);
      let last = this.#matchWords(text, folded, tokens, i, k, 0, key, hits);
      if (last < 0 && ARABIC.test(k)) {
        for (const prefix of ARABIC_PREFIXES) {
          if (k.length > prefix.length + 1 && k.startsWith(prefix)) {
            last = this.#matchWords(text, folded, tokens, i, k.slice(prefix.length), prefix.length, key, hits);
            if (last >= 0) break;
          }
        }
      }
      if (last >= 0) i = last;
    }
    return hits;
  }

  #matchWords(
    text: string, folded: string, tokens: Token[], i: number, firstKey: string, offset: number,
    key: (i: number) => string, hits: AliasHit[],
  ): number {
    const candidates = this.#startingWith(firstKey);
    if (!candidates) return -1;
    let chosen: { alias: AliasEntry; last: number } | null = null;
    let fallback: { alias: AliasEntry; last: number } | null = null;
    // Exact capitalisation first; capitals for a title-case name ("MONTSAME") only when nothing else matches.
    for (let pass = 0; pass < 2 && !chosen; pass++) for (const alias of candidates) {
      if (chosen) break;
      const last = this.#matchAt(text, folded, tokens, i, alias, offset, key, pass === 1);
      if (last < 0) continue;
      // "the pro-government daily Sabah": a lower-case description before a name is not the name "Daily Sabah".
      if (last > i && alias.shapes[0] !== 'lower' && caseShape(text.slice(tokens[i].start, tokens[i].end)) === 'lower'
        && DESCRIPTIONS.has(alias.keys[0])) continue;
      // "Xinhua news agency": a capitalised name followed by lower-case words that the alias capitalises is
      // the short name plus a description; prefer a shorter alias when there is one.
      if (last > i && describedInLowerCase(text, tokens, i, last, alias)) {
        fallback ??= { alias, last };
        continue;
      }
      chosen = { alias, last };
    }
    chosen ??= fallback;
    if (!chosen) return -1;
    const { alias, last } = chosen;
    // A lower-case article or description is not part of the name: "the Straits Times" cites "Straits Times"
    // (but "The Herald" is the name), "روزنامه کیهان" (the newspaper Kayhan) cites "کیهان".
    const firstWord = text.slice(tokens[i].start + offset, tokens[i].end);
    const leadIn = alias.keys[0] === 'the' || DESCRIPTIONS.has(alias.keys[0]);
    const first = leadIn && last > i && caseShape(firstWord) === 'lower' ? i + 1 : i;
    const hit: AliasHit = { start: tokens[first].start + (first === i ? offset : 0), end: tokens[last].end, alias, token: first, tokenEnd: last + 1 };
    if (alias.shared) {
      const same = alias.keys.join(' ');
      hit.alternatives = candidates.filter((c) => c !== alias && c.shared && c.keys.join(' ') === same && c.outlet !== alias.outlet
        && this.#matchAt(text, folded, tokens, i, c, offset, key, false) === last);
    }
    hits.push(hit);
    return last;
  }

  /** Index of the alias's last token when it matches at token i, else -1. */
  #matchAt(
    text: string, folded: string, tokens: Token[], i: number, alias: AliasEntry, offset: number, key: (i: number) => string,
    lenient: boolean,
  ): number {
    const n = alias.keys.length;
    if (i + n > tokens.length) return -1;
    for (let k = 1; k < n; k++) {
      const gap = folded.slice(tokens[i + k - 1].end, tokens[i + k].start);
      if (gap.length === 0 || gap.length > MAX_GAP || !GAP.test(gap)) return -1;
      if (key(i + k) !== alias.keys[k]) return -1;
    }
    if (!alias.caseSensitive && n <= SHORT_NAME_WORDS) {
      // "Global Times" is a name, "global times" ordinary words: in short names, capitals must be capitals
      // (upper case will do, as in a headline).
      for (let k = 0; k < n; k++) {
        if (alias.shapes[k] === 'lower') continue;
        const t = tokens[i + k];
        if (caseShape(text.slice(t.start + (k === 0 ? offset : 0), t.end)) === 'lower') return -1;
      }
    }
    if (alias.caseSensitive) {
      let shouting: boolean | undefined;
      for (let k = 0; k < n; k++) {
        const t = tokens[i + k];
        const shape = caseShape(text.slice(t.start + (k === 0 ? offset : 0), t.end));
        // In an all-capitals headline, "XINHUA SAYS" is the title-case name "Xinhua"; some agencies write their
        // one-word name in capitals ("MONTSAME").
        const capitals = lenient && shape === 'upper' && alias.shapes[k] === 'title' && ((shouting ??= isShouting(text, tokens, i, i + n - 1)) || (n === 1 && t.end - t.start >= 4));
        if (shape !== alias.shapes[k] && !capitals) return -1;
      }
    }
    return boundaryOk(folded, tokens[i].start + offset, tokens[i + n - 1].end, alias) ? i + n - 1 : -1;
  }

  #findInRun(folded: string, token: Token, i: number, hits: AliasHit[]): void {
    for (let p = token.start; p < token.end; p++) {
      const candidates = this.#runsStartingWith(folded[p]);
      if (!candidates) continue;
      for (const alias of candidates) {
        const run = alias.run!;
        if (p + run.length <= token.end && folded.startsWith(run, p)) {
          hits.push({ start: p, end: p + run.length, alias, token: i, tokenEnd: i + 1 });
          p += run.length - 1;
          break;
        }
      }
    }
  }
}

/** One record of the packed index (see src/core/registry/pack.ts) as an entry. */
function parseRecord(record: string): AliasEntry {
  const [keys, shapes, outlet, flagText, notAfter, notBefore] = record.split(FIELD);
  const flags = Number(flagText);
  const run = (flags & ALIAS_RUN) !== 0;
  return {
    outlet: parseInt(outlet, 36),
    ambiguous: (flags & ALIAS_AMBIGUOUS) !== 0,
    caseSensitive: (flags & ALIAS_CASE_SENSITIVE) !== 0,
    strict: (flags & ALIAS_STRICT) !== 0,
    shared: (flags & ALIAS_SHARED) !== 0,
    preferred: (flags & ALIAS_PREFERRED) !== 0,
    keys: run ? [keys] : keys.split(' '),
    shapes: [...shapes].map((c) => SHAPES[c]),
    run: run ? keys : null,
    notAfter: notAfter ? new Set(notAfter.split(' ')) : null,
    notBefore: notBefore ? new Set(notBefore.split(' ')) : null,
  };
}

/**
 * Are the words around tokens [first, last] in capitals too (a headline written in capitals)? Only words of
 * the same paragraph count: a paragraph's citations never depend on the next one.
 */
function isShouting(text: string, tokens: Token[], first: number, last: number): boolean {
  const around = [tokens[first - 1], tokens[last + 1], tokens[last + 2]].filter((t): t is Token =>
    Boolean(t) && !paragraphBreakAfter(t.end <= tokens[first].start ? text.slice(t.end, tokens[first].start) : text.slice(tokens[last].end, t.start), 0));
  if (!around.length) return false;
  return around.every((t) => {
    const word = text.slice(t.start, t.end);
    return /\p{L}/u.test(word) && word === word.toUpperCase();
  });
}

/**
 * The alias's later words are capitalised (or are descriptions like "newspaper"), but in the text they are
 * lower case while the first word is not: "Xinhua news agency", "Star newspaper".
 */
function describedInLowerCase(text: string, tokens: Token[], first: number, last: number, alias: AliasEntry): boolean {
  if (alias.shapes.length < 2) return false;
  if (caseShape(text.slice(tokens[first].start, tokens[first].end)) === 'lower') return false;
  for (let k = 1; k <= last - first; k++) {
    if (alias.shapes[k] === 'lower' && !DESCRIPTIONS.has(alias.keys[k])) return false;
    if (caseShape(text.slice(tokens[first + k].start, tokens[first + k].end)) !== 'lower') return false;
  }
  return true;
}

/**
 * The second part of a compound that makes the name before the hyphen a broadcaster or agency, in folded text:
 * German and Dutch write "MDR-Intendantin", "ARD-Korrespondent", "SWR-Sendung", "NOS-Journaal"; English "RT-host".
 */
export const MEDIA_COMPOUND = /^(?:intendant|sender|rundfunk|fernseh|horfunk|radio|studio|reporter|korrespondent|moderator|sendung|bericht|nachrichten|doku|talk|interview|programm|redaktion|journalist|mediathek|magazin|chefredakt|direktor|rundfunkrat|verwaltungsrat|journaal|uitzending|correspondent|presenter|anchor|host|broadcast|footage|sprecher)/;

/**
 * Word-boundary rules beyond the tokenizer: an apostrophe continues a word ("Sana'a" is not "Sana") unless it
 * is a possessive ("SANA's"); for ambiguous aliases a hyphen joins words ("RT-PCR").
 */
function boundaryOk(folded: string, start: number, end: number, alias: AliasEntry): boolean {
  if (folded[end] === "'" && isWordChar(folded[end + 1])) {
    const suffix = /^'([\p{L}\p{M}\p{N}]+)/u.exec(folded.slice(end))![1];
    // "SANA's", and Turkish case endings ("Anadolu Ajansı'nın", "TRT'ye"); but "Sana'a" is another word.
    if (suffix !== 's' && !TURKISH_SUFFIXES.has(suffix)) return false;
  }
  if (alias.ambiguous) {
    if (folded[end] === '-' && isWordChar(folded[end + 1]) && !MEDIA_COMPOUND.test(folded.slice(end + 1, end + 16))) return false;
    // (But a wire credit that joins two agencies in brackets, "(NNN-MENA)", names both.)
    if (folded[start - 1] === '-' && isWordChar(folded[start - 2]) && !(folded[end] === ')' && /\(\s*[\p{L}\p{N}]{2,8}-$/u.test(folded.slice(Math.max(0, start - 12), start)))) return false;
  }
  return true;
}
