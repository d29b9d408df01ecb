#!/usr/bin/env node
/**
 * Builds StateLens: dist/chrome/, dist/firefox/ (unpacked), dist/statelens-<version>-<target>.zip, and the
 * command-line scanner dist/cli/statelens.mjs.
 *   node build.mjs            one build
 *   node build.mjs --watch    rebuild on changes (code and registry)
 *   node build.mjs --watch --start [--browser firefox|chromium]   also run the extension with web-ext
 *   node build.mjs --bench --out DIR   a build for the bench only: its content script times its parts
 * The registry (src/data) is validated and compiled here; a malformed entry stops the build with a message
 * naming the entry and the field.
 */
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { manifestFor, TARGETS } from './scripts/manifest.mjs';

const ROOT = dirname(fileURLToPath(import.meta.url));
/** Imported by another script (scripts/bench.ts bundles its page with the content script's options): build nothing. */
const imported = !process.argv[1] || import.meta.url !== pathToFileURL(realpathSync(process.argv[1])).href;
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? resolve(args[args.indexOf(name) + 1]) : undefined);
/** --out and --data exist for the build's own tests (a malformed registry must fail the build). */
const DIST = option('--out') ?? join(ROOT, 'dist');
const STAGE = join(DIST, '.stage');
const DATA = option('--data') ?? join(ROOT, 'src', 'data');
const watch = args.includes('--watch');
const start = args.includes('--start');
const browserArg = args[args.indexOf('--browser') + 1];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Loads the registry compiler (TypeScript) by bundling it for Node. */
async function loadCompiler() {
  const out = join(ROOT, 'node_modules', '.cache', 'statelens-build', `load-registry-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [join(ROOT, 'src', 'build', 'load-registry.ts')], outfile: out, bundle: true, absWorkingDir: ROOT,
    platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent',
  });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(out, { force: true });
  }
}

function dataFiles(dir = DATA) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? dataFiles(p) : p.endsWith('.json') ? [p] : [];
  });
}

/** The compiled registry, recompiled only when a data file changed (watch mode shares it across bundles). */
function registryCache(compiler) {
  let signature = '';
  let result;
  return () => {
    const files = dataFiles();
    const next = files.map((f) => `${f}:${statSync(f).mtimeMs}:${statSync(f).size}`).join('|');
    if (next !== signature) {
      signature = next;
      try {
        result = { compiled: compiler.loadRegistry(DATA) };
        // Alias classes set by hand override the data (src/build/alias-evidence.ts): say so, with the reason (on
        // stderr: `npm run -s bench -- --json`, which bundles with these options, keeps stdout for its JSON).
        for (const d of result.compiled.aliasClasses.filter((x) => x.override)) console.error(`registry: "${d.text}" (${d.id}) ${d.match}, ${d.reason}`);
      } catch (e) {
        result = { error: `registry: ${e.message}` };
      }
    }
    return { ...result, files };
  };
}

/** Virtual modules with the compiled registry: the matcher index and the outlets' details. */
/** In the content script and its text reader, the word lists come with the index (reader.js's aliases part): their module is left empty. */
const contextWordsStub = {
  name: 'context-words-stub',
  setup(build) {
    build.onResolve({ filter: /context-words\.data$/ }, (a) => ({ path: a.path, namespace: 'context-words-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'context-words-stub' }, () => ({ contents: 'export const WORDS = null;', loader: 'js' }));
  },
};

/** The packed index as the content script's files ship it (index.js, reader.js): the strings as they are, every other table as JSON text. */
export function indexTables(packed) {
  const tables = {};
  for (const [key, value] of Object.entries({ ...packed, contextWords: compiler.keyedWords(compiler.WORDS) })) {
    tables[key] = typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
  }
  return tables;
}

const pick = (tables, keys) => Object.fromEntries(keys.map((key) => [key, tables[key]]));

function registryPlugin(registry) {
  const load = (pick) => async () => {
    const { compiled, error, files } = registry();
    if (error) return { errors: [{ text: error }], watchFiles: files };
    return { contents: JSON.stringify(await pick(compiled)), loader: 'json', watchFiles: files };
  };
  return {
    name: 'statelens-registry',
    setup(build) {
      build.onResolve({ filter: /^statelens:/ }, (a) => ({ path: a.path, namespace: 'statelens' }));
      build.onLoad({ filter: /^statelens:packed-index$/, namespace: 'statelens' }, load((c) => c.packed));
      // The index's tables as the content script ships them (see src/content/load-index.ts): each table of the
      // packed index as a string (JSON text but for the aliases' sorted table), with the context rules' word
      // lists (data, not code) as contextWords. All of them (the bench page), and the two parts: the sites
      // (index.js, every page) and the aliases (reader.js, pages whose text is read).
      build.onLoad({ filter: /^statelens:index-tables$/, namespace: 'statelens' }, load((c) => indexTables(c.packed)));
      build.onLoad({ filter: /^statelens:site-tables$/, namespace: 'statelens' }, load((c) => pick(indexTables(c.packed), compiler.SITE_KEYS)));
      build.onLoad({ filter: /^statelens:alias-tables$/, namespace: 'statelens' }, load((c) => pick(indexTables(c.packed), compiler.ALIAS_KEYS)));
      build.onLoad({ filter: /^statelens:outlets$/, namespace: 'statelens' }, load((c) => c.index.outlets.map(([id]) => c.outlets[id])));
    },
  };
}

function correctionsUrl() {
  const url = process.env.STATELENS_CORRECTIONS_URL ?? '';
  if (url && !/^https:\/\/[^\s"]+$/.test(url)) {
    console.error(`statelens build failed: STATELENS_CORRECTIONS_URL must be an https URL, got "${url}"`);
    process.exit(1);
  }
  return url;
}

/** `import css from './x.css?raw'`: the stylesheet, minified, as a string (shadow roots need it as text). */
const rawCssPlugin = {
  name: 'raw-css',
  setup(build) {
    build.onResolve({ filter: /\.css\?raw$/ }, (a) => ({ path: join(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw-css' }));
    build.onLoad({ filter: /.*/, namespace: 'raw-css' }, async (a) => {
      const { code } = await esbuild.transform(readFileSync(a.path, 'utf8'), { loader: 'css', minify: true });
      // esbuild keeps the space after a custom property's colon ("--bg: #fff"), which CSS trims anyway.
      const css = code.trim().replace(/(--[\w-]+): /g, '$1:');
      return { contents: `export default ${JSON.stringify(css)};`, loader: 'js', watchFiles: [a.path] };
    });
  },
};

/**
 * Readability's isProbablyReaderable ships as a CommonJS file (module.exports). Bundled as such, it brings
 * esbuild's CommonJS interop helpers (about 500 bytes) into the content script, which has a budget. Its one
 * top-level function is exported as an ES module instead; the file's own code is unchanged (its
 * `typeof module` test is false in a bundle).
 */
const readerableAsModule = {
  name: 'readerable-esm',
  setup(build) {
    build.onLoad({ filter: /[\\/]@mozilla[\\/]readability[\\/]Readability-readerable\.js$/ }, (a) => {
      const source = readFileSync(a.path, 'utf8');
      if (!/^function isProbablyReaderable\(/m.test(source)) throw new Error(`${a.path}: isProbablyReaderable is no longer a top-level function; update readerableAsModule in build.mjs`);
      return { contents: `${source}\nexport default isProbablyReaderable;\n`, loader: 'js' };
    });
  },
};

const ZIP_DATE = new Date(Date.UTC(2020, 0, 1));

function zipDir(dir) {
  const files = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p).split('\\').join('/')] = [readFileSync(p), { mtime: ZIP_DATE }];
    }
  };
  walk(dir);
  return zipSync(files, { level: 9 });
}

function finish() {
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  for (const target of TARGETS) {
    const out = join(DIST, target);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    cpSync(STAGE, out, { recursive: true });
    cpSync(join(ROOT, 'src', 'popup', 'popup.html'), join(out, 'popup.html'));
    cpSync(join(ROOT, 'src', 'popup', 'popup.css'), join(out, 'popup.css'));
    // The highlights' rules, made by the code that names the highlights (the content script has the same).
    writeFileSync(join(out, 'content.css'), `/* StateLens highlights (CSS Custom Highlight API): the page's DOM is never changed to show them. */\n${compiler.highlightCss()}\n`);
    cpSync(join(ROOT, 'src', 'options', 'options.html'), join(out, 'options.html'));
    cpSync(join(ROOT, 'src', 'options', 'options.css'), join(out, 'options.css'));
    cpSync(join(ROOT, 'src', 'report', 'report.html'), join(out, 'report.html'));
    cpSync(join(ROOT, '_locales'), join(out, '_locales'), { recursive: true });
    mkdirSync(join(out, 'icons'));
    for (const f of readdirSync(join(ROOT, 'icons')).filter((f) => f.endsWith('.png'))) cpSync(join(ROOT, 'icons', f), join(out, 'icons', f));
    cpSync(join(ROOT, 'CREDITS.md'), join(out, 'CREDITS.md'));
    cpSync(join(ROOT, 'LICENSE'), join(out, 'LICENSE'));
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifestFor(source, target, pkg.version), null, 2)}\n`);
    writeFileSync(join(DIST, `statelens-${pkg.version}-${target}.zip`), zipDir(out));
  }
}

