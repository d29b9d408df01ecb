import { describe, expect, it } from 'vitest';
import { compileRegistry } from '../../src/core/registry/compile';
import { registryStats } from '../../src/core/registry/stats';

function imported(id: string, extra: Record<string, unknown> = {}) {
  return { id, name: `Outlet ${id}`, company: `Outlet ${id}`, country: 'SY', region: 'MENA', hosts: [`${id}.example.sy`], mirrors: [], typology: 'SC', status: 'active', rows: [1], ...extra };
}

function item(source: string, supports: string[], via?: string) {
  return { claim: 'A claim.', source, read: '2026-12-06', supports, ...(via ? { via } : {}) };
}

const SMM = 'https://statemediamonitor.com/2025/07/b/';

/** a: imported only; b: curated, SMM of July 2025 alone; c: SMM of August 2023 and Wikipedia (read in a copy); d: Wikipedia alone, two hosts of one site. */
const registry = compileRegistry({
  imported: {
    file: 'imported.json',
    data: {
      source: { file: 'matrix.csv', commit: 'abc', credit: 'credit', license: 'MIT' },
      outlets: [
        imported('a', { accounts: [{ platform: 'x', handle: 'outlet_a' }, { platform: 'telegram', handle: 'outlet_a' }] }),
        imported('b'), imported('c'), imported('d'),
      ],
    },
  },
  curated: [{
    file: 'curated/sy.json',
    data: [
      {
        id: 'b', classifiedBy: { name: 'State Media Monitor', source: SMM, date: '2025-07' },
        accounts: [{ platform: 'youtube', handle: '@OutletB' }],
        evidence: [item(SMM, ['typology']), item('https://www.statemediamonitor.com/2025/07/b/', ['accounts'])],
      },
      {
        id: 'c', founded: '1965', classifiedBy: { name: 'State Media Monitor', source: 'https://statemediamonitor.com/2023/08/c/', date: '2023-08' },
        evidence: [
          item('https://statemediamonitor.com/2023/08/c/', ['typology']),
          item('https://en.wikipedia.org/wiki/C', ['founded'], 'https://wikimili.com/en/C'),
        ],
      },
      {
        id: 'd', founded: '1970', names: { ar: 'د' },
        evidence: [item('https://en.wikipedia.org/wiki/D', ['founded']), item('https://en.m.wikipedia.org/wiki/D', ['names.ar'])],
      },
    ],
  }],
  renames: { file: 'renames.json', data: {} },
});

describe('registry:stats on currency and sources', () => {
  const stats = registryStats(registry, '2026-12-06');

  it('counts curated outlets resting on one source host, a site\'s hosts counted as one', () => {
    expect(stats.singleSourced).toBe(2); // b (statemediamonitor.com, with and without www.) and d (wikipedia.org)
  });

  it('counts evidence read in a copy', () => {
    expect(stats.copySources).toBe(1);
  });

  it('counts account handles, imported and curated', () => {
    expect(stats.accounts).toBe(3);
  });

  it('gives the newest and the oldest classification, the matrix\'s 2024 for outlets classified by the import only', () => {
    expect(stats.newestClassification).toBe('2025-07');
    expect(stats.oldestClassification).toBe('2023-08');
  });

  it('counts outlets with no classification from the two years before the given day', () => {
    // a and d (matrix, 2024, from 1 January) and c (August 2023) are older than 6 December 2024; b is not.
    expect(stats.staleClassifications).toBe(3);
    // A year later b is stale too; a year earlier the matrix is recent enough.
    expect(registryStats(registry, '2027-08-01').staleClassifications).toBe(4);
    expect(registryStats(registry, '2025-12-06').staleClassifications).toBe(1);
  });
});
