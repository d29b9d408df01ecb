/**
 * The content script's copy of the index, in two parts: index.js sets `statelensIndex` to the sites' tables
 * (every page), reader.js holds the aliases' with the code that reads text (pages whose text is read). Put
 * together, what comes out must be the packed index itself; a missing or wrong part must fail by name; and
 * the built reader must find citations in a page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { aliasTables, packedIndexOf, siteTables, sitesOf, type SiteTables } from '../../src/content/load-index';
import { checkReaderPart, type ReaderPart } from '../../src/content/reader-loader';
import { keyedWords } from '../../src/core/match/context-words';
import { WORDS } from '../../src/core/match/context-words.data';
import { LinkIndex } from '../../src/core/match/links';
import { PACKED_VERSION } from '../../src/core/registry/pack';
import { drain } from '../../src/core/steps';
import { scanSteps } from '../../src/dom/scan-steps';

const ROOT = join(import.meta.dirname, '..', '..');

/** index.js as the build wrote it, run in a global of its own (as the browser runs it before content.js). */
function builtSiteTables(): SiteTables {
  const scope: Record<string, unknown> = {};
  scope.globalThis = scope;
  runInNewContext(readFileSync(join(ROOT, 'dist', 'chrome', 'index.js'), 'utf8'), scope);
  return siteTables(scope);
}

/** reader.js as the build wrote it, imported as the content script imports it. */
async function builtReader(): Promise<ReaderPart> {
  return checkReaderPart(await import(pathToFileURL(join(ROOT, 'dist', 'chrome', 'reader.js')).href));
}

describe('the index as the content script ships it (index.js and reader.js)', () => {
  it('puts together to the packed index, whose tables the matcher uses as they are', async () => {
    const { realRegistry } = await import('../helpers/registry');
    const packed = realRegistry().registry.packed;
    const index = (await builtReader()).shippedIndex(sitesOf(builtSiteTables()));
    for (const key of Object.keys(packed) as (keyof typeof packed)[]) expect(index[key], key).toEqual(packed[key]);
    expect(index.contextWords).toEqual(keyedWords(WORDS));
  });

  it('reads a page with the built reader over the built sites', async () => {
    const sites = sitesOf(builtSiteTables());
    const reader = (await builtReader()).makeTextReader(sites);
    const { window } = new JSDOM(`<article><h1>Aid reaches Aleppo</h1><p>${'The convoy crossed at dawn, officials said. '.repeat(12)}</p>
      <p>The Syrian Arab News Agency (SANA) reported it, and Xinhua said the same.</p></article>`, { url: 'https://news.example/story' });
    const scan = drain(scanSteps(window.document, reader, new LinkIndex(sites), { allPages: true }));
    expect(scan.citations.map((c) => c.surface)).toEqual(['Syrian Arab News Agency (SANA)', 'Xinhua']);
  });

  it('parses a table only when it is first read, and once', () => {
    const tables = builtSiteTables();
    const hosts = JSON.stringify({ 'moc.tr': 7 });
    const sites = sitesOf({ ...tables, hosts, accounts: 'not JSON: never read here' });
    expect(sites.hosts).toEqual({ 'moc.tr': 7 });
    expect(sites.hosts).toBe(sites.hosts);
    expect(() => sites.accounts).toThrow(SyntaxError);
  });

  it('fails loudly on a part that is missing, of another version, or without a table', async () => {
    expect(() => siteTables({})).toThrow('the index (index.js) did not run before the content script');
    const tables = builtSiteTables();
    expect(() => siteTables({ statelensIndex: { ...tables, version: 2 } })).toThrow(`index version 2 in index.js, expected ${PACKED_VERSION}`);
    const withoutHosts: Partial<SiteTables> = { ...tables };
    delete withoutHosts.hosts;
    expect(() => siteTables({ statelensIndex: withoutHosts })).toThrow('the index\'s table "hosts" is missing from index.js');
    expect(() => aliasTables({ version: PACKED_VERSION, aliases: '', runAliases: '{}', prefilter: '{}' })).toThrow('the index\'s table "contextWords" is missing from reader.js');
    expect(() => aliasTables(null)).toThrow('the index\'s tables (reader.js) are missing');
    const aliases = { version: PACKED_VERSION, aliases: '', runAliases: '{}', prefilter: '{}', contextWords: '{}' };
    expect(() => packedIndexOf(aliases, { ...sitesOf(tables), version: 2 as typeof PACKED_VERSION })).toThrow(`the aliases' index is version ${PACKED_VERSION}, the sites' 2`);
    expect(() => checkReaderPart({ makeTextReader: () => null })).toThrow('reader.js does not export shippedIndex');
  });
});
