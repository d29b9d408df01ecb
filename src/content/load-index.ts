/**
 * The registry's index, as the content script gets it: index.js, a second content script that the manifest
 * runs before content.js in the same isolated world, sets `statelensIndex` to the packed index's tables, each
 * table a string (see src/core/registry/pack.ts for what each holds). The aliases' table is a sorted table,
 * looked up by binary search as it is; each other table is JSON text, parsed when first asked for by
 * JSON.parse (native code, faster than evaluating the same data as a JavaScript literal): a page whose links
 * lead nowhere known parses the host table only; the rest waits for a page whose text is read.
 *
 * Why this form (measured in Chromium, `npm run bench`, "index forms"): JSON strings in a script of their own
 * were ready in about a millisecond on a page's first load, where the earlier deflated, base64-encoded copy took
 * 7 to 25 ms to inflate (DecompressionStream is asynchronous and streams in chunks). The index is data, not code:
 * keeping it in its own file keeps it out of the code's budget. No network: both files ship in the extension.
 */
import { installContextWords } from '../core/match/context-words';
import { Matcher } from '../core/match/matcher';
import { PACKED_VERSION, type PackedIndex } from '../core/registry/pack';

/** The tables as index.js ships them: the strings (the aliases' sorted table among them) as they are, the rest as JSON text. */
export type IndexTables = { [K in keyof Required<PackedIndex>]: K extends 'version' ? number : string };

/** What a page whose text is not read needs: categories (and their periods), countries, hosts, accounts, families. */
export type Sites = Pick<PackedIndex, 'version' | 'categories' | 'periods' | 'countries' | 'hosts' | 'accounts' | 'families'>;

const KEYS: readonly (keyof IndexTables)[] = ['version', 'categories', 'countries', 'periods', 'hosts', 'accounts', 'families', 'aliases', 'runAliases', 'prefilter', 'contextWords'];

/** index.js's tables, checked: a build that forgot the file, or shipped another version, fails here by name. */
export function indexTables(scope: object = globalThis): IndexTables {
  const tables = (scope as { statelensIndex?: unknown }).statelensIndex as Record<string, unknown> | undefined;
  if (!tables || typeof tables !== 'object') throw new Error('StateLens: the index (index.js) did not run before the content script');
  if (tables.version !== PACKED_VERSION) throw new Error(`StateLens: index version ${String(tables.version)}, expected ${PACKED_VERSION}`);
  for (const key of KEYS) if (typeof tables[key] !== (key === 'version' ? 'number' : 'string')) throw new Error(`StateLens: the index's table "${key}" is missing`);
  return tables as IndexTables;
}

/** A table parsed on first use, then kept. */
function lazy<T>(target: object, key: string, json: string): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get(): T {
      const value = JSON.parse(json) as T;
      Object.defineProperty(target, key, { value, enumerable: true });
      return value;
    },
  });
}

/** The sites part, its tables parsed when first read (most pages read only the hosts). */
export function sitesOf(tables: IndexTables): Sites {
  const sites = { version: tables.version as PackedIndex['version'], categories: tables.categories, countries: tables.countries } as Sites;
  for (const key of ['periods', 'hosts', 'accounts', 'families'] as const) lazy(sites, key, tables[key]);
  return sites;
}

/**
 * The whole index: the sites and the aliases with the context rules' word lists (tables parsed on first use;
 * the aliases' table is a sorted string, used as it is).
 */
export function packedIndexOf(tables: IndexTables, sites: Sites = sitesOf(tables)): PackedIndex {
  const index = Object.create(sites) as PackedIndex;
  index.aliases = tables.aliases;
  for (const key of ['runAliases', 'prefilter', 'contextWords'] as const) lazy(index, key, tables[key]);
  return index;
}

/** The matcher, its context words (which the build keyed) installed first. */
export function loadMatcher(tables: IndexTables, sites?: Sites): Matcher {
  const index = packedIndexOf(tables, sites);
  installContextWords(index.contextWords, true);
  const matcher = new Matcher(index);
  // Ready means ready to scan: the prefilter's tables are built here, not in the page's first scan.
  void matcher.prefilter;
  return matcher;
}