const compiler = await loadCompiler();
const registry = registryCache(compiler);
const first = registry();
if (first.error && !watch) {
  // One clear line naming the file, the entry and the field, instead of one error per bundle.
  console.error(`statelens build failed: ${first.error}`);
  process.exit(1);
}
export const common = {
  absWorkingDir: ROOT, bundle: true, minify: true, charset: 'utf8', legalComments: 'none', logLevel: 'warning', target: ['chrome105', 'firefox142'],
  // Regular expressions with \p{...} stay literals: esbuild rewrites them as new RegExp(...) for any browser
  // target (its data covers property names newer than ours), which cost the content script about 200 bytes.
  // The properties used here (letters, marks, numbers, cases, Han, Kana, Hangul, Arabic) are old in both.
  supported: { 'regexp-unicode-property-escapes': true },
  plugins: [registryPlugin(registry), rawCssPlugin, readerableAsModule],
  // The card's "Report a correction" link: the project's issue tracker, given at build; no link when unset.
  // --bench: the content script records its parts' main-thread time as performance measures (see
  // src/dom/part-timing.ts), for the real-pages bench; never in a build that ships.
  define: { __CORRECTIONS_URL__: JSON.stringify(correctionsUrl()), __STATELENS_BENCH__: String(args.includes('--bench')) },
};
export const configs = [
  { ...common, plugins: [...common.plugins, contextWordsStub], entryPoints: { content: 'src/content/main.ts' }, outdir: STAGE, format: 'iife' },
  // The card's code, loaded by the content script when a page first needs a card (src/content/card-loader.ts);
  // the text reader with the index's aliases, when a page's text is first read (src/content/reader-loader.ts).
  { ...common, entryPoints: { card: 'src/content/card-part.ts' }, outdir: STAGE, format: 'esm' },
  { ...common, plugins: [...common.plugins, contextWordsStub], entryPoints: { reader: 'src/content/reader-part.ts' }, outdir: STAGE, format: 'esm' },
  // The index's sites part, data only, in a content script of its own that runs just before content.js.
  { ...common, entryPoints: { index: 'src/content/index-data.ts' }, outdir: STAGE, format: 'iife' },
  { ...common, entryPoints: { background: 'src/background/main.ts', popup: 'src/popup/main.ts', options: 'src/options/main.ts', report: 'src/report/main.ts' }, outdir: STAGE, format: 'esm', splitting: false },
  {
    ...common, minify: false, entryPoints: { statelens: 'src/cli/statelens.ts' }, outdir: join(DIST, 'cli'), outExtension: { '.js': '.mjs' },
    platform: 'node', format: 'esm', target: 'node20', packages: 'external', banner: { js: '#!/usr/bin/env node' },
  },
];

