/** Modules the build generates from the registry (see build.mjs). */
declare module 'statelens:matcher-index' {
  import type { MatcherIndex } from '../core/registry/types';
  const index: MatcherIndex;
  export default index;
}
declare module 'statelens:outlets' {
  import type { Outlet } from '../core/registry/types';
  const outlets: Record<string, Outlet>;
  export default outlets;
}
declare module '@mozilla/readability/Readability-readerable.js' {
  export default function isProbablyReaderable(doc: Document, options?: { minContentLength?: number; minScore?: number }): boolean;
}
