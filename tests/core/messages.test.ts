import { describe, expect, it } from 'vitest';
import { isMessage } from '../../src/core/messages';

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
    [{ type: 'tabs/steal' }, false],
    [null, false],
    ['page/summary', false],
  ])('%o → %s', (message, ok) => {
    expect(isMessage(message)).toBe(ok);
  });
});
