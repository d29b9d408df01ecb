/**
 * The matcher index as the content script loads it: strings, not objects, with every alias already folded
 * and keyed, so that building the matcher at page load is only filling two hash maps.
 *   t: one character per outlet for its category (see TYPOLOGY_CHARS), "-" when not recorded
 *   c: two letters per outlet, its country (ISO 3166-1 alpha-2), to tell outlets that share an alias apart
 *   a: aliases separated by ";": keys (space-separated word keys, or the run for scripts without spaces) | shapes
 *      | outlet (base 36) | flags | words ruling it out after | words ruling it out before
 *   h: hosts separated by ";": host | outlet (base 36)
 * ";" and "|" never occur in word keys or host names, and need no escaping in the bundle's JSON.
 * Both lists are sorted and front-coded: each record starts with one base-36 digit, the number of leading
 * characters it shares with the previous record (hosts are stored reversed, so that sites under one domain
 * share their prefix). About a third smaller; decoding a thousand records takes well under a millisecond.
 */
import { caseShape, fold, wordKey } from '../match/fold';
import { RUN_SCRIPT, tokenize } from '../match/tokens';
import { isTypology, TYPOLOGIES, type Typology } from '../typology';
import { ALIAS_SHARED, type MatcherIndex } from './types';
import type { ContextWords } from '../match/context-words';

export const PACKED_VERSION = 2;
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
  a: string;
  h: string;
}

export function isRunAlias(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.length > 0 && RUN_SCRIPT.test(text[tokens[0].start]);
}

export function aliasKeys(text: string): string[] {
  const folded = fold(text);
  if (isRunAlias(text)) return [wordKey(folded.trim())];
  return tokenize(text).map((t) => wordKey(folded.slice(t.start, t.end)));
}

export function packIndex(index: MatcherIndex): PackedIndex {
  const t = index.outlets.map(([, typology]) => (isTypology(typology) ? TYPOLOGY_CHARS[typology] : '-')).join('');
  const a = frontCode(withoutLeadingArticle(index.aliases).map(([text, outlet, flags, notAfter, notBefore]) => {
    const run = isRunAlias(text);
    const shapes = run ? '' : tokenize(text).map((tk) => SHAPE_CHARS[caseShape(text.slice(tk.start, tk.end))]).join('');
    const words = (list?: string[]) => (list ?? []).map((w) => wordKey(fold(w))).join(' ');
    const fields = [aliasKeys(text).join(' '), shapes, outlet.toString(36), String(flags | (run ? ALIAS_RUN : 0)), words(notAfter), words(notBefore)];
    while (fields.length > 4 && !fields[fields.length - 1]) fields.pop();
    return fields.join(FIELD);
  }));
  const h = frontCode(index.hosts.map(([host, outlet]) => `${[...host].reverse().join('')}${FIELD}${outlet.toString(36)}`));
  // Countries only matter for outlets that share an alias with another; the rest stay "--" (compresses away).
  const sharing = new Set(index.aliases.filter(([, , flags]) => (flags & ALIAS_SHARED) !== 0).map(([, outlet]) => outlet));
  const c = index.outlets.map(([, , , country], i) => (sharing.has(i) && country && /^[A-Z]{2}$/.test(country) ? country : '--')).join('');
  return { v: PACKED_VERSION, t, c, a, h };
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

/** Longest shared prefix that one base-36 digit can say. */
const MAX_SHARED = 35;

function frontCode(records: string[]): string {
  const sorted = [...records].sort();
  let previous = '';
  return sorted.map((record) => {
    let shared = 0;
    while (shared < MAX_SHARED && shared < record.length && shared < previous.length && record[shared] === previous[shared]) shared++;
    previous = record;
    return shared.toString(36) + record.slice(shared);
  }).join(RECORD);
}

export function frontDecode(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  let previous = '';
  for (const coded of text.split(RECORD)) {
    const record = previous.slice(0, parseInt(coded[0], 36)) + coded.slice(1);
    out.push(record);
    previous = record;
  }
  return out;
}

const FROM_CHAR = new Map<string, Typology>(TYPOLOGIES.map((code) => [TYPOLOGY_CHARS[code], code]));

export function typologyAt(packed: PackedIndex, outlet: number): Typology | null {
  return FROM_CHAR.get(packed.t[outlet]) ?? null;
}

export function countryAt(packed: PackedIndex, outlet: number): string | null {
  const code = packed.c.slice(outlet * 2, outlet * 2 + 2);
  return code === '--' || !code ? null : code;
}

export function unpackHosts(packed: PackedIndex): Array<[string, number]> {
  return frontDecode(packed.h).map((line) => {
    const [reversed, outlet] = line.split(FIELD);
    return [[...reversed].reverse().join(''), parseInt(outlet, 36)];
  });
}
