import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compileRegistry, type RegistrySources } from '../../src/core/registry/compile';
import { CopyHostsFileSchema, copyHostOf } from '../../src/core/registry/copy-hosts';
import { registryErrorOf, ROOT } from '../helpers/registry';

const COPY_HOSTS = {
  about: 'test list',
  hosts: [
    { host: 'wikimili.com', kind: 'mirror', reason: 'a Wikipedia mirror', checked: 'https://wikimili.com/en/X' },
    { host: 'bardy.io', kind: 'proxy', reason: 'a proxy', checked: 'https://x.p.bardy.io/' },
    { host: 'web.archive.org', kind: 'archive', reason: 'the Wayback Machine', checked: 'https://web.archive.org/' },
  ],
};

/** One imported outlet and one curated profile whose evidence is `evidence`. */
function registryWith(evidence: Array<Record<string, unknown>>, classifiedBy?: Record<string, unknown>): RegistrySources {
  return {
    imported: {
      file: 'imported.json',
      data: {
        source: { file: 'matrix.csv', commit: 'abc', credit: 'credit', license: 'MIT' },
        outlets: [{
          id: 'example', name: 'Example Agency', company: 'Example Agency', country: 'SY', region: 'MENA',
          hosts: ['example.sy'], mirrors: [], typology: 'SC', status: 'active', rows: [1],
        }],
      },
    },
    curated: [{ file: 'curated/sy.json', data: [{ id: 'example', founded: '1965', ...(classifiedBy ? { classifiedBy } : {}), evidence }] }],
    renames: { file: 'renames.json', data: {} },
    copyHosts: { file: 'copy-hosts.json', data: COPY_HOSTS },
  };
}

function founding(source: string, via?: string) {
  return { claim: 'Founded in 1965.', source, read: '2026-12-06', supports: ['founded'], ...(via ? { via } : {}) };
}


describe('sources on copy hosts', () => {
  it('accepts the original page as source, with the copy read in via', () => {
    const sources = registryWith([founding('https://en.wikipedia.org/wiki/Example', 'https://wikimili.com/en/Example')]);
    expect(compileRegistry(sources).outlets.example.evidence[0].via).toBe('https://wikimili.com/en/Example');
  });

  it('rejects a mirror as source, naming the file, the outlet and the field, and says to cite the original', () => {
    const error = registryErrorOf(() => compileRegistry(registryWith([founding('https://en.wikipedia.org/wiki/Example'), founding('https://wikimili.com/en/Example')])));
    expect(error.file).toBe('curated/sy.json');
    expect(error.entry).toBe('example');
    expect(error.field).toBe('evidence.1.source');
    expect(error.message).toContain('wikimili.com');
    expect(error.message).toContain('cite the original page in "source"');
    expect(error.message).toContain('"via"');
  });

  it('rejects the subdomains of a listed host (a proxy\'s generated names, www.)', () => {
    expect(registryErrorOf(() => compileRegistry(registryWith([founding('https://c99be0dd-5489.p.bardy.io/2025/07/x')]))).field).toBe('evidence.0.source');
    expect(registryErrorOf(() => compileRegistry(registryWith([founding('https://www.wikimili.com/en/Example')]))).field).toBe('evidence.0.source');
  });

  it('does not take a host that only ends with the same letters for a subdomain', () => {
    expect(() => compileRegistry(registryWith([founding('https://notwikimili.com/en/Example')]))).not.toThrow();
  });

  it('allows an archive only in via, with the archived original as source', () => {
    const archived = 'https://web.archive.org/web/2005/http://www.example.sy/history.htm';
    const error = registryErrorOf(() => compileRegistry(registryWith([founding(archived)])));
    expect(error.field).toBe('evidence.0.source');
    expect(error.message).toContain('archive');
    expect(() => compileRegistry(registryWith([founding('https://www.example.sy/history.htm', archived)]))).not.toThrow();
  });

  it('rejects host names written with a trailing dot, in source and in via', () => {
    const error = registryErrorOf(() => compileRegistry(registryWith([founding('https://en.wikipedia.org./wiki/Example')])));
    expect(error.field).toBe('evidence.0.source');
    expect(error.message).toContain('ends with a dot');
    expect(registryErrorOf(() => compileRegistry(registryWith([founding('https://en.wikipedia.org/wiki/Example', 'https://wikimili.com./en/Example')]))).field).toBe('evidence.0.via');
    // A trailing dot does not hide a copy host either.
    expect(copyHostOf('https://wikimili.com./en/Example', COPY_HOSTS.hosts as never)?.host).toBe('wikimili.com');
  });

  it('rejects a copy as the classification\'s source', () => {
    const evidence = [founding('https://en.wikipedia.org/wiki/Example'), { ...founding('https://statemediamonitor.com/2025/07/example/'), supports: ['typology'] }];
    const error = registryErrorOf(() => compileRegistry(registryWith(evidence, { name: 'State Media Monitor', source: 'https://x.p.bardy.io/2025/07/example', date: '2025-07' })));
    expect(error.field).toBe('classifiedBy.source');
  });

  it('without a list, checks only the trailing dot', () => {
    const sources = registryWith([founding('https://wikimili.com/en/Example')]);
    delete sources.copyHosts;
    expect(() => compileRegistry(sources)).not.toThrow();
  });
});

describe('src/data/copy-hosts.json', () => {
  const file = v.parse(CopyHostsFileSchema, JSON.parse(readFileSync(join(ROOT, 'src', 'data', 'copy-hosts.json'), 'utf8')));

  it('gives each host a reason and the page read to confirm it, once', () => {
    expect(file.hosts.length).toBeGreaterThan(20);
    for (const h of file.hosts) expect(h.reason.length).toBeGreaterThan(20);
    expect(new Set(file.hosts.map((h) => h.host)).size).toBe(file.hosts.length);
  });

  it('lists the copies the audit found, and never an original', () => {
    const hosts = file.hosts.map((h) => h.host);
    expect(hosts).toEqual(expect.arrayContaining(['wikimili.com', 'wikiwand.com', 'bardy.io', 'bahnsport-info.de', 'web.archive.org']));
    for (const original of ['https://en.wikipedia.org/wiki/X', 'https://statemediamonitor.com/2025/08/usagm/', 'https://www.theguardian.com/x']) {
      expect(copyHostOf(original, file.hosts)).toBeUndefined();
    }
  });
});
