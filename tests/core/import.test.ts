import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cleanAssetName, countryCode, ImportError, importMatrix, normalizeHost } from '../../src/core/registry/import-smm';
import { ROOT, SHARED } from '../helpers/registry';

type Row = Record<string, string>;
function row(fields: Partial<Row>): Row {
  return {
    Region: 'Middle East and North Africa', Country: 'Syria', 'Media company': 'Syrian Arab News Agency (SANA)',
    'Main assets': 'SANA', URL: 'http://www.sana.sy/', Typology: 'SC', Status: '', Notes: '', ...fields,
  };
}

describe('host normalisation', () => {
  it.each([
    ['http://www.sana.sy/', 'sana.sy'],
    ['https://www.sana.sy/en/?p=1', 'sana.sy'],
    ['www.bayontv.com.kh', 'bayontv.com.kh'],
    ['https://WWW.SouthSudanTV.net', 'southsudantv.net'],
    ['https://news.cntv.cn/', 'news.cntv.cn'],
    ['http://www2.example.org.', 'example.org'],
  ])('%s → %s', (url, host) => {
    expect(normalizeHost(url)).toBe(host);
  });

  it.each(['not a url', 'https://', 'localhost'])('rejects %s', (url) => {
    expect(() => normalizeHost(url)).toThrow();
  });
});

describe('asset names', () => {
  it.each([
    ['Print: Al-Ahram', 'Al-Ahram', 'newspaper'],
    ['Television: Nile TV', 'Nile TV', 'tv'],
    ['News agency: SANA', 'SANA', 'agency'],
    ['Radio:  Radio Uruguay', 'Radio Uruguay', 'radio'],
    ['Yicai Media Group (Television: Yicai TV', 'Yicai Media Group', undefined],
    ['UA:First', 'UA:First', undefined],
  ])('%s → %s', (raw, name, kind) => {
    expect(cleanAssetName(raw)).toEqual({ name, kind });
  });
});

describe('country names', () => {
  it.each([['Syria', 'SY'], ['Vietnam', 'VN'], ['DR Congo', 'CD'], ['Congo', 'CG'], ['Turkey', 'TR'], ['Europen Union', 'EU'], ['Bosnia and Herzegovina', 'BA']])(
    '%s → %s', (name, code) => expect(countryCode(name)).toBe(code),
  );
});

