/**
 * The matcher index ships deflated in the content script (it is most of the script's size) and is inflated
 * once per page with the browser's DecompressionStream: a few milliseconds, no network.
 */
import type { PackedIndex } from '../core/registry/pack';

export async function inflateIndex(compressed: { v: number; z: string }): Promise<PackedIndex> {
  const bytes = Uint8Array.from(atob(compressed.z), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const packed = JSON.parse(await new Response(stream).text()) as PackedIndex;
  if (packed.v !== compressed.v) throw new Error(`StateLens: matcher index version ${packed.v}, expected ${compressed.v}`);
  return packed;
}
