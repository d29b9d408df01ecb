import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegistrySources } from '../../src/build/load-registry';
import { compileRegistry, type RegistrySources } from '../../src/core/registry/compile';
import { canonicalCurated } from '../../src/core/registry/format';
import { registryStats } from '../../src/core/registry/stats';
import { ROOT, realRegistry, registryErrorOf } from '../helpers/registry';

const DATA = join(ROOT, 'src', 'data');

/** The real sources with the SANA profile changed by edit. */
function withSana(edit: (sana: Record<string, any>) => void): RegistrySources {
  const sources = readRegistrySources(DATA);
  const curated = structuredClone(sources.curated);
  const file = curated.find((c) => (c.data as Array<{ id: string }>).some((o) => o.id === 'sana'))!;
  edit((file.data as Array<Record<string, any>>).find((o) => o.id === 'sana')!);
  return { ...sources, curated };
}


describe('the registry', () => {
  const { registry } = realRegistry();

  it('has SANA complete: names, aliases, control history with the change of December 2024, evidence', () => {
    const sana = registry.outlets.sana;
    expect(sana).toMatchObject({
      name: 'Syrian Arab News Agency', names: { ar: 'الوكالة العربية السورية للأنباء' }, kind: 'agency', country: 'SY',
      domain: 'sana.sy', typology: 'SC', origin: ['imported', 'curated'],
    });
    expect(sana.control.map((p) => [p.from, p.to, p.controller])).toEqual([
      ['1965-06-24', '2024-12-08', 'Assad government (Ministry of Information)'],
      ['2024-12-08', undefined, 'Syrian transitional government (Ministry of Information)'],
    ]);
    expect(sana.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Syrian Arab News Agency', 'SANA', 'Sana', 'سانا']));
    for (const e of sana.evidence) expect(e.source).toMatch(/^https:\/\//);
  });

  it('imports every outlet of the matrix, and no host belongs to two outlets', () => {
    expect(Object.values(registry.outlets).filter((o) => o.origin.includes('imported'))).toHaveLength(1111);
    const hosts = registry.index.hosts.map(([h]) => h);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('credits the State Media Monitor data as its licence requires', () => {
    expect(registry.credit).toContain('Alliance for Securing Democracy (MIT)');
    expect(registry.credit).toContain('State Media Monitor of the Media and Journalism Research Center');
    const credits = readFileSync(join(ROOT, 'CREDITS.md'), 'utf8');
    expect(credits).toContain(registry.credit.replace(/; /, ';\n> ').split('\n')[0]);
    expect(credits).toContain('Copyright (c) 2023 ASD-at-GMF');
  });
});

describe('the curated files', () => {
  const dir = join(DATA, 'curated');
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('%s is sorted by id and formatted (npm run registry:format)', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).toBe(canonicalCurated(JSON.parse(text)));
  });

  it('every claim is sourced, and the counts are what registry:stats prints', () => {
    const stats = registryStats(realRegistry().registry);
    expect(stats.claims).toBeGreaterThan(0);
    expect(stats.sourcedClaims).toBe(stats.claims);
    expect(stats.outlets).toBe(Object.keys(realRegistry().registry.outlets).length);
  });

  it('every evidence source is a well-formed https URL read on a real date', () => {
    for (const outlet of Object.values(realRegistry().registry.outlets)) {
      for (const e of outlet.evidence) {
        const url = new URL(e.source);
        expect(url.protocol, `${outlet.id}: ${e.source}`).toBe('https:');
        expect(Number.isNaN(Date.parse(e.read)), `${outlet.id}: ${e.read}`).toBe(false);
      }
    }
  });
});

describe('a malformed entry is an error naming the file, the entry and the field', () => {
  it.each<[string, (s: Record<string, any>) => void, string]>([
    ['an http source', (s) => { s.evidence[0].source = 'http://example.org/'; }, 'field "evidence.0.source": must be an https URL'],
    ['a bad date', (s) => { s.founded = '24 June 1965'; }, 'field "founded": must be an ISO date'],
    ['a claim without evidence', (s) => { s.evidence = s.evidence.filter((e: any) => !e.supports.includes('names.ar')); }, 'field "names.ar": has no evidence'],
    ['overlapping control', (s) => { s.control[1].from = '2020-01-01'; }, 'field "control.1.from"'],
    ['an unknown field', (s) => { s.owner = 'someone'; }, 'field "owner"'],
    ['an unknown typology', (s) => { s.control[0].typology = 'XX'; }, 'field "control.0.typology"'],
    ['an empty alias', (s) => { s.aliases[0].text = ' '; }, 'field "aliases.0.text": must not be empty'],
    ['a category without its source', (s) => { delete s.classifiedBy; s.evidence[0].supports = ['control.0']; }, 'field "control.0.typology": needs "classifiedBy"'],
  ])('%s', (_, edit, field) => {
    const error = registryErrorOf(() => compileRegistry(withSana(edit)));
    expect(error.message).toContain('curated/sy.json: entry "sana"');
    expect(error.message).toContain(field);
  });

  it('a parent that is not in the registry', () => {
    const error = registryErrorOf(() => compileRegistry(withSana((s) => {
      s.parent = 'no-such-outlet';
      s.evidence[0].supports.push('parent');
    })));
    expect(error.message).toContain('entry "sana": field "parent": "no-such-outlet" is not an outlet in the registry');
  });

  it('a host that is a public suffix', () => {
    const error = registryErrorOf(() => compileRegistry(withSana((s) => { s.hosts = ['gov.sy']; })));
    expect(error.message).toContain('"gov.sy" is a public suffix');
  });

  it('a host claimed by two outlets', () => {
    const error = registryErrorOf(() => compileRegistry(withSana((s) => { s.hosts = ['rt.com']; })));
    expect(error.message).toMatch(/host "rt\.com" is also claimed by/);
  });

  it('a malformed imported entry', () => {
    const sources = readRegistrySources(DATA);
    const imported = structuredClone(sources.imported.data) as { outlets: Array<Record<string, unknown>> };
    imported.outlets.find((o) => o.id === 'sana')!.hosts = ['SANA SY'];
    const error = registryErrorOf(() => compileRegistry({ ...sources, imported: { ...sources.imported, data: imported } }));
    expect(error.message).toBe('imported.json: entry "sana": field "hosts.0": must be a lower-case host name');
  });
});

describe('npm run build with a malformed registry', () => {
  it('fails and names the entry and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'statelens-build-'));
    try {
      cpSync(DATA, join(dir, 'data'), { recursive: true });
      const file = join(dir, 'data', 'curated', 'sy.json');
      const curated = JSON.parse(readFileSync(file, 'utf8'));
      curated.find((o: { id: string }) => o.id === 'sana').evidence[0].read = 'yesterday';
      writeFileSync(file, JSON.stringify(curated));
      const run = spawnSync(process.execPath, ['build.mjs', '--data', join(dir, 'data'), '--out', join(dir, 'dist')], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('curated/sy.json: entry "sana": field "evidence.0.read"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

const CSV = join(ROOT, '..', 'shared', 'data', 'state-media-profiles', 'State_Media_Matrix.csv');
describe.skipIf(!existsSync(CSV) && process.env.CI !== 'true')('every row of the State Media Monitor matrix', () => {
  it('is represented: its host belongs to an outlet (as host, mirror or declared shared host), or its asset is an outlet', async () => {
    const { parse } = await import('csv-parse/sync');
    const { normalizeHost } = await import('../../src/core/registry/import-smm');
    const { LinkIndex } = await import('../../src/core/match/links');
    const { registry } = realRegistry();
    const hosts = LinkIndex.of({ hosts: registry.index.hosts });
    const imported = JSON.parse(readFileSync(join(DATA, 'imported.json'), 'utf8')).outlets as Array<{ rows: number[]; sharedHosts?: string[] }>;
    const rowsCovered = new Set(imported.flatMap((o) => o.rows));
    const shared = new Set(imported.flatMap((o) => o.sharedHosts ?? []));
    const records: Array<Record<string, string>> = parse(readFileSync(CSV, 'utf8'), { columns: true, bom: true });
    const distinct = new Set<string>();
    records.forEach((r, i) => {
      if (Object.values(r).every((v) => !v.trim())) return;
      expect(rowsCovered.has(i + 1), `row ${i + 1}`).toBe(true);
      if (!r.URL.trim()) return;
      const host = normalizeHost(r.URL);
      distinct.add(host);
      expect(hosts.lookupHost(host) >= 0 || shared.has(host), `row ${i + 1}: ${host}`).toBe(true);
    });
    expect(distinct.size).toBeGreaterThan(950);
  });
});
