import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Outlet } from '../../src/core/registry/types';
import { computePosition, type Platform } from '@floating-ui/core';
import { cardPlacement, onCardActions, renderCard } from '../../src/dom/card';
import fc from 'fast-check';
import { realRegistry } from '../helpers/registry';

const { registry } = realRegistry();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const doc = () => new JSDOM('<!doctype html><body></body>').window.document;
/** Messages as keys with their substitutions, so the test sees what would be shown. */
const t = (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])].join(' ');

function minimal(over: Partial<Outlet> = {}): Outlet {
  return {
    id: 'x', name: 'Example Outlet', names: {}, aliases: [], kind: null, country: 'ZZ', parent: null, company: null,
    hosts: [], mirrors: [], domain: null, status: 'active', statusDate: null, accounts: [], typology: null, typologyUncertain: false,
    classifiedBy: { name: 'Someone', source: 'https://example.org/' }, founded: null, control: [], designations: [],
    ratings: [], evidence: [], origin: ['imported'], ...over,
  };
}

describe('the card', () => {
  it('renders an outlet with no optional fields without gaps, "undefined" or "null"', () => {
    const card = renderCard(doc(), { outlet: minimal(), citationsHere: 1, attributedSentences: null, share: null, published: null, locale: 'en' }, t);
    expect(card.textContent).not.toMatch(/undefined|null|NaN/);
    expect(card.querySelector('.evidence')).toBeNull();
    expect(card.querySelector('.marks')).toBeNull();
    expect(card.textContent).toContain('typologyUnknown');
  });

  it('inserts outlet strings as text, never as markup', () => {
    const evil = '<img src=x onerror=alert(1)><b>bold</b>';
    const outlet = minimal({
      name: evil, names: { ar: evil }, company: evil, typology: 'SC',
      control: [{ controller: evil, note: evil }],
      evidence: [{ claim: evil, source: 'https://example.org/', read: '2026-11-25', supports: ['control.0'] }],
    });
    const card = renderCard(doc(), { outlet, citationsHere: 2, attributedSentences: 1, share: 0.5, published: null, locale: 'en' }, t);
    expect(card.querySelector('img, b')).toBeNull();
    expect(card.textContent).toContain(evil);
  });

  it('says how often the outlet is cited as a source and how often it is only named', () => {
    const here = (citationsHere: number, namedHere?: number) => renderCard(doc(), {
      outlet: registry.outlets.sana, citationsHere, namedHere, attributedSentences: null, share: null, published: null, locale: 'en',
    }, t).querySelector('.here')?.textContent;
    expect(here(6, 2)).toBe('citedTimes 4namedMoreTimes 2');
    expect(here(2, 1)).toBe('citedOnce 1namedMoreOnce 1');
    expect(here(3)).toBe('citedTimes 3');
    expect(here(2, 2)).toBe('namedOnlyTimes 2');
    expect(here(1, 1)).toBe('namedOnlyOnce 1');
  });

  it('shows SANA under the Assad government for a 2017 article, and the change of December 2024', () => {
    const card = renderCard(doc(), {
      outlet: registry.outlets.sana, citationsHere: 6, attributedSentences: 8, share: 0.38, published: '2017-11-20', locale: 'en',
      position: { index: 2, of: 6 },
    }, t);
    const text = card.textContent ?? '';
    expect(text).toContain('controlThen Nov 2017 Assad government (Ministry of Information)');
    expect(text).toContain('controlNow Dec 2024 Syrian transitional government (Ministry of Information)');
    expect(text).toContain('cardPosition 2 6');
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.querySelector(`#${card.getAttribute('aria-describedby')}`)?.textContent).toBe('typologyDefinition_SC');
    for (const a of card.querySelectorAll('a')) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
      expect(a.href).toMatch(/^https:\/\//);
    }
  });

  it('lists designations and ratings with their dates', () => {
    const card = renderCard(doc(), {
      outlet: registry.outlets['rt-international'], citationsHere: 1, attributedSentences: null, share: null, published: null, locale: 'en-GB',
    }, t);
    const marks = [...card.querySelectorAll('.marks li')].map((li) => li.textContent);
    // In force from 2 March 2022, decided the day before.
    expect(marks.find((m) => m?.startsWith('designation_EU_broadcast_ban 2 Mar 2022'))).toContain('1 Mar 2022');
    // 2021 was the year of the copy of the list that was read, not of a decision: no year rather than that one.
    expect(marks).toContain('rating_deprecated_undated');
    expect(marks).not.toContain('rating_deprecated 2021');
  });
});

