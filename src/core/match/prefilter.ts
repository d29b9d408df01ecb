/**
 * A fast first pass over a page's text: which paragraphs could hold a citation at all. It reads the text once,
 * unit by unit, with case folding from a table and word hashes computed on the fly (no strings, no regular
 * expressions per word), and looks the hashes up in two typed-array sets built from the matcher's aliases:
 * the keys of one-word aliases, and the first two keys of longer ones (plus the first one or two characters of
 * aliases in scripts written without spaces). Only the paragraphs it flags go through the full matcher and its
 * context rules, which cost far more per character.
 *
 * It must never miss what the matcher would find (a test compares both over the evaluation set, the golden
 * pages and random text); it may flag more (a hash collision, "Sana'a", a name the context rules reject).
 * So it follows the tokenizer's idea of a word and wordKey's folding exactly, and is lenient everywhere else.
 */
import { ARABIC, classOfPoint, GAP, IGNORED, INFO, infoOf, RUN_START, SLOW, T1, T2 } from './classes';
import { FIELD, RECORD } from '../registry/separators';
import { paragraphBreakAfter, type Span } from './sentences';

/** Characters read between two chances to yield. */
const CHARS_PER_STEP = 64_000;

const SEED = 0x811c9dc5;
const SPACE = 32;
const FIELD_UNIT = FIELD.charCodeAt(0);
const step = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193);
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 1;
}
const pair = (a: number, b: number) => finish(Math.imul(a ^ 0x9e3779b9, 0xc2b2ae35) ^ b);

/** An open-addressing set of non-zero 32-bit hashes. */
class HashSet {
  readonly #table: Int32Array;
  readonly #mask: number;

  constructor(values: readonly number[]) {
    let size = 16;
    while (size < values.length * 4) size <<= 1;
    // (Locals, not the fields, in the loop: it runs once per page, mostly before the engine optimises it.)
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      let i = v & mask;
      while (table[i] !== 0 && table[i] !== v) i = (i + 1) & mask;
      table[i] = v;
    }
    this.#table = table;
    this.#mask = mask;
  }

  has(v: number): boolean {
    for (let i = v & this.#mask; ; i = (i + 1) & this.#mask) {
      const x = this.#table[i];
      if (x === v) return true;
      if (x === 0) return false;
    }
  }
}

/** With a character's class: it is a surrogate pair, two units (the class's bits are below it). */
const WIDE = 256;

/** The class of the character at i (a surrogate pair's, with WIDE), as the tokenizer sees it; 0 at the end. */
function classAt(text: string, i: number, to: number): number {
  if (i >= to) return 0;
  const unit = text.charCodeAt(i);
  const cls = (INFO[unit] || infoOf(unit)) & 255;
  if ((cls & SLOW) === 0 || unit > 0xdbff || i + 1 >= to) return cls;
  const next = text.charCodeAt(i + 1);
  return (next & 0xfc00) === 0xdc00 ? classOfPoint(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000) | WIDE : cls;
}

/** The prefilter's hashes: of one-word aliases and the first two or three keys of longer ones; of the first keys of longer ones; of the first one or two characters of runs. */
export interface PrefilterHashes {
  words: number[];
  leads: number[];
  starts: number[];
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
  const unique = (list: number[]) => [...new Set(list)];
  return { words: unique(whole), leads: unique(leads), starts: unique(starts) };
}

export class Prefilter {
  readonly #words: HashSet;
  readonly #runs: HashSet;
  /** First keys of aliases of several words. */
  readonly #leads: HashSet;

  /** From the hashes the build worked out (the packed index's prefilter table): only the tables are built here. */
  constructor(hashes: PrefilterHashes) {
    this.#words = new HashSet(hashes.words);
    this.#leads = new HashSet(hashes.leads);
    this.#runs = new HashSet(hashes.starts);
  }


  /**
   * Offsets in text where an alias may end or start, one or more per hit: for words, the start of the token
   * that completes its first three keys (so the alias starts at that token or one of the two before it); in a
   * run of Chinese or Japanese, the position of its first character.
   */
  flagged(text: string, from = 0, to = text.length): number[] {
    const out: number[] = [];
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
      if ((cls & (T1 | T2)) === 0) {
        if ((cls & GAP) === 0) gapOk = false;
        gap++;
        i += 1 + (cls >> 8);
        cls = classAt(text, i, to);
        continue;
      }
      // A token, as the tokenizer cuts them: a run of Han and Kana, or of other letters.
      const start = i;
      const member = cls & T1 ? T1 : T2;
      if (cls & RUN_START) {
        // Matched inside its run: aliases start at any character, so their first one or two are looked up.
        let last = -1;
        do {
          const end = i + 1 + (cls >> 8);
          for (; i < end; i++) {
            const f = infoOf(text.charCodeAt(i)) >>> 8;
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
          const end = i + 1 + (cls >> 8);
          if (cls & IGNORED) i = end;
          for (; i < end; i++) {
            const unit = text.charCodeAt(i);
            const f = (INFO[unit] || infoOf(unit)) >>> 8;
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
          if (member === T2 && keyLength > 0 && !arabic) {
            for (let info = 0; i < to && ((info = INFO[text.charCodeAt(i)]) & (T2 | IGNORED | SLOW)) === T2; i++) {
              h0 = Math.imul(h0 ^ (info >>> 8), 0x01000193);
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
    return out;
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
