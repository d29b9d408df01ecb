// Runs a TypeScript script of this project with Node: bundles it with esbuild into a temporary module.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run-ts.mjs SCRIPT.ts [ARGS...]');
  process.exit(2);
}
mkdirSync('node_modules/.cache', { recursive: true });
const dir = mkdtempSync(join(process.cwd(), 'node_modules/.cache/run-ts-'));
const out = join(dir, 'script.mjs');
try {
  await build({
    entryPoints: [resolve(script)], outfile: out, bundle: true, platform: 'node', format: 'esm',
    packages: 'external', logLevel: 'warning', absWorkingDir: process.cwd(),
  });
  process.argv = [process.argv[0], resolve(script), ...args];
  await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
