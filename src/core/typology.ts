/**
 * The State Media Monitor typology (Media and Journalism Research Center). Each code is defined by three
 * yes/no criteria: does the state control the outlet's funding, its governance/ownership, its editorial line?
 * The definitions shown to readers are written for this project.
 */
export const TYPOLOGIES = ['SC', 'CaPu', 'CaPr', 'ISFM', 'ISF', 'ISM', 'IP'] as const;
export type Typology = (typeof TYPOLOGIES)[number];

/** yes, no, or "either" (captured private media may or may not receive state money). */
export type Criterion = 'yes' | 'no' | 'either';

export interface TypologyInfo {
  code: Typology;
  name: string;
  /** One line in plain language, shown on the card. */
  definition: string;
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
    code: 'SC', name: 'State-controlled media', rank: 0, shownByDefault: true,
    definition: 'The state pays for it, owns or runs it, and decides what it reports.',
    funding: 'yes', governance: 'yes', editorial: 'yes',
  },
  CaPu: {
    code: 'CaPu', name: 'Captured public / state-managed media', rank: 1, shownByDefault: true,
    definition: 'Run by state appointees who steer its coverage, though it is not funded directly from the budget.',
    funding: 'no', governance: 'yes', editorial: 'yes',
  },
  CaPr: {
    code: 'CaPr', name: 'Captured private media', rank: 2, shownByDefault: true,
    definition: 'Privately owned on paper, but its editorial line follows the government through owners close to it.',
    funding: 'either', governance: 'no', editorial: 'yes',
  },
  ISFM: {
    code: 'ISFM', name: 'Independent state-funded and state-managed media', rank: 3, shownByDefault: false,
    definition: 'Funded and overseen by the state, yet its newsroom decides its coverage on its own.',
    funding: 'yes', governance: 'yes', editorial: 'no',
  },
  ISF: {
    code: 'ISF', name: 'Independent state-funded media', rank: 4, shownByDefault: false,
    definition: 'Receives state money but is governed and edited independently.',
    funding: 'yes', governance: 'no', editorial: 'no',
  },
  ISM: {
    code: 'ISM', name: 'Independent state-managed media', rank: 5, shownByDefault: false,
    definition: 'The state has a say in its governance, but not in its money or its coverage.',
    funding: 'no', governance: 'yes', editorial: 'no',
  },
  IP: {
    code: 'IP', name: 'Independent public media', rank: 6, shownByDefault: false,
    definition: 'A public service outlet that is independent of the government in money, governance and coverage.',
    funding: 'no', governance: 'no', editorial: 'no',
  },
};

export function isTypology(value: unknown): value is Typology {
  return typeof value === 'string' && (TYPOLOGIES as readonly string[]).includes(value);
}
