/**
 * The prefilter decides which paragraphs the full matcher reads, so it must never hide a citation: reading only
 * the flagged paragraphs must give exactly the citations of reading everything. Checked on the labelled
 * sentences (one by one and as one long text), the seed article, and random text made of the registry's own
 * aliases written in every way the matcher accepts.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFlaggedCitations, findTextCitations } from '../../src/core/match/find-citations';
import { CLASS_BITS, IGNORED, infoOf } from '../../src/core/match/classes';
import { aliasKeys, isRunAlias } from '../../src/core/registry/pack';
import { drain } from '../../src/core/steps';
import { realRegistry, ROOT, SHARED } from '../helpers/registry';

const { matcher, registry } = realRegistry();
const { prefilter } = matcher;
/** Every alias's keys (the words of an alias in a script without spaces are one run). */
const aliases = registry.index.aliases.map(([text]) => ({ keys: aliasKeys(text), run: isRunAlias(text) ? aliasKeys(text)[0] : null }));
const sentences = readdirSync(join(ROOT, 'tests', 'eval')).filter((f) => f.endsWith('.jsonl')).flatMap((f) =>
  readFileSync(join(ROOT, 'tests', 'eval', f), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text));

const same = (text: string) => expect(findFlaggedCitations(text, matcher), text.slice(0, 200)).toEqual(findTextCitations(text, matcher));

describe('the prefilter', () => {
  it('hashes alias keys unit by unit: the scanner\'s folding leaves every unit of every key as it is', () => {
    let units = 0;
    for (const alias of aliases) {
      for (const key of alias.keys) {
        for (let i = 0; i < key.length; i++) {
          const unit = key.charCodeAt(i);
          expect(infoOf(unit) >>> CLASS_BITS, `${key}[${i}]`).toBe(unit);
          expect(infoOf(unit) & IGNORED, `${key}[${i}]`).toBe(0);
          units++;
        }
      }
    }
    expect(units).toBeGreaterThan(10_000);
  });

  it('says an alias may start with the first key of every alias, and with few other words (the matcher skips its table for those)', () => {
    const firsts = new Set(aliases.filter((a) => !a.run).map((a) => a.keys[0]));
    for (const key of firsts) expect(prefilter.mayStart(key), key).toBe(true);
    const others = ['the', 'government', 'said', 'on', 'tuesday', 'minister', 'ceasefire', 'talks', 'would', 'resume', 'regierung', 'gobierno']
      .filter((w) => !firsts.has(w));
    expect(others.filter((w) => prefilter.mayStart(w))).toEqual([]);
  });

  it('flags a name of several words at its third word (or its last), one word at itself, a run at its first character', () => {
    const flags = (t: string) => prefilter.flagged(t).map((i) => t.slice(i, i + 4));
    expect(flags('Officials told the Syrian Arab News Agency on Monday.')).toEqual(['News']);
    expect(flags('SANA said')).toEqual(['SANA']);
    expect(flags('Voice of America and the Voice of the people')).toEqual(['Amer', 'the ']);
    expect(flags('It was 新华社 that said')).toEqual(['新华社 ']);
    expect(flags('The talks resumed on Monday in Geneva, officials said.')).toEqual([]);
  });

  it('finds where a name may begin with its RegExp, then reads the words there as reading every word does', () => {
    const cases = [
      // A name of more than three words in lower case, at the text's start and after other words.
      'syrian arab news agency said', 'officials told the syrian arab news agency',
      // A capital inside a word, letters beyond ASCII inside and at the start of a word, a run of Chinese after Latin letters.
      'eNCA reported', 'Agência Brasil', 'NHKによると', 'وكالة سانا', 'По данным ТАСС',
      // Gaps beyond ASCII, and reading that stops before a lowercase-capable name.
      'Syrian\u00a0Arab\u00a0News\u00a0Agency', 'PHOENIX INFONEWS officials office national des medias audiovisuels',
    ];
    for (const t of cases) expect(prefilter.flagged(t), t).toEqual(prefilter.flaggedByReading(t));
    // Words that begin no name are not read at all: nothing flagged.
    expect(prefilter.flagged('Prices Rose On Monday; “Geneva” talks ended.')).toEqual([]);
  });

  it('hides no citation of the labelled sentences, one by one', () => {
    expect(sentences.length).toBeGreaterThan(800);
    for (const s of sentences) same(s);
  });

  it('hides none when they are the paragraphs of one long text, nor in the seed article', () => {
    same(sentences.join('\n\n'));
    same(readFileSync(join(SHARED, 'seed', 'seed-article.txt'), 'utf8'));
  });

  it('flags only a small part of ordinary prose', () => {
    const prose = sentences.filter((s) => findTextCitations(s, matcher).length === 0).join('\n\n');
    const flagged = drain(prefilter.paragraphSteps(prose)).reduce((n, p) => n + p.end - p.start, 0);
    // The negatives are made of near-misses ("Sana'a", "CCTV footage"), so many are flagged; still not all.
    expect(flagged).toBeLessThan(prose.length);
    expect(drain(prefilter.paragraphSteps('The talks resumed on Monday in Geneva, officials said.\n\nPrices rose.'))).toEqual([]);
  });

  it('hides none in random text made of the aliases, written in any case, with clitics, gaps and marks (property test)', () => {
    const word = fc.constantFrom('the', 'said', 'Monday', 'officials', 'in', 'of', 'news', 'agency', 'Sana\'a', 'Sana', 'RT-PCR', 'Xinhua Road', 'ال', 'و', '人民', 'によると', '1,000', 'İstanbul', 'é');
    const gap = fc.constantFrom(' ', '  ', ' - ', '-', '. ', "'", ' / ', ' & ', '\u00a0', '\n', '\n\n', ', ', ' (', ') ', "'s ", "'nın ", '\u0301 ', '\u0640',
      '_', ' \u201c', '\u2019 ', '\u2013', '');
    const alias = fc.record({
      i: fc.nat({ max: aliases.length - 1 }),
      caps: fc.constantFrom('as-is', 'upper', 'title', 'lower', 'alternating'),
      joiner: fc.constantFrom(' ', '-', '  ', '.', ' / '),
      prefix: fc.constantFrom('', '', 'و', 'ال', 'وال', 'بال'),
    }).map(({ i, caps, joiner, prefix }) => {
      const a = aliases[i];
      let surface = a.run ?? a.keys.join(joiner);
      if (caps === 'upper') surface = surface.toUpperCase();
      if (caps === 'title') surface = surface.replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
      // "sYrIaN": a capital inside a word (the RegExp that leads the prefilter finds capitals first).
      if (caps === 'alternating') surface = [...surface].map((c, k) => (k % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
      return /^\p{Script=Arabic}/u.test(surface) ? prefix + surface : surface;
    });
    const text = fc.array(fc.tuple(fc.oneof(alias, word, alias), gap), { minLength: 1, maxLength: 40 }).map((parts) => parts.flat().join(''));
    fc.assert(fc.property(text, (t) => {
      expect(findFlaggedCitations(t, matcher)).toEqual(findTextCitations(t, matcher));
    }), { numRuns: Number(process.env.PREFILTER_RUNS ?? 10_000), seed: Number(process.env.PREFILTER_SEED ?? 20261125) });
  });
});
