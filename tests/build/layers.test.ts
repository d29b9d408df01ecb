import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/registry';

const eslint = new ESLint({ cwd: ROOT });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layers are enforced by the linter', () => {
  it.each([
    ['src/core/x.ts', "import { CardView } from '../dom/card';\nexport const x = CardView;\n", 'src/core is pure'],
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'src/core is pure'],
    ['src/dom/x.ts', "import { t } from '../platform/browser';\nexport const x = t;\n", 'src/dom takes a Document'],
    ['src/cli/x.ts', "import { t } from '../platform/browser';\nexport const x = t;\n", 'never use the browser platform'],
    ['src/content/x.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;\n", 'only through src/platform'],
    ['src/content/x.ts', "import { stringsFor } from '../platform/locales';\nexport const x = stringsFor;\n", 'asks the background'],
    ['src/options/x.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;\n", 'only through src/platform'],
    ['src/report/x.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;\n", 'only through src/platform'],
    ['src/popup/x.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;\n", 'only through src/platform'],
  ])('%s may not import that', async (file, code, message) => {
    const errors = await importErrors(file, code);
    expect(errors.join('\n')).toContain(message);
  });

  it('allowed imports pass', async () => {
    expect(await importErrors('src/dom/x.ts', "import { fold } from '../core/match/fold';\nexport const x = fold;\n")).toEqual([]);
    expect(await importErrors('src/platform/x.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;\n")).toEqual([]);
    // One platform adapter for every part of the extension, the content script included.
    expect(await importErrors('src/content/x.ts', "import { t } from '../platform/browser';\nexport const x = t;\n")).toEqual([]);
  });
});

describe('markup is never parsed from strings', () => {
  it.each([
    ["el.innerHTML = text;", 'never innerHTML'],
    ["el.outerHTML = '<b>x</b>';", 'never innerHTML'],
    ["el.insertAdjacentHTML('beforeend', text);", 'never insertAdjacentHTML'],
    ["document.write(text);", 'Never document.write'],
    ["eval(text);", 'No eval'],
  ])('%s is an error', async (line, message) => {
    const [result] = await eslint.lintText(`export function f(el: Element, text: string) {\n  ${line}\n}\n`, { filePath: 'src/dom/x.ts' });
    expect(result.messages.map((m) => m.message).join('\n')).toContain(message);
  });
});
