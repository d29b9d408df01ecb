/**
 * StateLens and the naive baseline as detectors over corpus items: plain text through the core, saved pages
 * through the DOM layer under jsdom, read at their published address (as the browser and `scan` read them).
 */
import { analyzeText } from '../../src/core/match/find-citations';
import type { LinkIndex } from '../../src/core/match/links';
import type { Matcher } from '../../src/core/match/matcher';
import type { CompiledRegistry } from '../../src/core/registry/types';
import { scanPage } from '../../src/dom/scan-page';
import { parsePage } from '../../src/cli/parse-page';
import type { CorpusItem } from './corpora';
import type { Detection, Found } from './score';

export interface Detector {
  name: string;
  text(text: string): Found[];
  page(doc: Document): Found[];
}

export function statelensDetector(registry: CompiledRegistry, matcher: Matcher, hosts: LinkIndex): Detector {
  const id = (outlet: number) => registry.index.outlets[outlet][0];
  return {
    name: 'StateLens',
    // With attribution, as `scan` reports them: it tells citations from mentions.
    text: (text) => analyzeText(text, matcher).citations.map((c) => ({ outlet: id(c.outlet), surface: text.slice(c.start, c.end), kind: c.kind })),
    page: (doc) => {
      const scan = scanPage(doc, matcher, hosts, {});
      void scan.attribution; // (worked out first: it turns a mention whose sentence rests on the outlet into a citation)
      return scan.citations.map((c) => ({ outlet: id(c.outlet), surface: c.surface, kind: c.kind }));
    },
  };
}

/** The baseline: every alias as a case-insensitive substring, longest first, no context; on a page, its body text. */
export function naiveDetector(registry: CompiledRegistry): Detector {
  const aliases = registry.index.aliases
    .map(([text, outlet]) => ({ text: text.toLowerCase(), outlet: registry.index.outlets[outlet][0] }))
    .sort((a, b) => b.text.length - a.text.length);
  const text = (input: string): Found[] => {
    const lower = input.toLowerCase();
    const taken = new Uint8Array(input.length);
    const found: Array<Found & { at: number }> = [];
    for (const a of aliases) {
      for (let at = lower.indexOf(a.text); at >= 0; at = lower.indexOf(a.text, at + 1)) {
        if (taken.subarray(at, at + a.text.length).some(Boolean)) continue;
        taken.fill(1, at, at + a.text.length);
        found.push({ outlet: a.outlet, surface: input.slice(at, at + a.text.length), at });
      }
    }
    return found.sort((x, y) => x.at - y.at).map(({ outlet, surface }) => ({ outlet, surface }));
  };
  return { name: 'naive substring', text, page: (doc) => text(doc.body?.textContent ?? '') };
}

/** Runs a detector over one item. */
export function detect(item: CorpusItem, detector: Detector): Detection {
  if (item.text !== undefined) return { found: detector.text(item.text), text: item.text };
  const { dom } = parsePage(item.html ?? '', item.url ?? 'https://example.test/');
  try {
    const doc = dom.window.document;
    return { found: detector.page(doc), text: doc.body?.textContent ?? '' };
  } finally {
    dom.window.close();
  }
}
