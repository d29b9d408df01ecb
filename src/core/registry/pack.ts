/**
 * The matcher index as the content script loads it: JSON whose objects are the lookup tables themselves, so
 * that JSON.parse (native code) builds them and loading runs no code per alias or per host.
 *   t: one character per outlet for its category (see TYPOLOGY_CHARS), "-" when not recorded
 *   c: two letters per outlet, its country (ISO 3166-1 alpha-2), to tell outlets that share an alias apart
 *   a: aliases by their first word key: records separated by ";", each: keys (space-separated word keys) |
 *      shapes | outlet (base 36) | flags | words ruling it out after | words ruling it out before; the
 *      table's key, with which every record's keys start, is left out of them
 *   r: the same for aliases in scripts written without spaces, by their first character (keys: the run)
 *   h: outlet index by host name written backwards ("moc.tr"), so that a host's parent domains are prefixes
 *   s: outlet index by official account, keyed "platform:handle" (see match/accounts.ts): "x:rt_com"
 *   f: for outlets in a family (a group and its members, one company's outlets), the family's first outlet
 * ";" and "|" never occur in word keys, and need no escaping in JSON.
 */
import { caseShape, fold, wordKey } from '../match/fold';
import { isRunStart, tokenize } from '../match/tokens';
import { isTypology, TYPOLOGIES, type Typology } from '../typology';
import { ALIAS_SHARED, type MatcherIndex } from './types';
import type { ContextWords } from '../match/context-words';

export const PACKED_VERSION = 5;
export const FIELD = '|';
export const RECORD = ';';
/** Set on aliases in scripts written without spaces (matched inside runs of text). */
export const ALIAS_RUN = 8;

const TYPOLOGY_CHARS: Record<Typology, string> = { SC: 'S', CaPu: 'u', CaPr: 'r', ISFM: 'M', ISF: 'F', ISM: 'm', IP: 'P' };
const SHAPE_CHARS = { upper: 'U', title: 'T', lower: 'L' } as const;

export interface PackedIndex {
  v: typeof PACKED_VERSION;
  /** In the content script's copy only: the context rules' word lists (see context-words.ts). */
  w?: ContextWords;
  t: string;
  c: string;
  a: Record<string, string>;
  r: Record<string, string>;
  h: Record<string, number>;
  s: Record<string, number>;
  f: Record<string, number>;
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
  const t = index.outlets.map(([, typology]) => (isTypology(typology) ? TYPOLOGY_CHARS[typology] : '-')).join('');
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
  const c = index.outlets.map(([, , , country], i) => (sharing.has(i) && country && /^[A-Z]{2}$/.test(country) ? country : '--')).join('');
  const f: Record<string, number> = {};
  for (const [outlet, family] of index.families) f[outlet] = family;
  const accounts: Record<string, number> = {};
  for (const [key, outlet] of index.accounts) accounts[key] = outlet;
  return { v: PACKED_VERSION, t, c, a, r, h, s: accounts, f };
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

const FROM_CHAR = new Map<string, Typology>(TYPOLOGIES.map((code) => [TYPOLOGY_CHARS[code], code]));

export function typologyAt(packed: Pick<PackedIndex, 't'>, outlet: number): Typology | null {
  return FROM_CHAR.get(packed.t[outlet]) ?? null;
}

/** The outlet's family (group or company) as the index of its first outlet; the outlet itself when alone. */
export function familyAt(families: Readonly<Record<string, number>>, outlet: number): number {
  const first = families[outlet];
  return typeof first === 'number' ? first : outlet;
}

export function countryAt(packed: Pick<PackedIndex, 'c'>, outlet: number): string | null {
  const code = packed.c.slice(outlet * 2, outlet * 2 + 2);
  return code === '--' || !code ? null : code;
}

