/**
 * An outlet whose category changed is coloured by the category of the article's own date (the packed
 * index's periods): VOA was independent state-funded until March 2025 and state-controlled since, as the
 * State Media Monitor's 2025 profile says. Without a date, or on a date no classification covers, the latest
 * known category stands.
 */
import { describe, expect, it } from 'vitest';
import { typologyAt } from '../../src/core/registry/pack';
import { periodTypology } from '../../src/core/registry/classification';
import { realRegistry } from '../helpers/registry';

const { registry } = realRegistry();
const at = (id: string) => registry.index.outlets.findIndex(([outlet]) => outlet === id);

describe('an outlet\'s category on an article\'s date', () => {
  it('follows the control period the date falls in, where the category changed', () => {
    const voa = at('voice-of-america');
    expect(registry.outlets['voice-of-america'].typology).toBe('SC');
    expect(typologyAt(registry.packed, voa, '2023-06-01')).toBe('ISFM');
    expect(typologyAt(registry.packed, voa, '2025-03-13')).toBe('ISFM');
    expect(typologyAt(registry.packed, voa, '2025-03-14')).toBe('SC');
    expect(typologyAt(registry.packed, voa, null)).toBe('SC');
  });

  it('keeps the latest known category for a period no classification covers yet, and for outlets that never changed', () => {
    const sana = at('sana');
    // SANA under Assad (the seed article, 2017); after December 2024 no classification covers it yet.
    expect(typologyAt(registry.packed, sana, '2017-03-02')).toBe('SC');
    expect(periodTypology(registry.outlets.sana, registry.outlets.sana.control.at(-1)!)).toBeNull();
    expect(typologyAt(registry.packed, sana, '2025-06-01')).toBe(registry.outlets.sana.typology);
    const xinhua = at('xinhua');
    expect(registry.packed.periods[xinhua]).toBeUndefined();
    expect(typologyAt(registry.packed, xinhua, '1990-01-01')).toBe('SC');
  });

  it('packs periods only for outlets whose category in some period differs from the latest known one', () => {
    for (const [outlet, list] of registry.index.periods) {
      const latest = registry.index.outlets[outlet][1];
      expect(list.some(([, , typology]) => typology && typology !== latest), registry.index.outlets[outlet][0]).toBe(true);
    }
    expect(registry.index.periods.length).toBeGreaterThan(5);
  });
});
