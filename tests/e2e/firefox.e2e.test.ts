import { describe, it } from 'vitest';
import { browserPath, IN_CI } from './harness';
import { runExtensionScenario } from './run-extension';

const path = browserPath('firefox');
if (!path && !IN_CI) console.warn('e2e: firefox not found (install it, or set FIREFOX_PATH); these tests are SKIPPED. Under CI=true this is a failure.');

describe.skipIf(!path && !IN_CI)('StateLens in firefox', () => {
  it('highlights every SANA citation, shows the card on hover, counts them in the badge and the popup, and sends nothing', async () => {
    if (!path) throw new Error('firefox is required under CI=true but was not found');
    const { totalMs } = await runExtensionScenario('firefox', path);
    console.log(`e2e firefox: ${(totalMs / 1000).toFixed(1)} s`);
  }, 120_000);
});
