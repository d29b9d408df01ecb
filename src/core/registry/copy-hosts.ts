/**
 * Sources must be the original pages. src/data/copy-hosts.json lists hosts that serve copies of other sites'
 * pages (Wikipedia mirrors, web proxies, republishers) and archives, each with the reason; the compile rejects
 * a `source` on one of them (or on a subdomain) and tells the author to cite the original and name the copy
 * read in `via`. A host name ending in a dot ("en.wikipedia.org.") is rejected too: it is the same site written
 * two ways, which would hide it from this list and from the count of source hosts.
 */
import * as v from 'valibot';
import { RegistryError } from './errors';
import { host, type CuratedOutlet } from './schema';

export const CopyHostSchema = v.strictObject({
  /** Lower-case host; its subdomains are covered too ("bardy.io" covers "x.p.bardy.io"). */
  host,
  /** mirror: copies of one site's pages; proxy: serves any page asked for; copy: republishes other pages; archive: snapshots. */
  kind: v.picklist(['mirror', 'proxy', 'copy', 'archive']),
  reason: v.pipe(v.string(), v.trim(), v.nonEmpty('must say what the host copies')),
  /** The page read to confirm what the host serves. */
  checked: v.pipe(v.string(), v.url('must be a URL')),
});
export const CopyHostsFileSchema = v.strictObject({ about: v.string(), hosts: v.array(CopyHostSchema) });
export type CopyHost = v.InferOutput<typeof CopyHostSchema>;

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The listed copy host that serves this URL, if any. */
export function copyHostOf(url: string, hosts: readonly CopyHost[]): CopyHost | undefined {
  const hostname = hostnameOf(url).replace(/\.$/, '');
  return hosts.find((h) => hostname === h.host || hostname.endsWith(`.${h.host}`));
}

/** Why this URL may not be a source, or null when it may. */
export function sourceProblem(url: string, hosts: readonly CopyHost[]): string | null {
  const hostname = hostnameOf(url);
  if (hostname.endsWith('.')) return `host "${hostname}" ends with a dot: write it without ("${hostname.slice(0, -1)}")`;
  const copy = copyHostOf(url, hosts);
  if (!copy) return null;
  return copy.kind === 'archive'
    ? `"${hostname}" is an archive (${copy.reason}): cite the archived original page in "source" and put the archive's URL in "via"`
    : `"${hostname}" serves copies of other sites' pages (${copy.reason}): cite the original page in "source" and put the copy read in "via"`;
}

/** Fails on the first evidence source (or classifiedBy source) of a profile that is a copy, or a `via` with a trailing dot. */
export function checkSources(profile: CuratedOutlet, file: string, hosts: readonly CopyHost[]): void {
  if (profile.classifiedBy) {
    const problem = sourceProblem(profile.classifiedBy.source, hosts);
    if (problem) throw new RegistryError(file, profile.id, 'classifiedBy.source', problem);
  }
  profile.evidence.forEach((item, i) => {
    const problem = sourceProblem(item.source, hosts);
    if (problem) throw new RegistryError(file, profile.id, `evidence.${i}.source`, problem);
    if (item.via && hostnameOf(item.via).endsWith('.')) {
      throw new RegistryError(file, profile.id, `evidence.${i}.via`, `host "${hostnameOf(item.via)}" ends with a dot: write it without`);
    }
  });
}
