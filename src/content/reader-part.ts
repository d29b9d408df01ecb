/**
 * The text reader, in a file of its own (reader.js), loaded the first time a page's text is read: the code
 * that reads text (src/dom/read-text.ts: the matcher, the prefilter, the context rules, attribution) with the
 * index's aliases (src/content/load-index.ts). Pages whose text is not read (most pages that are not
 * articles) never load it, so the content script every page compiles and runs stays small. See
 * reader-loader.ts.
 */
import tables from 'statelens:alias-tables';
import type { Matcher } from '../core/match/matcher';
import { textReader } from '../dom/read-text';
import type { TextReader } from '../dom/scan-steps';
import type { PackedIndex } from '../core/registry/pack';
import { aliasTables, loadMatcher, packedIndexOf, type Sites } from './load-index';

/** The text reader over the index's aliases and these sites; its matcher is made on the first read. */
export function makeTextReader(sites: Sites): TextReader {
  const checkedTables = aliasTables(tables);
  let matcher: Matcher | undefined;
  return textReader(() => (matcher ??= loadMatcher(checkedTables, sites)));
}

/** The whole index as the reader sees it, over these sites (the build's tests compare it with the registry's). */
export function shippedIndex(sites: Sites): PackedIndex {
  return packedIndexOf(aliasTables(tables), sites);
}
