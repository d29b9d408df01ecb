import { describe, expect, it } from 'vitest';
import { isMessage, isPageMessage } from '../../src/core/messages';
import { withFrames, type OutletSummary } from '../../src/core/summary';

describe('messages from other contexts are checked before use', () => {
  it.each([
    [{ type: 'page/summary' }, true],
    [{ type: 'outlet/details', outlets: [0, 12] }, true],
    [{ type: 'outlet/details', outlets: ['0'] }, false],
    [{ type: 'outlet/details', outlets: [-1] }, false],
    [{ type: 'outlet/details' }, false],
    [{ type: 'page/reveal', outlet: 3 }, true],
    [{ type: 'page/reveal', outlet: 'sana' }, false],
    [{ type: 'page/step' }, true],
    [{ type: 'page/report', summary: { total: 2, outlets: [] } }, true],
    [{ type: 'page/report', summary: null }, false],
    [{ type: 'ui/strings', language: 'ar' }, true],
    [{ type: 'ui/strings', language: '../../secrets' }, false],
    [{ type: 'tab/frames', tabId: 7 }, true],
    [{ type: 'tab/frames', tabId: '7' }, false],
    [{ type: 'page/recount' }, true],
    [{ type: 'tabs/steal' }, false],
    [null, false],
    ['page/summary', false],
  ])('%o → %s', (message, ok) => {
    expect(isMessage(message)).toBe(ok);
  });

  it('the content script takes only the messages it answers, whole', () => {
    for (const ok of [{ type: 'page/summary' }, { type: 'page/reveal', outlet: 0 }, { type: 'page/step' }, { type: 'page/recount' }]) {
      expect(isPageMessage(ok), JSON.stringify(ok)).toBe(true);
      expect(isMessage(ok)).toBe(true);
    }
    for (const no of [{ type: 'page/reveal', outlet: -1 }, { type: 'page/reveal', outlet: '2' }, { type: 'page/reveal' }, { type: 'page/report', summary: { total: 0, outlets: [] } },
      { type: 'outlet/details', outlets: [1] }, { type: 'tabs/steal' }, { type: ['page/summary'] }, null, 'page/summary', 7]) {
      expect(isPageMessage(no), JSON.stringify(no)).toBe(false);
    }
  });
});

describe('a page with embedded frames', () => {
  const top: OutletSummary[] = [
    { outlet: 1, typology: 'SC', citations: 3, named: 1, attributedSentences: 2, share: 0.2 },
    { outlet: 2, typology: 'CaPu', citations: 1, named: 0, attributedSentences: 0, share: 0 },
  ];
  it('counts the frames\' citations with the top document\'s, keeping its sentences and shares', () => {
    const merged = withFrames(top, [[{ outlet: 2, typology: 'CaPu', citations: 4, named: 2, attributedSentences: null, share: null }],
      [{ outlet: 5, typology: 'SC', citations: 1, named: 0, attributedSentences: null, share: null }]]);
    expect(merged).toEqual([
      { outlet: 2, typology: 'CaPu', citations: 5, named: 2, attributedSentences: 0, share: 0 },
      { outlet: 1, typology: 'SC', citations: 3, named: 1, attributedSentences: 2, share: 0.2 },
      { outlet: 5, typology: 'SC', citations: 1, named: 0, attributedSentences: null, share: null },
    ]);
    expect(withFrames(top, [])).toEqual(top);
    // The top document's summary is not changed.
    expect(top[1].citations).toBe(1);
  });
});