describe('importMatrix', () => {
  it('groups the rows of one asset into one outlet with all its hosts, mirrors apart', () => {
    const { outlets } = importMatrix([
      row({ Country: 'Russia', 'Media company': 'RT', 'Main assets': 'RT Deutsch', URL: 'https://de.rt.com/' }),
      row({ Country: 'Russia', 'Media company': 'RT', 'Main assets': 'RT Deutsch', URL: 'https://rtde.world/' }),
      row({ Country: 'Russia', 'Media company': 'RT', 'Main assets': 'RT Deutsch', URL: 'https://test.rtde.life/' }),
      row({ Country: 'Russia', 'Media company': 'RT', 'Main assets': 'RT France', URL: 'https://francais.rt.com/' }),
    ]);
    expect(outlets.map((o) => [o.id, o.hosts, o.mirrors, o.rows])).toEqual([
      ['rt-deutsch', ['de.rt.com', 'rtde.world'], ['test.rtde.life'], [1, 2, 3]],
      ['rt-france', ['francais.rt.com'], [], [4]],
    ]);
  });

  it('keeps uncertain typologies, missing typologies and non-functional status', () => {
    const { outlets } = importMatrix([
      row({ 'Main assets': 'A One', URL: 'https://a.example/', Typology: 'ISFM?' }),
      row({ 'Main assets': 'B Two', URL: 'https://b.example/', Typology: '' }),
      row({ 'Main assets': 'C Three', URL: 'https://c.example/', Status: 'Currently Not Functional' }),
    ]);
    expect(outlets.map((o) => [o.id, o.typology, o.typologyUncertain ?? false, o.status])).toEqual([
      ['a-one', 'ISFM', true, 'active'],
      ['b-two', null, false, 'active'],
      ['c-three', 'SC', false, 'not-functional'],
    ]);
  });

  it('gives a host shared by two assets to the first and declares it on the second', () => {
    const { outlets } = importMatrix([
      row({ 'Main assets': 'Radio One', URL: 'https://shared.example/' }),
      row({ 'Main assets': 'TV One', URL: 'https://shared.example/tv' }),
    ]);
    expect(outlets.find((o) => o.id === 'radio-one')?.hosts).toEqual(['shared.example']);
    expect(outlets.find((o) => o.id === 'tv-one')).toMatchObject({ hosts: [], sharedHosts: ['shared.example'] });
  });

  it('disambiguates ids that clash', () => {
    const { outlets } = importMatrix([
      row({ Country: 'Cuba', 'Main assets': 'Radio Rebelde', URL: 'https://a.example/' }),
      row({ Country: 'Chile', 'Main assets': 'Radio Rebelde', URL: 'https://b.example/' }),
    ]);
    expect(outlets.map((o) => o.id).sort()).toEqual(['radio-rebelde', 'radio-rebelde-cl']);
  });

  it('skips blank rows and counts them', () => {
    const blank = Object.fromEntries(Object.keys(row({})).map((k) => [k, '']));
    const result = importMatrix([row({}), blank]);
    expect(result).toMatchObject({ rows: 2, blankRows: 1 });
    expect(result.outlets).toHaveLength(1);
  });

  it.each([
    [{ Country: 'Atlantis' }, 'line 3 (row 2): column "Country": unknown country "Atlantis"'],
    [{ Typology: 'XX' }, 'line 3 (row 2): column "Typology": unknown code "XX"'],
    [{ URL: 'http://' }, 'line 3 (row 2): column "URL"'],
    [{ 'Main assets': '' }, 'line 3 (row 2): column "Main assets": is empty'],
  ])('a malformed row is reported with its line and column, and the other rows are imported: %o', (fields, message) => {
    const result = importMatrix(
      [row({ 'Main assets': 'Before', URL: 'https://before.example/' }), row({ 'Main assets': 'Bad', URL: 'https://bad.example/', ...fields }), row({ 'Main assets': 'After', URL: 'https://after.example/' })],
      [2, 3, 4],
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toBeInstanceOf(ImportError);
    expect(result.problems[0].message).toContain(message);
    expect(result.outlets.map((o) => o.id)).toEqual(['after', 'before']);
    expect(result.outlets.flatMap((o) => o.hosts)).not.toContain('bad.example');
  });
});

const CSV = join(SHARED, 'data', 'state-media-profiles', 'State_Media_Matrix.csv');

// Under CI the shared data is always beside the project: a missing file there is a failure, not a skip.
describe.skipIf(!existsSync(CSV) && process.env.CI !== 'true')('the committed import', () => {
  it('is exactly what the import script makes from the matrix, every time', () => {
    const records: Row[] = parse(readFileSync(CSV, 'utf8'), { columns: true, bom: true });
    const first = importMatrix(records);
    const second = importMatrix(records);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const committed = JSON.parse(readFileSync(join(ROOT, 'src', 'data', 'imported.json'), 'utf8'));
    expect(committed.outlets).toEqual(first.outlets);
    expect(first).toMatchObject({ rows: 1157, blankRows: 1, problems: [] });
    expect(first.outlets).toHaveLength(1111);
    expect(new Set(first.outlets.map((o) => o.country)).size).toBe(157);
  });
});

describe('the import script', () => {
  it('reports a bad row with its file line, imports the rest, and exits 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'statelens-import-'));
    try {
      const header = 'Region,Country,Media company,Main assets,URL,Typology,Status,Notes';
      writeFileSync(join(dir, 'in.csv'), [header,
        'Asia,Japan,"Maker, Inc.","Good One",https://good.example/,IP,,',
        'Asia,Atlantis,Sunken Media,Bad One,https://bad.example/,SC,,',
        'Asia,Japan,Other,"Good ""Two""",https://two.example/,IP,,', ''].join('\n'));
      const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/import-smm.ts', join(dir, 'in.csv'), join(dir, 'out.json')], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('line 3 (row 2): column "Country": unknown country "Atlantis" (row not imported)');
      const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
      expect(out.outlets.map((o: { name: string }) => o.name)).toEqual(['Good One', 'Good "Two"']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('ids', () => {
  it.each([
    ['Russia-1 (Россия-1)', 'russia.tv', 'russia-1'],
    ['CGTN Русский', 'russian.cgtn.com', 'cgtn-russian'],
    ['CGTN العربية', 'arabic.cgtn.com', 'cgtn-arabic'],
    ['Dziennik dailies - Łódzki', 'dzienniklodzki.pl', 'dziennik-dailies-lodzki'],
    ['Oʻzbekiston', 'mtrk.uz', 'ozbekiston'],
    ["People's Daily (English)", undefined, 'people-s-daily-english'],
  ])('%s → %s', async (name, host, id) => {
    const { idBase } = await import('../../src/core/registry/import-smm');
    expect(idBase(name, host)).toBe(id);
  });
});
