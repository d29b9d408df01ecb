/** The text of a correction report (see src/report): plain text the reader copies and files on the tracker. */
import type { Outlet } from './registry/types';

/** The report as plain text: the outlet, what StateLens shows for it, and the reader's words. */
export function reportText(outlet: Outlet, what: string, source: string, version: string): string {
  const control = outlet.control.find((p) => !p.to) ?? outlet.control.at(-1);
  return [
    `StateLens ${version}: correction for "${outlet.name}" (${outlet.id})`,
    `Shown: ${outlet.country} · ${outlet.typology ?? '-'}${control ? ` · ${control.controller}` : ''}`,
    '',
    `What is wrong: ${what.trim() || '-'}`,
    `Source: ${source.trim() || '-'}`,
  ].join('\n');
}
