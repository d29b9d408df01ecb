/**
 * The text reader, loaded on first need: reader-part.ts, built as reader.js, imported once, its reader made
 * over the sites part of the index that content.js holds. Until then a page has none (now() is null).
 */
import type { TextReader } from '../dom/scan-steps';
import type { Sites } from './load-index';
import { checkPart, once } from './parts';
import type * as Part from './reader-part';

export type ReaderPart = typeof Part;

/** The text reader's file, in the extension (web-accessible: a content script can import only such a file). */
export const READER_PART_FILE = 'reader.js';

export function checkReaderPart(module: unknown): ReaderPart {
  return checkPart<ReaderPart>(READER_PART_FILE, module, ['makeTextReader', 'shippedIndex']);
}

export class LazyReader {
  #reader: TextReader | null = null;
  readonly #load: () => Promise<TextReader>;

  /** load: imports reader.js. */
  constructor(sites: Sites, load: () => Promise<unknown>) {
    this.#load = once(() => load().then(checkReaderPart).then((part) => (this.#reader = part.makeTextReader(sites))));
  }

  /** The reader: at once once loaded, else its loading (loaded once; a failed load is tried again on the next call). */
  get(): TextReader | Promise<TextReader> {
    return this.#reader ?? this.#load();
  }

  /** The reader if it is loaded, else null. */
  now(): TextReader | null {
    return this.#reader;
  }
}
