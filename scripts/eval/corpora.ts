/**
 * The real, labelled corpora of the shared folder (never copied into this repository; see its corpus/README.md
 * and pages/news/SOURCE.md), read into one shape: items of text or saved pages, each with the state-media
 * references a person labelled in it. Labels name outlets as the State Media Monitor matrix does (a name and a
 * primary domain); scoring maps them to the registry by domain, or by name where the domain is null.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePage } from '../../src/cli/decode-page';

export type RefKind = 'citation' | 'dateline' | 'credit' | 'mention' | 'link';
export const KINDS: readonly RefKind[] = ['citation', 'dateline', 'credit', 'mention', 'link'];

export interface LabelledRef {
  surface: string;
  outlet: string;
  domain: string | null;
  typology: string | null;
  kind: RefKind;
  href?: string;
}

export interface CorpusItem {
  corpus: CorpusName;
  id: string;
  lang: string;
  /** Plain text (sentences and articles) or a saved page's HTML, read at url. */
  text?: string;
  html?: string;
  url?: string;
  /** The references that count: in the text; on a page, those in its story (DESIGN.md §5: the main text). */
  refs: LabelledRef[];
  /** On a page, references outside the story (navigation, related boxes, footers): reported apart. */
  outside: LabelledRef[];
  lookalikes: string[];
}

export type CorpusName = 'wikipedia' | 'voa' | 'openlicensed' | 'pages';
export const REAL_CORPORA: readonly CorpusName[] = ['wikipedia', 'voa', 'openlicensed', 'pages'];

const KIND_SET = new Set<string>(KINDS);

function checkRefs(where: string, refs: unknown): LabelledRef[] {
  if (!Array.isArray(refs)) throw new Error(`${where}: references is not a list`);
  return refs.map((r: LabelledRef, i) => {
    if (typeof r?.surface !== 'string' || typeof r.outlet !== 'string' || !KIND_SET.has(r.kind)) {
      throw new Error(`${where}: reference ${i + 1} needs surface, outlet and a kind (${KINDS.join(', ')})`);
    }
    return r;
  });
}

function jsonLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8').split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch (e) {
      throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
    }
  });
}

const lookalikeSurfaces = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((l) => (typeof l === 'string' ? l : String((l as { surface?: unknown }).surface ?? ''))) : [];

function sentences(shared: string): CorpusItem[] {
  const file = join(shared, 'corpus', 'wikipedia', 'sentences.jsonl');
  return jsonLines(file).map((d) => ({
    corpus: 'wikipedia', id: String(d.id), lang: String(d.lang), text: String(d.text),
    refs: checkRefs(`wikipedia ${String(d.id)}`, d.references), outside: [], lookalikes: lookalikeSurfaces(d.lookalikes),
  }));
}

function articles(shared: string, corpus: 'voa' | 'openlicensed'): CorpusItem[] {
  const dir = join(shared, 'corpus', corpus);
  return jsonLines(join(dir, 'labels.jsonl')).map((d) => ({
    corpus, id: String(d.file), lang: String(d.lang), text: readFileSync(join(dir, 'articles', String(d.file)), 'utf8'),
    refs: checkRefs(`${corpus} ${String(d.file)}`, d.references), outside: [], lookalikes: lookalikeSurfaces(d.lookalikes),
  }));
}

interface PageEntry {
  source: string;
  lang: string;
  inArticle: LabelledRef[];
  elsewhere: LabelledRef[];
  lookalikes?: unknown;
}

function pages(shared: string): CorpusItem[] {
  const dir = join(shared, 'pages', 'news');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, PageEntry>;
  return Object.entries(expected).map(([name, p]) => {
    const inArticle = checkRefs(`pages ${name} inArticle`, p.inArticle);
    const elsewhere = checkRefs(`pages ${name} elsewhere`, p.elsewhere);
    return {
      corpus: 'pages', id: name, lang: p.lang, html: decodePage(readFileSync(join(dir, name))), url: p.source,
      refs: inArticle,
      outside: elsewhere,
      lookalikes: lookalikeSurfaces(p.lookalikes),
    };
  });
}

/** Is the shared folder's corpus there? (The tests need it; CI checks for it before it runs them.) */
export function hasCorpora(shared: string): boolean {
  return existsSync(join(shared, 'corpus', 'wikipedia', 'sentences.jsonl')) && existsSync(join(shared, 'pages', 'news', 'expected.json'));
}

export function readCorpus(shared: string, name: CorpusName): CorpusItem[] {
  switch (name) {
    case 'wikipedia': return sentences(shared);
    case 'voa': return articles(shared, 'voa');
    case 'openlicensed': return articles(shared, 'openlicensed');
    case 'pages': return pages(shared);
  }
}

/** Every article file of a corpus folder has its labels (a file without them would silently not count). */
export function unlabelledArticles(shared: string, corpus: 'voa' | 'openlicensed'): string[] {
  const dir = join(shared, 'corpus', corpus);
  const labelled = new Set(jsonLines(join(dir, 'labels.jsonl')).map((d) => String(d.file)));
  return readdirSync(join(dir, 'articles')).filter((f) => !labelled.has(f));
}
