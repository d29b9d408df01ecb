/**
 * statelens: find state-media citations in saved pages (.html) and plain text (.txt, or - for stdin).
 *   statelens [--json] FILE...
 * With --json, prints exactly one JSON document (the contract in the README). A file that cannot be read or
 * parsed is reported on stderr and the others are still scanned; the exit status is then 1.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import packed from 'statelens:packed-index';
import outlets from 'statelens:outlets';
import { analyzeText, sentenceText, type ReferenceKind, type TextAnalysis } from '../core/match/find-citations';
import { LinkIndex } from '../core/match/links';
import { Matcher } from '../core/match/matcher';
import { typologyAt } from '../core/registry/pack';
import { summarize } from '../core/summary';
import { TYPOLOGY_NAMES, type Typology } from '../core/typology';
import { scanPage } from '../dom/scan-page';
import { decodePage } from './decode-page';
import { parsePage } from './parse-page';

export interface Mention {
  outlet: string;
  name: string;
  domain: string | null;
  typology: Typology | null;
  surface: string;
  via: 'text' | 'link';
  /** citation, dateline, credit, mention or link (DESIGN.md §5). */
  kind: ReferenceKind;
  sentence: string | null;
  /** Whether the citation's sentence gives content to the outlet; null when there is no text to read. */
  attributed: boolean | null;
}

export interface FileResult {
  file: string;
  article: boolean | null;
  published: string | null;
  mentions: Mention[];
  outlets: Array<{
    outlet: string; name: string; domain: string | null; typology: Typology | null;
    /** Every reference of the outlet; named: those that only name it (mentions). */
    citations: number; named: number;
    attributedSentences: number | null; share: number | null;
  }>;
}

const USAGE = 'usage: statelens [--json] FILE...   (.html parsed as a page, other files as plain text, - for stdin)';

const matcher = new Matcher(packed);
const hosts = new LinkIndex(packed);
const typologyOf = (i: number) => typologyAt(packed, i);

function mention(outlet: number, surface: string, via: 'text' | 'link', kind: ReferenceKind, sentence: string | null, attributed: boolean | null): Mention {
  const o = outlets[outlet];
  return {
    outlet: o.id, name: o.name, domain: o.domain, typology: typologyOf(outlet),
    surface: surface.replace(/\s+/g, ' ').trim(), via, kind, sentence, attributed,
  };
}

/**
 * Where a saved page was published, from its canonical link or og:url (absolute http or https only): the
 * page is read as if at that address, so that an outlet's own links on its own pages are its navigation,
 * not citations, as in the browser.
 */
function publishedAt(doc: Document): string | null {
  const found = [doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href'), doc.querySelector('meta[property="og:url"]')?.getAttribute('content')];
  for (const value of found) {
    if (!value) continue;
    try {
      const address = new URL(value.trim());
      if (address.protocol === 'http:' || address.protocol === 'https:') return address.href;
    } catch {
      // A relative or broken address says nothing about where the page was published.
    }
  }
  return null;
}

function scanHtml(file: string, html: string): FileResult {
  const url = file === '-' ? 'file:///stdin' : pathToFileURL(file).href;
  const { dom, withoutStyles } = parsePage(html, url);
  if (withoutStyles) console.error(`statelens: ${file}: its style sheets could not be parsed; read without them`);
  const address = publishedAt(dom.window.document);
  if (address) dom.reconfigure({ url: address });
  const { window } = dom;
  try {
    const scan = scanPage(window.document, matcher, hosts, {});
    // (Attribution first: it turns a mention whose sentence rests on the outlet into a citation.)
    const { collected, attribution } = scan;
    const mentions = scan.citations.map((c, i) => {
      const sentence = collected && c.start >= 0 ? sentenceText(collected.text, c.start) : null;
      return mention(c.outlet, c.surface, c.via, c.kind, sentence, attribution && c.start >= 0 ? attribution.attributed[i] : null);
    });
    return result(file, scan.article.isArticle, scan.article.published, mentions, scan.citations, attribution ?? undefined);
  } finally {
    window.close();
  }
}

function scanText(file: string, text: string): FileResult {
  const analysis: TextAnalysis = analyzeText(text, matcher);
  const mentions = analysis.citations.map((c) => mention(c.outlet, text.slice(c.start, c.end), 'text', c.kind, sentenceText(text, c.start), c.attributed));
  return result(file, null, null, mentions, analysis.citations.map((c) => ({ outlet: c.outlet, via: 'text' as const, kind: c.kind })), analysis);
}

function result(
  file: string, article: boolean | null, published: string | null, mentions: Mention[],
  refs: Array<{ outlet: number; via: 'text' | 'link'; kind: ReferenceKind }>, attribution?: { attributedSentences: Map<number, number>; sentences: number },
): FileResult {
  return {
    file, article, published, mentions,
    outlets: summarize(refs, typologyOf, attribution).map((s) => ({
      outlet: outlets[s.outlet].id, name: outlets[s.outlet].name, domain: outlets[s.outlet].domain, typology: s.typology,
      citations: s.citations, named: s.named, attributedSentences: s.attributedSentences, share: s.share,
    })),
  };
}

export function scanFile(file: string, readStdin: () => string): FileResult {
  if (file !== '-' && /^\.(x?html?)$/i.test(extname(file))) return scanHtml(file, decodePage(readFileSync(file)));
  return scanText(file, file === '-' ? readStdin() : readFileSync(file, 'utf8'));
}

function report(r: FileResult): string {
  const lines = [`${r.file}${r.article === null ? '' : r.article ? ' — article' : ' — not an article'}${r.published ? `, published ${r.published}` : ''}`];
  if (!r.outlets.length) lines.push('  no state-media citations found');
  for (const o of r.outlets) {
    const category = o.typology ? TYPOLOGY_NAMES[o.typology] : 'category not recorded';
    const rests = o.attributedSentences !== null && o.share !== null ? ` · ${o.attributedSentences} sentence${o.attributedSentences === 1 ? '' : 's'} attributed (${Math.round(o.share * 100)}% of the text)` : '';
    lines.push(`  ${o.name}${o.domain ? ` (${o.domain})` : ''} · ${category} · ${o.citations} reference${o.citations === 1 ? '' : 's'}${o.named ? ` (${o.named} only named)` : ''}${rests}`);
    for (const m of r.mentions.filter((m) => m.outlet === o.outlet)) lines.push(`    "${m.surface}" (${m.kind}${m.attributed ? ', attributed' : ''})`);
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length) {
    console.error(`statelens: unknown option ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  const files = argv.filter((a) => a === '-' || !a.startsWith('-'));
  if (!files.length) {
    console.error(USAGE);
    return 2;
  }
  let failed = false;
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      results.push(scanFile(file, () => readFileSync(0, 'utf8')));
    } catch (e) {
      failed = true;
      const err = e as NodeJS.ErrnoException;
      const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
      console.error(`statelens: ${file}: ${why}`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
  else console.log(results.map(report).join('\n\n'));
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
