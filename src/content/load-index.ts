/**
 * The matcher index ships deflated and base64-encoded in the content script (it is most of the script's
 * size), in two parts: the sites, which every page needs for its links, and the aliases, needed only where the
 * page's text is read. Loading a part is native code from end to end, so that it costs about a millisecond even
 * in a page's first, cold run: base64 (Uint8Array.fromBase64), inflating (DecompressionStream) and JSON.parse,
 * whose objects are the index's lookup tables as they are (see src/core/registry/pack.ts). No network.
 */
import { installContextWords } from '../core/match/context-words';
import { Matcher } from '../core/match/matcher';
import type { PackedIndex } from '../core/registry/pack';

type Compressed = { v: number; sites: string; aliases: string };
export type Sites = Pick<PackedIndex, 'v' | 't' | 'c' | 'h' | 's' | 'f'>;

/** Uint8Array.fromBase64: Chrome 140 and Firefox 133 have it (the manifests ask for those versions or later). */
type WithBase64 = { fromBase64: (text: string) => Uint8Array<ArrayBuffer> };

async function inflate<T>(base64: string): Promise<T> {
  // From a Response's body, read chunk by chunk: a Blob's stream took 5 to 25 ms more in Chromium; in a
  // Firefox content script, the stream's writer refuses the script's own bytes and a Response over the
  // inflated stream aborts.
  const reader = new Response((Uint8Array as unknown as WithBase64).fromBase64(base64)).body!.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
  return JSON.parse(text + decoder.decode()) as T;
}

/** The sites part: categories, countries, hosts, accounts and families (what a page whose text is not read needs). */
export async function inflateSites(compressed: Compressed): Promise<Sites> {
  return { ...(await inflate<Omit<Sites, 'v'>>(compressed.sites)), v: compressed.v as PackedIndex['v'] };
}

/** The whole index: the sites and the aliases with the context rules' word lists. */
export async function inflateIndex(compressed: Compressed, sites?: Sites): Promise<PackedIndex> {
  const [base, aliases] = await Promise.all([sites ?? inflateSites(compressed), inflate<Pick<PackedIndex, 'a' | 'r' | 'w'>>(compressed.aliases)]);
  return { ...base, ...aliases };
}

/**
 * The matcher, from the aliases part: its context words (which the build keyed) installed first.
 * inflated: called once the part is inflated (the benchmark times the two steps apart).
 */
export async function loadMatcher(compressed: Compressed, sites: Sites, inflated?: () => void): Promise<Matcher> {
  const index = await inflateIndex(compressed, sites);
  inflated?.();
  installContextWords(index.w, true);
  const matcher = new Matcher(index);
  // Ready means ready to scan: the prefilter's tables are built here, not in the page's first scan.
  void matcher.prefilter;
  return matcher;
}
