/**
 * npm run registry:stats [-- --json]   a summary of the registry (with --json, exactly one JSON object)
 * npm run registry:format              rewrite src/data/curated/*.json sorted by id, in the canonical format
 * npm run registry:check               compile and check everything, as the build and the tests do
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../src/build/load-registry';
import { registryStats } from '../src/core/registry/stats';
import { canonicalCurated } from '../src/core/registry/format';

const DATA = join(process.cwd(), 'src', 'data');
const CURATED = join(DATA, 'curated');
const [command, ...args] = process.argv.slice(2);

function curatedFiles(): string[] {
  return readdirSync(CURATED).filter((f) => f.endsWith('.json')).sort();
}

if (command === 'stats') {
  const registry = loadRegistry(DATA);
  const stats = registryStats(registry);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(stats)}\n`);
  } else {
    const decisions = registry.aliasClasses;
    const count = (list: typeof decisions, match: string) => list.filter((d) => d.match === match).length;
    const changed = decisions.filter((d) => d.match !== d.before);
    for (const d of decisions.filter((x) => x.override)) console.log(`set by hand  ${d.id}  "${d.text}": ${d.match} (${d.reason})`);
    for (const d of changed) console.log(`${d.before} → ${d.match}  ${d.id}  "${d.text}": ${d.reason}`);
    console.log(`aliases           ${decisions.length}: distinctive ${count(decisions, 'distinctive')}, ambiguous ${count(decisions, 'ambiguous')}` +
      ` (before the data decided: distinctive ${decisions.filter((d) => d.before === 'distinctive').length}, ambiguous ${decisions.filter((d) => d.before === 'ambiguous').length})`);
    console.log(`class changed     ${changed.length}: to distinctive ${count(changed, 'distinctive')}, to ambiguous ${count(changed, 'ambiguous')}` +
      ` (compared with the hand-set class, or the class by shape where none is set); set by hand ${decisions.filter((d) => d.override).length}`);
    console.log(`outlets           ${stats.outlets} (in ${stats.countries} countries), ${stats.hosts} hosts`);
    console.log(`curated profiles  ${stats.curated} (in ${stats.curatedCountries} countries)`);
    console.log(`claims            ${stats.claims}, of which sourced ${stats.sourcedClaims}`);
    console.log(`by category       ${Object.entries(stats.byTypology).map(([k, v]) => `${k} ${v}`).join(' · ')}`);
    console.log(`single-sourced    ${stats.singleSourced} curated outlets rest on one source host`);
    console.log(`copies read       ${stats.copySources} evidence items were read in a copy or an archive (via)`);
    console.log(`accounts          ${stats.accounts} official account handles`);
    console.log(`classified        newest ${stats.newestClassification ?? '-'}, oldest ${stats.oldestClassification ?? '-'};` +
      ` ${stats.staleClassifications} outlets have no classification from the last two years`);
    const smm = registry.smm;
    console.log(`SMM profiles      ${stats.smmProfiles} mapped (${smm?.mapped ?? 0} to existing outlets, ${smm?.added.length ?? 0} added as outlets), ${stats.smmUnreachable} unreachable`);
    for (const u of smm?.unreachable ?? []) console.log(`  unreachable     ${u.name} (${u.country}): ${u.why}`);
    for (const d of smm?.typologyDiffers ?? []) console.log(`  typology        ${d.id}: imported ${d.imported ?? 'none'}, profile ${d.profile} (${d.url})`);
  }
} else if (command === 'format') {
  for (const file of curatedFiles()) {
    const path = join(CURATED, file);
    writeFileSync(path, canonicalCurated(JSON.parse(readFileSync(path, 'utf8'))));
  }
  console.log(`formatted ${curatedFiles().length} files`);
} else if (command === 'check') {
  const registry = loadRegistry(DATA);
  const unformatted = curatedFiles().filter((f) => {
    const text = readFileSync(join(CURATED, f), 'utf8');
    return canonicalCurated(JSON.parse(text)) !== text;
  });
  if (unformatted.length) {
    console.error(`not sorted or formatted (run npm run registry:format): ${unformatted.join(', ')}`);
    process.exit(1);
  }
  console.log(`registry ok: ${Object.keys(registry.outlets).length} outlets`);
} else {
  console.error('usage: registry.ts stats [--json] | format | check');
  process.exit(2);
}
