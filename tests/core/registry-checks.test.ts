/**
 * The registry's checks for accounts, statuses and designations: bad input fails the build naming the file,
 * the outlet and the field (issue: accounts, currency). Small registries made here, not the real one.
 */
import { describe, expect, it } from 'vitest';
import { compileRegistry, type RegistrySources } from '../../src/core/registry/compile';
import { registryErrorOf } from '../helpers/registry';

const EVIDENCE = { claim: 'Read there.', source: 'https://www.example.sy/about', read: '2026-12-06' };

function registry(options: {
  importedAccounts?: unknown[]; otherAccounts?: unknown[]; hosts?: string[]; profile?: Record<string, unknown>; checked?: unknown[];
} = {}): RegistrySources {
  const outlet = (id: string, host: string, accounts?: unknown[]) => ({
    id, name: id, company: id, country: 'SY', region: 'MENA', hosts: [host], mirrors: [], typology: 'SC', status: 'active', rows: [1],
    ...(accounts ? { accounts } : {}),
  });
  return {
    imported: {
      file: 'imported.json',
      data: {
        source: { file: 'matrix.csv', commit: 'abc', credit: 'credit', license: 'MIT' },
        outlets: [outlet('example', options.hosts?.[0] ?? 'example.sy', options.importedAccounts), outlet('other', 'other.sy', options.otherAccounts)],
      },
    },
    curated: options.profile ? [{ file: 'curated/sy.json', data: [{ id: 'example', ...options.profile }] }] : [],
    renames: { file: 'renames.json', data: {} },
    ...(options.checked ? { accounts: { file: 'accounts.json', data: options.checked } } : {}),
  };
}

/** The message of the RegistryError the compile of these sources throws. */
function failure(sources: RegistrySources): string {
  return registryErrorOf(() => compileRegistry(sources)).message;
}

describe('registry checks: accounts, statuses, designations', () => {
  it('indexes valid accounts by platform and handle', () => {
    const { index } = compileRegistry(registry({ importedAccounts: [{ platform: 'x', handle: 'Example_News' }, { platform: 'youtube', handle: '@ExampleTV' }] }));
    expect(index.accounts).toEqual([['x:example_news', 0], ['youtube:@exampletv', 0]]);
  });

  it('refuses a handle that is not valid for its platform, naming the outlet and the field', () => {
    expect(failure(registry({ importedAccounts: [{ platform: 'x', handle: 'syrianarabnewsagency' }] }))).toMatch(/"example".*accounts\.0.*not a valid handle/);
    expect(failure(registry({ importedAccounts: [{ platform: 'tiktok', handle: 'example' }] }))).toMatch(/accounts\.0/);
    expect(failure(registry({ importedAccounts: [{ platform: 'myspace', handle: 'example' }] }))).toMatch(/accounts\.0\.platform/);
  });

  it('refuses an account claimed by two outlets, and a platform as an outlet\'s site', () => {
    expect(failure(registry({ importedAccounts: [{ platform: 'x', handle: 'Shared' }], otherAccounts: [{ platform: 'x', handle: 'shared' }] })))
      .toMatch(/accounts\.0.*"shared" is also claimed by "example"/);
    expect(failure(registry({ hosts: ['t.me'] }))).toMatch(/"t\.me" is a platform/);
  });

  it('wants a status other than active dated and sourced', () => {
    expect(failure(registry({ profile: { status: 'defunct', evidence: [{ ...EVIDENCE, supports: ['status'] }] } }))).toMatch(/"example".*statusDate.*say when/);
    expect(failure(registry({ profile: { status: 'defunct', statusDate: '2023-12', evidence: [{ ...EVIDENCE, supports: ['founded'] }] } }))).toMatch(/field "status": has no evidence/);
    const ok = compileRegistry(registry({ profile: { status: 'defunct', statusDate: '2023-12', evidence: [{ ...EVIDENCE, supports: ['status'] }] } }));
    expect(ok.outlets.example).toMatchObject({ status: 'defunct', statusDate: '2023-12' });
  });

  it('takes a copy read over plain http in via, never as the source, and nothing but a web address', () => {
    const copyRead = { ...EVIDENCE, supports: ['founded'], via: 'http://copy.example/index-1.html' };
    expect(compileRegistry(registry({ profile: { founded: '1965', evidence: [copyRead] } })).outlets.example.evidence[0].via).toBe('http://copy.example/index-1.html');
    expect(failure(registry({ profile: { founded: '1965', evidence: [{ ...copyRead, source: 'http://www.example.sy/about' }] } }))).toMatch(/"example".*source.*https/);
    expect(failure(registry({ profile: { founded: '1965', evidence: [{ ...copyRead, via: 'ftp://copy.example/x' }] } }))).toMatch(/"example".*via.*http\(s\) URL/);
  });

  it('wants a designation dated and sourced, and keeps its decision date', () => {
    const ban = { authority: 'EU', kind: 'broadcast-ban', from: '2024-06-25', decided: '2024-05-17' };
    expect(failure(registry({ profile: { designations: [{ ...ban, from: undefined }], evidence: [{ ...EVIDENCE, supports: ['designations.0'] }] } }))).toMatch(/designations\.0\.from/);
    expect(failure(registry({ profile: { designations: [ban], evidence: [{ ...EVIDENCE, supports: ['founded'] }] } }))).toMatch(/designations\.0": has no evidence/);
    expect(compileRegistry(registry({ profile: { designations: [ban], evidence: [{ ...EVIDENCE, supports: ['designations.0'] }] } })).outlets.example.designations[0].decided).toBe('2024-05-17');
  });

  it('refuses control periods that overlap', () => {
    const control = [{ to: '2024-12-08', controller: 'A' }, { from: '2024-12-01', controller: 'B' }];
    expect(failure(registry({ profile: { control, evidence: [{ ...EVIDENCE, supports: ['control.0', 'control.1'] }] } }))).toMatch(/control\.1\.from/);
  });

  it('takes accounts checked by hand in place of the imported ones, and refuses an unknown outlet or stray evidence', () => {
    const checked = [{ id: 'example', accounts: [{ platform: 'telegram', handle: 'example_news' }], evidence: [{ ...EVIDENCE, supports: ['accounts'] }] }];
    const { outlets } = compileRegistry(registry({ importedAccounts: [{ platform: 'x', handle: 'old_one' }], checked }));
    expect(outlets.example.accounts).toEqual([{ platform: 'telegram', handle: 'example_news' }]);
    expect(failure(registry({ checked: [{ ...checked[0], id: 'nobody' }] }))).toMatch(/"nobody".*is not an outlet/);
    expect(failure(registry({ checked: [{ ...checked[0], evidence: [{ ...EVIDENCE, supports: ['founded'] }] }] }))).toMatch(/evidence\.0\.supports/);
  });
});
