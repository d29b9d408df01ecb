import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainAddress } from '../../src/dom/scan-page';

describe('a link\'s address read as written (plainAddress)', () => {
  it('reads what the URL parser reads, wherever it reads anything', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.boolean(), (url, upper) => {
      const href = upper ? url.toUpperCase() : url;
      const plain = plainAddress(href);
      if (!plain) return true;
      const parsed = new URL(href);
      // The parser normalises the path ("/a/../b", "%7e"): only what decides the outlet must agree.
      expect({ protocol: plain.protocol, hostname: plain.hostname.replace(/\.$/, '') }).toEqual({ protocol: parsed.protocol, hostname: parsed.hostname.replace(/\.$/, '') });
      return true;
    }), { numRuns: 2000 });
  });

  it('leaves every other form to the browser\'s parse', () => {
    for (const href of ['/relative', '//x.com/RT_com', 'https://user@x.com/RT_com', 'https://x.com\\RT_com', 'https://exämple.com/', 'javascript:x', 'data:text/html,x', 'https://x.com/a b']) {
      expect(plainAddress(href), href).toBeNull();
    }
    expect(plainAddress(' https://X.com:443/RT_com/status/1?s=20#top ')).toEqual({ protocol: 'https:', hostname: 'x.com', pathname: '/RT_com/status/1', search: '?s=20' });
    expect(plainAddress('http://t.me')).toEqual({ protocol: 'http:', hostname: 't.me', pathname: '/', search: '' });
  });
});
