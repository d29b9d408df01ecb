/**
 * The content script's copy of the index: index.js sets `statelensIndex` to the packed index's tables, each as
 * JSON text, parsed in the page when first read. What comes out must be the packed index itself, and a missing
 * or wrong index must fail by name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { indexTables, loadMatcher, packedIndexOf, sitesOf, type IndexTables } from '../../src/content/load-index';
import { keyedWords } from '../../src/core/match/context-words';
import { WORDS } from '../../src/core/match/context-words.data';
import { PACKED_VERSION } from '../../src/core/registry/pack';

const ROOT = join(import.meta.dirname, '..', '..');

/** index.js as the build wrote it, run in a global of its own (as the browser runs it before content.js). */
function builtTables(): IndexTables {
  const scope: Record<string, unknown> = {};
  scope.globalThis = scope;
  runInNewContext(readFileSync(join(ROOT, 'dist', 'chrome', 'index.js'), 'utf8'), scope);
  return indexTables(scope);
}

describe('the index as the content script ships it (index.js)', () => {
  it('parses to the packed index, whose tables the matcher uses as they are', async () => {
    const { realRegistry } = await import('../helpers/registry');
    const packed = realRegistry().registry.packed;
    const tables = builtTables();
    const index = packedIndexOf(tables);
    for (const key of Object.keys(packed) as (keyof typeof packed)[]) expect(index[key], key).toEqual(packed[key]);
    expect(index.contextWords).toEqual(keyedWords(WORDS));
    const text = 'Syrian Arab News Agency (SANA) reported it, Xinhua said.';
    const matcher = loadMatcher(tables);
    expect(matcher.find(text).map((h) => text.slice(h.start, h.end))).toEqual(['Syrian Arab News Agency', 'SANA', 'Xinhua']);
  });

  it('parses a table only when it is first read, and once', () => {
    const tables = builtTables();
    const hosts = JSON.stringify({ 'moc.tr': 7 });
    const sites = sitesOf({ ...tables, hosts, accounts: 'not JSON: never read here' });
    expect(sites.hosts).toEqual({ 'moc.tr': 7 });
    expect(sites.hosts).toBe(sites.hosts);
    expect(() => sites.accounts).toThrow(SyntaxError);
  });

  it('fails loudly on an index that is missing, of another version, or without a table', () => {
    expect(() => indexTables({})).toThrow('the index (index.js) did not run before the content script');
    const tables = builtTables();
    expect(() => indexTables({ statelensIndex: { ...tables, version: 2 } })).toThrow(`index version 2, expected ${PACKED_VERSION}`);
    const withoutAliases: Partial<IndexTables> = { ...tables };
    delete withoutAliases.aliases;
    expect(() => indexTables({ statelensIndex: withoutAliases })).toThrow('the index\'s table "aliases" is missing');
  });
});
