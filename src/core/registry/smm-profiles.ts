/**
 * The State Media Monitor's outlet profiles (src/data/smm-profiles.json): every profile page found on
 * statemediamonitor.com, up to the 2025 edition, mapped to the registry's outlets. Pure: the compiler hands
 * it the outlets and the file's data. A profile mapped to outlets known from the 2024 matrix alone classifies
 * them, where it states a category (its date is newer than the matrix's); outlets with a curated profile keep
 * their own. A profile whose company or outlet the registry lacks becomes an outlet of its own, classified by
 * the profile. Either way, one evidence item is generated from the profile. A malformed entry fails the build naming the entry
 * and the field.
 */
import * as v from 'valibot';
import { TYPOLOGIES, type Typology } from '../typology';
import { RegistryError } from './errors';
import { cleanAssetName, idBase, slugify } from './import-smm';
import { country, host, httpsUrl, id, nonEmpty, webUrl, type Evidence, type Kind } from './schema';
import type { Outlet } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const TYPOLOGY_WORDS: Record<Typology, string> = {
  SC: 'State-Controlled (SC)',
  CaPu: 'Captured Public/State-Managed (CaPu)',
  CaPr: 'Captured Private (CaPr)',
  ISFM: 'Independent State-Funded and State-Managed (ISFM)',
  ISF: 'Independent State-Funded (ISF)',
  ISM: 'Independent State-Managed (ISM)',
  IP: 'Independent Public (IP)',
};

/** A profile's own address: the original page on statemediamonitor.com, never a copy. */
const profileUrl = v.pipe(
  httpsUrl,
  v.regex(/^https:\/\/statemediamonitor\.com\/20\d\d\/\d\d\/[a-z0-9%-]+\/?$/, 'must be a statemediamonitor.com profile URL (https://statemediamonitor.com/YYYY/MM/slug)'),
);

export const SmmProfileSchema = v.strictObject({
  url: profileUrl,
  /**
   * The copy actually read, when the search index only had a copy of the original page (often a copy of the
   * site's RSS feed, which some hosts serve over plain http).
   */
  via: v.optional(webUrl),
  /** The company or outlet as the page names it. */
  name: nonEmpty,
  country,
  /** The profile's date (its URL's /YYYY/MM/). */
  date: v.pipe(v.string(), v.regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')),
  /** As the page's "State Media Matrix Typology" section states it; absent when the page gives none. */
  typology: v.optional(v.picklist(TYPOLOGIES)),
  /** Registry ids the profile covers; empty when the registry lacks the company (it then becomes an outlet). */
  outlets: v.array(id),
  /** Asset names the page lists that have no registry id. */
  assets: v.array(nonEmpty),
  /** Web sites the page gives. */
  hosts: v.array(host),
  /** Older editions of the same profile. */
  older: v.optional(v.array(profileUrl)),
});

export const SmmUnreachableSchema = v.strictObject({ name: nonEmpty, country, why: nonEmpty });

export const SmmProfilesFileSchema = v.strictObject({
  read: v.pipe(v.string(), v.isoDate('must be a date YYYY-MM-DD')),
  profiles: v.array(v.unknown()),
  unreachable: v.array(v.unknown()),
});

export type SmmProfile = v.InferOutput<typeof SmmProfileSchema>;
export type SmmUnreachable = v.InferOutput<typeof SmmUnreachableSchema>;

/** What the profiles did to the registry, for `registry:stats` and the integrator. */
export interface SmmSummary {
  /** Profiles with at least one registry outlet (mapped or added). */
  profiles: number;
  /** Profiles mapped to outlets already in the registry. */
  mapped: number;
  /** Ids of the outlets the profiles added. */
  added: string[];
  unreachable: SmmUnreachable[];
  /** Mapped outlets without a curated profile whose imported typology differs from the profile's. */
  typologyDiffers: Array<{ id: string; imported: Typology | null; profile: Typology; url: string }>;
}

function fail(file: string, entry: string, issue: v.BaseIssue<unknown>, prefix = ''): never {
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  throw new RegistryError(file, entry, prefix + (path || '(entry)'), issue.message);
}

function entryOf(value: unknown, position: number): string {
  const o = value as { url?: unknown; name?: unknown } | null;
  if (typeof o?.url === 'string' && o.url) return o.url;
  if (typeof o?.name === 'string' && o.name) return o.name;
  return `#${position + 1}`;
}

/** Validates the file; the first bad entry fails, naming the entry (its URL or name) and the field. */
export function parseSmmProfiles(file: string, data: unknown): { read: string; profiles: SmmProfile[]; unreachable: SmmUnreachable[] } {
  const head = v.safeParse(SmmProfilesFileSchema, data);
  if (!head.success) fail(file, '(file)', head.issues[0]);
  const profiles = head.output.profiles.map((p, i) => {
    const r = v.safeParse(SmmProfileSchema, p);
    if (!r.success) fail(file, entryOf(p, i), r.issues[0]);
    const month = r.output.url.match(/\/(20\d\d)\/(\d\d)\//)!;
    if (r.output.date !== `${month[1]}-${month[2]}`) {
      throw new RegistryError(file, r.output.url, 'date', `is not the profile's date in its URL (${month[1]}-${month[2]})`);
    }
    return r.output;
  });
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p.url)) throw new RegistryError(file, p.url, 'url', 'is listed twice');
    seen.add(p.url);
  }
  const unreachable = head.output.unreachable.map((u, i) => {
    const r = v.safeParse(SmmUnreachableSchema, u);
    if (!r.success) fail(file, entryOf(u, i), r.issues[0]);
    return r.output;
  });
  return { read: head.output.read, profiles, unreachable };
}

