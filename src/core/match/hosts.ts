/**
 * Host lookup at label boundaries: a host belongs to an outlet when it equals one of its hosts or is a
 * subdomain of one (news.rt.com → rt.com). evil-rt.com and rt.com.example.net do not.
 */
export class HostIndex {
  private readonly hosts: Map<string, number>;

  constructor(entries: ReadonlyArray<readonly [string, number]>) {
    this.hosts = new Map(entries);
  }

  /** The outlet index for a host name, or -1. */
  lookup(hostname: string): number {
    let host = hostname.toLowerCase().replace(/\.$/, '');
    for (;;) {
      const hit = this.hosts.get(host);
      if (hit !== undefined) return hit;
      const dot = host.indexOf('.');
      if (dot < 0) return -1;
      host = host.slice(dot + 1);
      // A bare top-level label is never an outlet's host.
      if (!host.includes('.')) return -1;
    }
  }
}
