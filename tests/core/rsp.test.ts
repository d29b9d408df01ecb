import { describe, expect, it } from 'vitest';
import { compileRegistry } from '../../src/core/registry/compile';
import { RegistryError } from '../../src/core/registry/errors';
import { decisionYear, summaryRfcYears } from '../../src/core/registry/rsp';

/** A perennial-sources row as the list writes it: name, status, discussions, last, summary, uses. */
function row(discussions: string, last: number, summary: string): string {
  return ['|- class="s-d" id="X"', '[[X]]', '{{WP:RSPSTATUS|d}}', discussions, `{{WP:RSPLAST|${last}}}`, summary, '{{WP:RSPUSES|x.com}}'].join('\n| ');
}

describe('the year of a perennial-sources decision', () => {
  it('is the RfC that set the status, not the year the entry was last discussed', () => {
    expect(decisionYear(row('{{rsnl|311|RfC: Global Times|2020|rfc=y}}', 2021, 'It was deprecated in a 2020 RfC.'), 2021)).toEqual({ year: 2020, yearIs: 'rfc' });
  });

  it('is the RfC the summary names when a later RfC settled one topic only', () => {
    const discussions = '{{rsnl|346|RfC: PressTV|2020|rfc=y}} {{rsnl|346|RfC: Press TV on Saudi Arabian protests|2021|rfc=y}}';
    expect(decisionYear(row(discussions, 2021, 'In the 2020 RfC, editors found a clear consensus to deprecate it.'), 2021).year).toBe(2020);
  });

  it('is the latest RfC when the summary names none, and reads the year wherever the template puts it', () => {
    expect(decisionYear(row('{{rsnl|281|RfC: A|2019|rfc=y}} {{rsnl|315|x.ua|rfc=y|2020}}', 2020, 'Rough consensus.'), 2020).year).toBe(2020);
  });

  it('ignores RfCs of other entries that the summary links to', () => {
    const summary = 'It should be deprecated as in the [[WP:RSN/Archive 220#Daily Mail RfC|2017 RfC]] of the Daily Mail.';
    expect(summaryRfcYears(summary)).toEqual([]);
    expect(decisionYear(row('{{rsnl|296|RfC: Sputnik|2020|rfc=y}}', 2022, summary), 2022).year).toBe(2020);
  });

  it('is the year of the last discussion, said so, for an entry with no RfC', () => {
    expect(decisionYear(row('[[WP:RSN/Archive 206#Pbs.org|5]]', 2016, 'Generally reliable.'), 2016)).toEqual({ year: 2016, yearIs: 'last-discussed' });
  });
});

describe('imported ratings in the registry', () => {
  function compileWith(rating: Record<string, unknown>) {
    return compileRegistry({
      imported: {
        file: 'imported.json',
        data: {
          source: { file: 'matrix.csv', commit: 'abc', credit: 'credit', license: 'MIT' },
          outlets: [{ id: 'rt', name: 'RT', company: 'RT', country: 'RU', region: 'Europe', hosts: ['rt.com'], mirrors: [], typology: 'SC', status: 'active', rows: [1] }],
        },
      },
      curated: [],
      renames: { file: 'renames.json', data: {} },
      ratings: { file: 'ratings.json', data: [{ id: 'rt', name: 'RT (Russia Today)', status: 'deprecated', parse: '2021-03-17', ...rating }] },
    });
  }

  it('carry no year where the copy read records no decision, and say so', () => {
    const rt = compileWith({}).outlets.rt;
    expect(rt.ratings).toEqual([{ by: 'wikipedia-rsp', status: 'deprecated', source: expect.stringContaining('Perennial_sources') }]);
    expect(rt.evidence[0].claim).toContain('does not record the year of the decision');
  });

  it('say what their year is', () => {
    expect(compileWith({ year: 2020, yearIs: 'rfc' }).outlets.rt.evidence[0].claim).toContain('status set by its 2020 RfC');
    expect(() => compileWith({ year: 2020 })).toThrow(RegistryError);
  });
});
