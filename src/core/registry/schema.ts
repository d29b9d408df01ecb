/**
 * The registry's source format (src/data), validated at build time. A malformed entry fails the build with
 * a message naming the entry and the field (see formatIssues in validate.ts).
 */
import * as v from 'valibot';
import { TYPOLOGIES } from '../typology';
import { PLATFORMS, type Platform } from './platforms';

// The field types the registry's files share (smm-profiles.ts and copy-hosts.ts use them too).
export const isoDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)'));
export const httpsUrl = v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be an https URL'));
/** A copy's address: some copies are served over plain http only (the original, in `source`, is always https). */
export const webUrl = v.pipe(v.string(), v.url('must be a URL'), v.regex(/^https?:\/\//, 'must be an http(s) URL'));
export const host = v.pipe(
  v.string(),
  v.regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, 'must be a lower-case host name'),
);
export const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug'));
export const country = v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'));
export const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

export const KINDS = ['agency', 'tv', 'radio', 'newspaper', 'online', 'broadcaster', 'group'] as const;
export const STATUSES = ['active', 'defunct', 'not-functional'] as const;

export const AliasSchema = v.strictObject({
  text: nonEmpty,
  /**
   * distinctive: matches alone. ambiguous: needs media context (see match/context.ts). The build decides it
   * from data (src/build/alias-evidence.ts); set here only to override the data, with `matchReason`.
   */
  match: v.optional(v.picklist(['distinctive', 'ambiguous'])),
  /** Why the hand-set `match` overrides the data: required with it (the build prints it). */
  matchReason: v.optional(nonEmpty),
  /** Case-sensitive aliases match only as written ("SANA", "Sana"); others ignore case. */
  caseSensitive: v.optional(v.boolean()),
  /**
   * For ambiguous aliases: a distinctive alias of the same outlet elsewhere on the page is not enough context
   * (used for forms that are also common given names, such as "Sana").
   */
  strict: v.optional(v.boolean()),
  /** Words that, right after the alias, mean something else ("CCTV cameras", "Sputnik V", "Fars province"). */
  notAfter: v.optional(v.array(nonEmpty)),
  /** Words that, right before the alias, mean something else ("Mir" after "the space station"). */
  notBefore: v.optional(v.array(nonEmpty)),
});

export const ControlPeriodSchema = v.strictObject({
  from: v.optional(isoDate),
  to: v.optional(isoDate),
  typology: v.optional(v.picklist(TYPOLOGIES)),
  controller: nonEmpty,
  note: v.optional(nonEmpty),
});

export const DesignationSchema = v.strictObject({
  authority: v.picklist(['EU', 'US', 'UK', 'CA', 'UA', 'other']),
  kind: v.picklist(['sanctions', 'broadcast-ban', 'foreign-mission', 'other']),
  /** The date it took effect. */
  from: isoDate,
  /** The date it was decided, where that differs from the date it took effect (a Council decision, then its entry into force). */
  decided: v.optional(isoDate),
  to: v.optional(isoDate),
  note: v.optional(nonEmpty),
});


export const AccountSchema = v.pipe(
  v.strictObject({ platform: v.picklist(Object.keys(PLATFORMS) as Platform[]), handle: nonEmpty }),
  v.check((a) => PLATFORMS[a.platform].test(a.handle), 'handle: is not a valid handle for its platform'),
);

export const RatingSchema = v.strictObject({
  by: v.picklist(['wikipedia-rsp']),
  status: v.picklist(['generally-reliable', 'no-consensus', 'generally-unreliable', 'deprecated', 'blacklisted']),
  /** The year of the decision behind the status; absent when no source records it (never the year of a copy). */
  year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2000))),
  source: httpsUrl,
});

export const EvidenceSchema = v.strictObject({
  claim: nonEmpty,
  source: httpsUrl,
  read: v.pipe(v.string(), v.isoDate('must be a date YYYY-MM-DD')),
  /** The copy actually read when the original page (`source`) could not be: an archive, a mirror, a feed's copy. */
  via: v.optional(webUrl),
  /** The fields this evidence supports, e.g. "typology", "names.ar", "control.1", "founded". */
  supports: v.pipe(v.array(nonEmpty), v.minLength(1, 'must name at least one field')),
});

