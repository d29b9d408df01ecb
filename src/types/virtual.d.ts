/** Modules the build generates from the registry (see build.mjs). */
declare module 'statelens:packed-index' {
  import type { PackedIndex } from '../core/registry/pack';
  const index: PackedIndex;
  export default index;
}
declare module 'statelens:compressed-index' {
  /**
   * The packed index in two parts, each deflated (raw) and base64-encoded: the sites (t, c, h) and the
   * aliases (a, r, and w, the context rules' word lists). See src/content/load-index.ts.
   */
  const index: { v: number; sites: string; aliases: string };
  export default index;
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
