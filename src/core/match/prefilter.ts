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
import { ARABIC, classOfPoint, GAP, IGNORED, infoOf, RUN_START, SLOW, T1, T2 } from './classes';
import type { AliasEntry } from './matcher';
import { paragraphBreakAfter, type Span } from './sentences';

/** Characters read between two chances to yield. */
const CHARS_PER_STEP = 64_000;

const SEED = 0x811c9dc5;
const step = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193);
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 1;
}
const pair = (a: number, b: number) => finish(Math.imul(a ^ 0x9e3779b9, 0xc2b2ae35) ^ b);

/**
 * Hash of an alias key as the scanner computes it for a token. Keys are folded and keyed already (wordKey): the
 * scanner's folding leaves their units as they are (a test checks every key), so they are hashed as they are,
 * without the character tables (on every article page, the tables' first look at each character costs more than
 * the hashing).
 */
function hashKey(key: string): number {
  let h = SEED;
  for (let i = 0; i < key.length; i++) h = step(h, key.charCodeAt(i));
  return finish(h);
}

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

export class Prefilter {
  readonly #words: HashSet;
  readonly #runs: HashSet;
  /** First keys of aliases of several words. */
  readonly #leads: HashSet;

  constructor(aliases: Iterable<Pick<AliasEntry, 'keys' | 'run'>>) {
    const words: number[] = [];
    const runs: number[] = [];
    const leads: number[] = [];
    for (const alias of aliases) {
      if (alias.run !== null) {
        const run = alias.run;
        runs.push(run.length === 1 ? finish(step(SEED, run.charCodeAt(0))) : pair(run.charCodeAt(0), run.charCodeAt(1)));
      } else if (alias.keys.length === 1) words.push(hashKey(alias.keys[0]));
      else {
        const first = hashKey(alias.keys[0]);
        leads.push(first);
        words.push(alias.keys.length === 2 ? pair(first, hashKey(alias.keys[1])) : pair(pair(first, hashKey(alias.keys[1])), hashKey(alias.keys[2])));
      }
    }
    this.#words = new HashSet(words);
    this.#leads = new HashSet(leads);
    this.#runs = new HashSet(runs);
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
    // The current token: kind 0 none, 1 a Han/Kana run, 2 other letters; its hashes from key positions 0..3
    // (1..3: without an Arabic clitic), its key length, and whether it is matched as a run. Everything is in
    // local variables of this one loop (no closure), so that they stay in registers.
    let kind = 0;
    let h0 = SEED;
    let h1 = SEED;
    let h2 = SEED;
    let h3 = SEED;
    let keyLength = 0;
    let start = 0;
    let runToken = false;
    let arabic = false;
    let lastUnit = -1;
    // The previous token's and the one before's hashes, for aliases of two and three words, and the gaps.
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
    let gapOk = false;
    let prevGapOk = false;
    let gap = 0;
    /** Within a token of other letters that is neither Arabic nor matched as a run (the fast path above). */
    let plain = false;

    for (let i = from; i <= to; i++) {
      // The common case first: a letter that continues a plain word (no run script, no Arabic, no mark), one
      // table lookup for its class and fold together.
      // (keyLength only matters for Arabic words, which never take this path.)
      if (plain) {
        for (let info = 0; i < to && ((info = infoOf(text.charCodeAt(i))) & (T2 | IGNORED | SLOW)) === T2; i++) {
          h0 = Math.imul(h0 ^ (info >>> 8), 0x01000193);
        }
      }
      // One step past the end: a unit of no class, which ends the last token.
      let cls = 0;
      let width = 1;
      if (i < to) {
        const unit = text.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          cls = classOfPoint(((unit - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000);
          width = 2;
        } else cls = infoOf(unit) & 255;
      }
      // Which token does this unit belong to (the tokenizer's rule: Han/Kana runs apart from other letters)?
      const t1 = (cls & T1) !== 0;
      const t2 = (cls & T2) !== 0;
      if (!((kind === 1 && t1) || (kind === 2 && t2))) {
        if (kind !== 0) {
          // A token ends: is it an alias, or the second or third word of one?
          if (!runToken) {
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
          } else {
            prevLead = prevPrevLead = false;
            p0 = p1 = p2 = p3 = 0;
            prevArabic = false;
            prevGapOk = false;
          }
          gapOk = true;
          gap = 0;
          kind = 0;
          plain = false;
        }
        if (t1 || t2) {
          kind = t1 ? 1 : 2;
          start = i;
          h0 = h1 = h2 = h3 = SEED;
          keyLength = 0;
          runToken = (cls & RUN_START) !== 0;
          arabic = false;
          lastUnit = -1;
          plain = false;
        } else {
          // Between tokens: the gap that may join two words of one alias.
          if (!(cls & GAP)) gapOk = false;
          gap++;
          i += width - 1;
          continue;
        }
      }
      for (let k = 0; k < width; k++) {
        const unit = text.charCodeAt(i + k);
        const f = infoOf(unit) >>> 8;
        if (runToken) {
          // Aliases in scripts without spaces start anywhere in the run: their first one or two characters.
          if (runs.has(finish(step(SEED, f))) || (lastUnit >= 0 && runs.has(pair(lastUnit, f)))) {
            out.push(i + k - (lastUnit >= 0 ? 1 : 0));
          }
          lastUnit = f;
          continue;
        }
        if (cls & IGNORED) continue;
        if (keyLength === 0) {
          arabic = (cls & ARABIC) !== 0;
          plain = kind === 2 && !runToken && !arabic;
        }
        if (arabic) {
          // The Arabic clitic variants: the same key without its first one, two or three units.
          if (keyLength >= 1) h1 = Math.imul(h1 ^ f, 0x01000193);
          if (keyLength >= 2) h2 = Math.imul(h2 ^ f, 0x01000193);
          if (keyLength >= 3) h3 = Math.imul(h3 ^ f, 0x01000193);
        }
        h0 = Math.imul(h0 ^ f, 0x01000193);
        keyLength++;
      }
      i += width - 1;
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
