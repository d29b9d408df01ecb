/**
 * The import of the State Media Monitor matrix (State_Media_Matrix.csv from ASD-at-GMF/state-media-profiles):
 * rows, one per domain, grouped into outlets. Pure: takes the parsed CSV records, returns the outlets.
 * Deterministic: the same rows give the same output, in the same order.
 */
import { isTypology, type Typology } from '../typology';
import type { Account, ImportedOutlet, Kind } from './schema';
import { accountOf } from '../match/accounts';

export const EXPECTED_COLUMNS = ['Region', 'Country', 'Media company', 'Main assets', 'URL', 'Typology', 'Status', 'Notes'];
/** The columns of official accounts on the platforms StateLens recognises (LinkedIn, Ok.ru, Rutube are not read). */
export const ACCOUNT_COLUMNS = ['Twitter Link', 'Youtube Link', 'Telegram Link', 'Facebook Link', 'Instagram Link', 'VK Link', 'Tiktok Link'];

export class ImportError extends Error {
  constructor(readonly row: number, readonly column: string, problem: string, readonly line?: number) {
    super(`${line ? `line ${line} (row ${row})` : `row ${row}`}: column "${column}": ${problem}`);
    this.name = 'ImportError';
  }
}

/** Country names as the matrix writes them that Intl.DisplayNames spells differently. */
const COUNTRY_OVERRIDES: Record<string, string> = {
  'Bosnia and Herzegovina': 'BA',
  'DR Congo': 'CD',
  Congo: 'CG',
  "Côte d'Ivoire": 'CI',
  'Europen Union': 'EU',
  'Palestine territories': 'PS',
  UAE: 'AE',
  'United States of America': 'US',
  'The Gambia': 'GM',
  'Vatican City': 'VA',
  Turkey: 'TR',
  Macao: 'MO',
  'Hong Kong': 'HK',
  Czechia: 'CZ',
  Myanmar: 'MM',
};

let countryCodes: Map<string, string> | undefined;
export function countryCode(name: string): string | undefined {
  if (COUNTRY_OVERRIDES[name]) return COUNTRY_OVERRIDES[name];
  if (!countryCodes) {
    countryCodes = new Map();
    const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        // Skip deprecated codes (VD, BU, SU...): they canonicalise to another region.
        if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
        const label = display.of(code);
        if (label && !countryCodes.has(label)) countryCodes.set(label, code);
      }
    }
  }
  return countryCodes.get(name);
}

/** Prefixes the matrix puts before asset names, and the kind of outlet each implies. */
const NAME_PREFIXES: Array<[RegExp, Kind]> = [
  [/^Print media:\s*/i, 'newspaper'],
  [/^Print:\s*/i, 'newspaper'],
  [/^Television:\s*/i, 'tv'],
  [/^News agency:\s*/i, 'agency'],
  [/^Radio:\s*/i, 'radio'],
  [/^Online:\s*/i, 'online'],
  [/^News portals:\s*/i, 'online'],
];

export function cleanAssetName(raw: string): { name: string; kind?: Kind } {
  let name = raw.replace(/\s+/g, ' ').trim();
  let kind: Kind | undefined;
  for (const [prefix, k] of NAME_PREFIXES) {
    if (prefix.test(name)) {
      name = name.replace(prefix, '');
      kind = k;
      break;
    }
  }
  // An unclosed parenthesis ("Yicai Media Group (Television: Yicai TV") is cut off rather than guessed at.
  const open = name.lastIndexOf('(');
  if (open > 0 && name.indexOf(')', open) < 0) name = name.slice(0, open).trim();
  return { name, kind: kind ?? guessKind(name) };
}

function guessKind(name: string): Kind | undefined {
  if (/\bnews agency\b|\bagency\b|\bagence\b|\bagencia\b/i.test(name)) return 'agency';
  if (/\bradio\b/i.test(name) && /\btele(vision|visión|visão)\b|\btv\b/i.test(name)) return 'broadcaster';
  if (/\btele(vision|visión|visão|visione)\b|\btv\b/i.test(name)) return 'tv';
  if (/\bradio\b/i.test(name)) return 'radio';
  return undefined;
}

