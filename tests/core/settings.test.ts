import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, isOffOn, normalizeSite, repairSettings } from '../../src/core/settings';

describe('settings', () => {
  it('defaults highlight the categories without editorial independence', () => {
    expect(defaultSettings().categories).toEqual({ SC: true, CaPu: true, CaPr: true, ISFM: false, ISF: false, ISM: false, IP: false });
  });

  it('keep valid fields and repair the rest, naming them', () => {
    const { settings, repaired } = repairSettings({
      categories: { SC: false, IP: 'yes', XX: true }, style: 'blink', scope: 'all', offSites: ['WWW.Example.com', 'not a host', 3], language: 'klingon',
    });
    expect(settings.categories.SC).toBe(false);
    expect(settings.categories.IP).toBe(false);
    expect(settings.style).toBe('background');
    expect(settings.scope).toBe('all');
    expect(settings.offSites).toEqual(['example.com']);
    expect(settings.language).toBe('auto');
    expect(repaired).toEqual(['categories.IP', 'style', 'offSites', 'language']);
    expect(repairSettings({ language: 'zh_CN' }).settings.language).toBe('zh_CN');
  });

  it('anything at all stored under the key gives valid settings (property test)', () => {
    fc.assert(fc.property(fc.anything(), (raw) => {
      const { settings } = repairSettings(raw);
      expect(repairSettings(settings).repaired).toEqual([]);
      expect(repairSettings(settings).settings).toEqual(settings);
    }), { numRuns: 2000 });
  });

  it('off sites cover their subdomains only at a label boundary', () => {
    const settings = { ...defaultSettings(), offSites: ['example.com'] };
    expect(isOffOn(settings, 'news.example.com')).toBe(true);
    expect(isOffOn(settings, 'www.example.com')).toBe(true);
    expect(isOffOn(settings, 'badexample.com')).toBe(false);
    expect(normalizeSite('https://www.Example.com/path')).toBe('example.com');
    expect(normalizeSite('')).toBeNull();
  });
});
