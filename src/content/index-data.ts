/**
 * index.js: the registry's index for the content script, which the manifest runs just before content.js in
 * the same isolated world (the page cannot see it). Data only: see load-index.ts.
 */
import tables from 'statelens:index-tables';

(globalThis as { statelensIndex?: unknown }).statelensIndex = tables;
