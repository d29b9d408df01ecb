/** Modules the build generates from the registry (see build.mjs). */
declare module 'statelens:packed-index' {
  import type { PackedIndex } from '../core/registry/pack';
  const index: PackedIndex;
  export default index;
}
declare module 'statelens:index-tables' {
  /** The packed index's tables as the build ships them (see src/content/load-index.ts): both parts. */
  const tables: import('../content/load-index').IndexTables;
  export default tables;
}
declare module 'statelens:site-tables' {
  /** The sites part, as index.js ships it. */
  const tables: import('../content/load-index').SiteTables;
  export default tables;
}
declare module 'statelens:alias-tables' {
  /** The aliases part, as reader.js ships it. */
  const tables: import('../content/load-index').AliasTables;
  export default tables;
}
declare module 'statelens:outlets' {
  import type { Outlet } from '../core/registry/types';
  /** Every outlet, in the order of the matcher index (an outlet's index is its position here). */
  const outlets: Outlet[];
  export default outlets;
}
declare module '@mozilla/readability/Readability-readerable.js' {
  export default function isProbablyReaderable(
    doc: Document, options?: { minContentLength?: number; minScore?: number; visibilityChecker?: (node: Element) => boolean },
  ): boolean;
}
declare module '*.css?raw' {
  /** The stylesheet as text (minified by the build; Vite's ?raw in the tests). */
  const css: string;
  export default css;
}
