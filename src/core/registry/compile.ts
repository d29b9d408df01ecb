/**
 * Merge the imported State Media Monitor data with the curated profiles, check them, and compile the matcher
 * index and the per-outlet details. Runs at build time (and in tests), never in a page.
 */
import * as v from 'valibot';
import { getDomain, getPublicSuffix } from 'tldts';
import { RegistryError } from './errors';
import { periodTypology } from './classification';
import { CopyHostsFileSchema, checkSources, type CopyHost } from './copy-hosts';
import {
  CheckedAccountsSchema,
  CuratedOutletSchema,
  ImportedFileSchema,
  ImportedOutletSchema,
  ImportedRatingSchema,
  RenamesSchema,
  type CheckedAccounts,
  type CuratedOutlet,
  type ImportedOutlet,
  type ImportedRating,
} from './schema';
import {
  ALIAS_AMBIGUOUS,
  ALIAS_CASE_SENSITIVE,
  ALIAS_PREFERRED,
  ALIAS_SHARED,
  ALIAS_STRICT,
  MATCHER_INDEX_VERSION,
  type CompiledRegistry,
  type AliasClass,
  type AliasDecision,
  type AliasToClassify,
  type MatcherIndex,
  type Outlet,
} from './types';
export type { AliasClass, AliasDecision, AliasToClassify } from './types';
import { classify, deriveAliases, isCountryName, type OutletAlias } from './derive-aliases';
import { packIndex } from './pack';
import { applySmmProfiles, type SmmSummary } from './smm-profiles';
import { fold, wordKey } from '../match/fold';
import { tokenize } from '../match/tokens';
import { accountKey, platformOf } from '../match/accounts';

export interface RegistrySources {
  imported: { file: string; data: unknown };
  curated: Array<{ file: string; data: unknown }>;
  renames: { file: string; data: unknown };
  ratings?: { file: string; data: unknown };
  /** Official accounts checked by hand (src/data/accounts.json). */
  accounts?: { file: string; data: unknown };
  /** src/data/copy-hosts.json: hosts of mirrors, proxies and archives that may not be a `source`. */
  copyHosts?: { file: string; data: unknown };
  /** State Media Monitor profiles (src/data/smm-profiles.json): see smm-profiles.ts. */
  smmProfiles?: { file: string; data: unknown };
}

/** Wikipedia's perennial sources list, where the ratings come from. */
export const PERENNIAL_SOURCES = 'https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources';

const STATUS_WORDS: Record<string, string> = {
  'generally-reliable': 'generally reliable', 'no-consensus': 'a source with no consensus on its reliability',
  'generally-unreliable': 'generally unreliable', deprecated: 'deprecated', blacklisted: 'blacklisted',
};

/** What the claim says of a rating's year: the decision's year, or that the copy read does not record it. */
function ratingYearWords(rating: ImportedRating): string {
  if (rating.yearIs === 'rfc') return `status set by its ${rating.year} RfC`;
  if (rating.yearIs === 'last-discussed') return `no RfC; entry last discussed ${rating.year}`;
  return 'the copy read does not record the year of the decision';
}

/** When the imported ratings were read (the date of the import into this project). */
const IMPORT_READ_DATE = '2026-11-25';

/** The source of the classification for outlets that only come from the import. */
export const IMPORT_CLASSIFIER = {
  name: 'State Media Monitor data, via the Alliance for Securing Democracy',
  source: 'https://github.com/ASD-at-GMF/state-media-profiles',
};

function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.') || '(entry)';
}

function parseEntry<T extends v.GenericSchema>(schema: T, value: unknown, file: string, entry: string): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    const issue = result.issues[0];
    throw new RegistryError(file, entry, issuePath(issue), issue.message);
  }
  return result.output;
}

function entryName(value: unknown, position: number): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : `#${position + 1}`;
}

