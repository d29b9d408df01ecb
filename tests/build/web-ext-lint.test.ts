import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/registry';

// What addons.mozilla.org runs on a submission; `npm test` builds before it.
describe.skipIf(!existsSync(join(ROOT, 'dist', 'firefox')) && process.env.CI !== 'true')('web-ext lint', () => {
  it('reports no errors and no warnings for the Firefox build', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js'), 'lint', '--source-dir', join(ROOT, 'dist', 'firefox'), '--output', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(run.stdout);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