describe('the card on change and currency', () => {
  const render = (outlet: Outlet, published: string | null = null) =>
    renderCard(doc(), { outlet, citationsHere: 1, attributedSentences: null, share: null, published, locale: 'en-GB' }, t);
  const SMM = { name: 'State Media Monitor', source: 'https://statemediamonitor.com/2023/08/x/', date: '2023-08' };
  /** Classified in August 2023; control changed in December 2024 and no classification covers the new period. */
  const changed = minimal({
    typology: 'SC', classifiedBy: SMM,
    control: [
      { from: '1965-06-24', to: '2024-12-08', controller: 'Old government', typology: 'SC' },
      { from: '2024-12-08', controller: 'New government', note: 'No classification since the change.' },
    ],
  });

  it('shows each control period with the classification that covers it, and says plainly when none does yet', () => {
    const card = render(changed);
    const lines = [...card.querySelectorAll('.control p:not(.note)')].map((p) => p.textContent);
    expect(lines).toEqual([
      'controlBetween Jun 1965 Dec 2024 Old government · typology_SC',
      'controlNow Dec 2024 New government · periodUnclassified',
    ]);
    // The category of 2023 is not presented as today's.
    expect(card.querySelector('.category')).toBeNull();
    expect(card.querySelector('.definition.unclassified')?.textContent).toBe('periodUnclassified');
    expect(card.querySelector('.control .unclassified')?.textContent).toBe(' · periodUnclassified');
  });

  it('shows the category of the period an article falls in, with that period marked', () => {
    const card = render(changed, '2017-11-20');
    expect(card.querySelector('.category .badge')?.textContent).toBe('typology_SC');
    expect(card.querySelector('.control .then')?.textContent).toBe('controlThen Nov 2017 Old government · typology_SC');
    expect(card.querySelector('.control .now')?.textContent).toBe('controlNow Dec 2024 New government · periodUnclassified');
  });

  it('gives an outlet\'s one category only to the period it was made in when the profile does not classify periods', () => {
    const card = render(minimal({
      typology: 'CaPu', classifiedBy: SMM,
      control: [{ to: '2025-03', controller: 'Before' }, { from: '2025-03', controller: 'After' }],
    }));
    expect([...card.querySelectorAll('.control p')].map((p) => p.textContent)).toEqual([
      'controlUntil Mar 2025 Before · typology_CaPu',
      'controlNow Mar 2025 After · periodUnclassified',
    ]);
    // With one period, the category above covers it and the line stays as it was.
    const single = render(minimal({ typology: 'SC', classifiedBy: SMM, control: [{ controller: 'The state' }] }));
    expect(single.querySelector('.control p')?.textContent).toBe('controller The state');
    expect(single.querySelector('.category .badge')?.textContent).toBe('typology_SC');
  });

  it('says near the top when an outlet closed or stopped working, and nothing for an active one', () => {
    const closed = render(minimal({ status: 'defunct', statusDate: '2023-12-20' }));
    expect(closed.querySelector('header .status')?.textContent).toBe('statusDefunct Dec 2023');
    expect(render(minimal({ status: 'not-functional', statusDate: '2024-05' })).querySelector('header .status')?.textContent).toBe('statusNotFunctional May 2024');
    expect(render(minimal({ status: 'not-functional' })).querySelector('header .status')?.textContent).toBe('statusNotFunctionalUndated');
    expect(render(minimal()).querySelector('.status')).toBeNull();
  });

  it('dates each source: the classification, each evidence item read, and the copy read when the original could not be', () => {
    const card = render(minimal({
      typology: 'SC', classifiedBy: SMM,
      evidence: [
        { claim: 'Read at the source.', source: 'https://statemediamonitor.com/2023/08/x/', read: '2026-12-06', supports: ['typology'] },
        { claim: 'Read in a copy.', source: 'https://en.wikipedia.org/wiki/X', via: 'https://web.archive.org/web/2016/https://en.wikipedia.org/wiki/X', read: '2026-11-25', supports: ['founded'] },
      ],
    }));
    expect(card.querySelector('.classified')?.textContent).toBe('classifiedBy State Media Monitor (Aug 2023)');
    const [first, second] = [...card.querySelectorAll('.evidence li')];
    expect(first.textContent).toBe('Read at the source. statemediamonitor.com · readOn 6 Dec 2026');
    expect(second.textContent).toBe('Read in a copy. en.wikipedia.org · readVia 25 Nov 2026 web.archive.org');
    const links = [...second.querySelectorAll('a')];
    expect(links.map((a) => a.href)).toEqual(['https://en.wikipedia.org/wiki/X', 'https://web.archive.org/web/2016/https://en.wikipedia.org/wiki/X']);
    for (const a of links) expect([a.target, a.rel]).toEqual(['_blank', 'noopener noreferrer']);
  });

  it('names a copy served over plain http without linking to it (the card links to secure pages only)', () => {
    const card = render(minimal({
      evidence: [{ claim: 'Read in a feed\'s copy.', source: 'https://statemediamonitor.com/2025/07/x/', via: 'http://copy.example/index-1.html', read: '2026-12-06', supports: ['name'] }],
    }));
    const item = card.querySelector('.evidence li')!;
    expect(item.textContent).toBe('Read in a feed\'s copy. statemediamonitor.com · readVia 6 Dec 2026 copy.example');
    expect([...item.querySelectorAll('a')].map((a) => a.href)).toEqual(['https://statemediamonitor.com/2025/07/x/']);
  });

  it('dates designations from when they took effect, with the decision date and the end when known', () => {
    const card = render(minimal({
      designations: [
        { authority: 'EU', kind: 'broadcast-ban', from: '2024-06-25', decided: '2024-05-17' },
        { authority: 'UK', kind: 'sanctions', from: '2022-03-31' },
        { authority: 'EU', kind: 'sanctions', from: '2022-03-02', to: '2025-03-01' },
      ],
      ratings: [
        { by: 'wikipedia-rsp', status: 'deprecated', year: 2020, source: 'https://en.wikipedia.org/wiki/WP:RSP' },
        { by: 'wikipedia-rsp', status: 'no-consensus', source: 'https://en.wikipedia.org/wiki/WP:RSP' },
      ],
    }));
    expect([...card.querySelectorAll('.marks li')].map((li) => li.textContent)).toEqual([
      'designation_EU_broadcast_ban 25 Jun 2024 (decidedOn 17 May 2024)',
      'designation_UK_sanctions 31 Mar 2022',
      'designation_EU_sanctions 2 Mar 2022 (designationUntil 1 Mar 2025)',
      'rating_deprecated 2020',
      'rating_no_consensus_undated',
    ]);
  });

  it('links the official accounts to their pages, compactly, in a new tab', () => {
    const accounts: Outlet['accounts'] = [
      { platform: 'x', handle: 'RT_com' }, { platform: 'youtube', handle: '@RT' }, { platform: 'youtube', handle: 'channel/UCpwvZwUam-URkxB7g4USKpg' },
      { platform: 'telegram', handle: 'rt_english' }, { platform: 'facebook', handle: 'profile.php?id=100064' },
      { platform: 'instagram', handle: 'rt' }, { platform: 'vk', handle: 'rt_russian' }, { platform: 'tiktok', handle: '@rt' },
    ];
    const card = render(minimal({ accounts }));
    expect(card.querySelector('.accounts-title')?.textContent).toBe('accountsTitle');
    const links = [...card.querySelectorAll<HTMLAnchorElement>('.accounts a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['X RT_com', 'https://x.com/RT_com'],
      ['YouTube @RT', 'https://www.youtube.com/@RT'],
      ['YouTube channel/UCpwvZwUam-URkxB7g4USKpg', 'https://www.youtube.com/channel/UCpwvZwUam-URkxB7g4USKpg'],
      ['Telegram rt_english', 'https://t.me/rt_english'],
      ['Facebook profile.php?id=100064', 'https://www.facebook.com/profile.php?id=100064'],
      ['Instagram rt', 'https://www.instagram.com/rt'],
      ['VK rt_russian', 'https://vk.com/rt_russian'],
      ['TikTok @rt', 'https://www.tiktok.com/@rt'],
    ]);
    for (const a of links) expect([a.target, a.rel]).toEqual(['_blank', 'noopener noreferrer']);
    // After the sources.
    const withSources = render(minimal({ accounts, evidence: [{ claim: 'A claim.', source: 'https://example.org/', read: '2026-12-06', supports: ['accounts'] }] }));
    expect(withSources.querySelector('.evidence')!.compareDocumentPosition(withSources.querySelector('.accounts')!) & 4).toBe(4);
    expect(render(minimal()).querySelector('.accounts')).toBeNull();
  });
});

