/**
 * The content script's parts in files of their own, imported when a page first needs them (a content script
 * may import only files listed in web_accessible_resources): the card (card.js) and the text reader
 * (reader.js). A part is checked when it arrives: a build that lost an export fails here, naming the file and
 * the export, not later on a reader's page.
 */
export function checkPart<T>(file: string, module: unknown, exports: readonly string[]): T {
  const missing = exports.filter((name) => typeof (module as Record<string, unknown> | null)?.[name] !== 'function');
  if (missing.length) throw new Error(`StateLens: ${file} does not export ${missing.join(', ')}`);
  return module as T;
}

/** A value made once from a part's loading; a failed load is tried again on the next call. */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => (made ??= make().catch((error: unknown) => {
    made = null;
    throw error;
  }));
}
