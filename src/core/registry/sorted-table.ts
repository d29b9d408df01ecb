/**
 * A lookup table kept as one string: its entries sorted by key, one per line, each key and its value apart by
 * a tab.
 *
 *   "al\t jazeera|TT|2s|0\nbbc\t|U|1f|0\nsana\t|U|h|5\nxinhua\t|T|9k|0"
 *    └key┘└── value ───┘ └─ the next line, its key greater (code unit order) ...
 *
 * A lookup is a binary search over the string's characters: it jumps to the middle of what is left, backs up
 * to that line's start, compares the line's key, and keeps the half where the key must be: about log2(lines)
 * steps. Nothing is parsed or built when the table is loaded. The content script's index ships the aliases'
 * table in this form: parsed by JSON.parse into an object of some 5,000 keys, it was about half of the time
 * the matcher took to be ready on every article page, for the few dozen keys a page looks up.
 */
const LINE = '\n';
const TAB = '\t';

/** The table's string for these entries. Keys may hold neither a tab nor a line break, values no line break. */
export function sortedTable(entries: Readonly<Record<string, string>>): string {
  const keys = Object.keys(entries).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  for (const key of keys) {
    if (!key || key.includes(TAB) || key.includes(LINE)) throw new Error(`sorted table: key ${JSON.stringify(key)} is empty or holds a tab or a line break`);
    if (entries[key].includes(LINE)) throw new Error(`sorted table: the value of ${JSON.stringify(key)} holds a line break`);
  }
  return keys.map((key) => key + TAB + entries[key]).join(LINE);
}

/** The value of key in a table made by sortedTable, or undefined. */
export function lookup(table: string, key: string): string | undefined {
  if (!table) return undefined;
  // [low, high): the lines still in play; low is always a line's start, high a line's start or the end + 1.
  let low = 0;
  let high = table.length + 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = table.lastIndexOf(LINE, middle - 1) + 1;
    const tab = table.indexOf(TAB, start);
    let end = table.indexOf(LINE, tab);
    if (end < 0) end = table.length;
    const here = table.slice(start, tab);
    if (here === key) return table.slice(tab + 1, end);
    if (here < key) low = end + 1;
    else high = start;
  }
  return undefined;
}

/** Every entry of a table, in key order (for the build's checks and the tests). */
export function entriesOf(table: string): Array<[string, string]> {
  if (!table) return [];
  return table.split(LINE).map((line) => {
    const tab = line.indexOf(TAB);
    return [line.slice(0, tab), line.slice(tab + 1)];
  });
}
