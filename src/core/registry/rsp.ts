/** Reading Wikipedia's perennial sources list (its wikitext rows), for scripts/import-rsp.ts. */

/** How the year was found: the RfC that set the status, or (no RfC listed) the year the entry was last discussed. */
export type YearIs = 'rfc' | 'last-discussed';

/** Years of RfCs a summary names in its own words ("In the 2020 RfC"), not in links to other entries' RfCs. */
export function summaryRfcYears(summary: string): number[] {
  const plain = summary.replace(/\[\[[^\]]*\]\]/g, '');
  return [...plain.matchAll(/\b(\d{4}) RfC\b/g)].map((m) => Number(m[1]));
}

/**
 * The year of the decision behind an entry's status. The list's discussion cell links each discussion
 * ({{rsnl|archive|title|year|rfc=y}}); the status comes from its RfCs. Of those, the latest one the summary
 * names (the summary says which RfC set the status: Press TV's 2020 RfC, not the 2021 RfC on one topic),
 * else the latest RfC; an entry with no RfC rests on discussions, last held in the list's "last" year.
 */
export function decisionYear(alltext: string, rspLast: number): { year: number; yearIs: YearIs } {
  const cells = alltext.split('\n| ');
  const rfcYears: number[] = [];
  for (const m of (cells[3] ?? '').matchAll(/\{\{rsnl\|([^}]*)\}\}/g)) {
    const args = m[1].split('|').map((a) => a.trim());
    if (!args.includes('rfc=y')) continue;
    const year = args.slice(2).find((a) => /^\d{4}$/.test(a));
    if (year) rfcYears.push(Number(year));
  }
  if (!rfcYears.length) return { year: rspLast, yearIs: 'last-discussed' };
  const named = summaryRfcYears(cells[5] ?? '').filter((y) => rfcYears.includes(y));
  return { year: Math.max(...(named.length ? named : rfcYears)), yearIs: 'rfc' };
}