function monthWords(date: string): string {
  const [y, m] = date.split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
}

/** The id a profile's new outlet gets: its name's slug, then with the country, then numbered (as the import does). */
function newId(profile: SmmProfile, taken: (id: string) => boolean): string {
  const base = idBase(profile.name, profile.hosts[0]) || slugify(profile.hosts[0] ?? '') || 'outlet';
  for (const c of [base, `${base}-${profile.country.toLowerCase()}`]) if (!taken(c)) return c;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** The evidence item a profile gives: what it covers and, where the page states one, its category. */
function profileEvidence(profile: SmmProfile, read: string): Evidence {
  const when = monthWords(profile.date);
  const assets = profile.assets.length ? ` It lists among its assets ${profile.assets.join(', ')}.` : '';
  return {
    claim: (profile.typology
      ? `State Media Monitor's profile of ${when} covers ${profile.name} and places it in the State Media Matrix category ${TYPOLOGY_WORDS[profile.typology]}.${assets}`
      : `State Media Monitor's profile of ${when} covers ${profile.name}; the text of the page read gives no State Media Matrix category.${assets}`),
    source: profile.url,
    read,
    ...(profile.via ? { via: profile.via } : {}),
    supports: [profile.typology ? 'typology' : 'name'],
  };
}

/**
 * Applies the profiles to the outlets (in place). makeOutlet builds a bare outlet as the compiler does for an
 * imported one, so aliases and domain come out the same way.
 */
export function applySmmProfiles(
  outlets: Map<string, Outlet>,
  file: string,
  data: unknown,
  makeOutlet: (o: { id: string; name: string; country: string; hosts: string[]; typology: Typology | null; kind?: Kind }) => Outlet,
): SmmSummary {
  const { read, profiles, unreachable } = parseSmmProfiles(file, data);
  const summary: SmmSummary = { profiles: 0, mapped: 0, added: [], unreachable, typologyDiffers: [] };
  for (const profile of profiles) {
    if (profile.outlets.length) {
      profile.outlets.forEach((outletId, i) => {
        const outlet = outlets.get(outletId);
        if (!outlet) throw new RegistryError(file, profile.url, `outlets.${i}`, `"${outletId}" is not an outlet in the registry`);
        if (!profile.typology || outlet.origin.includes('curated')) return;
        if (outlet.typology !== profile.typology) {
          summary.typologyDiffers.push({ id: outletId, imported: outlet.typology, profile: profile.typology, url: profile.url });
        }
        // An outlet known from the 2024 matrix alone is classified by the newer profile (a curated profile has
        // been checked against the newest one by hand, and keeps its own).
        outlets.set(outletId, {
          ...outlet,
          typology: profile.typology,
          typologyUncertain: false,
          classifiedBy: { name: 'State Media Monitor', source: profile.url, date: profile.date },
          evidence: [...outlet.evidence, profileEvidence(profile, read)],
          origin: [...new Set([...outlet.origin, 'smm-profile' as const])],
        });
      });
      summary.mapped++;
      summary.profiles++;
      continue;
    }
    const outletId = newId(profile, (c) => outlets.has(c));
    const { kind } = cleanAssetName(profile.name);
    const outlet = makeOutlet({ id: outletId, name: profile.name, country: profile.country, hosts: profile.hosts, typology: profile.typology ?? null, ...(kind ? { kind } : {}) });
    outlets.set(outletId, {
      ...outlet,
      classifiedBy: { name: 'State Media Monitor', source: profile.url, date: profile.date },
      evidence: [profileEvidence(profile, read)],
      origin: ['smm-profile'],
    });
    summary.added.push(outletId);
    summary.profiles++;
  }
  return summary;
}
