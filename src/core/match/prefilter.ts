/**
 * A fast first pass over a page's text: which paragraphs could hold a citation at all. A RegExp the build
 * writes (candidatePattern) finds, in the engine's native code, where a name may begin; from there only, the
 * words are read unit by unit, with case folding from a table and word hashes computed on the fly (no strings
 * made per word), and the hashes looked up in typed-array sets built from the matcher's aliases: the keys of
 * one-word aliases, and the first two or three keys of longer ones (plus the first one or two characters of
 * aliases in scripts written without spaces). Only the paragraphs it flags go through the full matcher and its
 * context rules, which cost far more per character.
 *
 * It must never miss what the matcher would find (a test compares both over the evaluation set, the golden
 * pages and random text); it may flag more (a hash collision, "Sana'a", a name the context rules reject).
 * So it follows the tokenizer's idea of a word and wordKey's folding exactly, and is lenient everywhere else.
 */
import { ARABIC, CLASS_BITS, CLASS_MASK, classOfPoint, GAP, HAN_KANA, HANGUL, IGNORED, INFO, infoOf, OTHER_LETTER, RUN_START, SLOW } from './classes';

/** Every class that makes a token (tokens.ts). */
const LETTER = HAN_KANA | HANGUL | OTHER_LETTER;
import { ALIAS_CASE_SENSITIVE, SHORT_NAME_WORDS } from '../registry/types';
import { FIELD, RECORD } from '../registry/separators';
import { paragraphBreakAfter, type Span } from './sentences';

/** Characters read between two chances to yield. */
const CHARS_PER_STEP = 64_000;

const SEED = 0x811c9dc5;
const SPACE = 32;
const FIELD_UNIT = FIELD.charCodeAt(0);
const step = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193);
/**
 * A word's hash, mixed, in 30 bits and never 0: a small integer to the engine (no number object made per word,
 * and the shipped tables parse faster), odd so that 0 can mark an empty slot.
 */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 2) | 1;
}
const pair = (a: number, b: number) => finish(Math.imul(a ^ 0x9e3779b9, 0xc2b2ae35) ^ b);

/**
 * An open-addressing set of non-zero 32-bit hashes (linear probing; 0 marks an empty slot), its table made by
 * the build (hashTable) and shipped as it is: the page copies it into an Int32Array in native code, and runs no
 * loop per hash (building the tables in the page was most of the matcher's time to be ready: 0.6 ms on a warm
 * load, 5.5 ms on a first).
 */
class HashSet {
  readonly #table: Int32Array;
  readonly #mask: number;

  constructor(name: string, table: readonly number[]) {
    if (table.length < 2 || (table.length & (table.length - 1)) !== 0) throw new Error(`prefilter: the table "${name}" has ${table.length} slots, not a power of two`);
    this.#table = Int32Array.from(table);
    this.#mask = table.length - 1;
  }

  has(v: number): boolean {
    for (let i = v & this.#mask; ; i = (i + 1) & this.#mask) {
      const x = this.#table[i];
      if (x === v) return true;
      if (x === 0) return false;
    }
  }
}

/**
 * The table of an open-addressing set of these hashes (each non-zero), as HashSet reads it: a power of two
 * slots, at least twice as many as hashes and never fewer than 4, so that probing for a hash that is not in
 * it (most of the page's words) stops within a few slots.
 */
export function hashTable(values: readonly number[]): number[] {
  let size = 4;
  while (size < values.length * 2) size <<= 1;
  const table = new Array<number>(size).fill(0);
  const mask = size - 1;
  for (const v of values) {
    let i = v & mask;
    while (table[i] !== 0 && table[i] !== v) i = (i + 1) & mask;
    table[i] = v;
  }
  return table;
}

/** With a character's class: it is a surrogate pair, two units (the class's bits are below it). */
const WIDE = 1 << CLASS_BITS;

/** The class of the character at i (a surrogate pair's, with WIDE), as the tokenizer sees it; 0 at the end. */
function classAt(text: string, i: number, to: number): number {
  if (i >= to) return 0;
  const unit = text.charCodeAt(i);
  const cls = (INFO[unit] || infoOf(unit)) & CLASS_MASK;
  if ((cls & SLOW) === 0 || unit > 0xdbff || i + 1 >= to) return cls;
  const next = text.charCodeAt(i + 1);
  return (next & 0xfc00) === 0xdc00 ? classOfPoint(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000) | WIDE : cls;
}

/**
 * The prefilter's hashes, each set as its table (hashTable): of one-word aliases and the first two or three
 * keys of longer ones; of the first keys of longer ones; of the first one or two characters of runs.
 */
