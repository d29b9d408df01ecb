/**
 * Run once (2026, when the build began to decide alias classes from data): removes the hand-set `match` from
 * the curated aliases, which no longer decides by itself (src/build/alias-evidence.ts does). An override
 * stays possible as `match` with `matchReason`; this script keeps those.
 *   node scripts/run-ts.mjs scripts/migrate-alias-match.ts && npm run registry:format
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CURATED = join(process.cwd(), 'src', 'data', 'curated');
let removed = 0;
for (const file of readdirSync(CURATED).filter((f) => f.endsWith('.json'))) {
  const path = join(CURATED, file);
  const outlets = JSON.parse(readFileSync(path, 'utf8')) as Array<{ aliases?: Array<Record<string, unknown>> }>;
  for (const alias of outlets.flatMap((o) => o.aliases ?? [])) {
    if ('match' in alias && !('matchReason' in alias)) {
      delete alias.match;
      removed++;
    }
  }
  writeFileSync(path, `${JSON.stringify(outlets, null, 1)}\n`);
}
console.log(`removed the hand-set class of ${removed} curated aliases`);
