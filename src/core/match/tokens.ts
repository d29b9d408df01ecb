/**
 * Words: runs of letters, marks and digits. A run in a script written without spaces (Chinese, Japanese) is
 * its own word, so "NHKによると" is "NHK" and "によると".
 */
export interface Token {
  start: number;
  end: number;
}

/** Scripts matched inside runs of text rather than word by word (Korean particles attach to the noun). */
export const RUN_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}])+/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    tokens.push({ start: m.index, end: Math.min(m.index + m[0].length, to) });
  }
  return tokens;
}

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{M}\p{N}]/u.test(ch);
}
