/**
 * The matcher index as the content script loads it: tables used as they are, so that loading runs no code per
 * alias or per host. The aliases' table is a sorted string, looked up by binary search and never parsed; the
 * others are objects, which the content script's files (index.js: the sites; reader.js: the aliases) ship as
 * JSON text, parsed by JSON.parse (native code) when first read (src/content/load-index.ts).
 *
 *   PackedIndex
 *   ├─ version        PACKED_VERSION: a content script and an index from different builds refuse each other
 *   ├─ categories     "SSruM-S…"  one character per outlet, by outlet index: its category (TYPOLOGY_CHARS), "-" none
 *   ├─ countries      "SY--CN…"   two characters per outlet: its country (ISO 3166-1 alpha-2), "--" when not needed
 *   │                 (only outlets that share an alias with another need it, to tell them apart)
 *   ├─ periods        { "17": "|2024-12-08|S;2024-12-08||-" }   only outlets whose category changed or is unknown
 *   │                 for a while: each control period as from | to | category character ("" open, "-" none),
 *   │                 so that an article is coloured by the category of its own date
 *   ├─ aliases        "sana\t|U|h|5\nsyrian\t arab news agency|TTTT|h|1;…"
 *   │                 a sorted table (sorted-table.ts: one line per key, looked up by binary search, never
 *   │                 parsed): by an alias's first word key, its records joined by ";". A record:
 *   │                   keys | shapes | outlet | flags [| words ruling it out after [| … before]]
 *   │                   keys     the alias's word keys, space-separated, the table's key left out of the first
 *   │                   shapes   one character per word: U upper, T title, L lower (the case the alias is written in)
 *   │                   outlet   the outlet's index, base 36
 *   │                   flags    ALIAS_* bits (types.ts) with ALIAS_RUN
 *   ├─ runAliases     { "人": "民日报||ic|8;…" }   the same records, as an object, for aliases in scripts written
 *   │                 without spaces (Chinese, Japanese), by first character
 *   ├─ prefilter      { words: [0, 1150943233, 0, …], leads: […], starts: […], candidates: "[A-Z][A-Za-z0-9]*|…" }
 *   │                 the prefilter's sets of hashes of the aliases' first keys, each as the slots of its
 *   │                 open-addressing table (0: empty), and the source of its RegExp of where an alias may begin,
 *   │                 worked out by the build (match/prefilter.ts): the page copies the tables as they are
 *   ├─ hosts          { "moc.tr": 5, "ys.anas": 17 }   outlet index by host name written backwards, so that a
 *   │                 host's parent domains are its prefixes (news.rt.com → "moc.tr.swen" starts with "moc.tr")
 *   ├─ accounts       { "x:rt_com": 5 }   outlet index by official account (platform:handle, see match/accounts.ts)
 *   ├─ families       { "6": 5 }   for outlets in a family (a group and its members, one company's outlets):
 *   │                 the family's first outlet
 *   └─ contextWords   in the content script's copy only: the context rules' word lists (context-words.ts)
 *
 * ";" and "|" never occur in word keys, and need no escaping in JSON.
 */
import { caseShape, fold, wordKey } from '../match/fold';
import { isRunStart, tokenize } from '../match/tokens';
import { isTypology, TYPOLOGIES, type Typology } from '../typology';
import { ALIAS_SHARED, type MatcherIndex } from './types';
import { FIELD, RECORD } from './separators';
import { sortedTable } from './sorted-table';
import { prefilterHashes, type PrefilterHashes } from '../match/prefilter';
import type { ContextWords } from '../match/context-words';

export const PACKED_VERSION = 8;
export { FIELD, RECORD } from './separators';
/** Set on aliases in scripts written without spaces (matched inside runs of text). */
export const ALIAS_RUN = 8;

const TYPOLOGY_CHARS: Record<Typology, string> = { SC: 'S', CaPu: 'u', CaPr: 'r', ISFM: 'M', ISF: 'F', ISM: 'm', IP: 'P' };
const SHAPE_CHARS = { upper: 'U', title: 'T', lower: 'L' } as const;

export interface PackedIndex {
  version: typeof PACKED_VERSION;
  categories: string;
  countries: string;
  periods: Record<string, string>;
  /** A sorted table (sorted-table.ts) of records by first word key. */
  aliases: string;
  runAliases: Record<string, string>;
  /** The prefilter's hashes of the aliases (see match/prefilter.ts), worked out by the build. */
  prefilter: PrefilterHashes;
  hosts: Record<string, number>;
  accounts: Record<string, number>;
  families: Record<string, number>;
  /** In the content script's copy only: the context rules' word lists (see context-words.ts). */
  contextWords?: ContextWords;
}

export function isRunAlias(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.length > 0 && isRunStart(text, tokens[0].start);
}

export function aliasKeys(text: string): string[] {
  const folded = fold(text);
  if (isRunAlias(text)) return [wordKey(folded.trim())];
  return tokenize(text).map((t) => wordKey(folded.slice(t.start, t.end)));
}

