/**
 * The sorted table (the content script's aliases, looked up by binary search in one string): every key it was
 * made from is found with its value, and no other key is, whatever the keys (prefixes of one another, one
 * line long, Unicode beyond the first 65,536 characters).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entriesOf, lookup, sortedTable } from '../../src/core/registry/sorted-table';

const key = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((k) => !/[\t\n]/.test(k));
const value = fc.string({ maxLength: 12 }).filter((v) => !v.includes('\n'));

describe('sorted table', () => {
  it('finds each key with its value, and nothing for any other key', () => {
    fc.assert(fc.property(fc.dictionary(key, value, { maxKeys: 60 }), fc.array(key, { maxLength: 20 }), (entries, others) => {
      const table = sortedTable(entries);
      for (const [k, v] of Object.entries(entries)) expect(lookup(table, k)).toBe(v);
      for (const k of others) expect(lookup(table, k)).toBe(Object.hasOwn(entries, k) ? entries[k] : undefined);
      expect(Object.fromEntries(entriesOf(table))).toEqual({ ...entries });
    }), { numRuns: 300 });
  });

  it('tells apart keys that are prefixes of one another, and finds nothing in an empty table', () => {
    const table = sortedTable({ rt: '1', rtbf: '2', 'rt ': '3', r: '', constructor: '4' });
    expect(table).toBe('constructor\t4\nr\t\nrt\t1\nrt \t3\nrtbf\t2');
    expect([lookup(table, 'rt'), lookup(table, 'rtbf'), lookup(table, 'rt '), lookup(table, 'r'), lookup(table, 'rtb'), lookup(table, 'toString')])
      .toEqual(['1', '2', '3', '', undefined, undefined]);
    expect(lookup('', 'rt')).toBeUndefined();
    expect(lookup(sortedTable({}), 'rt')).toBeUndefined();
  });

  it('refuses a key or a value that would break its lines, naming it', () => {
    expect(() => sortedTable({ 'a\tb': '1' })).toThrow('key "a\\tb" is empty or holds a tab or a line break');
    expect(() => sortedTable({ '': '1' })).toThrow('key "" is empty');
    expect(() => sortedTable({ sana: 'x\ny' })).toThrow('the value of "sana" holds a line break');
  });
});
