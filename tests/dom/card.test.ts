import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Outlet } from '../../src/core/registry/types';
import { placeCard, renderCard } from '../../src/dom/card';
import fc from 'fast-check';
import { realRegistry } from '../helpers/registry';

const { registry } = realRegistry();
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
    expect(marks).toContain('designation_EU_broadcast_ban 2 Mar 2022');
    expect(marks).toContain('rating_deprecated 2021');
  });
});

describe('the card\'s place', () => {
  const view = { width: 1000, height: 800 };
  const card = { width: 380, height: 500 };

  it('is under the citation, at its start, when it fits there', () => {
    expect(placeCard({ x: 100, y: 50, width: 40, height: 20 }, card, view)).toEqual({ x: 100, y: 76 });
  });

  it('is above the citation when it does not fit below and fits better above', () => {
    expect(placeCard({ x: 100, y: 700, width: 40, height: 20 }, card, view)).toEqual({ x: 100, y: 194 });
    // Fits neither way: the side where less of it is cut off (below, here).
    expect(placeCard({ x: 100, y: 300, width: 40, height: 20 }, { width: 380, height: 700 }, view).y).toBe(326);
  });

  it('moves sideways to stay inside the window, near its right and left edges', () => {
    expect(placeCard({ x: 900, y: 50, width: 40, height: 20 }, card, view).x).toBe(1000 - 8 - 380);
    expect(placeCard({ x: -30, y: 50, width: 40, height: 20 }, card, view).x).toBe(8);
  });

  it('is inside the window whenever the window has room for it beside the citation', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 960 }), fc.integer({ min: 0, max: 780 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 100, max: 380 }),
      (x, y, width, height) => {
        const reference = { x, y, width, height: 20 };
        const roomBelow = view.height - 8 - (y + 20 + 6);
        const roomAbove = y - 6 - 8;
        const place = placeCard(reference, { width: 380, height }, view);
        expect(place.x).toBeGreaterThanOrEqual(8);
        expect(place.x + 380).toBeLessThanOrEqual(view.width - 8);
        if (roomBelow >= height || roomAbove >= height) {
          expect(place.y).toBeGreaterThanOrEqual(8);
          expect(place.y + height).toBeLessThanOrEqual(view.height - 8);
          // Never over the citation itself.
          expect(place.y >= y + 20 || place.y + height <= y).toBe(true);
        }
      },
    ), { numRuns: 2000 });
  });
});
