/** The canonical form of a curated file: profiles sorted by id, one-space JSON indentation, final newline. */
export function canonicalCurated(profiles: unknown): string {
  if (!Array.isArray(profiles)) throw new Error('a curated file must be an array of profiles');
  const sorted = [...profiles].sort((a, b) => String((a as { id?: unknown }).id).localeCompare(String((b as { id?: unknown }).id), 'en'));
  return `${JSON.stringify(sorted, null, 1)}\n`;
}
