/**
 * The tokenizer scans with character tables; the regular expression it replaced is kept here as the
 * definition it must follow: runs of Han, Hiragana and Katakana (and "ー"), runs of Hangul, and runs of other
 * letters, marks and digits. Checked on the labelled sentences, the seed article and random text of the characters that the
 * rules depend on (astral characters, lone surrogates, marks, Arabic, Korean, Japanese, digits).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunStart, isWordChar, tokenize } from '../../src/core/match/tokens';
import { ROOT, SHARED } from '../helpers/registry';

const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+|(?:(?=\p{Script=Hangul})[\p{L}\p{M}\p{N}])+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{M}\p{N}])+/gu;

function byRegExp(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

describe('tokenize', () => {
  it('splits words, and runs of Chinese and Japanese apart from other letters', () => {
    const text = 'NHKによると、SANA said 3.5% of 人民日报 readers — ل الوكالة café';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['NHK', 'によると', 'SANA', 'said', '3', '5', 'of', '人民日报', 'readers', 'ل', 'الوكالة', 'café']);
  });

  it('splits a run of Hangul from the letters of other scripts, as Korean writes particles onto names', () => {
    const text = 'KBS는 MBC와 연합뉴스에 YTN·CNN에서';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['KBS', '는', 'MBC', '와', '연합뉴스에', 'YTN', 'CNN', '에서']);
  });

  it('knows letters, marks and digits, and the scripts matched inside runs, as Unicode\'s properties say, for every UTF-16 unit', () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      const ch = String.fromCharCode(unit);
      expect(isWordChar(ch), unit.toString(16)).toBe(/[\p{L}\p{M}\p{N}]/u.test(ch));
      expect(isRunStart(ch, 0), unit.toString(16)).toBe(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch));
    }
  });

  it('gives the regular expression\'s words for the labelled sentences and the seed article', () => {
    const texts = readdirSync(join(ROOT, 'tests', 'eval')).filter((f) => f.endsWith('.jsonl')).flatMap((f) =>
      readFileSync(join(ROOT, 'tests', 'eval', f), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text));
    texts.push(readFileSync(join(SHARED, 'seed', 'seed-article.txt'), 'utf8'));
    expect(texts.length).toBeGreaterThan(800);
    for (const text of texts) expect(tokenize(text), text.slice(0, 80)).toEqual(byRegExp(text));
  });

  it('gives the regular expression\'s words for random text of the characters the rules depend on (property test)', () => {
    const unit = fc.constantFrom(
      'a', 'Z', 'é', '\u0301', '1', '٣', ' ', '.', "'", '-', '\n', 'ل', 'ا', '\u064e', '\u0640', '人', '民', 'に', 'カ', 'ー', '한', '국',
      '\u{20000}', '\u{1F600}', '\u{1D400}', '\ud800', '\udc00', '\u200d', 'İ', 'ß', '\u3000', '々', '〆', 'ｱ', 'Ａ', '\u0903', '्', '\u302e', 'ㄱ', 'ﾡ',
    );
    fc.assert(fc.property(fc.array(unit, { maxLength: 40 }).map((units) => units.join('')), (text) => {
      expect(tokenize(text)).toEqual(byRegExp(text));
    }), { numRuns: 20_000, seed: 20261126 });
  });
});
