/**
 * index.js: the sites part of the registry's index for the content script (what every page needs for its
 * links), which the manifest runs just before content.js in the same isolated world (the page cannot see it).
 * Data only: see load-index.ts. The aliases ship in reader.js.
 */
import tables from 'statelens:site-tables';

(globalThis as { statelensIndex?: unknown }).statelensIndex = tables;