function parseArrayEntries<T extends v.GenericSchema>(schema: T, list: unknown, file: string): Array<v.InferOutput<T>> {
  if (!Array.isArray(list)) throw new RegistryError(file, '(file)', '(root)', 'must be an array of outlets');
  return list.map((item, i) => parseEntry(schema, item, file, entryName(item, i)));
}

export interface CompileOptions {
  /**
   * Decides each alias's class from data (the build passes src/build/alias-evidence.ts). Without it, a
   * curated alias keeps its hand-set class and every other alias is classified by its shape.
   */
  classifyAlias?: (alias: AliasToClassify) => AliasClass;
}

export function compileRegistry(sources: RegistrySources, options: CompileOptions = {}): CompiledRegistry {
  const { file: importedFile, data: importedData } = sources.imported;
  const head = v.safeParse(v.object({ source: v.unknown(), outlets: v.array(v.unknown()) }), importedData);
  if (!head.success) throw new RegistryError(importedFile, '(file)', issuePath(head.issues[0]), head.issues[0].message);
  const imported = parseArrayEntries(ImportedOutletSchema, head.output.outlets, importedFile);
  const source = parseEntry(ImportedFileSchema.entries.source, head.output.source, importedFile, '(source)');

  const outlets = new Map<string, Outlet>();
  const assetsOf = new Map<string, number>();
  for (const item of imported) assetsOf.set(`${item.country}|${item.company}`, (assetsOf.get(`${item.country}|${item.company}`) ?? 0) + 1);
  for (const item of imported) {
    if (outlets.has(item.id)) throw new RegistryError(importedFile, item.id, 'id', 'is used by two outlets');
    outlets.set(item.id, fromImported(item, assetsOf.get(`${item.country}|${item.company}`) === 1));
  }

  const copyHosts: CopyHost[] = sources.copyHosts
    ? parseEntry(CopyHostsFileSchema, sources.copyHosts.data, sources.copyHosts.file, '(file)').hosts
    : [];
  for (const { file, data } of sources.curated) {
    for (const profile of parseArrayEntries(CuratedOutletSchema, data, file)) {
      checkSources(profile, file, copyHosts);
      applyCurated(outlets, profile, file);
    }
  }

  // State Media Monitor profiles: those of companies the registry lacks become outlets; the others are counted.
  let smm: SmmSummary | undefined;
  if (sources.smmProfiles) {
    smm = applySmmProfiles(outlets, sources.smmProfiles.file, sources.smmProfiles.data, (o) => fromImported({
      id: o.id, name: o.name, company: o.name, country: o.country, region: '-', hosts: o.hosts, mirrors: [],
      typology: o.typology, status: 'active', rows: [], ...(o.kind ? { kind: o.kind } : {}),
    }, true));
  }

  if (sources.ratings) {
    for (const rating of parseArrayEntries(ImportedRatingSchema, sources.ratings.data, sources.ratings.file)) {
      const outlet = outlets.get(rating.id);
      if (!outlet) throw new RegistryError(sources.ratings.file, rating.id, 'id', 'is not an outlet in the registry');
      if (outlet.ratings.some((r) => r.by === 'wikipedia-rsp')) continue; // a curated rating wins
      const at = outlet.ratings.length;
      if (Boolean(rating.year) !== Boolean(rating.yearIs)) {
        throw new RegistryError(sources.ratings.file, rating.id, rating.year ? 'yearIs' : 'year', 'a year needs "yearIs" (what the year is), and "yearIs" a year');
      }
      outlet.ratings = [...outlet.ratings, { by: 'wikipedia-rsp', status: rating.status, ...(rating.year ? { year: rating.year } : {}), source: PERENNIAL_SOURCES }];
      outlet.evidence = [...outlet.evidence, {
        claim: `Wikipedia's perennial sources list rates "${rating.name}" ${STATUS_WORDS[rating.status]} (${ratingYearWords(rating)}; read in the list's ${rating.parse} copy).`,
        source: PERENNIAL_SOURCES,
        read: IMPORT_READ_DATE,
        supports: [`ratings.${at}`],
      }];
    }
  }

  if (sources.accounts) {
    for (const entry of parseArrayEntries(CheckedAccountsSchema, sources.accounts.data, sources.accounts.file)) applyCheckedAccounts(outlets, entry, sources.accounts.file);
  }

  const renames = parseEntry(RenamesSchema, sources.renames.data, sources.renames.file, '(renames)');
  for (const [from, to] of Object.entries(renames)) {
    if (outlets.has(from)) throw new RegistryError(sources.renames.file, from, from, 'is renamed but still exists');
    if (!outlets.has(to)) throw new RegistryError(sources.renames.file, from, from, `renamed to unknown id "${to}"`);
  }

  checkHosts(outlets);
  checkAccounts(outlets);
  for (const outlet of outlets.values()) {
    if (outlet.parent && !outlets.has(outlet.parent)) {
      throw new RegistryError(outlet.origin.includes('curated') ? 'curated' : importedFile, outlet.id, 'parent', `"${outlet.parent}" is not an outlet in the registry`);
    }
    if (outlet.parent === outlet.id) throw new RegistryError('curated', outlet.id, 'parent', 'is the outlet itself');
  }
  const sorted = [...outlets.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const droppedAliases = resolveSharedAliases(sorted);
  const aliasClasses = classifyAliases(sorted, options.classifyAlias);
  const index = buildIndex(sorted);
  return {
    droppedAliases,
    aliasClasses,
    index,
    packed: packIndex(index),
    outlets: Object.fromEntries(sorted.map((o) => [o.id, o])),
    renames,
    credit: source.credit,
    ...(smm ? { smm } : {}),
  };
}

function fromImported(item: ImportedOutlet, onlyAssetOfCompany = false): Outlet {
  const outlet: Outlet = {
    id: item.id,
    name: item.name,
    names: {},
    aliases: [],
    kind: item.kind ?? null,
    country: item.country,
    parent: item.parent ?? null,
    company: item.company === item.name ? null : item.company,
    hosts: item.hosts,
    mirrors: item.mirrors,
    domain: null,
    status: item.status,
    statusDate: null,
    accounts: item.accounts ?? [],
    typology: item.typology,
    typologyUncertain: item.typologyUncertain ?? false,
    classifiedBy: IMPORT_CLASSIFIER,
    founded: null,
    control: [],
    designations: [],
    ratings: [],
    evidence: [],
    origin: ['imported'],
  };
  outlet.aliases = deriveAliases(item.name, item.company, item.kind === 'group', onlyAssetOfCompany);
  outlet.domain = primaryDomain(outlet.hosts);
  return outlet;
}

function primaryDomain(hosts: readonly string[]): string | null {
  for (const host of hosts) {
    const domain = getDomain(host);
    if (domain) return domain;
  }
  return null;
}

/** Fields of a curated profile that state facts and so need evidence. */
function claimedFields(profile: CuratedOutlet): string[] {
  const fields: string[] = [];
  for (const lang of Object.keys(profile.names ?? {})) fields.push(`names.${lang}`);
  if (profile.founded) fields.push('founded');
  if (profile.classifiedBy) fields.push('typology');
  if (profile.status) fields.push('status');
  if (profile.accounts) fields.push('accounts');
  if (profile.parent) fields.push('parent');
  profile.control?.forEach((_, i) => fields.push(`control.${i}`));
  profile.designations?.forEach((_, i) => fields.push(`designations.${i}`));
  profile.ratings?.forEach((_, i) => fields.push(`ratings.${i}`));
  return fields;
}

function applyCurated(outlets: Map<string, Outlet>, profile: CuratedOutlet, file: string): void {
  const supported = new Set(profile.evidence.flatMap((e) => e.supports));
  for (const field of claimedFields(profile)) {
    if (!supported.has(field)) throw new RegistryError(file, profile.id, field, 'has no evidence (no evidence item supports it)');
  }
  for (const field of supported) {
    if (!claimedFields(profile).includes(field)) {
      throw new RegistryError(file, profile.id, 'evidence', `supports "${field}", which the profile does not state`);
    }
  }
  checkPeriods(profile, file);
  if (profile.status && profile.status !== 'active' && !profile.statusDate) {
    throw new RegistryError(file, profile.id, 'statusDate', `is required with status "${profile.status}": say when it began`);
  }
  if (profile.statusDate && !profile.status) throw new RegistryError(file, profile.id, 'statusDate', 'dates no "status"');
  const classified = profile.control?.findIndex((p) => p.typology) ?? -1;
  if (classified >= 0 && !profile.classifiedBy) {
    throw new RegistryError(file, profile.id, `control.${classified}.typology`, 'needs "classifiedBy": the card names who classified the outlet');
  }

  profile.aliases?.forEach((a, i) => {
    if (a.match && !a.matchReason) throw new RegistryError(file, profile.id, `aliases.${i}.match`, 'overrides the data: it needs "matchReason", saying why');
    if (a.matchReason && !a.match) throw new RegistryError(file, profile.id, `aliases.${i}.matchReason`, 'explains no "match"');
  });
  // Without a hand-set class, the class by shape until the data decides (classifyAliases).
  const curatedAliases: OutletAlias[] = (profile.aliases ?? []).map(({ match, matchReason, ...a }) => ({
    ...a,
    match: match ?? classify(a.text).match,
    ...(matchReason ? { reason: `set by hand: ${matchReason}`, override: true } : {}),
  }));

  let outlet = outlets.get(profile.id);
  if (!outlet) {
    if (!profile.name || !profile.country || !profile.control) {
      throw new RegistryError(file, profile.id, profile.name ? (profile.country ? 'control' : 'country') : 'name',
        'is required for an outlet that is not in the imported data');
    }
    outlet = {
      ...fromImported({
        id: profile.id, name: profile.name, company: profile.name, country: profile.country, region: '-',
        hosts: [], mirrors: [], typology: null, status: 'active', rows: [],
      }),
      origin: [],
      classifiedBy: profile.classifiedBy ?? IMPORT_CLASSIFIER,
    };
    outlets.set(profile.id, outlet);
  }
  const merged: Outlet = {
    ...outlet,
    name: profile.name ?? outlet.name,
    names: profile.names ?? outlet.names,
    // Curated aliases come first; the aliases derived from the imported names stay, at a lower priority.
    aliases: [...curatedAliases, ...outlet.aliases.filter((d) => !curatedAliases.some((a) => aliasKey(a) === aliasKey(d)))],
    kind: profile.kind ?? outlet.kind,
    country: profile.country ?? outlet.country,
    parent: profile.parent ?? outlet.parent,
    hosts: unique([...outlet.hosts, ...(profile.hosts ?? [])]),
    mirrors: unique([...outlet.mirrors, ...(profile.mirrors ?? [])]),
    status: profile.status ?? outlet.status,
    statusDate: profile.statusDate ?? outlet.statusDate,
    accounts: profile.accounts ?? outlet.accounts,
    founded: profile.founded ?? outlet.founded,
    classifiedBy: profile.classifiedBy ?? outlet.classifiedBy,
    control: profile.control ?? outlet.control,
    designations: profile.designations ?? outlet.designations,
    ratings: profile.ratings ?? outlet.ratings,
    evidence: profile.evidence,
    origin: unique([...outlet.origin, 'curated' as const]),
  };
  // The current control period's typology, when curated, is the outlet's category.
  const current = merged.control.find((p) => !p.to);
  if (current?.typology) merged.typology = current.typology;
  merged.domain = primaryDomain(merged.hosts);
  outlets.set(profile.id, merged);
}

/** Accounts checked by hand replace the imported ones; each evidence item must support them. */
function applyCheckedAccounts(outlets: Map<string, Outlet>, entry: CheckedAccounts, file: string): void {
  const outlet = outlets.get(entry.id);
  if (!outlet) throw new RegistryError(file, entry.id, 'id', 'is not an outlet in the registry');
  if (outlet.evidence.some((e) => e.supports.includes('accounts'))) throw new RegistryError(file, entry.id, 'accounts', 'are also set in the curated profile: keep one list');
  entry.evidence.forEach((e, i) => {
    if (e.supports.some((field) => field !== 'accounts')) throw new RegistryError(file, entry.id, `evidence.${i}.supports`, 'may only name "accounts" here');
  });
  outlet.accounts = entry.accounts;
  outlet.evidence = [...outlet.evidence, ...entry.evidence];
}

function checkPeriods(profile: CuratedOutlet, file: string): void {
  const periods = profile.control ?? [];
  periods.forEach((p, i) => {
    if (p.from && p.to && p.to < p.from) throw new RegistryError(file, profile.id, `control.${i}.to`, 'is before "from"');
    const next = periods[i + 1];
    if (next) {
      if (!p.to) throw new RegistryError(file, profile.id, `control.${i}.to`, 'is missing but a later period follows');
      if (!next.from || next.from < p.to) {
        throw new RegistryError(file, profile.id, `control.${i + 1}.from`, 'must start when the previous period ends, not before');
      }
    }
  });
}

function checkHosts(outlets: Map<string, Outlet>): void {
  const owner = new Map<string, string>();
  for (const outlet of outlets.values()) {
    for (const host of [...outlet.hosts, ...outlet.mirrors]) {
      // Link matching walks up a host's labels at run time; no registry host may be a public suffix
      // (Public Suffix List, via tldts), so a match never stops at "co.uk" or "gov.sy".
      if (getPublicSuffix(host, { allowPrivateDomains: true }) === host) {
        throw new RegistryError('registry', outlet.id, 'hosts', `"${host}" is a public suffix, not a site`);
      }
      // A platform's host is many outlets' and nobody's: an outlet's presence there is its accounts.
      if (platformOf(host)) throw new RegistryError('registry', outlet.id, 'hosts', `"${host}" is a platform: list the outlet's account in "accounts"`);
      const other = owner.get(host);
      if (other && other !== outlet.id) {
        throw new RegistryError('registry', outlet.id, 'hosts', `host "${host}" is also claimed by "${other}"`);
      }
      owner.set(host, outlet.id);
    }
  }
}

function checkAccounts(outlets: Map<string, Outlet>): void {
  const owner = new Map<string, string>();
  for (const outlet of outlets.values()) {
    outlet.accounts.forEach((account, i) => {
      const key = accountKey(account.platform, account.handle);
      const other = owner.get(key);
      if (other && other !== outlet.id) {
        throw new RegistryError('registry', outlet.id, `accounts.${i}`, `${account.platform} account "${account.handle}" is also claimed by "${other}"`);
      }
      owner.set(key, outlet.id);
    });
  }
}

function buildIndex(outlets: readonly Outlet[]): MatcherIndex {
  const index: MatcherIndex = { version: MATCHER_INDEX_VERSION, outlets: [], aliases: [], hosts: [], accounts: [], families: families(outlets), periods: [] };
  outlets.forEach((outlet, i) => {
    index.outlets.push([outlet.id, outlet.typology ?? '', outlet.domain ?? '', outlet.country]);
    // Periods whose category differs from the latest known one (VOA before its change; Anadolu before its split).
    const categories = outlet.control.map((period) => periodTypology(outlet, period));
    if (categories.some((typology) => typology && typology !== outlet.typology)) {
      index.periods.push([i, outlet.control.map((period, k) => [period.from ?? '', period.to ?? '', categories[k] ?? ''])]);
    }
    for (const alias of outlet.aliases) {
      const entry: MatcherIndex['aliases'][number] = [alias.text, i, aliasFlags(alias)];
      if (alias.notAfter?.length || alias.notBefore?.length) entry.push(alias.notAfter ?? [], alias.notBefore ?? []);
      index.aliases.push(entry);
    }
    for (const host of unique([...outlet.hosts, ...outlet.mirrors])) index.hosts.push([host, i]);
    for (const key of unique(outlet.accounts.map((a) => accountKey(a.platform, a.handle)))) index.accounts.push([key, i]);
  });
  return index;
}

/**
 * Families of outlets: a group with its members (parent), and outlets of one company. Each outlet in a family
 * with its family's first outlet; outlets alone are left out.
 */
function families(outlets: readonly Outlet[]): Array<[number, number]> {
  const at = new Map(outlets.map((o, i) => [o.id, i]));
  const root = outlets.map((_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]];
    return i;
  };
  const join = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) root[Math.max(x, y)] = Math.min(x, y);
  };
  const byCompany = new Map<string, number>();
  outlets.forEach((o, i) => {
    const parent = o.parent ? at.get(o.parent) : undefined;
    if (parent !== undefined) join(i, parent);
    if (o.company) {
      const first = byCompany.get(o.company);
      if (first === undefined) byCompany.set(o.company, i);
      else join(i, first);
    }
  });
  const size = new Map<number, number>();
  outlets.forEach((_, i) => size.set(find(i), (size.get(find(i)) ?? 0) + 1));
  const out: Array<[number, number]> = [];
  outlets.forEach((_, i) => {
    if ((size.get(find(i)) ?? 0) > 1) out.push([i, find(i)]);
  });
  return out;
}

