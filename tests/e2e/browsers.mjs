/**
 * Where the end-to-end tests find the browsers: CHROMIUM_PATH / FIREFOX_PATH if set, else the Debian
 * packages' paths (chromium, firefox-esr), else the first of these names on PATH.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = {
  chromium: { env: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'], names: ['chromium', 'chromium-browser', 'google-chrome'] },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], names: ['firefox-esr', 'firefox'] },
};

export function findBrowser(kind) {
  const c = CANDIDATES[kind];
  if (!c) throw new Error(`unknown browser kind ${kind}`);
  const fromEnv = process.env[c.env];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${c.env}=${fromEnv} does not exist`);
    return fromEnv;
  }
  for (const p of c.paths) if (existsSync(p)) return p;
  for (const name of c.names) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}