if (imported) {
  // Nothing to build: the importer only reads the options above.
} else if (!watch) {
  rmSync(STAGE, { recursive: true, force: true });
  try {
    await Promise.all(configs.map((c) => esbuild.build(c)));
  } catch {
    // esbuild has printed the errors (a registry error names the entry and the field).
    process.exit(1);
  }
  finish();
  rmSync(STAGE, { recursive: true, force: true });
  const kb = (statSync(join(DIST, 'chrome', 'content.js')).size / 1024).toFixed(1);
  console.log(`built dist/chrome, dist/firefox, dist/statelens-${pkg.version}-{chrome,firefox}.zip, dist/cli/statelens.mjs (content script ${kb} KB)`);
} else {
  rmSync(STAGE, { recursive: true, force: true });
  let pending = configs.length;
  const contexts = await Promise.all(configs.map((c) => esbuild.context({
    ...c,
    plugins: [...c.plugins, {
      name: 'finish',
      setup(build) {
        build.onEnd((result) => {
          if (pending > 0) pending--;
          if (pending === 0 && !result.errors.length && existsSync(join(STAGE, 'content.js'))) {
            finish();
            console.log(`[${new Date().toLocaleTimeString()}] rebuilt`);
          }
        });
      },
    }],
  })));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes…');
  if (start) {
    const target = browserArg === 'chromium' || browserArg === 'chrome' ? 'chromium' : 'firefox-desktop';
    const sourceDir = join(DIST, target === 'chromium' ? 'chrome' : 'firefox');
    const extra = [];
    if (target === 'firefox-desktop' && existsSync('/usr/bin/firefox-esr') && !process.env.WEB_EXT_FIREFOX) extra.push('--firefox', '/usr/bin/firefox-esr');
    if (target === 'chromium' && existsSync('/usr/bin/chromium') && !process.env.WEB_EXT_CHROMIUM_BINARY) extra.push('--chromium-binary', '/usr/bin/chromium');
    const webExt = spawn('npx', ['web-ext', 'run', '--source-dir', sourceDir, '--target', target, ...extra], { stdio: 'inherit' });
    webExt.on('exit', (code) => process.exit(code ?? 0));
  }
}