export interface PrefilterHashes {
  words: number[];
  leads: number[];
  starts: number[];
  /** The source of the RegExp that finds where an alias may begin (see candidatePattern). */
  candidates: string;
}

/**
 * The hashes of the packed index's aliases (see src/core/registry/pack.ts), worked out once by the build (the
 * content script used to do it on every article page, in 4 to 20 ms before the engine optimised it). words: by
 * each alias's first key, its records, each the rest of its keys (every one after a space) up to a field
 * separator, then its other fields; runs: by first character, the rest of each run. Keys are folded and keyed
 * already (wordKey), and the scanner's folding leaves their units as they are (a test checks every key): their
 * units are hashed as they are, read straight off these strings. Each hash once.
 */
export function prefilterHashes(words: Readonly<Record<string, string>>, runs: Readonly<Record<string, string>>): PrefilterHashes {
  const whole: number[] = [];
  const leads: number[] = [];
  const starts: number[] = [];
  for (const first of Object.keys(words)) {
    const records = words[first];
    let h = SEED;
    for (let i = 0; i < first.length; i++) h = step(h, first.charCodeAt(i));
    const lead = finish(h);
    for (let at = 0; ; ) {
      // The first key, then the second and third if any (each after a space): one word, a pair or a triple.
      let hash = lead;
      let n = 1;
      while (records.charCodeAt(at) === SPACE) {
        let k = SEED;
        for (at++; at < records.length; at++) {
          const c = records.charCodeAt(at);
          if (c === SPACE || c === FIELD_UNIT) break;
          k = step(k, c);
        }
        if (++n <= 3) hash = pair(hash, finish(k));
      }
      whole.push(hash);
      if (n > 1) leads.push(lead);
      at = records.indexOf(RECORD, at) + 1;
      if (at === 0) break;
    }
  }
  for (const first of Object.keys(runs)) {
    const records = runs[first];
    const c0 = first.charCodeAt(0);
    for (let at = 0; ; ) {
      const c1 = records.charCodeAt(at);
      starts.push(c1 === FIELD_UNIT ? finish(step(SEED, c0)) : pair(c0, c1));
      at = records.indexOf(RECORD, at) + 1;
      if (at === 0) break;
    }
  }
  const table = (list: number[]) => hashTable([...new Set(list)]);
  return { words: table(whole), leads: table(leads), starts: table(starts), candidates: candidatePattern(words) };
}

const isAsciiLowerOrDigit = (unit: number) => (unit >= 97 && unit <= 122) || (unit >= 48 && unit <= 57);

/**
 * The source of the RegExp that finds, in a page's text, every place where an alias may begin: the engine runs
 * it in native code, and the scanner reads words only from what it finds (see Prefilter.flagged). It finds
 *   1. a capital A to Z and the ASCII letters and digits after it: the word's key is looked up among the
 *      aliases' first keys (a capital in the middle of a word, "eNCA", sends the scanner to the word's start);
 *   2. a run of characters beyond ASCII that may be part of a word (accented, Cyrillic, Arabic, Chinese...
 *      letters): the scanner reads from the word's start;
 *   3. where no ASCII letter or digit is before it, the ASCII first key of an alias that may match in lower
 *      case (written in lower case, starting with a digit, or a name of more than three words, which the
 *      matcher takes in any case), followed by a gap and the first letter of the alias's second key in either
 *      case or a character beyond ASCII (or, for a one-word alias, by no letter or digit). The keys are written
 *      as a trie ("rbb(?:24)?"): written as a list, the engine tried each one at every position of the text,
 *      about 20 times slower over a megabyte.
 * An alias whose first word is none of these cannot match: the matcher wants a capital in it (1, 2) or it is one
 * of 3. A test compares what the matcher finds with and without this pass over the evaluation set and random
 * text.
 */
