/** Node-only: reads the registry's files from src/data for the build, the CLI's build and the tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRegistry, type RegistrySources } from '../core/registry/compile';
import { aliasClassifier } from './alias-evidence';
import type { CompiledRegistry } from '../core/registry/types';

function readJson(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON: ${(e as Error).message}`);
  }
}

export function readRegistrySources(dataDir: string): RegistrySources {
  const curatedDir = join(dataDir, 'curated');
  return {
    imported: { file: 'imported.json', data: readJson(join(dataDir, 'imported.json')) },
    curated: readdirSync(curatedDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ file: `curated/${f}`, data: readJson(join(curatedDir, f)) })),
    renames: { file: 'renames.json', data: readJson(join(dataDir, 'renames.json')) },
    ratings: { file: 'ratings.json', data: readJson(join(dataDir, 'ratings.json')) },
    accounts: { file: 'accounts.json', data: readJson(join(dataDir, 'accounts.json')) },
    // A data directory without the list (the tests' small registries) has no known copies.
    ...(existsSync(join(dataDir, 'copy-hosts.json')) ? { copyHosts: { file: 'copy-hosts.json', data: readJson(join(dataDir, 'copy-hosts.json')) } } : {}),
    ...(existsSync(join(dataDir, 'smm-profiles.json'))
      ? { smmProfiles: { file: 'smm-profiles.json', data: readJson(join(dataDir, 'smm-profiles.json')) } }
      : {}),
  };
}

export function loadRegistry(dataDir: string): CompiledRegistry {
  return compileRegistry(readRegistrySources(dataDir), { classifyAlias: aliasClassifier(dataDir) });
}

/** The context rules' word lists, which the build ships inside the content script's compressed index. */
export { WORDS } from '../core/match/context-words.data';
export { keyedWords } from '../core/match/context-words';
/** Which of the index's tables index.js ships (the sites) and which reader.js does (the aliases). */
export { ALIAS_KEYS, SITE_KEYS } from '../content/load-index';
/** The highlights' ::highlight rules, which the build writes to content.css. */
export { highlightCss } from '../dom/highlight';
