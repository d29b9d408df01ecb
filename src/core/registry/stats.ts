/** Counts over the compiled registry, for `npm run registry:stats`. */
import { TYPOLOGIES, type Typology } from '../typology';
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
  /** State Media Monitor profiles (smm-profiles.json) with at least one registry outlet, imported or added. */
  smmProfiles: number;
  /** Profiles known by name that could not be read. */
  smmUnreachable: number;
}

/** The facts a curated outlet states, by field name as evidence items name them. */
export function statedFacts(o: Outlet): string[] {
  const facts: string[] = Object.keys(o.names).map((lang) => `names.${lang}`);
  if (o.founded) facts.push('founded');
  if (o.classifiedBy.source.startsWith('https://github.com/ASD-at-GMF')) {
    // Classified by the imported data (credited), not by a curated claim.
  } else facts.push('typology');
  if (o.parent) facts.push('parent');
  if (o.statusDate) facts.push('status');
  o.control.forEach((_, i) => facts.push(`control.${i}`));
  o.designations.forEach((_, i) => facts.push(`designations.${i}`));
  o.ratings.forEach((_, i) => facts.push(`ratings.${i}`));
  return facts;
}

export function registryStats(registry: CompiledRegistry): RegistryStats {
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
  return {
    outlets: all.length,
    hosts: registry.index.hosts.length,
    countries: new Set(all.map((o) => o.country)).size,
    curated: curated.length,
    curatedCountries: new Set(curated.map((o) => o.country)).size,
    claims,
    sourcedClaims,
    byTypology,
    smmProfiles: registry.smm?.profiles ?? 0,
    smmUnreachable: registry.smm?.unreachable.length ?? 0,
  };
}
