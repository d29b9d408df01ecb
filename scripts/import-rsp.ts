/**
 * Writes src/data/ratings.json: the status of registry outlets on Wikipedia's perennial sources list
 * (Wikipedia:Reliable_sources/Perennial_sources), matched by the outlet's sites. Facts only (CC BY-SA list).
 * Reads two parses of the list (see their SOURCE.md): the newer one first, the 2021 one for entries it lacks.
 * The year is the year of the decision behind the status (see decisionYear), never the year of the copy read:
 * where the data records no decision, the rating has no year.
 * Usage: npm run registry:ratings [-- DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadRegistry } from '../src/build/load-registry';
import { decisionYear, summaryRfcYears, type YearIs } from '../src/core/registry/rsp';

const dir = process.argv[2] ?? '../shared/data/wikipedia-perennial-sources';
const STATUS: Record<string, string> = {
  gr: 'generally-reliable', nc: 'no-consensus', gu: 'generally-unreliable', d: 'deprecated', b: 'blacklisted', m: 'no-consensus',
  'Generally reliable': 'generally-reliable', 'No consensus': 'no-consensus', 'Generally unreliable': 'generally-unreliable',
  Deprecated: 'deprecated', Blacklisted: 'blacklisted',
};

interface Entry { name: string; status: string; year?: number; yearIs?: YearIs; domains: string[]; parse: string }

const entries: Entry[] = [];
for (const line of readFileSync(join(dir, 'audiodude-rsp-sources.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const row = JSON.parse(line) as { name: string; status: string; rsp_last?: string; alltext: string; domain?: string };
  const uses = /\{\{WP:RSPUSES\|([^}]*)\}\}/.exec(row.alltext)?.[1] ?? row.domain ?? '';
  const blacklisted = /WP:RSPSTATUS\|[a-z]+\|b=y/.test(row.alltext);
  const status = blacklisted ? 'blacklisted' : STATUS[row.status];
  const last = Number(row.rsp_last);
  if (!status || !last) continue;
  entries.push({ name: row.name, status, ...decisionYear(row.alltext, last), domains: uses.split('|').map((d) => d.trim().toLowerCase()).filter(Boolean), parse: '2026-04' });
}
const known = new Set(entries.map((e) => e.name.toLowerCase()));
const rows: Array<Record<string, string>> = parse(readFileSync(join(dir, 'kudusch-perennial-sources-2021-03-17.csv'), 'utf8'), { columns: true });
for (const row of rows) {
  if (known.has(row.name.toLowerCase())) continue;
  const statuses = JSON.parse(row.status) as string[];
  const status = STATUS[statuses[0]];
  if (!status) continue;
  // This parse keeps no discussion years: only an RfC its summary names dates the decision. Its own date
  // (2021) is the date of the copy, not of any decision, and is never used as one.
  const years = summaryRfcYears(row.info);
  entries.push({
    name: row.name, status, ...(years.length ? { year: Math.max(...years), yearIs: 'rfc' as const } : {}),
    domains: (JSON.parse(row.urls) as string[]).map((d) => d.toLowerCase()), parse: '2021-03-17',
  });
}

const registry = loadRegistry('src/data');
const ratings: Array<{ id: string; name: string; status: string; year?: number; yearIs?: YearIs; parse: string }> = [];
for (const outlet of Object.values(registry.outlets)) {
  // The entry's site is one of the outlet's hosts (not merely a sibling under the same domain).
  const hosts = new Set(outlet.hosts);
  const byName = (e: Entry) => outlet.origin.includes('curated') && e.name.replace(/\s*\(.*\)$/, '').toLowerCase() === outlet.name.toLowerCase();
  const match = entries.find((e) => e.domains.some((d) => hosts.has(d.replace(/^www\./, '')))) ?? entries.find(byName);
  if (match) ratings.push({ id: outlet.id, name: match.name, status: match.status, ...(match.year ? { year: match.year, yearIs: match.yearIs } : {}), parse: match.parse });
}
ratings.sort((a, b) => a.id.localeCompare(b.id));
writeFileSync('src/data/ratings.json', `${JSON.stringify(ratings, null, 1)}\n`);
console.log(`src/data/ratings.json: ${ratings.length} outlets rated (from ${entries.length} list entries)`);
