/**
 * The State Media Monitor typology (Media and Journalism Research Center). Each code is defined by three
 * yes/no criteria: does the state control the outlet's funding, its governance/ownership, its editorial line?
 * The names and plain-language definitions shown to readers are in _locales (written for this project);
 * TYPOLOGY_NAMES are the English names for the command line.
 */
export const TYPOLOGIES = ['SC', 'CaPu', 'CaPr', 'ISFM', 'ISF', 'ISM', 'IP'] as const;
export type Typology = (typeof TYPOLOGIES)[number];

/** yes, no, or "either" (captured private media may or may not receive state money). */
export type Criterion = 'yes' | 'no' | 'either';

export interface TypologyInfo {
  code: Typology;
  funding: Criterion;
  governance: Criterion;
  editorial: Criterion;
  /** Highlighted unless the reader changes it. */
  shownByDefault: boolean;
  /** 0 = most state control; used to pick the badge colour and to sort. */
  rank: number;
}

export const TYPOLOGY_INFO: Readonly<Record<Typology, TypologyInfo>> = {
  SC: {
    code: 'SC', rank: 0, shownByDefault: true,
    funding: 'yes', governance: 'yes', editorial: 'yes',
  },
  CaPu: {
    code: 'CaPu', rank: 1, shownByDefault: true,
    funding: 'no', governance: 'yes', editorial: 'yes',
  },
  CaPr: {
    code: 'CaPr', rank: 2, shownByDefault: true,
    funding: 'either', governance: 'no', editorial: 'yes',
  },
  ISFM: {
    code: 'ISFM', rank: 3, shownByDefault: false,
    funding: 'yes', governance: 'yes', editorial: 'no',
  },
  ISF: {
    code: 'ISF', rank: 4, shownByDefault: false,
    funding: 'yes', governance: 'no', editorial: 'no',
  },
  ISM: {
    code: 'ISM', rank: 5, shownByDefault: false,
    funding: 'no', governance: 'yes', editorial: 'no',
  },
  IP: {
    code: 'IP', rank: 6, shownByDefault: false,
    funding: 'no', governance: 'no', editorial: 'no',
  },
};

export function isTypology(value: unknown): value is Typology {
  return typeof value === 'string' && (TYPOLOGIES as readonly string[]).includes(value);
}

export const TYPOLOGY_NAMES: Readonly<Record<Typology, string>> = {
  SC: 'State-controlled media',
  CaPu: 'Captured public / state-managed media',
  CaPr: 'Captured private media',
  ISFM: 'Independent state-funded and state-managed media',
  ISF: 'Independent state-funded media',
  ISM: 'Independent state-managed media',
  IP: 'Independent public media',
};