/** "http://www.sana.sy/en/" → "sana.sy"; a missing scheme is tolerated; anything else unparsable is an error. */
export function normalizeHost(url: string): string {
  const text = url.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    throw new Error(`"${url}" is not a URL`);
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.') || /[^a-z0-9.-]/.test(host)) throw new Error(`"${url}" has no usable host name`);
  return host.replace(/^www\d*\./, '');
}

/** Test and staging copies of a site, kept as mirrors so links to them still count. */
function isMirrorHost(host: string): boolean {
  return /^(test|staging|dev)\./.test(host);
}

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LATIN_EXTRA: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', ß: 'ss', ı: 'i', ʻ: '', ʼ: '', œ: 'oe', Œ: 'OE', þ: 'th', ð: 'd' };

export function slugify(text: string): string {
  return text
    .replace(/[łŁđĐøØæÆßıʻʼœŒþð]/g, (c) => LATIN_EXTRA[c])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface Group {
  key: string;
  name: string;
  company: string;
  kind?: Kind;
  country: string;
  region: string;
  hosts: string[];
  mirrors: string[];
  sharedHosts: string[];
  typology: Typology | null;
  uncertain: boolean;
  notFunctional: boolean[];
  accounts: Account[];
  rows: number[];
}

export interface ImportResult {
  outlets: ImportedOutlet[];
  rows: number;
  blankRows: number;
  /** Rows that could not be imported, each naming its row (and line) and column. The rest is imported. */
  problems: ImportError[];
  /** Account links that are not an account's address; their rows are imported without them. */
  accountProblems: ImportError[];
}

/**
 * records: the CSV's data rows as objects keyed by header (csv-parse with columns: true).
 * lines: optionally, the file line of each record, for messages. Row numbers are 1-based data rows.
 */
export function importMatrix(records: ReadonlyArray<Record<string, string | undefined>>, lines?: readonly number[]): ImportResult {
  const groups = new Map<string, Group>();
  const hostOwner = new Map<string, Group>();
  const problems: ImportError[] = [];
  const accountProblems: ImportError[] = [];
  const accountOwner = new Map<string, Group>();
  let blankRows = 0;
  records.forEach((record, i) => {
    try {
      importRow(record, i + 1, lines?.[i]);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      problems.push(e);
    }
  });

  function importRow(record: Record<string, string | undefined>, row: number, line: number | undefined): void {
    const cell = (column: string) => (record[column] ?? '').trim();
    if (EXPECTED_COLUMNS.every((c) => cell(c) === '')) {
      blankRows++;
      return;
    }
    // Every check comes before any change, so a rejected row leaves no trace.
    for (const column of ['Region', 'Country', 'Media company', 'Main assets']) {
      if (!cell(column)) throw new ImportError(row, column, 'is empty', line);
    }
    const country = countryCode(cell('Country'));
    if (!country) throw new ImportError(row, 'Country', `unknown country "${cell('Country')}"`, line);

    const rawTypology = cell('Typology');
    const uncertain = rawTypology.endsWith('?');
    const code = rawTypology.replace(/\?$/, '');
    if (code && !isTypology(code)) throw new ImportError(row, 'Typology', `unknown code "${rawTypology}"`, line);

    let host: string | undefined;
    if (cell('URL')) {
      try {
        host = normalizeHost(cell('URL'));
      } catch (e) {
        throw new ImportError(row, 'URL', (e as Error).message, line);
      }
    }

    const { name, kind } = cleanAssetName(cell('Main assets'));
    if (!name) throw new ImportError(row, 'Main assets', 'is empty after cleaning', line);
    const company = cleanAssetName(cell('Media company')).name;
    const key = `${country}|${company}|${name}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key, name, company, kind, country, region: cell('Region'), hosts: [], mirrors: [], sharedHosts: [],
        typology: code ? (code as Typology) : null, uncertain, notFunctional: [], accounts: [], rows: [],
      };
      groups.set(key, group);
    }
    if (host) {
      // Several assets of a company often list the company's one site: the first asset in the file owns the
      // host for link matching, the others keep it as a declared shared host.
      const owner = hostOwner.get(host);
      if (owner && owner !== group) {
        if (!group.sharedHosts.includes(host)) group.sharedHosts.push(host);
      } else {
        hostOwner.set(host, group);
        const list = isMirrorHost(host) ? group.mirrors : group.hosts;
        if (!list.includes(host)) list.push(host);
      }
    }
    for (const column of ACCOUNT_COLUMNS) {
      const url = cell(column);
      if (!url) continue;
      const account = accountOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`);
      if (!account) {
        accountProblems.push(new ImportError(row, column, `"${url}" is not the address of an account`, line));
        continue;
      }
      // As with hosts, a company's account listed for several of its assets belongs to the first.
      const owner = accountOwner.get(account.key);
      if (owner && owner !== group) continue;
      accountOwner.set(account.key, group);
      if (!group.accounts.some((a) => a.platform === account.platform && a.handle === account.handle)) {
        group.accounts.push({ platform: account.platform, handle: account.handle });
      }
    }
    group.notFunctional.push(/currently not functional/i.test(cell('Status')));
    group.rows.push(row);
  }

  const outlets = assignIds([...groups.values()]).map(([id, g]): ImportedOutlet => ({
    id,
    name: g.name,
    company: g.company,
    ...(g.kind ? { kind: g.kind } : {}),
    country: g.country,
    region: g.region,
    hosts: g.hosts,
    mirrors: g.mirrors,
    ...(g.sharedHosts.length ? { sharedHosts: g.sharedHosts } : {}),
    typology: g.typology,
    ...(g.uncertain ? { typologyUncertain: true } : {}),
    status: g.notFunctional.every(Boolean) ? 'not-functional' : 'active',
    ...(g.accounts.length ? { accounts: g.accounts } : {}),
    rows: g.rows,
  }));
  outlets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { outlets, rows: records.length, blankRows, problems, accountProblems };
}

