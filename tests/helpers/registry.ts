import { join } from 'node:path';
import { loadRegistry } from '../../src/build/load-registry';
import { LinkIndex } from '../../src/core/match/links';
import { matcherFromIndex } from '../../src/core/match/from-index';
import type { Matcher } from '../../src/core/match/matcher';
import type { CompiledRegistry } from '../../src/core/registry/types';

export const ROOT = join(__dirname, '..', '..');
export const SHARED = join(ROOT, '..', 'shared');

let cached: { registry: CompiledRegistry; matcher: Matcher; hosts: LinkIndex } | undefined;

/** The project's real registry, compiled once per test file. */
export function realRegistry() {
  if (!cached) {
    const registry = loadRegistry(join(ROOT, 'src', 'data'));
    cached = { registry, matcher: matcherFromIndex(registry.index), hosts: LinkIndex.of(registry.index) };
  }
  return cached;
}
