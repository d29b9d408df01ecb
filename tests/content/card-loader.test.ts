import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { checkCardPart, LazyCard } from '../../src/content/card-loader';
import * as cardPart from '../../src/content/card-part';

const doc = () => new JSDOM('<!doctype html><body><p>text</p></body>').window.document;

describe('the card, loaded on first use', () => {
  it('loads its code once, however many ask at once, and makes one view', async () => {
    let loads = 0;
    const card = new LazyCard(doc(), null, async () => {
      loads++;
      return cardPart;
    });
    const [a, b] = await Promise.all([card.ready(), card.ready()]);
    const c = await card.ready();
    expect(loads).toBe(1);
    expect(a.view).toBe(b.view);
    expect(c.view).toBe(a.view);
    expect(a.part.renderCard).toBe(cardPart.renderCard);
  });

  it('before it is loaded, nothing shows: contains is false and hide does nothing', () => {
    const d = doc();
    let loads = 0;
    const card = new LazyCard(d, null, async () => {
      loads++;
      return cardPart;
    });
    expect(card.contains(d.body)).toBe(false);
    expect(() => card.hide()).not.toThrow();
    expect(loads).toBe(0);
  });

  it('a failed load is reported and tried again on the next call', async () => {
    let loads = 0;
    const card = new LazyCard(doc(), null, async () => {
      if (++loads === 1) throw new Error('offline');
      return cardPart;
    });
    await expect(card.ready()).rejects.toThrow('offline');
    await expect(card.ready()).resolves.toMatchObject({ part: { renderCard: cardPart.renderCard } });
    expect(loads).toBe(2);
  });

  it('a card.js without the exports the content script uses fails loudly, naming them', async () => {
    expect(() => checkCardPart({ renderCard() {} })).toThrow('card.js does not export CardView, onCardActions, showBanner');
    expect(() => checkCardPart(null)).toThrow('does not export CardView, onCardActions, renderCard, showBanner');
    expect(checkCardPart(cardPart)).toBe(cardPart);
    await expect(new LazyCard(doc(), null, async () => ({})).ready()).rejects.toThrow('card.js does not export');
  });
});