/** Aliases compared as the matcher compares them: folded words, and their capitalisation when case matters. */
function aliasKey(alias: OutletAlias): string {
  const folded = fold(alias.text);
  const words = tokenize(alias.text).map((t) => wordKey(folded.slice(t.start, t.end)));
  return words.join(' ');
}

/** An outlet's own name is as strong as a curated alias; a company's acronym is weaker. */
const PRIORITY = { curated: 0, name: 0, company: 1 } as const;

/** Acronyms and names of widely cited outlets that are not state media (and so not in the registry). */
const NAMES_OF_OTHER_OUTLETS = new Set([
  'ABC', 'NBC', 'CBS', 'CNN', 'CNBC', 'MSNBC', 'ITV', 'FOX', 'AP', 'AFP', 'UPI', 'RTL', 'DPA', 'ANSA', 'SKY', 'HBO',
  'ABC News', 'NBC News', 'CBS News',
  // Names that papers in many countries carry ("The Star" of Toronto and Nairobi, Britain's "Mirror", the "Daily
  // Star", Glasgow's and Gqeberha's "Herald"): "The Star reported" in a Canadian story is not South Africa's.
  'The Chronicle', 'The Star', 'Star', 'The Mirror', 'Daily Voice', 'The Herald',
]);

/**
 * One alias text, one outlet. A curated alias wins over derived ones; an alias derived from an outlet's own
 * name wins over one derived from its company's acronym; derived aliases that several outlets would still
 * share are dropped (and reported), since the reader could not be told which outlet is meant. Two curated
 * outlets claiming the same alias is an error to resolve by hand.
 */
