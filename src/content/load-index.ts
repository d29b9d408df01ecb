/**
 * The registry's index, as the content script gets it, in two parts:
 *   the sites   categories, countries, periods, hosts, accounts, families: what every page needs for its links.
 *               index.js, a content script that the manifest runs before content.js in the same isolated world,
 *               sets `statelensIndex` to them.
 *   the aliases aliases, runAliases, prefilter, contextWords: what reading a page's text needs. They ship in
 *               reader.js with the code that reads text (reader-part.ts), which only pages whose text is read
 *               load.
 * Each table is a string (see src/core/registry/pack.ts for what each holds). The aliases' table is a sorted
 * table, looked up by binary search as it is; each other table is JSON text, parsed when first asked for by
 * JSON.parse (native code, faster than evaluating the same data as a JavaScript literal): a page whose links
 * lead nowhere known parses the host table only.
 *
 * Why this form (measured in Chromium, `npm run bench`, "index forms"): JSON strings in a script were ready in
 * about a millisecond on a page's first load, where the earlier deflated, base64-encoded copy took 7 to 25 ms to
 * inflate (DecompressionStream is asynchronous and streams in chunks). The index is data, not code: it stays
 * out of the code's budget. No network: every file ships in the extension.
 */
import { installContextWords } from '../core/match/context-words';
import { Matcher } from '../core/match/matcher';
import { PACKED_VERSION, type PackedIndex } from '../core/registry/pack';

/** The tables as the build ships them: the strings (the aliases' sorted table among them) as they are, the rest as JSON text. */
export type IndexTables = { [K in keyof Required<PackedIndex>]: K extends 'version' ? number : string };

/** The tables of each part (the build writes each file's from these lists). */
export const SITE_KEYS = ['version', 'categories', 'countries', 'periods', 'hosts', 'accounts', 'families'] as const;
export const ALIAS_KEYS = ['version', 'aliases', 'runAliases', 'prefilter', 'contextWords'] as const;

/** index.js's tables. */
export type SiteTables = Pick<IndexTables, (typeof SITE_KEYS)[number]>;
/** reader.js's tables. */
export type AliasTables = Pick<IndexTables, (typeof ALIAS_KEYS)[number]>;

/** What a page whose text is not read needs: categories (and their periods), countries, hosts, accounts, families. */
export type Sites = Pick<PackedIndex, (typeof SITE_KEYS)[number]>;

/** Tables checked: a build that forgot a file or a table, or shipped another version, fails here by name. */
function checked<K extends keyof IndexTables>(tables: unknown, keys: readonly K[], file: string): Pick<IndexTables, K> {
  const found = tables as Record<string, unknown> | null | undefined;
  if (!found || typeof found !== 'object') throw new Error(`StateLens: the index's tables (${file}) are missing`);
  if (found.version !== PACKED_VERSION) throw new Error(`StateLens: index version ${String(found.version)} in ${file}, expected ${PACKED_VERSION}`);
  for (const key of keys) if (typeof found[key] !== (key === 'version' ? 'number' : 'string')) throw new Error(`StateLens: the index's table "${key}" is missing from ${file}`);
  return found as Pick<IndexTables, K>;
}

/** index.js's tables, checked; an index.js that did not run before the content script fails here by name. */
export function siteTables(scope: object = globalThis): SiteTables {
  const tables = (scope as { statelensIndex?: unknown }).statelensIndex;
  if (tables === undefined) throw new Error('StateLens: the index (index.js) did not run before the content script');
  return checked(tables, SITE_KEYS, 'index.js');
}

/** reader.js's tables, checked. */
export function aliasTables(tables: unknown): AliasTables {
  return checked(tables, ALIAS_KEYS, 'reader.js');
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
export function sitesOf(tables: SiteTables): Sites {
  const sites = { version: tables.version as PackedIndex['version'], categories: tables.categories, countries: tables.countries } as Sites;
  for (const key of ['periods', 'hosts', 'accounts', 'families'] as const) lazy(sites, key, tables[key]);
  return sites;
}

/**
 * The whole index: the sites and the aliases with the context rules' word lists (tables parsed on first use;
 * the aliases' table is a sorted string, used as it is).
 */
export function packedIndexOf(tables: AliasTables, sites: Sites): PackedIndex {
  if (tables.version !== sites.version) throw new Error(`StateLens: the aliases' index is version ${tables.version}, the sites' ${sites.version}`);
  const index = Object.create(sites) as PackedIndex;
  index.aliases = tables.aliases;
  for (const key of ['runAliases', 'prefilter', 'contextWords'] as const) lazy(index, key, tables[key]);
  return index;
}

/** The matcher, its context words (which the build keyed) installed first. */
export function loadMatcher(tables: AliasTables, sites: Sites): Matcher {
  const index = packedIndexOf(tables, sites);
  installContextWords(index.contextWords, true);
  const matcher = new Matcher(index);
  // Ready means ready to scan: the prefilter's tables are made here, not in the page's first scan.
  void matcher.prefilter;
  return matcher;
}
