import { join } from 'node:path';
import { loadRegistry } from '../../src/build/load-registry';
import { LinkIndex } from '../../src/core/match/links';
import { matcherFromIndex } from '../../src/core/match/from-index';
import type { Matcher } from '../../src/core/match/matcher';
import type { CompiledRegistry } from '../../src/core/registry/types';
import { RegistryError } from '../../src/core/registry/errors';

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

/** The RegistryError that run throws (the compile, a parse); fails the test when it throws none or another error. */
export function registryErrorOf(run: () => unknown): RegistryError {
  try {
    run();
  } catch (e) {
    if (e instanceof RegistryError) return e;
    throw e;
  }
  throw new Error('expected a RegistryError');
}