function resolveSharedAliases(outlets: Outlet[]): Record<string, string[]> {
  const groups = new Map<string, Array<{ outlet: Outlet; alias: OutletAlias; rank: number }>>();
  for (const outlet of outlets) {
    for (const alias of outlet.aliases) {
      const key = aliasKey(alias);
      const list = groups.get(key) ?? [];
      list.push({ outlet, alias, rank: PRIORITY[alias.derived ?? 'curated'] });
      groups.set(key, list);
    }
  }
  const dropped: Record<string, string[]> = {};
  const remove = new Set<OutletAlias>();
  const shared = new Set<OutletAlias>();
  const preferred = new Set<OutletAlias>();
  // A country's English name is never an outlet's alias on its own ("Iran" the newspaper): too often the country.
  for (const outlet of outlets) {
    for (const alias of outlet.aliases) {
      const words = tokenize(alias.text).map((t) => alias.text.slice(t.start, t.end)).join(' ');
      if (/^[\p{Script=Latin}\s.'-]+$/u.test(words) && isCountryName(words)) {
        remove.add(alias);
        (dropped[alias.text] ??= []).push(outlet.id);
      }
    }
  }
  for (const list of groups.values()) {
    if (new Set(list.map((e) => e.outlet.id)).size < 2) continue;
    const best = Math.min(...list.map((e) => e.rank));
    const winners = list.filter((e) => e.rank === best);
    const winnerIds = [...new Set(winners.map((e) => e.outlet.id))];
    // Several outlets at the best priority share the alias ("CNA" in Taiwan, Cyprus and Singapore): all keep
    // it, marked shared; the matcher then needs a cue in the text (the country) to tell which one is meant.
    // When exactly one of the sharers has a curated profile, it is the one meant when nothing else tells.
    const curatedWinners = [...new Set(winners.filter((e) => e.outlet.origin.includes('curated')).map((e) => e.outlet.id))];
    for (const e of list) {
      if (e.rank === best) {
        if (winnerIds.length > 1) shared.add(e.alias);
        if (winnerIds.length > 1 && curatedWinners.length === 1 && curatedWinners[0] === e.outlet.id) preferred.add(e.alias);
        continue;
      }
      remove.add(e.alias);
      (dropped[e.alias.text] ??= []).push(e.outlet.id);
    }
  }
  // Acronyms and names that also name well-known outlets outside the registry ("NBC": Namibia's broadcaster,
  // and America's network; "The Star"): like a shared alias, they count only with a cue (the country, a
  // state-media description next to the name, or the outlet's full name or a link to its site on the page).
  for (const outlet of outlets) {
    for (const alias of outlet.aliases) {
      if (NAMES_OF_OTHER_OUTLETS.has(alias.text)) {
        shared.add(alias);
        preferred.delete(alias); // no default: the outlet outside the registry is as likely
      }
    }
  }
  for (const outlet of outlets) {
    outlet.aliases = outlet.aliases.filter((a) => !remove.has(a))
      .map((a) => (shared.has(a) ? { ...a, shared: true, ...(preferred.has(a) ? { preferred: true } : {}) } : a));
  }
  return dropped;
}

/**
 * Each alias's class, from the data when the build gives a classifier; a hand-set class with its reason
 * stays. Runs after the shared aliases are resolved, so that "shared" means an outlet that keeps the alias.
 */
function classifyAliases(outlets: Outlet[], classifier: CompileOptions['classifyAlias']): AliasDecision[] {
  const holders = new Map<string, string[]>();
  for (const outlet of outlets) {
    for (const alias of outlet.aliases) {
      const key = aliasKey(alias);
      holders.set(key, [...new Set([...(holders.get(key) ?? []), outlet.id])]);
    }
  }
  const decisions: AliasDecision[] = [];
  for (const outlet of outlets) {
    outlet.aliases = outlet.aliases.map((alias) => {
      const { override, ...rest } = alias as OutletAlias & { override?: boolean };
      const before = alias.match;
      let decided: AliasClass | null = null;
      if (!override && classifier) {
        decided = classifier({
          text: alias.text, outletId: outlet.id, country: outlet.country, caseSensitive: alias.caseSensitive,
          derived: alias.derived, sharedWith: (holders.get(aliasKey(alias)) ?? []).filter((id) => id !== outlet.id),
        });
      }
      const next: OutletAlias = decided ? { ...rest, match: decided.match, reason: decided.reason } : rest;
      decisions.push({ id: outlet.id, text: alias.text, match: next.match, reason: next.reason ?? 'by shape', before, override: Boolean(override) });
      return next;
    });
  }
  return decisions;
}

function aliasFlags(alias: OutletAlias): number {
  return (alias.match === 'ambiguous' ? ALIAS_AMBIGUOUS : 0)
    | (alias.caseSensitive ? ALIAS_CASE_SENSITIVE : 0)
    | (alias.strict ? ALIAS_STRICT : 0)
    | ((alias as OutletAlias).shared ? ALIAS_SHARED : 0)
    | ((alias as OutletAlias).preferred ? ALIAS_PREFERRED : 0);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
