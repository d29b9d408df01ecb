/**
 * When an outlet's classification was made. Small and free of dependencies: the card (content script) uses it
 * as well as registry:stats.
 */
import type { Outlet } from './types';

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
