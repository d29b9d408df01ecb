/**
 * The matcher index ships deflated in the content script (it is most of the script's size), encoded in Z85
 * (4 bytes in 5 characters), and is inflated once per page with the browser's DecompressionStream: a few
 * milliseconds, no network.
 */
import type { PackedIndex } from '../core/registry/pack';

const Z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';

export function z85Decode(text: string, length: number): Uint8Array<ArrayBuffer> {
  const value = new Map<string, number>([...Z85].map((c, i) => [c, i]));
  const out = new Uint8Array(new ArrayBuffer((text.length / 5) * 4));
  for (let i = 0, o = 0; i < text.length; i += 5, o += 4) {
    let n = 0;
    for (let k = 0; k < 5; k++) n = n * 85 + value.get(text[i + k])!;
    out[o] = n >>> 24;
    out[o + 1] = (n >>> 16) & 255;
    out[o + 2] = (n >>> 8) & 255;
    out[o + 3] = n & 255;
  }
  return out.subarray(0, length);
}

export async function inflateIndex(compressed: { v: number; z: string; n: number }): Promise<PackedIndex> {
  const stream = new Blob([z85Decode(compressed.z, compressed.n)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const packed = JSON.parse(await new Response(stream).text()) as PackedIndex;
  if (packed.v !== compressed.v) throw new Error(`StateLens: matcher index version ${packed.v}, expected ${compressed.v}`);
  return packed;
}
