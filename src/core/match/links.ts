/**
 * What a link leads to: an outlet's site or one of its official accounts on a platform.
 *
 * Sites: host lookup at label boundaries: a host belongs to an outlet when it equals one of its hosts or is a
 * subdomain of one (news.rt.com → rt.com). evil-rt.com and rt.com.example.net do not. Hosts are kept written
 * backwards ("moc.tr"), as the packed index stores them: a host's parent domains are then its prefixes, and
 * loading the index reverses nothing.
 *
 * Accounts: on a platform's host (x.com, youtube.com, t.me...), the path's first segment is the account
 * (see accounts.ts): x.com/RT_com/status/1 is RT's, x.com/RT_comfan nobody's. A platform is never an outlet.
 */
import { familyAt } from '../registry/pack';
import type { MatcherIndex } from '../registry/types';
import { accountKey, handleOf, platformOf } from './accounts';
import type { Platform } from '../registry/platforms';

/** What a parsed link or a page's location holds (HTMLAnchorElement, URL, Location). */
export interface LinkAddress {
  protocol: string;
  hostname: string;
  pathname: string;
  search: string;
}

/**
 * First segments after which another segment names the account (Telegram's "s/<name>", Instagram's
 * "stories/<name>"); YouTube ("channel/", "c/", a bare name) and Facebook ("pages/", "profile.php") always go
 * through the rules.
 */
const MAY_NAME_LATER = new Set(['s', 'stories']);

type Table = Readonly<Record<string, number>>;

/** Outlet index by host written backwards; by account key; for outlets in a family, the family's first outlet. */
export interface LinkTables {
  readonly hosts: Table;
  readonly accounts?: Table;
  readonly families?: Table;
}

export class LinkIndex {
  /**
   * The packed index's tables (see pack.ts), used as they are and read when first needed (the content script
   * parses each on first read: most pages never ask for the accounts or the families).
   */
  readonly #tables: LinkTables;

  constructor(tables: LinkTables) {
    this.#tables = tables;
  }

  get #hosts(): Table {
    return this.#tables.hosts;
  }

  get #accounts(): Table {
    return this.#tables.accounts ?? {};
  }

  get #families(): Table {
    return this.#tables.families ?? {};
  }

  /** From the compiled index's lists (the CLI's and the tests' way in). */
  static of(index: Pick<MatcherIndex, 'hosts'> & Partial<Pick<MatcherIndex, 'accounts' | 'families'>>): LinkIndex {
    const hosts: Record<string, number> = Object.create(null);
    for (const [host, outlet] of index.hosts) hosts[backwards(host)] = outlet;
    const accounts: Record<string, number> = Object.create(null);
    for (const [key, outlet] of index.accounts ?? []) accounts[key] = outlet;
    const families: Record<string, number> = Object.create(null);
    for (const [outlet, first] of index.families ?? []) families[outlet] = first;
    return new LinkIndex({ hosts, accounts, families });
  }

  /**
   * On the site of outlet `site` (-1: no outlet's), is a link to `outlet` the site's own navigation: the outlet
   * itself or one of its family (its group or company: Xinhua's xinhuanet.com and news.cn)?
   */
  isNavigation(site: number, outlet: number): boolean {
    return site >= 0 && (outlet === site || familyAt(this.#families, outlet) === familyAt(this.#families, site));
  }

  /** The platform whose host this is (the path, not the host, then says whose page it is), or null. */
  platformOf(hostname: string): Platform | null {
    return platformOf(hostname);
  }

  /** The outlet an http(s) address leads to (its site, or its account on a platform), or -1. */
  lookupLink(link: LinkAddress): number {
    if (link.protocol !== 'https:' && link.protocol !== 'http:') return -1;
    const platform = platformOf(link.hostname);
    return platform ? this.lookupAccount(platform, link.pathname, link.search) : this.lookupHost(link.hostname);
  }

  /** The outlet whose account a path on a platform is ("/RT_com/status/1" on X), or -1. */
  lookupAccount(platform: Platform, pathname: string, search = ''): number {
    // Most links on a platform lead to an account the registry does not know: the path's first segment, as
    // it is, is looked up first (a hit is a handle the registry checked), and the rules read only the rest.
    const slash = pathname.indexOf('/', 1);
    const first = pathname.slice(1, slash < 0 ? undefined : slash);
    const direct = this.#accounts[accountKey(platform, first)];
    if (typeof direct === 'number' && !first.includes('%')) return direct;
    if (!first || (!MAY_NAME_LATER.has(first) && platform !== 'youtube' && platform !== 'facebook')) return -1;
    const handle = handleOf(platform, pathname, search);
    if (handle === null) return -1;
    const hit = this.#accounts[accountKey(platform, handle)];
    return typeof hit === 'number' ? hit : -1;
  }

  /** The outlet index for a host name (not a platform's: see lookupLink), or -1. */
  lookupHost(hostname: string): number {
    const host = backwards(hostname.toLowerCase().replace(/\.$/, ''));
    // The host itself, then each parent domain; a bare top-level label is never an outlet's host.
    for (let end = host.length; end > 0; end = host.lastIndexOf('.', end - 1)) {
      const domain = host.slice(0, end);
      if (!domain.includes('.')) return -1;
      // (A number, never an inherited property.)
      const hit = this.#hosts[domain];
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
