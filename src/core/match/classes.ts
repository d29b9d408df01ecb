/**
 * Character classes for the scanners over page text (the tokenizer and the prefilter), from tables filled on
 * first sight of a character: what makes a word, how a word is split into runs of Chinese and Japanese and
 * runs of other letters, and each UTF-16 unit's folded form (fold.ts) packed with its class.
 */
import { foldChar } from './fold';

export const WORD = 1;
/** Ignored inside a word when words are compared (combining marks, tatweel; see wordKey). */
export const IGNORED = 2;
/** Han, Hiragana and Katakana (Chinese and Japanese): a run of them is one token of its own. */
export const HAN_KANA = 4;
/** Letters, marks and digits of every other script but Hangul: a run of them is a word. */
export const OTHER_LETTER = 8;
/** Tokens starting with these are matched inside their run (see Matcher.find). */
export const RUN_START = 16;
export const ARABIC = 32;
/** May separate two words of one alias (after folding): space, tab, - . ' / & */
export const GAP = 64;
/**
 * Hangul letters: a run of them is a token of its own, as Korean writes particles onto a name in any script
 * ("KBS는", "MBC와": KBS, MBC, then the particle).
 */
export const HANGUL = 512;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let c = 0;
  if (/[\p{L}\p{M}\p{N}]/u.test(ch)) c |= WORD;
  if (/[\p{M}\u0640]/u.test(ch)) c |= IGNORED;
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch);
  const hangul = /\p{Script=Hangul}/u.test(ch);
  if (cjk || cp === 0x30fc) c |= HAN_KANA;
  if (c & WORD && hangul) c |= HANGUL;
  else if (c & WORD && !cjk) c |= OTHER_LETTER;
  if (cjk || hangul) c |= RUN_START;
  if (/\p{Script=Arabic}/u.test(ch)) c |= ARABIC;
  return c;
}

const astral = new Map<number, number>();

/** The class of a code point beyond the first 65,536 (written as two UTF-16 units). */
export function classOfPoint(cp: number): number {
  let c = astral.get(cp);
  if (c === undefined) astral.set(cp, (c = classify(cp)));
  return c;
}

/** A unit the fast path leaves to the full loop: surrogates (astral characters are classified as a pair). */
export const SLOW = 128;
/** The bits of INFO that hold a unit's class (those above it hold its folded unit). */
export const CLASS_BITS = 10;
export const CLASS_MASK = (1 << CLASS_BITS) - 1;
/**
 * Per UTF-16 unit: its folded unit << CLASS_BITS | its class, or 0 before it is first seen (infoOf fills it). The
 * prefilter's loops read it directly: through infoOf, they took about a quarter longer (in Node).
 */
export const INFO = new Int32Array(65536);

export function infoOf(unit: number): number {
  // Small, for the engine to inline: the first sight of a unit is a call of its own.
  const info = INFO[unit];
  return info !== 0 ? info : firstSight(unit);
}

function firstSight(unit: number): number {
  const surrogate = unit >= 0xd800 && unit <= 0xdfff;
  const f = surrogate ? unit : foldChar(String.fromCharCode(unit)).charCodeAt(0);
  let c = classify(unit) | (surrogate ? SLOW : 0);
  if (f === 32 || f === 9 || f === 45 || f === 46 || f === 39 || f === 47 || f === 38) c |= GAP;
  return (INFO[unit] = (f << CLASS_BITS) | c);
}
