/**
 * The core is plain ECMAScript plus WHATWG URL, which Node and every browser provide. Only the core's own
 * type check (src/core/tsconfig.json, no DOM types) sees this declaration.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly hostname: string;
  readonly protocol: string;
  readonly pathname: string;
  readonly search: string;
  readonly origin: string;
}
