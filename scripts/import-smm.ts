/**
 * Writes src/data/imported.json from the State Media Monitor matrix.
 * Usage: npm run registry:import [-- PATH/TO/State_Media_Matrix.csv [OUTPUT.json]]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { EXPECTED_COLUMNS, importMatrix } from '../src/core/registry/import-smm';
import { CREDIT, SOURCE_COMMIT } from '../src/core/registry/credit';

const input = process.argv[2] ?? '../shared/data/state-media-profiles/State_Media_Matrix.csv';
const output = process.argv[3] ?? 'src/data/imported.json';

const text = readFileSync(input, 'utf8');
const parsed: Array<{ record: Record<string, string>; info: { lines: number } }> = parse(text, {
  columns: true, bom: true, info: true, relax_column_count: true,
});
const records = parsed.map((p) => p.record);
const lines = parsed.map((p) => p.info.lines);
const header = Object.keys(records[0] ?? {});
const missing = EXPECTED_COLUMNS.filter((c) => !header.includes(c));
if (missing.length) {
  console.error(`${input}: missing columns: ${missing.join(', ')}`);
  process.exit(1);
}
try {
  const result = importMatrix(records, lines);
  for (const problem of result.problems) console.error(`${input}: ${problem.message} (row not imported)`);
  for (const problem of result.accountProblems) console.error(`${input}: ${problem.message} (row imported without it)`);
  const file = {
    source: { file: 'State_Media_Matrix.csv', commit: SOURCE_COMMIT, credit: CREDIT, license: 'MIT' },
    outlets: result.outlets,
  };
  writeFileSync(output, `${JSON.stringify(file, null, 1)}\n`);
  const hosts = result.outlets.reduce((n, o) => n + o.hosts.length + o.mirrors.length, 0);
  const countries = new Set(result.outlets.map((o) => o.country)).size;
  const accounts = result.outlets.reduce((n, o) => n + (o.accounts?.length ?? 0), 0);
  console.log(`${output}: ${result.rows} rows (${result.blankRows} blank, ${result.problems.length} not imported) → ${result.outlets.length} outlets, ${hosts} hosts, ${accounts} accounts, ${countries} countries`);
  if (result.problems.length) process.exitCode = 1;
} catch (e) {
  console.error(`${input}: ${(e as Error).message}`);
  process.exit(1);
}
