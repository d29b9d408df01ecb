import { describe, expect, it } from 'vitest';
import { reportText } from '../../src/core/report';
import { realRegistry } from '../helpers/registry';

const { registry } = realRegistry();

describe('a correction report', () => {
  it('names the outlet, what StateLens shows, and the reader\'s words', () => {
    const text = reportText(registry.outlets.sana, ' The controller changed in 2025. ', 'https://example.org/news', '0.1.0');
    expect(text.split('\n')).toEqual([
      'StateLens 0.1.0: correction for "Syrian Arab News Agency" (sana)',
      expect.stringMatching(/^Shown: SY · SC · /),
      '',
      'What is wrong: The controller changed in 2025.',
      'Source: https://example.org/news',
    ]);
  });

  it('marks empty fields, and an outlet without a category', () => {
    const outlet = { ...registry.outlets.sana, typology: null, control: [] };
    expect(reportText(outlet, '  ', '', '1.0')).toContain('Shown: SY · -\n\nWhat is wrong: -\nSource: -');
  });
});
