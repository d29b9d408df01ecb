/**
 * Sentence bounds are found by a hand-written scanner (src/core/match/sentences.ts) that follows the rules of
 * UAX #29 as Intl.Segmenter does, many times faster. It is held to Intl.Segmenter's answers on the labelled
 * sentences, the seed article, the saved real pages' text, and random text made of the characters the rules
 * turn on.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphBreakAfter, segmentRange } from '../../src/core/match/sentences';
import { ROOT, SHARED } from '../helpers/registry';

const intl = new Intl.Segmenter('en', { granularity: 'sentence' });
/**
 * Intl.Segmenter's sentence starts. Long texts go in pieces cut after a line break (always a boundary): V8's
 * segmenter slows down badly, and even crashes, on very long inputs.
 */
function expected(text: string): number[] {
  const starts: number[] = [];
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + 10_000);
    if (to < text.length) {
      const cut = text.lastIndexOf('\n', to);
      to = cut > from ? cut + 1 : text.indexOf('\n', to) + 1 || text.length;
    }
    for (const s of intl.segment(text.slice(from, to))) starts.push(from + s.index);
    from = to;
  }
  return starts;
}
const actual = (text: string) => segmentRange(text, 0, text.length).map((s) => s.start);

const labelled = readdirSync(join(ROOT, 'tests', 'eval')).filter((f) => f.endsWith('.jsonl')).flatMap((f) =>
  readFileSync(join(ROOT, 'tests', 'eval', f), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text));

/** A saved page's text, roughly: scripts and styles out, then every tag. */
function pageText(html: string): string {
  return html.replace(/<(script|style)\b[^]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, ' ');
}

describe('sentence bounds', () => {
  it('are those of Intl.Segmenter in the labelled sentences and the seed article', () => {
    expect(labelled.length).toBeGreaterThan(800);
    for (const text of labelled) expect(actual(text), text).toEqual(expected(text));
    const seed = readFileSync(join(SHARED, 'seed', 'seed-article.txt'), 'utf8');
    expect(actual(seed)).toEqual(expected(seed));
  });

  it('are those of Intl.Segmenter in the text of the saved real pages', () => {
    const dir = join(SHARED, 'pages', 'readability');
    const pages = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'source.html')));
    expect(pages.length).toBeGreaterThan(100);
    let bounds = 0;
    for (const page of pages) {
      const text = pageText(readFileSync(join(dir, page, 'source.html'), 'utf8'));
      const want = expected(text);
      bounds += want.length;
      expect(actual(text), page).toEqual(want);
    }
    expect(bounds).toBeGreaterThan(100_000);
  });

  it('are those of Intl.Segmenter in random text made of the characters the rules turn on', () => {
    const alphabet = ['a', 'b', 'A', 'Z', 'é', 'É', '3', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '.', '.', '!', '?', '?!', '...',
      '"', "'", '\u201d', '\u2019', '(', ')', '[', '«', '»', ',', ';', ':', '-', '\u2014', '。', '！', '中', 'ア', 'س', '؟', '۔', '．', '\u2029'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      expect(actual(text), JSON.stringify(text)).toEqual(expected(text));
    }), { numRuns: 20_000, seed: 1126 });
  });

  it('cover a range exactly, from its start to its end', () => {
    const text = 'Before. SANA said it. After!';
    expect(segmentRange(text, 8, 21)).toEqual([{ start: 8, end: 21 }]);
    expect(segmentRange(text, 0, text.length).map((s) => text.slice(s.start, s.end))).toEqual(['Before. ', 'SANA said it. ', 'After!']);
  });
});

describe('paragraph breaks', () => {
  it('are what /\\n\\s*\\n/ matches, in any text made of line breaks, spaces and words', () => {
    const alphabet = ['\n', '\r\n', ' ', '\t', '\u00a0', '\u2029', '\u3000', 'a', 'SANA', '.', '\n\n'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const want = [...text.matchAll(/\n\s*\n/g)].map((m) => [m.index!, m.index! + m[0].length]);
      const got: number[][] = [];
      for (let b = paragraphBreakAfter(text, 0); b; b = paragraphBreakAfter(text, b[1])) got.push(b);
      expect(got, JSON.stringify(text)).toEqual(want);
    }), { numRuns: 20_000, seed: 1126 });
  });
});