export function candidatePattern(words: Readonly<Record<string, string>>): string {
  // By ASCII first key: the first letters of the second keys of its lowercase-capable aliases ("" for a
  // one-word alias).
  const lower = new Map<string, Set<string>>();
  for (const first of Object.keys(words)) {
    if (!/^[a-z0-9]+$/.test(first)) continue;
    for (const record of words[first].split(RECORD)) {
      const [rest, shapes, , flagText] = record.split(FIELD);
      const keys = rest.length ? rest.slice(1).split(' ') : [];
      const caseSensitive = (Number(flagText) & ALIAS_CASE_SENSITIVE) !== 0;
      if (!(shapes[0] === 'L' || !/^[a-z]/.test(first) || (keys.length + 1 > SHORT_NAME_WORDS && !caseSensitive))) continue;
      const initials = lower.get(first) ?? new Set<string>();
      lower.set(first, initials);
      initials.add(keys.length ? keys[0][0] : '');
    }
  }
  // What follows is tested loosely, in small classes (a larger RegExp is not compiled to native code): one to
  // three characters that are no ASCII letter or digit (every gap is such), then an initial or any character
  // beyond ASCII (where a folded initial may be).
  const after = (initials: ReadonlySet<string>) => {
    if (initials.has('')) return '(?![A-Za-z0-9])';
    const letters = [...initials].sort().map((c) => (/[a-z]/.test(c) ? c + c.toUpperCase() : c)).join('');
    return `(?=[^A-Za-z0-9]{1,3}[${letters}\\u0080-\\uffff])`;
  };
  // The trie: a key's end is the entry "" (its condition on what follows).
  interface Trie { [unit: string]: Trie | string }
  const root: Trie = {};
  for (const [first, initials] of lower) {
    let node = root;
    for (const c of first) node = (node[c] ??= {}) as Trie;
    node[''] = after(initials);
  }
  const emit = (node: Trie): string => {
    const parts = Object.keys(node).sort().map((c) => (c === '' ? (node[c] as string) : c + emit(node[c] as Trie)));
    return parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
  };
  return `[A-Z][A-Za-z0-9]*|${nonAsciiWordClass()}+|(?<![A-Za-z0-9])${emit(root)}`;
}

/** The UTF-16 units from..to whose class and fold (classes.ts) pass test. */
function unitsWhere(from: number, to: number, test: (info: number) => boolean): number[] {
  const units: number[] = [];
  for (let u = from; u <= to; u++) if (test(infoOf(u))) units.push(u);
  return units;
}

/** A character class's inside for these units (ascending), as ranges of \u escapes. */
function unitClass(units: readonly number[]): string {
  const hex = (u: number) => `\\u${u.toString(16).padStart(4, '0')}`;
  let out = '';
  for (let i = 0; i < units.length; ) {
    let j = i;
    while (j + 1 < units.length && units[j + 1] === units[j] + 1) j++;
    out += j > i ? `${hex(units[i])}-${hex(units[j])}` : hex(units[i]);
    i = j + 1;
  }
  return out;
}

/**
 * Every unit beyond ASCII that may be part of a word, or may be: the class leaves out the units of Latin-1's
 * upper half, of general punctuation and of CJK punctuation that never are (no-break space, «, », ’, “, ”,
 * dashes, 「」), common in every script's text; elsewhere it takes every unit, to stay short. Surrogates are in
 * it: characters beyond the first 65,536 are classed as pairs.
 */
function nonAsciiWordClass(): string {
  const never = (info: number) => (info & LETTER) === 0;
  return `[^\\u0000-\\u007f${unitClass([...unitsWhere(0x80, 0xff, never), ...unitsWhere(0x2000, 0x206f, never), ...unitsWhere(0x3000, 0x303f, never)])}]`;
}

export class Prefilter {
  readonly #words: HashSet;
  readonly #runs: HashSet;
  /** First keys of aliases of several words. */
  readonly #leads: HashSet;

  /** Where an alias may begin (see candidatePattern). */
  readonly #candidates: RegExp;

  /** From the tables and the pattern the build worked out (the packed index's prefilter table): they are copied and the RegExp made, nothing more. */
  constructor(hashes: PrefilterHashes) {
    this.#words = new HashSet('words', hashes.words);
    this.#leads = new HashSet('leads', hashes.leads);
    this.#runs = new HashSet('starts', hashes.starts);
    this.#candidates = new RegExp(hashes.candidates, 'g');
  }

  /**
   * Whether an alias may start with this word key (folded and keyed, as the matcher compares words): false
   * means none does. Its hash is looked up as the build hashed the aliases' first keys (see prefilterHashes),
   * so the matcher need not look up in its table the many words no alias starts with.
   */
  mayStart(key: string): boolean {
    let h = SEED;
    for (let i = 0; i < key.length; i++) h = step(h, key.charCodeAt(i));
    const f = finish(h);
    return this.#words.has(f) || this.#leads.has(f);
  }

