import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/registry';

const CLI = join(ROOT, 'dist', 'cli', 'statelens.mjs');
const HTML = join('tests', 'pages', '001-sana-wire', 'source.html');
const TXT = join('tests', 'cli', 'fixtures', 'wire-report.txt');

function scan(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(!existsSync(CLI) && process.env.CI !== 'true')('statelens scan (the CLI contract)', () => {
  it('prints exactly one JSON document with the contract fields for .html and .txt files', () => {
    const { status, stdout, stderr } = scan(['--json', HTML, TXT]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['files']);
    const [html, txt] = doc.files;

    expect(html).toMatchObject({ file: HTML, article: true, published: '2017-11-20' });
    expect(html.mentions.map((m: { surface: string; via: string }) => [m.surface, m.via])).toEqual([
      ['Syrian Arab News Agency (SANA)', 'text'], ['Sana', 'text'], ['SANA', 'text'], ['SANA', 'text'], ['SANA', 'text'],
      ['الوكالة العربية السورية للأنباء (سانا)', 'text'], ['its website', 'link'], ['SANA', 'text'],
    ]);
    for (const m of html.mentions) {
      expect(Object.keys(m)).toEqual(['outlet', 'name', 'domain', 'typology', 'surface', 'via', 'kind', 'sentence', 'attributed']);
      expect(m).toMatchObject({ outlet: 'sana', name: 'Syrian Arab News Agency', domain: 'sana.sy', typology: 'SC' });
      expect(typeof m.sentence).toBe('string');
    }
    // "SANA’s correspondent in Deir ez-Zor described..." names the agency without giving it the sentence;
    // the link to its website gives no content either.
    expect(html.mentions.map((m: { attributed: boolean }) => m.attributed)).toEqual([true, true, true, true, false, true, false, true]);
    // The kinds: what the agency says is cited, the correspondent's sentence names it, the link is a link.
    expect(html.mentions.map((m: { kind: string }) => m.kind)).toEqual(['citation', 'citation', 'citation', 'citation', 'mention', 'citation', 'link', 'citation']);
    expect(html.mentions[1].sentence).toMatch(/^The Sana report said army units/);
    expect(html.outlets).toEqual([{
      outlet: 'sana', name: 'Syrian Arab News Agency', domain: 'sana.sy', typology: 'SC', citations: 8, named: 1, attributedSentences: 6, share: 0.429,
    }]);

    expect(txt).toMatchObject({ file: TXT, article: null, published: null });
    expect(txt.mentions.map((m: { surface: string }) => m.surface)).toEqual(['Syrian Arab News Agency', 'SANA', 'SANA']);
    expect(txt.outlets[0]).toMatchObject({ outlet: 'sana', citations: 3, attributedSentences: 3, share: 0.5 });
  });

  it('reads a saved page in the charset it declares when its bytes are not UTF-8, and as UTF-8 when they are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'statelens-cli-'));
    try {
      // Polish in windows-1250 ("ł" is 0xb3, "ę" 0xea): written for this test, byte by byte.
      const polish = (text: string) => Buffer.from([...text].map((c) => ({ ł: 0xb3, ę: 0xea }[c] ?? c.charCodeAt(0))));
      const head = '<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><title>Sejm</title></head>';
      const body = '<body><article><h1>Sejm</h1><p>Premier podczas posiedzenia Sejmu.</p><p>PAP/Rafał Guz</p></article></body></html>';
      const legacy = join(dir, 'legacy.html');
      writeFileSync(legacy, Buffer.concat([polish(head), polish(body)]));
      // The same page saved again as UTF-8 with its old declaration left in.
      const resaved = join(dir, 'resaved.html');
      writeFileSync(resaved, head + body, 'utf8');
      const { status, stdout, stderr } = scan(['--json', legacy, resaved]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      for (const file of JSON.parse(stdout).files) {
        expect(file.mentions.map((m: { surface: string; kind: string; sentence: string }) => [m.surface, m.kind, m.sentence]))
          .toEqual([['PAP', 'credit', 'PAP/Rafał Guz']]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a saved page as if at its canonical address: an outlet\'s links on its own site are not citations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'statelens-cli-'));
    try {
      const article = '<article><h1>Talks resume</h1><p>SANA said the talks would resume on Monday. '
        + '<a href="https://sana.sy/en/?cat=1">More politics</a>, and <a href="https://tass.com/politics/1">a report from Moscow</a> agreed.</p></article>';
      const page = (head: string) => `<!doctype html><html><head>${head}<title>Talks</title></head><body>${article}</body></html>`;
      const files = {
        canonical: join(dir, 'canonical.html'), ogUrl: join(dir, 'og-url.html'), none: join(dir, 'none.html'), relative: join(dir, 'relative.html'),
      };
      writeFileSync(files.canonical, page('<link rel="canonical" href="https://sana.sy/en/?p=1">'));
      writeFileSync(files.ogUrl, page('<meta property="og:url" content="https://www.sana.sy/en/?p=1">'));
      writeFileSync(files.none, page(''));
      writeFileSync(files.relative, page('<link rel="canonical" href="/en/?p=1">'));
      const { status, stdout } = scan(['--json', files.canonical, files.ogUrl, files.none, files.relative]);
      expect(status).toBe(0);
      const links = JSON.parse(stdout).files.map((f: { mentions: Array<{ outlet: string; via: string }> }) =>
        f.mentions.filter((m) => m.via === 'link').map((m) => m.outlet));
      expect(links).toEqual([['tass'], ['tass'], ['sana', 'tass'], ['sana', 'tass']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads text from stdin with -', () => {
    const { status, stdout } = scan(['--json', '-'], 'Footage aired by SANA showed the ceremony.');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).files[0]).toMatchObject({ file: '-', article: null, outlets: [{ outlet: 'sana', citations: 1 }] });
  });

  it('reports a missing file on stderr, still scans the others, and exits 1', () => {
    const { status, stdout, stderr } = scan(['--json', 'does-not-exist.html', TXT, 'tests']);
    expect(status).toBe(1);
    expect(stderr).toContain('statelens: does-not-exist.html: no such file');
    expect(stderr).toContain('statelens: tests: is a directory');
    const doc = JSON.parse(stdout);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual([TXT]);
  });

  it('prints a readable report without --json', () => {
    const { status, stdout } = scan([HTML]);
    expect(status).toBe(0);
    expect(stdout).toContain('article, published 2017-11-20');
    expect(stdout).toContain('Syrian Arab News Agency (sana.sy) · State-controlled media · 8 references (1 only named)');
  });

  it('explains its usage when called wrongly', () => {
    expect(scan([]).status).toBe(2);
    expect(scan(['--frobnicate', TXT]).stderr).toContain('unknown option --frobnicate');
  });

  it('the contract is documented in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm run scan -- --json');
    expect(readme).toContain('"attributedSentences"');
  });
});