export function packIndex(index: MatcherIndex): PackedIndex {
  const categories = index.outlets.map(([, typology]) => typologyChar(typology)).join('');
  const a: Record<string, string> = {};
  const r: Record<string, string> = {};
  const records = withoutLeadingArticle(index.aliases).map(([text, outlet, flags, notAfter, notBefore]) => {
    const run = isRunAlias(text);
    const shapes = run ? '' : tokenize(text).map((tk) => SHAPE_CHARS[caseShape(text.slice(tk.start, tk.end))]).join('');
    const words = (list?: string[]) => (list ?? []).map((w) => wordKey(fold(w))).join(' ');
    const keys = aliasKeys(text);
    const fields = [keys.join(' '), shapes, outlet.toString(36), String(flags | (run ? ALIAS_RUN : 0)), words(notAfter), words(notBefore)];
    while (fields.length > 4 && !fields[fields.length - 1]) fields.pop();
    return { run, first: run ? keys[0][0] : keys[0], record: fields.join(FIELD) };
  }).sort((x, y) => (x.record < y.record ? -1 : x.record > y.record ? 1 : 0));
  for (const { run, first, record } of records) {
    // The table's key starts every one of its records: it is left out of them (the matcher puts it back).
    const table = run ? r : a;
    const rest = record.slice(first.length);
    table[first] = table[first] === undefined ? rest : table[first] + RECORD + rest;
  }
  const h: Record<string, number> = {};
  const hostOutlet = new Map(index.hosts);
  for (const [host, outlet] of [...index.hosts].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    // A subdomain of one of the same outlet's hosts is found through that host (see LinkIndex): left out.
    const parents = host.split('.').map((_, i, labels) => labels.slice(i + 1).join('.')).filter((p) => p.includes('.'));
    const parent = parents.find((p) => hostOutlet.has(p));
    if (parent !== undefined && hostOutlet.get(parent) === outlet) continue;
    h[[...host].reverse().join('')] = outlet;
  }
  // Countries only matter for outlets that share an alias with another; the rest stay "--" (compresses away).
  const sharing = new Set(index.aliases.filter(([, , flags]) => (flags & ALIAS_SHARED) !== 0).map(([, outlet]) => outlet));
  const countries = index.outlets.map(([, , , country], i) => (sharing.has(i) && country && /^[A-Z]{2}$/.test(country) ? country : '--')).join('');
  const families: Record<string, number> = {};
  for (const [outlet, family] of index.families) families[outlet] = family;
  const accounts: Record<string, number> = {};
  for (const [key, outlet] of index.accounts) accounts[key] = outlet;
  const periods: Record<string, string> = {};
  for (const [outlet, list] of index.periods) {
    periods[outlet] = list.map(([from, to, typology]) => [from, to, typologyChar(typology)].join(FIELD)).join(RECORD);
  }
  return { version: PACKED_VERSION, categories, countries, periods, aliases: sortedTable(a), runAliases: r, prefilter: prefilterHashes(a, r), hosts: h, accounts, families };
}

/**
 * "The Straits Times" is also written "the Straits Times" and "Straits Times": an alias starting with "The"
 * and at least two more words is registered without it too. (The matcher leaves "the" out of a citation.)
 */
function withoutLeadingArticle(aliases: MatcherIndex['aliases']): MatcherIndex['aliases'] {
  const out: MatcherIndex['aliases'] = [];
  for (const entry of aliases) {
    out.push(entry);
    const m = /^the\s+(\S+\s+\S.*)$/i.exec(entry[0]);
    if (m) out.push([m[1], ...entry.slice(1)] as MatcherIndex['aliases'][number]);
  }
  return out;
}

const typologyChar = (typology: string) => (isTypology(typology) ? TYPOLOGY_CHARS[typology] : '-');

const FROM_CHAR = new Map<string, Typology>(TYPOLOGIES.map((code) => [TYPOLOGY_CHARS[code], code]));

/**
 * The outlet's category: on `date` (an article's, YYYY-MM-DD) the category of the control period that covers
 * it, where the outlet's category changed or was unknown for a while; otherwise, and for a date no period
 * covers, its latest known category. null: none is known (for that date, or at all).
 */
export function typologyAt(packed: Pick<PackedIndex, 'categories' | 'periods'>, outlet: number, date?: string | null): Typology | null {
  const periods = date ? packed.periods[outlet] : undefined;
  if (typeof periods === 'string') {
    for (const period of periods.split(RECORD)) {
      const [from, to, typology] = period.split(FIELD);
      // Partial dates compare as their start: "2024-12-08" is within "2024-12" and after "2024".
      if ((!from || date! >= from) && (!to || date! < to)) return FROM_CHAR.get(typology) ?? null;
    }
  }
  return FROM_CHAR.get(packed.categories[outlet]) ?? null;
}

/** The outlet's family (group or company) as the index of its first outlet; the outlet itself when alone. */
export function familyAt(families: Readonly<Record<string, number>>, outlet: number): number {
  const first = families[outlet];
  return typeof first === 'number' ? first : outlet;
}

export function countryAt(packed: Pick<PackedIndex, 'countries'>, outlet: number): string | null {
  const code = packed.countries.slice(outlet * 2, outlet * 2 + 2);
  return code === '--' || !code ? null : code;
}

