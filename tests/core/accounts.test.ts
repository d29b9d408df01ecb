import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accountOf, accountUrl, handleOf } from '../../src/core/match/accounts';
import type { Platform } from '../../src/core/registry/platforms';
import { LinkIndex } from '../../src/core/match/links';
import { realRegistry } from '../helpers/registry';

/** A small index: RT's site and accounts, CGTN's YouTube handle and channel id, a Telegram channel. */
const index = LinkIndex.of({
  hosts: [['rt.com', 0]],
  accounts: [
    ['x:rt_com', 0], ['youtube:@cgtn', 1], ['youtube:channel/UCgrNz-aDmcr2uuto8_DL2jg', 1], ['telegram:rian_ru', 2],
    ['facebook:rtnews', 0], ['instagram:rt', 0], ['vk:rt_russian', 0], ['tiktok:@rt_com', 0], ['youtube:c/rt', 0], ['facebook:123456789', 3],
  ],
});
const at = (url: string) => index.lookupLink(new URL(url));

describe('accounts on the platforms', () => {
  it('matches the handle in the path\'s first segment, whatever follows it', () => {
    expect(at('https://x.com/RT_com')).toBe(0);
    expect(at('https://x.com/RT_com/status/1')).toBe(0);
    expect(at('https://twitter.com/rt_com/with_replies')).toBe(0);
    expect(at('https://x.com/RT_com?lang=en')).toBe(0);
    expect(at('https://x.com/RT_com#top')).toBe(0);
  });

  it('does not match a look-alike handle', () => {
    expect(at('https://x.com/RT_comfan')).toBe(-1);
    expect(at('https://x.com/RT_co')).toBe(-1);
    expect(at('https://x.com/search?q=RT_com')).toBe(-1);
    expect(at('https://x.com/intent/follow?screen_name=RT_com')).toBe(-1);
    expect(at('https://x.com/')).toBe(-1);
    expect(at('https://youtube.com/@CGTNfan')).toBe(-1);
    expect(at('https://t.me/rian_ru_bot')).toBe(-1);
  });

  it('reads the mobile and alternative hosts of each platform', () => {
    expect(at('https://mobile.twitter.com/RT_com')).toBe(0);
    expect(at('https://mobile.x.com/RT_com')).toBe(0);
    expect(at('https://www.twitter.com/RT_com')).toBe(0);
    expect(at('https://m.youtube.com/@cgtn/videos')).toBe(1);
    expect(at('https://telegram.me/rian_ru')).toBe(2);
    expect(at('https://m.facebook.com/RTnews/posts/1')).toBe(0);
    expect(at('https://m.vk.com/rt_russian')).toBe(0);
  });

  it('follows each platform\'s forms: YouTube channel ids exactly, Telegram previews, TikTok @, Facebook ids', () => {
    expect(at('https://www.youtube.com/channel/UCgrNz-aDmcr2uuto8_DL2jg')).toBe(1);
    // Channel ids are case-sensitive; handles are not.
    expect(at('https://www.youtube.com/channel/UCGRNZ-ADMCR2UUTO8_DL2JG')).toBe(-1);
    expect(at('https://www.youtube.com/@CGTN')).toBe(1);
    expect(at('https://www.youtube.com/c/RT')).toBe(0);
    expect(at('https://www.youtube.com/RT')).toBe(0);
    expect(at('https://www.youtube.com/watch?v=abc')).toBe(-1);
    expect(at('https://t.me/s/rian_ru')).toBe(2);
    expect(at('https://t.me/rian_ru/12345')).toBe(2);
    expect(at('https://www.tiktok.com/@rt_com/video/1')).toBe(0);
    expect(at('https://www.tiktok.com/rt_com')).toBe(-1);
    expect(at('https://www.facebook.com/profile.php?id=123456789')).toBe(3);
    expect(at('https://www.facebook.com/pages/Some-Name/123456789')).toBe(3);
    expect(at('https://www.facebook.com/sharer/sharer.php?u=https://rt.com')).toBe(-1);
    expect(at('https://www.instagram.com/rt/')).toBe(0);
    expect(at('https://www.instagram.com/p/rt/')).toBe(-1);
  });

  it('takes the host without case and a final dot, and punycode as the browser writes it', () => {
    expect(at('https://X.COM/rt_com')).toBe(0);
    expect(index.lookupLink({ protocol: 'https:', hostname: 'x.com.', pathname: '/RT_com', search: '' })).toBe(0);
    expect(at('https://xn--x-com-9ra.example/RT_com')).toBe(-1);
    // A platform's host is never an outlet's site, and a site's path is not read.
    expect(at('https://rt.com/news/1')).toBe(0);
    expect(at('https://x.com.rt.com.evil.example/RT_com')).toBe(-1);
  });

  it('gives nothing for addresses that are not http(s) or not whole', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'mailto:a@x.com', 'x.com/RT_com', '/RT_com', '', 'https://', 'https://x.com/%E0%A4%A']) {
      expect(accountOf(bad), bad).toBeNull();
    }
    expect(index.lookupLink({ protocol: 'javascript:', hostname: '', pathname: 'alert(1)', search: '' })).toBe(-1);
  });

  it('never throws, on any address', () => {
    fc.assert(fc.property(fc.string(), fc.webUrl(), (text, url) => {
      accountOf(text);
      accountOf(url);
      handleOf('youtube', text);
      return true;
    }));
  });

  it('the registry\'s accounts are found from their own addresses (RIA Novosti on X, Telegram and VK)', () => {
    const { registry } = realRegistry();
    const links = LinkIndex.of(registry.index);
    const ria = registry.index.outlets.findIndex(([id]) => id === 'ria-novosti');
    expect(ria).toBeGreaterThanOrEqual(0);
    expect(links.lookupLink(new URL('https://x.com/ria_novosti/status/1'))).toBe(ria);
    expect(links.lookupLink(new URL('https://vk.com/ria'))).toBe(ria);
    expect(links.lookupLink(new URL('https://x.com/ria_novostifan'))).toBe(-1);
    // Every account in the index answers to its own page's address.
    for (const [key, outlet] of registry.index.accounts) {
      const [platform, handle] = [key.slice(0, key.indexOf(':')) as Platform, key.slice(key.indexOf(':') + 1)];
      expect(links.lookupLink(new URL(accountUrl(platform, handle))), key).toBe(outlet);
    }
    expect(registry.index.accounts.length).toBeGreaterThan(700);
  });
});