/** One outlet as the import writes it (src/data/imported.json). */
export const ImportedOutletSchema = v.strictObject({
  id,
  name: nonEmpty,
  company: nonEmpty,
  kind: v.optional(v.picklist(KINDS)),
  country,
  region: nonEmpty,
  parent: v.optional(id),
  hosts: v.array(host),
  mirrors: v.array(host),
  /** Hosts this outlet shares with another outlet of its company that owns them for link matching. */
  sharedHosts: v.optional(v.array(host)),
  typology: v.nullable(v.picklist(TYPOLOGIES)),
  typologyUncertain: v.optional(v.boolean()),
  status: v.picklist(STATUSES),
  /** Official accounts as the matrix lists them, normalised (see import-smm.ts accountOf). */
  accounts: v.optional(v.array(AccountSchema)),
  /** 1-based data row numbers in the source CSV, for tracing. */
  rows: v.array(v.number()),
});

export const ImportedFileSchema = v.strictObject({
  source: v.strictObject({ file: nonEmpty, commit: nonEmpty, credit: nonEmpty, license: nonEmpty }),
  outlets: v.array(ImportedOutletSchema),
});

/** A curated profile (src/data/curated/<cc>.json): overlays the imported outlet of the same id, or stands alone. */
export const CuratedOutletSchema = v.strictObject({
  id,
  name: v.optional(nonEmpty),
  names: v.optional(v.record(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'must be a language tag')), nonEmpty)),
  aliases: v.optional(v.pipe(v.array(AliasSchema), v.minLength(1))),
  kind: v.optional(v.picklist(KINDS)),
  country: v.optional(country),
  parent: v.optional(id),
  hosts: v.optional(v.array(host)),
  mirrors: v.optional(v.array(host)),
  status: v.optional(v.picklist(STATUSES)),
  /** When the status began: the date an outlet closed or stopped working. Required with `status`. */
  statusDate: v.optional(isoDate),
  /** Official accounts checked by hand; replaces the imported list. */
  accounts: v.optional(v.array(AccountSchema)),
  founded: v.optional(isoDate),
  /** The typology source shown on the card ("State Media Monitor, Aug 2023"). */
  classifiedBy: v.optional(v.strictObject({ name: nonEmpty, source: httpsUrl, date: v.optional(isoDate) })),
  control: v.optional(v.pipe(v.array(ControlPeriodSchema), v.minLength(1))),
  designations: v.optional(v.array(DesignationSchema)),
  ratings: v.optional(v.array(RatingSchema)),
  evidence: v.pipe(v.array(EvidenceSchema), v.minLength(1, 'a curated profile needs evidence')),
});

export const CuratedFileSchema = v.array(CuratedOutletSchema);

/**
 * src/data/accounts.json: official accounts checked by hand against a page that shows them (the outlet's own
 * site linking them, its Wikipedia article...), which replace the imported ones of that outlet.
 */
export const CheckedAccountsSchema = v.strictObject({
  id,
  accounts: v.pipe(v.array(AccountSchema), v.minLength(1, 'must list at least one account')),
  evidence: v.pipe(v.array(EvidenceSchema), v.minLength(1, 'checked accounts need evidence')),
});
export type CheckedAccounts = v.InferOutput<typeof CheckedAccountsSchema>;

/** src/data/ratings.json, written by scripts/import-rsp.ts from Wikipedia's perennial sources list. */
export const ImportedRatingSchema = v.strictObject({
  id,
  /** The entry's name on the list. */
  name: nonEmpty,
  status: v.picklist(['generally-reliable', 'no-consensus', 'generally-unreliable', 'deprecated', 'blacklisted']),
  /**
   * The year of the decision behind the status: the RfC that set it, or, for an entry that rests on discussions
   * without an RfC, the year the list says it was last discussed (see yearIs). Absent when the data records
   * neither (the 2021 copy keeps no discussion years): the year of a copy is never a decision's year.
   */
  year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2000))),
  /** What the year is: "rfc" (the RfC that set the status) or "last-discussed". Required with year. */
  yearIs: v.optional(v.picklist(['rfc', 'last-discussed'])),
  /** Which parse of the list it comes from: "2026-04" or "2021-03-17". */
  parse: nonEmpty,
});
export type ImportedRating = v.InferOutput<typeof ImportedRatingSchema>;
export const RenamesSchema = v.record(id, id);

export type Alias = v.InferOutput<typeof AliasSchema>;
export type ControlPeriod = v.InferOutput<typeof ControlPeriodSchema>;
export type Designation = v.InferOutput<typeof DesignationSchema>;
export type Account = v.InferOutput<typeof AccountSchema>;
export type Rating = v.InferOutput<typeof RatingSchema>;
export type Evidence = v.InferOutput<typeof EvidenceSchema>;
export type ImportedOutlet = v.InferOutput<typeof ImportedOutletSchema>;
export type ImportedFile = v.InferOutput<typeof ImportedFileSchema>;
export type CuratedOutlet = v.InferOutput<typeof CuratedOutletSchema>;
export type Kind = (typeof KINDS)[number];
export type Status = (typeof STATUSES)[number];
