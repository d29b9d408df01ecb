/**
 * Host lookup at label boundaries: a host belongs to an outlet when it equals one of its hosts or is a
 * subdomain of one (news.rt.com → rt.com). evil-rt.com and rt.com.example.net do not.
 * Hosts are kept written backwards ("moc.tr"), as the packed index stores them: a host's parent domains are
 * then its prefixes, and loading the index reverses nothing.
 */
import { familyAt } from '../registry/pack';

export class HostIndex {
  /** table: outlet index by host written backwards (the packed index's h), used as it is. */
  readonly #table: Readonly<Record<string, number>>;
  /** families: the packed index's f (outlet → its family's first outlet), for outlets in a family. */
  readonly #families: Readonly<Record<string, number>>;

  constructor(table: Readonly<Record<string, number>>, families: Readonly<Record<string, number>> = {}) {
    this.#table = table;
    this.#families = families;
  }

  /** From [host, outlet] pairs, and [outlet, family] pairs. */
  static of(entries: Iterable<readonly [string, number]>, families: Iterable<readonly [number, number]> = []): HostIndex {
    const table: Record<string, number> = Object.create(null);
    for (const [host, outlet] of entries) table[backwards(host)] = outlet;
    const family: Record<string, number> = Object.create(null);
    for (const [outlet, first] of families) family[outlet] = first;
    return new HostIndex(table, family);
  }

  /**
   * On the site of outlet `site` (-1: no outlet's), is a link to `outlet` the site's own navigation: the outlet
   * itself or one of its family (its group or company: Xinhua's xinhuanet.com and news.cn)?
   */
  isNavigation(site: number, outlet: number): boolean {
    return site >= 0 && (outlet === site || familyAt(this.#families, outlet) === familyAt(this.#families, site));
  }

  /** The outlet index for a host name, or -1. */
  lookup(hostname: string): number {
    const host = backwards(hostname.toLowerCase().replace(/\.$/, ''));
    // The host itself, then each parent domain; a bare top-level label is never an outlet's host.
    for (let end = host.length; end > 0; end = host.lastIndexOf('.', end - 1)) {
      const domain = host.slice(0, end);
      if (!domain.includes('.')) return -1;
      // (A number, never an inherited property.)
      const hit = this.#table[domain];
      if (typeof hit === 'number') return hit;
    }
    return -1;
  }
}

function backwards(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}
