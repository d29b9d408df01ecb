/**
 * Aliases for outlets known only from the import, derived from their names. Conservative on purpose: a
 * short or one-word name is also an ordinary word somewhere, so it needs media context to count. Curated
 * profiles replace these with hand-checked aliases.
 */
import type { Alias } from './schema';

/**
 * An alias with where it came from: the curated profile (no mark), the outlet's name, or its company's acronym;
 * its class, and why (reason, set by the build from data: "common word: german #90").
 */
export type OutletAlias = Omit<Alias, 'match' | 'matchReason'> & {
  match: AliasMatch;
  reason?: string;
  derived?: 'name' | 'company';
  shared?: boolean;
  preferred?: boolean;
};
export type AliasMatch = 'distinctive' | 'ambiguous';

/** Names with at least this many words are specific enough to match alone. */
const DISTINCTIVE_MIN_WORDS = 3;
/** Shorter names are skipped: they collide with too much ordinary text. */
const MIN_ALIAS_LENGTH = 3;

const PARENTHESIS = /\s*\(([^()]*)\)\s*$/;

let countryNames: Set<string> | undefined;
/** English names of countries and territories ("Azerbaijan", "Turkmenistan"): never an alias on their own. */
export function isCountryName(text: string): boolean {
  if (!countryNames) {
    countryNames = new Set();
    const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const name = display.of(String.fromCharCode(a, b));
        if (name) countryNames.add(name.toLowerCase());
      }
    }
  }
  return countryNames.has(text.toLowerCase());
}
const ACRONYM = /^[\p{Lu}\p{N}][\p{Lu}\p{N}&.-]{1,9}$/u;

/**
 * onlyAsset: the company has this one outlet (or the outlet is named by the company's acronym), so the
 * company's full name names the outlet too: "Agence Kampuchea Presse" for the asset "AKP".
 */
export function deriveAliases(name: string, company: string, isGroup: boolean, onlyAsset = false): OutletAlias[] {
  const aliases: OutletAlias[] = [];
  const add = (text: string, derived: 'name' | 'company') => {
    const clean = text.trim();
    if (clean.length < MIN_ALIAS_LENGTH || isCountryName(clean) || aliases.some((a) => a.text === clean)) return;
    aliases.push({ ...classify(clean), derived });
  };

  const [base, inner] = splitParenthesis(name);
  add(base, 'name');
  if (inner && ACRONYM.test(inner)) add(inner, 'name');
  if (!isGroup) {
    const [companyBase, companyInner] = splitParenthesis(company);
    if (companyInner && ACRONYM.test(companyInner)) add(companyInner, 'company');
    if (companyBase !== base && (onlyAsset || (companyInner && companyInner === base))) add(companyBase, 'name');
  }
  return aliases;
}

function splitParenthesis(text: string): [string, string | null] {
  const m = PARENTHESIS.exec(text);
  return m ? [text.slice(0, m.index).trim(), m[1].trim()] : [text.trim(), null];
}

/** The class by shape alone: what the compiler gives when no data decides (see src/build/alias-evidence.ts). */
export function classify(text: string): Omit<OutletAlias, 'derived'> {
  const words = text.split(/\s+/).length;
  // Long names match in any case (the matcher still wants the capitals of names of three words or fewer).
  if (words >= DISTINCTIVE_MIN_WORDS) return { text, match: 'distinctive' };
  if (ACRONYM.test(text) || words > 1) return { text, match: 'ambiguous', caseSensitive: true };
  return { text, match: 'ambiguous', caseSensitive: true, strict: true };
}
