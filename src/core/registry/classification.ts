/**
 * When an outlet's classification was made. Small and free of dependencies: the card (content script) uses it
 * as well as registry:stats.
 */
import type { ControlPeriod } from './schema';
import type { Outlet } from './types';
import type { Typology } from '../typology';

/** The matrix the import reads is a snapshot of early 2024 (commit of 2024-02-07; see its SOURCE.md). */
export const MATRIX_DATE = '2024';

/** Classified by the imported matrix (credited), not by a curated profile. */
export function classifiedByImport(o: Outlet): boolean {
  return o.classifiedBy.source.startsWith('https://github.com/ASD-at-GMF');
}

/** When the outlet's classification was made, as far as the registry knows. */
export function classificationDate(o: Outlet): string | null {
  if (o.classifiedBy.date) return o.classifiedBy.date;
  return classifiedByImport(o) ? MATRIX_DATE : null;
}

/** The control period in force on a date (YYYY-MM-DD), if the registry has one. */
export function periodAt(periods: readonly ControlPeriod[], date: string): ControlPeriod | undefined {
  return periods.find((p) => (!p.from || p.from <= date) && (!p.to || date < p.to));
}

/** The period in force now: the one with no end, else the last. */
export function currentPeriod(periods: readonly ControlPeriod[]): ControlPeriod | undefined {
  return periods.find((p) => !p.to) ?? periods.at(-1);
}

/**
 * The category that covers a control period, or null when no classification does. A profile that classifies
 * its periods says it for each; otherwise the outlet's one category covers only the period its classification
 * was made in (the current one when that date is unknown), not the periods before or after a change.
 */
export function periodTypology(outlet: Outlet, period: ControlPeriod): Typology | null {
  if (outlet.control.some((p) => p.typology)) return period.typology ?? null;
  if (!outlet.typology) return null;
  const date = classificationDate(outlet);
  const covered = (date && periodAt(outlet.control, `${date}-01-01`.slice(0, 10))) || currentPeriod(outlet.control);
  return covered === period ? outlet.typology : null;
}