/**
 * Floating UI with the card's options (cardPlacement), on a platform of plain boxes: the window, the citation's
 * first line and the card (the browsers' e2e tests place real cards).
 */
async function placeCard(reference: Box, card: { width: number; height: number }, view: { width: number; height: number }, direction: 'ltr' | 'rtl' = 'ltr') {
  const rect = (b: Box) => ({ ...b, top: b.y, left: b.x, right: b.x + b.width, bottom: b.y + b.height });
  const platform: Platform = {
    getElementRects: () => ({ reference: { ...reference }, floating: { x: 0, y: 0, ...card } }),
    getDimensions: () => card,
    getClippingRect: () => rect({ x: 0, y: 0, ...view }),
    isElement: () => false,
    // The card's host is always laid out left to right (all: initial): the placement itself says which edge.
    isRTL: () => false,
  };
  const { x, y } = await computePosition({} as never, {} as never, { ...cardPlacement(direction), platform });
  return { x, y };
}

describe('the card\'s place', () => {
  const view = { width: 1000, height: 800 };
  const card = { width: 380, height: 500 };

  it('is under the citation, at its start, when it fits there', async () => {
    expect(await placeCard({ x: 100, y: 50, width: 40, height: 20 }, card, view)).toEqual({ x: 100, y: 76 });
  });

  it('in right-to-left text, starts at the citation\'s right edge', async () => {
    expect(await placeCard({ x: 600, y: 50, width: 40, height: 20 }, card, view, 'rtl')).toEqual({ x: 640 - 380, y: 76 });
    // Near the window's left edge it aligns with the citation's other end (its left), or moves right.
    expect((await placeCard({ x: 100, y: 50, width: 40, height: 20 }, card, view, 'rtl')).x).toBe(100);
    expect((await placeCard({ x: 0, y: 50, width: 20, height: 20 }, card, view, 'rtl')).x).toBe(8);
  });

  it('is above the citation when it does not fit below and fits better above', async () => {
    expect(await placeCard({ x: 100, y: 700, width: 40, height: 20 }, card, view)).toEqual({ x: 100, y: 194 });
    // Fits neither way: the side where less of it is cut off (below, here).
    expect((await placeCard({ x: 100, y: 300, width: 40, height: 20 }, { width: 380, height: 700 }, view)).y).toBe(326);
  });

  it('stays inside the window near its right and left edges: aligned with the citation\'s other end, or moved sideways', async () => {
    expect((await placeCard({ x: 900, y: 50, width: 40, height: 20 }, card, view)).x).toBe(940 - 380);
    expect((await placeCard({ x: 990, y: 50, width: 40, height: 20 }, card, view)).x).toBe(1000 - 8 - 380);
    expect((await placeCard({ x: -30, y: 50, width: 40, height: 20 }, card, view)).x).toBe(8);
  });

  it('is inside the window whenever the window has room for it beside the citation, in either direction', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 0, max: 960 }), fc.integer({ min: 0, max: 780 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 100, max: 380 }),
      fc.constantFrom('ltr' as const, 'rtl' as const),
      async (x, y, width, height, direction) => {
        const reference = { x, y, width, height: 20 };
        const roomBelow = view.height - 8 - (y + 20 + 6);
        const roomAbove = y - 6 - 8;
        const place = await placeCard(reference, { width: 380, height }, view, direction);
        expect(place.x).toBeGreaterThanOrEqual(8);
        expect(place.x + 380).toBeLessThanOrEqual(view.width - 8);
        if (roomBelow >= height || roomAbove >= height) {
          expect(place.y).toBeGreaterThanOrEqual(8);
          expect(place.y + height).toBeLessThanOrEqual(view.height - 8);
          // Never over the citation itself.
          expect(place.y >= y + 20 || place.y + height <= y).toBe(true);
        }
      },
    ), { numRuns: 1000 });
  });
});

