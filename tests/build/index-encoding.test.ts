/**
 * The content script's copy of the index: two parts, deflated and base64-encoded by the build, inflated at
 * page load. What comes out must be the packed index itself. (Node 20 has no Uint8Array.fromBase64, which the
 * browsers the manifests ask for have: here Node's own base64 decoder stands in for it; the browsers' e2e tests
 * run the native one.)
 */
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflateIndex, inflateSites } from '../../src/content/load-index';
import { Matcher } from '../../src/core/match/matcher';
import { PACKED_VERSION, packIndex } from '../../src/core/registry/pack';
import { realRegistry } from '../helpers/registry';

const part = (value: unknown) => deflateRawSync(Buffer.from(JSON.stringify(value)), { level: 9 }).toString('base64');

type WithBase64 = { fromBase64?: (text: string) => Uint8Array };
const native = (Uint8Array as WithBase64).fromBase64;

describe('the index as the content script ships it', () => {
  beforeAll(() => {
    (Uint8Array as WithBase64).fromBase64 ??= (text) => new Uint8Array(Buffer.from(text, 'base64'));
  });
  afterAll(() => {
    (Uint8Array as WithBase64).fromBase64 = native;
  });

  it('inflates to the packed index, whose tables the matcher uses as they are', async () => {
    const packed = packIndex(realRegistry().registry.index);
    const { v, a, r, ...sites } = packed;
    const compressed = { v, sites: part(sites), aliases: part({ a, r }) };
    expect(await inflateSites(compressed)).toEqual({ v, ...sites });
    const inflated = await inflateIndex(compressed);
    expect(inflated).toEqual(packed);
    const text = 'Syrian Arab News Agency (SANA) reported it, Xinhua said.';
    expect(new Matcher(inflated).find(text).map((h) => text.slice(h.start, h.end))).toEqual(['Syrian Arab News Agency', 'SANA', 'Xinhua']);
  });

  it('fails loudly on a part that is not what the build writes', async () => {
    await expect(inflateSites({ v: 3, sites: Buffer.from('not deflated').toString('base64'), aliases: '' })).rejects.toThrow();
    expect(() => new Matcher({ v: 2 } as never)).toThrow(`matcher index version 2, expected ${PACKED_VERSION}`);
  });
});
