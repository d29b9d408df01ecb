/**
 * The text reader, loaded on first need (reader.js): once, however many ask; at once after that; tried again
 * after a failed load; a reader.js without what the content script uses fails by name.
 */
import { describe, expect, it } from 'vitest';
import { checkReaderPart, LazyReader } from '../../src/content/reader-loader';
import type { Sites } from '../../src/content/load-index';
import { PACKED_VERSION } from '../../src/core/registry/pack';
import { textReader } from '../../src/dom/read-text';
import { realRegistry } from '../helpers/registry';

const { matcher } = realRegistry();
/** The content script's sites part (a stand-in: only its identity matters here). */
const sites = { version: PACKED_VERSION } as Sites;

/** A reader.js stand-in: makes a reader over the tests' matcher, and says over which sites. */
function part(made: Sites[]) {
  return {
    makeTextReader: (s: Sites) => {
      made.push(s);
      return textReader(matcher);
    },
    shippedIndex: () => null,
  };
}

describe('the text reader, loaded on first need', () => {
  it('loads its code once, however many ask at once, over the content script\'s sites; then gives it at once', async () => {
    let loads = 0;
    const made: Sites[] = [];
    const reader = new LazyReader(sites, async () => {
      loads++;
      return part(made);
    });
    expect(reader.now()).toBeNull();
    const [a, b] = await Promise.all([reader.get(), reader.get()]);
    expect(a).toBe(b);
    expect(reader.get()).toBe(a);
    expect(reader.now()).toBe(a);
    expect(loads).toBe(1);
    expect(made).toEqual([sites]);
  });

  it('a failed load is reported and tried again on the next call', async () => {
    let loads = 0;
    const reader = new LazyReader(sites, async () => {
      if (++loads === 1) throw new Error('offline');
      return part([]);
    });
    await expect(reader.get()).rejects.toThrow('offline');
    expect(reader.now()).toBeNull();
    await expect(reader.get()).resolves.toHaveProperty('readSteps');
    expect(loads).toBe(2);
  });

  it('a reader.js without the exports the content script uses fails loudly, naming them', async () => {
    expect(() => checkReaderPart({})).toThrow('reader.js does not export makeTextReader, shippedIndex');
    await expect(Promise.resolve(new LazyReader(sites, async () => ({ makeTextReader: () => null })).get())).rejects.toThrow('reader.js does not export shippedIndex');
  });
});
