/**
 * Official accounts on the platforms, read from a link's address. A link to x.com/RT_com/status/1 is a link to
 * RT's account; x.com/RT_comfan is not: the platform is known by its host, and the account by the path's first
 * segment (YouTube's "channel/…", "c/…" and "user/…" by their first two), compared exactly, with each
 * platform's case rule. Pure: the import (handles from the matrix's profile links), the compiler (the index's
 * keys) and the page (its links) all read addresses with this one function, so they always agree.
 */
import { PLATFORMS, type Platform } from '../registry/platforms';

/** The platforms' hosts, "www." removed; mobile and alternative hosts lead to the same accounts. */
const PLATFORM_HOSTS: Readonly<Record<string, Platform>> = {
  'x.com': 'x', 'twitter.com': 'x', 'mobile.twitter.com': 'x', 'mobile.x.com': 'x', 'm.twitter.com': 'x',
  'youtube.com': 'youtube', 'm.youtube.com': 'youtube',
  't.me': 'telegram', 'telegram.me': 'telegram',
  'facebook.com': 'facebook', 'm.facebook.com': 'facebook', 'web.facebook.com': 'facebook', 'mbasic.facebook.com': 'facebook',
  'touch.facebook.com': 'facebook', 'fb.com': 'facebook',
  'instagram.com': 'instagram', 'm.instagram.com': 'instagram',
  'vk.com': 'vk', 'm.vk.com': 'vk',
  'tiktok.com': 'tiktok', 'm.tiktok.com': 'tiktok',
};

/**
 * First segments that are the platform's own pages, never an account (so that an import never takes
 * "twitter.com/intent/…" for a handle, whatever the matrix holds).
 */
const RESERVED: Readonly<Record<Platform, ReadonlySet<string>>> = {
  x: new Set(['home', 'explore', 'search', 'i', 'intent', 'share', 'hashtag', 'settings', 'messages', 'notifications', 'login', 'signup', 'tos', 'privacy', 'compose']),
  youtube: new Set(['watch', 'results', 'feed', 'shorts', 'playlist', 'embed', 'redirect', 'live', 'hashtag', 'account', 'premium', 'gaming', 'signin']),
  telegram: new Set(['joinchat', 'addstickers', 'addemoji', 'share', 'proxy', 'socks', 'login', 'iv', 'setlanguage']),
  facebook: new Set(['sharer', 'sharer.php', 'share', 'share.php', 'dialog', 'login', 'login.php', 'watch', 'groups', 'events', 'hashtag', 'story.php', 'permalink.php', 'photo.php', 'photo', 'photos', 'plugins', 'tr', 'l.php', 'help', 'policies', 'privacy']),
  instagram: new Set(['p', 'reel', 'reels', 'explore', 'accounts', 'tv', 'direct', 'about', 'legal']),
  vk: new Set(['feed', 'im', 'search', 'share.php', 'away.php', 'video', 'audio', 'wall', 'photo', 'login', 'settings']),
  tiktok: new Set(),
};

export interface AccountLink {
  platform: Platform;
  /** The handle as the address writes it ("RT_com", "@CGTN", "channel/UC…"). */
  handle: string;
  /** The key the index is looked up by: platform and handle, folded to lower case where the platform ignores case. */
  key: string;
}

/** The platform a host belongs to ("www." and a final dot ignored), or null. */
export function platformOf(hostname: string): Platform | null {
  const host = hostname.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  return Object.hasOwn(PLATFORM_HOSTS, host) ? PLATFORM_HOSTS[host] : null;
}

/** The index key of an account: YouTube's channel ids are compared exactly, every other handle without case. */
export function accountKey(platform: Platform, handle: string): string {
  return `${platform}:${platform === 'youtube' && handle.startsWith('channel/') ? handle : handle.toLowerCase()}`;
}

/** A path segment decoded (undefined when its escapes are broken); most have none to decode. */
function segment(text: string): string | undefined {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The handle a path (and query) on a platform names, or null: "/RT_com/status/1" → "RT_com". */
export function handleOf(platform: Platform, pathname: string, search = ''): string | null {
  // (The segments after the third never name the account.)
  const parts = pathname.split('/', 6).filter(Boolean).slice(0, 4).map(segment);
  if (parts.some((p) => p === undefined)) return null;
  const [first, second] = parts as string[];
  if (first === undefined) return null;
  let handle: string | undefined = first;
  if (platform === 'youtube') {
    if (first === 'channel' || first === 'c' || first === 'user') handle = second === undefined ? undefined : `${first}/${second}`;
    else if (!first.startsWith('@') && !RESERVED.youtube.has(first.toLowerCase())) handle = `c/${first}`;
  } else if (platform === 'telegram' && first === 's') {
    handle = second;
  } else if (platform === 'facebook' && first === 'profile.php') {
    // A page without a name is its number, which facebook.com/<number> shows too.
    handle = /(?:^|[?&])id=(\d{5,20})(?:&|$)/.exec(search)?.[1];
  } else if (platform === 'facebook' && first === 'pages') {
    handle = parts.slice(1).find((p) => /^\d{5,20}$/.test(p!));
  } else if (platform === 'instagram' && first === 'stories') {
    handle = second;
  }
  if (handle === undefined || RESERVED[platform].has(handle.toLowerCase())) return null;
  return PLATFORMS[platform].test(handle) ? handle : null;
}

/**
 * The account a link leads to, or null (not a platform, or a page of the platform that is no account).
 * url: an absolute address, or what a parsed link already holds (HTMLAnchorElement, URL).
 */
export function accountOf(url: string | { hostname: string; pathname: string; search: string; protocol: string }): AccountLink | null {
  let parsed: { hostname: string; pathname: string; search: string; protocol: string };
  if (typeof url === 'string') {
    try {
      parsed = new URL(url.trim());
    } catch {
      return null;
    }
  } else parsed = url;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const platform = platformOf(parsed.hostname);
  if (!platform) return null;
  const handle = handleOf(platform, parsed.pathname, parsed.search);
  return handle === null ? null : { platform, handle, key: accountKey(platform, handle) };
}

/** Where each platform's account pages are. */
const ACCOUNT_PAGES: Readonly<Record<Platform, string>> = {
  x: 'https://x.com/', youtube: 'https://www.youtube.com/', telegram: 'https://t.me/', facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/', vk: 'https://vk.com/', tiktok: 'https://www.tiktok.com/',
};

/** The address of an account's page, for the card's links. */
export function accountUrl(platform: Platform, handle: string): string {
  return ACCOUNT_PAGES[platform] + encodeURI(handle);
}
