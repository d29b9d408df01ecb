/** Counts over the compiled registry, for `npm run registry:stats`. */
import { getDomain } from 'tldts';
import { TYPOLOGIES, type Typology } from '../typology';
import { classificationDate, classifiedByImport } from './classification';
import type { CompiledRegistry, Outlet } from './types';

export interface RegistryStats {
  outlets: number;
  hosts: number;
  countries: number;
  curated: number;
  curatedCountries: number;
  /** Facts stated by curated profiles: native names, founding dates, parents, classifications, control periods, designations, ratings. */
  claims: number;
  /** Of those, the ones an evidence item supports. */
  sourcedClaims: number;
  byTypology: Record<Typology | 'none', number>;
  /** Curated outlets whose evidence has one source host (counted by registrable domain: en.m.wikipedia.org is wikipedia.org). */
  singleSourced: number;
  /** Evidence items read in a copy or an archive (with a `via`) because the original could not be read. */
  copySources: number;
  /** Official account handles (platform + handle) over all outlets. */
  accounts: number;
  /**
   * The newest and the oldest classification date (YYYY, YYYY-MM or YYYY-MM-DD): classifiedBy.date of curated
   * outlets, and the matrix's 2024 for outlets classified by the import only. Curated outlets whose
   * classifiedBy has no date are left out.
   */
  newestClassification: string | null;
  oldestClassification: string | null;
  /**
   * Outlets with no classification newer than two years before `today` (registryStats' parameter). A date given
   * as a year or a month counts from its first day, so an outlet is current only when surely within the two
   * years; an outlet with no dated classification counts as stale.
   */
  staleClassifications: number;
  /** State Media Monitor profiles (smm-profiles.json) with at least one registry outlet, imported or added. */
  smmProfiles: number;
  /** Profiles known by name that could not be read. */
  smmUnreachable: number;
}

/** The first day a partial ISO date can mean ("2024" → "2024-01-01"). */
function firstDay(date: string): string {
  return `${date}-01-01`.slice(0, 10);
}

/** The day two years before an ISO day (29 February compares as the 29th, which sorts after the 28th). */
function twoYearsBefore(day: string): string {
  return `${Number(day.slice(0, 4)) - 2}${day.slice(4)}`;
}

/** The registrable domain of a URL's host, or the host when it has none. */
function sourceHost(url: string): string {
  const host = new URL(url).hostname.replace(/\.$/, '');
  return getDomain(host) ?? host;
}

/** The facts a curated outlet states, by field name as evidence items name them. */
export function statedFacts(o: Outlet): string[] {
  const facts: string[] = Object.keys(o.names).map((lang) => `names.${lang}`);
  if (o.founded) facts.push('founded');
  // (An outlet classified by the imported data, credited, states no typology of its own.)
  if (!classifiedByImport(o)) facts.push('typology');
  if (o.parent) facts.push('parent');
  if (o.statusDate) facts.push('status');
  o.control.forEach((_, i) => facts.push(`control.${i}`));
  o.designations.forEach((_, i) => facts.push(`designations.${i}`));
  o.ratings.forEach((_, i) => facts.push(`ratings.${i}`));
  return facts;
}

/** `today` (YYYY-MM-DD) dates the staleness count; tests pass a fixed day. */
export function registryStats(registry: CompiledRegistry, today: string = new Date().toISOString().slice(0, 10)): RegistryStats {
  const all = Object.values(registry.outlets);
  const curated = all.filter((o) => o.origin.includes('curated'));
  let claims = 0;
  let sourcedClaims = 0;
  for (const o of curated) {
    const supported = new Set(o.evidence.flatMap((e) => e.supports));
    for (const fact of statedFacts(o)) {
      claims++;
      if (supported.has(fact)) sourcedClaims++;
    }
  }
  const byTypology = Object.fromEntries([...TYPOLOGIES, 'none'].map((t) => [t, 0])) as Record<Typology | 'none', number>;
  for (const o of all) byTypology[o.typology ?? 'none']++;
  const dates = all.map(classificationDate);
  const known = dates.filter((d): d is string => d !== null).sort((a, b) => (firstDay(a) < firstDay(b) ? -1 : firstDay(a) > firstDay(b) ? 1 : 0));
  const cutoff = twoYearsBefore(today);
  return {
    outlets: all.length,
    hosts: registry.index.hosts.length,
    countries: new Set(all.map((o) => o.country)).size,
    curated: curated.length,
    curatedCountries: new Set(curated.map((o) => o.country)).size,
    claims,
    sourcedClaims,
    byTypology,
    singleSourced: curated.filter((o) => new Set(o.evidence.map((e) => sourceHost(e.source))).size === 1).length,
    copySources: all.reduce((n, o) => n + o.evidence.filter((e) => e.via).length, 0),
    accounts: all.reduce((n, o) => n + o.accounts.length, 0),
    newestClassification: known.at(-1) ?? null,
    oldestClassification: known[0] ?? null,
    staleClassifications: dates.filter((d) => d === null || firstDay(d) < cutoff).length,
    smmProfiles: registry.smm?.profiles ?? 0,
    smmUnreachable: registry.smm?.unreachable.length ?? 0,
  };
}
