import type { Typology } from '../typology';
import type { Account, ControlPeriod, Designation, Evidence, Kind, Rating, Status } from './schema';
import type { AliasMatch, OutletAlias } from './derive-aliases';
import type { PackedIndex } from './pack';
import type { SmmSummary } from './smm-profiles';

/** One outlet after merging the imported data with its curated profile: what the card shows. */
export interface Outlet {
  id: string;
  name: string;
  /** Native-script names by language tag. */
  names: Record<string, string>;
  aliases: OutletAlias[];
  kind: Kind | null;
  country: string;
  parent: string | null;
  company: string | null;
  hosts: string[];
  mirrors: string[];
  /** Primary registrable domain (sana.sy, rt.com), or null when the outlet has no known site. */
  domain: string | null;
  status: Status;
  /** When the status began (the date an outlet closed), or null. */
  statusDate: string | null;
  /** Official accounts on the platforms (X, YouTube, Telegram...). */
  accounts: Account[];
  typology: Typology | null;
  typologyUncertain: boolean;
  classifiedBy: { name: string; source: string; date?: string | undefined };
  founded: string | null;
  control: ControlPeriod[];
  designations: Designation[];
  ratings: Rating[];
  evidence: Evidence[];
  /** Where the outlet comes from: the imported matrix, a curated profile, or a State Media Monitor profile (smm-profiles.json) alone. */
  origin: Array<'imported' | 'curated' | 'smm-profile'>;
}

/** Alias flags in the matcher index. */
export const ALIAS_AMBIGUOUS = 1;
export const ALIAS_CASE_SENSITIVE = 2;
export const ALIAS_STRICT = 4;
/** The alias belongs to several outlets; a cue in the text must say which. (8 is ALIAS_RUN, see pack.ts.) */
export const ALIAS_SHARED = 16;
/** Of the outlets sharing an alias, the one (with a curated profile) meant when the text gives no cue. */
export const ALIAS_PREFERRED = 32;

/**
 * Aliases of at most this many words match only with their capitals ("Global Times", not "global times"),
 * unless written in lower case or case-sensitive; longer ones also in lower case. The matcher applies it, and
 * the prefilter's RegExp must find every name it lets through.
 */
export const SHORT_NAME_WORDS = 3;

export const MATCHER_INDEX_VERSION = 2;

/**
 * What the content script and the CLI load: compact arrays, no prose. Built once at build time; the matcher
 * is constructed from it without parsing the registry.
 */
export interface MatcherIndex {
  version: typeof MATCHER_INDEX_VERSION;
  /** [id, typology or "", domain or "", country] */
  outlets: Array<[string, string, string, string?]>;
  /** [alias text, outlet index, flags, words ruling it out right after, words ruling it out right before] */
  aliases: Array<[string, number, number, string[]?, string[]?]>;
  /** [host, outlet index]; mirrors included. */
  hosts: Array<[string, number]>;
  /** [account key (see match/accounts.ts accountKey: "x:rt_com", "youtube:@cgtn"), outlet index]. */
  accounts: Array<[string, number]>;
  /**
   * [outlet index, index of its family's first outlet] for outlets in a family: a parent group and its members,
   * or outlets of one company ("Xinhua" and "CNC World"). On an outlet's site, links to its family are navigation.
   */
  families: Array<[number, number]>;
  /**
   * [outlet index, its control periods as [from or "", to or "", category or ""]] for outlets whose category
   * in some period differs from their latest known one, so that an article is coloured by the category of its
   * own date. "": no classification covers the period.
   */
  periods: Array<[number, Array<[string, string, string]>]>;
}

export interface CompiledRegistry {
  index: MatcherIndex;
  /** The same index packed for the content script (see pack.ts). */
  packed: PackedIndex;
  /** Derived aliases dropped because several outlets would share them (text → outlet ids). */
  droppedAliases: Record<string, string[]>;
  /** Every alias's class, why, and its class before the data decided (see compile.ts classifyAliases). */
  aliasClasses: AliasDecision[];
  outlets: Record<string, Outlet>;
  renames: Record<string, string>;
  credit: string;
  /** What src/data/smm-profiles.json did: profiles mapped and outlets added (absent without the file). */
  smm?: SmmSummary;
}

/** One alias as the compiler hands it to the classifier. */
export interface AliasToClassify {
  text: string;
  outletId: string;
  /** The outlet's country (ISO 3166-1 alpha-2): its languages decide which words are common there. */
  country: string;
  caseSensitive?: boolean | undefined;
  derived?: 'name' | 'company' | undefined;
  /** Other outlets of the registry that keep the same alias ("BNA": Bahrain's and Afghanistan's agencies). */
  sharedWith: string[];
}

/** An alias's class and why: "common word: german #90", "two letters", "not a common word, name or place". */
export interface AliasClass {
  match: AliasMatch;
  reason: string;
}

/** How one alias was classified, for `npm run registry:stats`. */
export interface AliasDecision {
  id: string;
  text: string;
  match: AliasMatch;
  reason: string;
  /** The class before the data decided: the hand-set class of a curated alias, else the class by shape. */
  before: AliasMatch;
  /** Set by hand in the curated profile, with its reason (the data did not decide). */
  override: boolean;
}