/** Slug of the name; on a clash, the country is appended, then the host. First come, first served, in CSV order. */
/**
 * The id's base: the name in Latin letters. A parenthesis in another script is dropped ("Russia-1 (Россия-1)");
 * a name partly in another script gets the site's first label instead ("CGTN Русский" on russian.cgtn.com).
 */
export function idBase(name: string, host?: string): string {
  const withoutForeignParen = name.replace(/[ʻʼ]/g, '').replace(/\s*\(([^()]*)\)\s*$/, (m, inner: string) => (/[^\p{Script=Latin}\P{L}]/u.test(inner) ? '' : m));
  const foreign = /[^\p{Script=Latin}\P{L}]/u.test(withoutForeignParen);
  let base = slugify(withoutForeignParen.replace(/[^\p{Script=Latin}\P{L}]+/gu, ' '));
  if (foreign && host) {
    const label = slugify(host.split('.')[0]);
    if (label && !base.split('-').includes(label)) base = base ? `${base}-${label}` : label;
  }
  return base;
}

function assignIds(groups: Group[]): Array<[string, Group]> {
  const taken = new Set<string>();
  return groups.map((g) => {
    const base = idBase(g.name, g.hosts[0]) || slugify(g.hosts[0] ?? '') || slugify(g.company) || 'outlet';
    const candidates = [base, `${base}-${g.country.toLowerCase()}`, `${base}-${slugify(g.hosts[0] ?? g.company)}`];
    let id = candidates.find((c) => !taken.has(c));
    for (let n = 2; !id; n++) if (!taken.has(`${base}-${n}`)) id = `${base}-${n}`;
    taken.add(id);
    return [id, g];
  });
}
