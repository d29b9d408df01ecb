import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z85Decode } from '../../src/content/load-index';
// @ts-expect-error: plain JavaScript module used by build.mjs
import { z85Encode } from '../../scripts/z85.mjs';

describe('Z85, the encoding of the index in the content script', () => {
  it('decodes what it encodes, for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(z85Decode(z85Encode(bytes), bytes.length)).toEqual(bytes);
    }), { numRuns: 500 });
  });

  it('uses no character that a JavaScript string would escape', () => {
    expect(z85Encode(Uint8Array.from({ length: 256 }, (_, i) => i))).not.toMatch(/["'\\\n`]/);
  });
});
