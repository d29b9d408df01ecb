import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module used by build.mjs
import { manifestFor } from '../../scripts/manifest.mjs';
import { KINDS } from '../../src/core/registry/schema';
import { TYPOLOGIES } from '../../src/core/typology';
import { highlightName } from '../../src/dom/highlight';
import { ROOT } from '../helpers/registry';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []);
}

const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('manifest generation', () => {
  it('the source manifest is MV3 with both background keys, storage only, and content scripts on http and https', () => {
    expect(source.manifest_version).toBe(3);
    expect(source.background).toMatchObject({ service_worker: 'background.js', scripts: ['background.js'] });
    expect(source.permissions).toEqual(['storage']);
    // The keyboard shortcut to step through citations needs no permission.
    expect(source.commands['next-citation'].suggested_key.default).toBe('Alt+Shift+N');
    expect(source.host_permissions).toBeUndefined();
    expect(source.content_scripts).toEqual([expect.objectContaining({ matches: ['http://*/*', 'https://*/*'] })]);
    expect(source.content_security_policy.extension_pages).toContain("connect-src 'none'");
    // The card's code and the text reader's, which the content script imports when a page first needs them:
    // web-accessible only where the content script runs, and (in Chrome) at an address that changes each session.
    expect(source.web_accessible_resources).toEqual([{ resources: ['card.js', 'reader.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]);
  });

  it('Chrome gets the service worker and no Firefox settings', () => {
    const m = manifestFor(source, 'chrome', '1.2.3');
    expect(m.version).toBe('1.2.3');
    expect(m.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(m.browser_specific_settings).toBeUndefined();
    // What the newest API used needs: the CSS Custom Highlight API (CSS.highlights, ::highlight()), Chrome 105.
    // (The rest is older: storage.session 102, Intl.Segmenter 87, Object.hasOwn 93.)
    expect(m.minimum_chrome_version).toBe('105');
    expect(m.web_accessible_resources[0].use_dynamic_url).toBe(true);
  });

  it('Firefox gets background scripts, the gecko id, a minimum version of at least 142 and no data collection', () => {
    const m = manifestFor(source, 'firefox', '1.2.3');
    expect(m.background).toEqual({ scripts: ['background.js'], type: 'module' });
    const gecko = m.browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(142);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.minimum_chrome_version).toBeUndefined();
    // Firefox's extension addresses already carry a random id of each install; it does not know the key.
    expect(m.web_accessible_resources).toEqual([{ resources: ['card.js', 'reader.js'], matches: ['http://*/*', 'https://*/*'] }]);
  });

  it('does not change the source and rejects what it cannot build', () => {
    const before = JSON.stringify(source);
    manifestFor(source, 'chrome', '1.0.0');
    expect(JSON.stringify(source)).toBe(before);
    expect(() => manifestFor(source, 'safari', '1.0.0')).toThrow('unknown target "safari"');
    expect(() => manifestFor({ ...source, background: { scripts: ['b.js'] } }, 'chrome', '1.0.0')).toThrow('service_worker');
  });
});

// `npm test` builds first; this checks what the build wrote.
describe.skipIf(!existsSync(join(ROOT, 'dist', 'chrome')))('the build output', () => {
  it.each(['chrome', 'firefox'])('%s: unpacked folder and store zip hold the same files and the generated manifest', (target) => {
    const dir = join(ROOT, 'dist', target);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toEqual(manifestFor(source, target, pkg.version));
    const zip = unzipSync(readFileSync(join(ROOT, 'dist', `statelens-${pkg.version}-${target}.zip`)));
    expect(JSON.parse(strFromU8(zip['manifest.json']))).toEqual(manifest);
    for (const file of ['background.js', 'index.js', 'content.js', 'card.js', 'reader.js', 'content.css', 'popup.html', 'popup.js', 'popup.css', 'options.html', 'options.js', 'options.css', 'CREDITS.md', 'LICENSE',
      '_locales/en/messages.json', 'icons/icon-16.png', 'icons/icon-32.png', 'icons/icon-48.png', 'icons/icon-128.png']) {
      expect(zip[file], file).toBeDefined();
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
  });

  it('every __MSG_ key of the manifest and every t() key of the UI is in the English messages', () => {
    const messages = JSON.parse(readFileSync(join(ROOT, '_locales', 'en', 'messages.json'), 'utf8'));
    const keys = [...JSON.stringify(source).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(messages[key], key).toBeDefined();
    const used = new Set<string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z_]\w*)'/g)) used.add(m[1]);
    }
    for (const code of TYPOLOGIES) used.add(`typology_${code}`).add(`typologyDefinition_${code}`);
    for (const kind of KINDS) used.add(`kind_${kind}`);
    for (const status of ['generally_reliable', 'no_consensus', 'generally_unreliable', 'deprecated', 'blacklisted']) used.add(`rating_${status}`);
    for (const key of Object.keys(messages)) expect(key, 'Chrome accepts only [A-Za-z0-9_] in message names').toMatch(/^[A-Za-z0-9_]+$/);
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(messages[key], key).toBeDefined();
  });

  it('content.css has a ::highlight rule for every highlight name, in the category\'s colour', () => {
    const css = readFileSync(join(ROOT, 'dist', 'chrome', 'content.css'), 'utf8');
    const rule = (name: string) => new RegExp(`::highlight\\(${name}\\)\\{([^}]*)\\}`).exec(css)?.[1];
    for (const typology of [...TYPOLOGIES, null]) {
      expect(rule(highlightName(typology)), String(typology)).toMatch(/background-color:#[0-9a-f]{8};text-decoration:underline 2px #[0-9a-f]{6}/);
      expect(rule(highlightName(typology, 'underline')), String(typology)).toMatch(/^text-decoration:underline 2px #[0-9a-f]{6};text-underline-offset:3px$/);
    }
    expect(rule(highlightName('SC'))).toContain('#c62828');
    expect(rule(highlightName('ISM'))).toContain('#1e88e5');
    expect(rule('statelens-flash')).toBe('background-color:#ffd600bf');
  });

  // The budget is the content script's code alone, minified: the registry's index, which grows with the
  // outlets, is data in index.js and reader.js; the card's code (the card, Floating UI for its placement, its
  // styles, the site banner) is in card.js, which a page loads only once it has citations to show; the text
  // reader's (the matcher, the context rules, attribution) in reader.js, which only pages whose text is read
  // load. What a reader feels is
  // time, which the bench measures on real pages (script evaluation included); this budget keeps the code that
  // every page evaluates from growing unnoticed.
  it('the content script\'s code, which runs on every page, stays within its budget of 80 KB minified', () => {
    const code = readFileSync(join(ROOT, 'dist', 'chrome', 'content.js'), 'utf8');
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(80 * 1024);
  });

  it('the card\'s code is in card.js, a module the content script imports, and not in the content script', () => {
    const code = readFileSync(join(ROOT, 'dist', 'chrome', 'content.js'), 'utf8');
    const card = readFileSync(join(ROOT, 'dist', 'chrome', 'card.js'), 'utf8');
    // The card's host element, made by CardView, and its styles.
    for (const mark of ["'statelens-card'", '.card{']) {
      expect(card.replaceAll('"', "'"), mark).toContain(mark);
      expect(code.replaceAll('"', "'"), mark).not.toContain(mark);
    }
    expect(code).toContain('import(chrome.runtime.getURL(');
    expect(card).toMatch(/export\s*\{/);
  });

  it('the text reader\'s code is in reader.js, a module the content script imports, and not in the content script', () => {
    const code = readFileSync(join(ROOT, 'dist', 'chrome', 'content.js'), 'utf8');
    const reader = readFileSync(join(ROOT, 'dist', 'chrome', 'reader.js'), 'utf8');
    // The matcher's and the prefilter's own messages.
    for (const mark of ['matcher index version', 'prefilter: the table']) {
      expect(reader, mark).toContain(mark);
      expect(code, mark).not.toContain(mark);
    }
    expect(reader).toMatch(/export\s*\{/);
  });

  it('the index is data: its sites in index.js, which runs first; its aliases and context words in reader.js; the content script holds none of it', () => {
    const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
    expect(source.content_scripts[0].js).toEqual(['index.js', 'content.js']);
    const code = readFileSync(join(ROOT, 'dist', 'chrome', 'content.js'), 'utf8');
    const index = readFileSync(join(ROOT, 'dist', 'chrome', 'index.js'), 'utf8');
    const reader = readFileSync(join(ROOT, 'dist', 'chrome', 'reader.js'), 'utf8');
    // A context word, and RT's host written backwards.
    expect(reader).toContain('mouthpiece');
    expect(index).not.toContain('mouthpiece');
    expect(code).not.toContain('mouthpiece');
    expect(index).toContain('"moc.tr"');
    expect(reader).not.toContain('"moc.tr"');
    expect(code).not.toContain('"moc.tr"');
  });

  it('the shipped content script and its parts record no timings: the page\'s performance timeline never learns StateLens is there', () => {
    for (const file of ['content.js', 'reader.js', 'card.js']) {
      const code = readFileSync(join(ROOT, 'dist', 'chrome', file), 'utf8');
      expect(code, file).not.toContain('performance.measure');
      expect(code, file).not.toContain('performance.mark');
    }
  });

  it('the extension code has no way to reach the network', () => {
    for (const file of ['background.js', 'index.js', 'content.js', 'reader.js', 'card.js', 'popup.js', 'options.js']) {
      const code = readFileSync(join(ROOT, 'dist', 'chrome', file), 'utf8');
      for (const api of ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource']) {
        expect(code.includes(api), `${file} uses ${api}`).toBe(false);
      }
    }
  });
});
