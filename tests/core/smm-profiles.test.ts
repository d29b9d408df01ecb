import { describe, expect, it } from 'vitest';
import { compileRegistry, type RegistrySources } from '../../src/core/registry/compile';
import { parseSmmProfiles } from '../../src/core/registry/smm-profiles';
import { registryStats } from '../../src/core/registry/stats';
import { registryErrorOf } from '../helpers/registry';

const IMPORTED = {
  source: { file: 'State_Media_Matrix.csv', commit: 'test', credit: 'test credit', license: 'MIT' },
  outlets: [
    {
      id: 'kbc', name: 'KBC', company: 'Kenya Broadcasting Corporation (KBC)', country: 'KE', region: 'Sub-Saharan Africa',
      hosts: ['kbc.co.ke'], mirrors: [], typology: 'CaPu', status: 'active', rows: [1],
    },
  ],
};

const MAPPED = {
  url: 'https://statemediamonitor.com/2025/06/kenya-broadcasting-corporation-kbc/',
  name: 'Kenya Broadcasting Corporation (KBC)', country: 'KE', date: '2025-06', typology: 'SC',
  outlets: ['kbc'], assets: ['Heritage TV'], hosts: [],
};

const NEW = {
  url: 'https://statemediamonitor.com/2025/07/radio-example/',
  name: 'Radio Example', country: 'KE', date: '2025-07', typology: 'SC',
  outlets: [], assets: ['Example FM'], hosts: ['radioexample.co.ke'],
};

function sources(profiles: unknown[], unreachable: unknown[] = []): RegistrySources {
  return {
    imported: { file: 'imported.json', data: IMPORTED },
    curated: [],
    renames: { file: 'renames.json', data: {} },
    smmProfiles: { file: 'smm-profiles.json', data: { read: '2026-12-06', profiles, unreachable } },
  };
}

describe('State Media Monitor profiles (smm-profiles.json)', () => {
  it('rejects a malformed entry, naming the entry and the field', () => {
    const bad = registryErrorOf(() => parseSmmProfiles('smm-profiles.json', { read: '2026-12-06', profiles: [{ ...NEW, typology: 'XX' }], unreachable: [] }));
    expect(bad.entry).toBe(NEW.url);
    expect(bad.field).toBe('typology');
    const copy = registryErrorOf(() => compileRegistry(sources([{ ...NEW, url: 'https://wikimili.com/en/Radio_Example' }])));
    expect(copy.message).toContain('field "url"');
    const date = registryErrorOf(() => compileRegistry(sources([{ ...NEW, date: '2024-07' }])));
    expect([date.entry, date.field]).toEqual([NEW.url, 'date']);
    const unknown = registryErrorOf(() => compileRegistry(sources([{ ...MAPPED, outlets: ['nope'] }])));
    expect([unknown.entry, unknown.field]).toEqual([MAPPED.url, 'outlets.0']);
    const unreachable = registryErrorOf(() => compileRegistry(sources([], [{ name: 'Radio X', country: 'Kenya', why: 'not indexed' }])));
    expect([unreachable.entry, unreachable.field]).toEqual(['Radio X', 'country']);
  });

  it('makes a profile of a company the registry lacks an outlet, classified by the profile with its evidence', () => {
    const registry = compileRegistry(sources([NEW]));
    const outlet = registry.outlets['radio-example'];
    expect(outlet).toMatchObject({
      name: 'Radio Example', country: 'KE', typology: 'SC', hosts: ['radioexample.co.ke'], domain: 'radioexample.co.ke',
      kind: 'radio', origin: ['smm-profile'],
      classifiedBy: { name: 'State Media Monitor', source: NEW.url, date: '2025-07' },
    });
    expect(outlet.evidence).toHaveLength(1);
    expect(outlet.evidence[0]).toMatchObject({ source: NEW.url, read: '2026-12-06', supports: ['typology'] });
    expect(outlet.evidence[0].claim).toContain('July 2025');
    expect(outlet.aliases.map((a) => a.text)).toContain('Radio Example');
    expect(registry.index.hosts.some(([h]) => h === 'radioexample.co.ke')).toBe(true);
    expect(registry.smm?.added).toEqual(['radio-example']);
  });

  it('adds no outlet for a profile mapped to one of the registry, classifies it by the newer profile, and reports the change', () => {
    const before = compileRegistry(sources([]));
    const registry = compileRegistry(sources([MAPPED]));
    expect(Object.keys(registry.outlets)).toEqual(Object.keys(before.outlets));
    expect(before.outlets.kbc.typology).toBe('CaPu');
    expect(registry.outlets.kbc).toMatchObject({
      typology: 'SC', classifiedBy: { name: 'State Media Monitor', source: MAPPED.url, date: MAPPED.date }, origin: ['imported', 'smm-profile'],
    });
    expect(registry.outlets.kbc.evidence.at(-1)).toMatchObject({ source: MAPPED.url, supports: ['typology'] });
    expect(registry.smm).toMatchObject({ profiles: 1, mapped: 1, added: [] });
    expect(registry.smm?.typologyDiffers).toEqual([{ id: 'kbc', imported: 'CaPu', profile: 'SC', url: MAPPED.url }]);
  });

  it('counts the profiles with a registry outlet and the unreachable ones in the stats', () => {
    const registry = compileRegistry(sources([MAPPED, NEW], [{ name: 'Radio X', country: 'KE', why: 'not in the search index' }]));
    const stats = registryStats(registry);
    expect(stats.smmProfiles).toBe(2);
    expect(stats.smmUnreachable).toBe(1);
    expect(registryStats(compileRegistry({ ...sources([]), smmProfiles: undefined }))).toMatchObject({ smmProfiles: 0, smmUnreachable: 0 });
  });
});
