// Lint rules, and the layers of the code enforced as import zones: core is pure (no DOM layer, no browser
// API); dom takes a Document and never calls browser.*; only src/platform imports webextension-polyfill;
// the CLI and the build never import the platform.
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

const CONTENT_PATTERNS = [
  { group: ['webextension-polyfill'], message: 'Entry points reach the browser only through src/platform.' },
  { group: ['**/platform/locales'], message: 'The content script runs on every page: it asks the background for a chosen language\'s strings instead of bundling every catalog.' },
];
// The text reader (the matcher, the context rules, attribution) is reader.js's, which pages whose text is read
// import at run time (src/content/reader-loader.ts): content.js, which every page runs, never bundles it.
const READER_PART = ['src/content/reader-part.ts', 'src/content/load-index.ts'];
const TEXT_READER_PATTERN = {
  group: ['**/dom/read-text', '**/dom/scan-page', '**/core/match/matcher', '**/core/match/find-citations', '**/core/match/prefilter', '**/core/match/context-words'],
  message: 'The text reader is reader.js\'s: content.js loads it at run time (reader-loader.ts), never bundles it.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'icons/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: {
      // Text from pages and from the registry is inserted as text, never parsed as markup.
      'no-restricted-syntax': ['error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Use textContent or DOM nodes, never innerHTML/outerHTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Use DOM nodes, never insertAdjacentHTML.' },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]", message: 'Never document.write.' },
        { selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']", message: 'No eval or new Function.' },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
    },
  },
  layer(['src/core/**'], ['**/dom/**', '**/platform/**', '**/content/**', '**/background/**', '**/popup/**', '**/cli/**', '**/build/**', 'webextension-polyfill', 'node:*', 'jsdom', '@floating-ui/*', '@mozilla/*'],
    'src/core is pure: no DOM layer, no browser API, no Node API.'),
  layer(['src/dom/**'], ['**/platform/**', '**/content/**', '**/background/**', '**/popup/**', '**/cli/**', 'webextension-polyfill', 'node:*'],
    'src/dom takes a Document as a parameter and never touches browser.* or Node.'),
  layer(['src/cli/**', 'src/build/**'], ['**/platform/**', 'webextension-polyfill'],
    'The CLI and the build run in Node and never use the browser platform.'),
  layer(['src/background/**', 'src/popup/**', 'src/options/**', 'src/report/**'], ['webextension-polyfill'],
    'Entry points reach the browser only through src/platform.'),
  // One entry per set of files: a later entry for the same files would replace this rule, not add to it.
  {
    files: ['src/content/**'],
    ignores: READER_PART,
    rules: { 'no-restricted-imports': ['error', { patterns: [...CONTENT_PATTERNS, TEXT_READER_PATTERN] }] },
  },
  {
    files: READER_PART,
    rules: { 'no-restricted-imports': ['error', { patterns: CONTENT_PATTERNS }] },
  },
);