  /**
   * Offsets in text where an alias may end or start, one or more per hit, in order: for words, the start of the
   * token that completes its first three keys (so the alias starts at that token or one of the two before it);
   * in a run of Chinese or Japanese, the position of its first character.
   *
   * The candidates' RegExp finds where an alias may begin, in native code; words are read only from there, as
   * many as an alias that begins among them needs (see #read), and the search goes on after them.
   */
  flagged(text: string, from = 0, to = text.length): number[] {
    const out: number[] = [];
    const re = this.#candidates;
    const words = this.#words;
    const leads = this.#leads;
    let searched = from;
    let m = this.#nextCandidate(text, from);
    for (; m !== null && m.index < to; searched = re.lastIndex, m = re.exec(text)) {
      let start = m.index;
      const unit = text.charCodeAt(start);
      if (unit >= 65 && unit <= 90) {
        const end = start + m[0].length;
        const inWord = start > from && isAsciiLowerOrDigit(text.charCodeAt(start - 1));
        const goesOn = end < to && (infoOf(text.charCodeAt(end)) & LETTER) !== 0;
        // A capitalised ASCII word that is no alias's first key: nothing begins here. (Its key's hash, as #read
        // makes it: ASCII letters fold to lower case.)
        if (!inWord && !goesOn) {
          let h = SEED;
          for (let k = start; k < end; k++) h = step(h, text.charCodeAt(k) | 0x20);
          const f = finish(h);
          if (!words.has(f) && !leads.has(f)) continue;
        }
      }
      // Back to the token's start ("eNCA", "Agência"'s "ê"), never before where this search began (where the
      // last words read ended, or a word found to begin nothing).
      const member = infoOf(text.charCodeAt(start)) & LETTER;
      while (start > searched && (infoOf(text.charCodeAt(start - 1)) & member) !== 0) start--;
      re.lastIndex = this.#read(text, start, to, out, 1);
    }
    this.#pending = m === null ? null : { text, match: m, searched };
    return out;
  }

  /** The last search's match beyond the paragraph it was made for (see #nextCandidate). */
  #pending: { text: string; match: RegExpExecArray; searched: number } | null = null;