describe("the card's actions", () => {
  it('its buttons and Escape call the actions they name; a card without steps ignores previous and next', () => {
    const d = doc();
    const card = d.createElement('section');
    card.innerHTML = ['close', 'report', 'previous', 'next'].map((a) => `<button data-action="${a}"><span>${a}</span></button>`).join('');
    d.body.append(card);
    const calls: string[] = [];
    onCardActions(card, { close: () => calls.push('close'), report: () => calls.push('report'), step: (direction) => calls.push(direction) });
    const click = (action: string) => card.querySelector(`[data-action="${action}"] span`)!.dispatchEvent(new d.defaultView!.MouseEvent('click', { bubbles: true }));
    for (const action of ['next', 'report', 'previous', 'close']) click(action);
    card.dispatchEvent(new d.defaultView!.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    card.dispatchEvent(new d.defaultView!.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    card.dispatchEvent(new d.defaultView!.MouseEvent('click', { bubbles: true }));
    expect(calls).toEqual(['next', 'report', 'previous', 'close', 'close']);

    const plain = card.cloneNode(true) as HTMLElement;
    d.body.append(plain);
    const closed: string[] = [];
    onCardActions(plain, { close: () => closed.push('close'), report: () => closed.push('report') });
    plain.querySelector<HTMLElement>('[data-action="next"]')!.click();
    plain.querySelector<HTMLElement>('[data-action="close"]')!.click();
    expect(closed).toEqual(['close']);
  });
});
