/**
 * Words: runs of letters, marks and digits. A run in a script written without spaces (Chinese, Japanese) is
 * its own word, so "NHKによると" is "NHK" and "によると"; so is a run of Hangul, so "KBS는" is "KBS" and "는".
 */
import { classOfPoint, HAN_KANA, HANGUL, infoOf, OTHER_LETTER, RUN_START, WORD } from './classes';

export interface Token {
  start: number;
  end: number;
}

/**
 * Is text[i] in a script matched inside runs of text rather than word by word (Han, Hiragana, Katakana, and
 * Hangul, whose particles attach to the noun)?
 */
export function isRunStart(text: string, i: number): boolean {
  return (infoOf(text.charCodeAt(i)) & RUN_START) !== 0;
}

/**
 * The words of text: runs of Han, Hiragana and Katakana (and the prolonged sound mark "ー"), runs of Hangul,
 * and runs of other letters, marks and digits. One pass with the character tables of classes.ts (no regular
 * expression, no strings made per word); the prefilter reads words the same way.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // The current token's class (HAN_KANA, HANGUL or OTHER_LETTER), or 0 between tokens.
  let kind = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    // One step past the end: a unit of no class, which ends the last token.
    let cls = 0;
    let width = 1;
    if (i < text.length) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        cls = classOfPoint(text.codePointAt(i)!);
        width = 2;
      } else cls = infoOf(unit);
    }
    if ((cls & kind) === 0) {
      if (kind) tokens.push({ start, end: i });
      // ("ー" is in two classes: it starts a run of Han and Kana, and continues either.)
      kind = cls & HAN_KANA || cls & HANGUL || cls & OTHER_LETTER;
      start = i;
    }
    i += width - 1;
  }
  return tokens;
}

/** A letter, mark or digit (one UTF-16 unit). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && (infoOf(ch.charCodeAt(0)) & WORD) !== 0;
}