  /**
   * The first candidate at or after from (the RegExp's lastIndex set after it). A paragraph with none makes the
   * search run on into the next ones: its match is kept, so that the paragraphs in between are not searched
   * again.
   */
  #nextCandidate(text: string, from: number): RegExpExecArray | null {
    const re = this.#candidates;
    const pending = this.#pending;
    if (pending && pending.text === text && pending.searched <= from && pending.match.index >= from) {
      re.lastIndex = pending.match.index + pending.match[0].length;
      return pending.match;
    }
    re.lastIndex = from;
    return re.exec(text);
  }

  /** flagged by reading every word of the text, without the RegExp (the design before it: the tests and the bench compare them). */
  flaggedByReading(text: string, from = 0, to = text.length): number[] {
    const out: number[] = [];
    this.#read(text, from, to, out, Infinity);
    return out;
  }

  /**
   * Reads words from `from` (a word's start, or a gap) until `to`, pushing the offsets flagged to out; with a
   * budget, only that many tokens, and two more after each that may start an alias of several words (so that
   * every alias that starts among the words read is flagged). Returns where reading stopped.
   */
  #read(text: string, from: number, to: number, out: number[], budget: number): number {
    const words = this.#words;
    const runs = this.#runs;
    const leads = this.#leads;
    // The previous word's and the one before's hashes (key positions 0..3; 1..3: without an Arabic clitic),
    // whether each was Arabic and may start an alias of several words, and whether the gap before the
    // previous one may join two words of one alias. Everything is in local variables of this one function
    // (no closure), so that they stay in registers.
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    let pp0 = 0;
    let pp1 = 0;
    let pp2 = 0;
    let pp3 = 0;
    let prevArabic = false;
    let prevPrevArabic = false;
    let prevLead = false;
    let prevPrevLead = false;
    let prevGapOk = false;
    // The gap since the last token: its length in characters, and whether each may join two words.
    let gapOk = false;
    let gap = 0;
    let i = from;
    // The class of the character at i (WIDE: a surrogate pair), read once.
    let cls = classAt(text, i, to);
    while (i < to) {
      if ((cls & LETTER) === 0) {
        if ((cls & GAP) === 0) gapOk = false;
        gap++;
        i += 1 + (cls >> CLASS_BITS);
        cls = classAt(text, i, to);
        continue;
      }
      // A token, as the tokenizer cuts them: a run of Han and Kana, of Hangul, or of other letters.
      const start = i;
      if (budget === 0) return start;
      budget--;
      const member = cls & HAN_KANA || cls & HANGUL || OTHER_LETTER;
      if (cls & RUN_START) {
        // Matched inside its run: aliases start at any character, so their first one or two are looked up.
        let last = -1;
        do {
          const end = i + 1 + (cls >> CLASS_BITS);
          for (; i < end; i++) {
            const f = infoOf(text.charCodeAt(i)) >>> CLASS_BITS;
            if (runs.has(finish(step(SEED, f))) || (last >= 0 && runs.has(pair(last, f)))) out.push(i - (last >= 0 ? 1 : 0));
            last = f;
          }
          cls = classAt(text, i, to);
        } while (cls & member);
        // No alias of several words goes on from a run (the hashes before it are then never read).
        prevLead = prevPrevLead = false;
      } else {
        // A word: its key's hash (and for an Arabic word, the hashes without a clitic of one to three units),
        // then is it an alias, or the second or third word of one?
        let h0 = SEED;
        let h1 = SEED;
        let h2 = SEED;
        let h3 = SEED;
        let keyLength = 0;
        let arabic = false;
        do {
          const end = i + 1 + (cls >> CLASS_BITS);
          if (cls & IGNORED) i = end;
          for (; i < end; i++) {
            const unit = text.charCodeAt(i);
            const f = (INFO[unit] || infoOf(unit)) >>> CLASS_BITS;
            if (keyLength === 0) arabic = (cls & ARABIC) !== 0;
            if (arabic) {
              if (keyLength >= 1) h1 = step(h1, f);
              if (keyLength >= 2) h2 = step(h2, f);
              if (keyLength >= 3) h3 = step(h3, f);
            }
            h0 = step(h0, f);
            keyLength++;
          }
          // The common case: letters that continue a word neither Arabic nor in a run script, one table lookup
          // each for class and fold together (keyLength only matters for Arabic words).
          if (member === OTHER_LETTER && keyLength > 0 && !arabic) {
            for (let info = 0; i < to && ((info = INFO[text.charCodeAt(i)]) & (OTHER_LETTER | IGNORED | SLOW)) === OTHER_LETTER; i++) {
              h0 = Math.imul(h0 ^ (info >>> CLASS_BITS), 0x01000193);
            }
          }
          cls = classAt(text, i, to);
        } while (cls & member);
        const f0 = finish(h0);
        const f1 = arabic ? finish(h1) : 0;
        const f2 = arabic ? finish(h2) : 0;
        const f3 = arabic ? finish(h3) : 0;
        const joined = gapOk && gap >= 1 && gap <= 3;
        // Pairs and triples are hashed only after a word that may start an alias of several words.
        if (words.has(f0)
          || (arabic && ((keyLength > 2 && words.has(f1)) || (keyLength > 3 && words.has(f2)) || (keyLength > 4 && words.has(f3))))
          || (joined && prevLead && (words.has(pair(p0, f0)) || (prevArabic && (words.has(pair(p1, f0)) || words.has(pair(p2, f0)) || words.has(pair(p3, f0))))))
          || (joined && prevGapOk && prevPrevLead && (words.has(pair(pair(pp0, p0), f0))
            || (prevPrevArabic && (words.has(pair(pair(pp1, p0), f0)) || words.has(pair(pair(pp2, p0), f0)) || words.has(pair(pair(pp3, p0), f0))))))) {
          out.push(start);
        }
        prevPrevLead = prevLead;
        prevLead = leads.has(f0) || (arabic && (leads.has(f1) || leads.has(f2) || leads.has(f3)));
        if (prevLead && budget < 2) budget = 2;
        pp0 = p0;
        pp1 = p1;
        pp2 = p2;
        pp3 = p3;
        prevPrevArabic = prevArabic;
        p0 = f0;
        p1 = f1;
        p2 = f2;
        p3 = f3;
        prevArabic = arabic;
        prevGapOk = joined;
      }
      gapOk = true;
      gap = 0;
    }
    return i;
  }

  /**
   * The paragraphs of text that may hold a citation, in order, each with its flags (see flagged), yielding
   * every few tens of kilobytes (run it with drain() to have them at once). No alias spans a paragraph break,
   * so nothing is lost at their edges.
   */
  *paragraphSteps(text: string): Generator<void, FlaggedSpan[]> {
    const out: FlaggedSpan[] = [];
    let start = 0;
    let since = 0;
    for (;;) {
      const m = paragraphBreakAfter(text, start);
      const end = m ? m[0] : text.length;
      const flags = end > start ? this.flagged(text, start, end) : [];
      if (flags.length) out.push({ start, end, flags });
      if (!m) return out;
      start = m[1];
      if (start - since > CHARS_PER_STEP) {
        since = start;
        yield;
      }
    }
  }
}

/** A paragraph the prefilter flags, and where: the offsets flagged() gives. */
export interface FlaggedSpan extends Span {
  flags: number[];
}
