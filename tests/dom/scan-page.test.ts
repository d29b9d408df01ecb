import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { attributeCitations, findFlaggedSteps } from '../../src/core/match/find-citations';
import { drain } from '../../src/core/steps';
import { collectText } from '../../src/dom/collect-text';
import { detectArticle } from '../../src/dom/detect-article';
import { textReader } from '../../src/dom/read-text';
import { scanPage, scanPageSliced, type PageScan } from '../../src/dom/scan-page';
import * as scanSteps from '../../src/dom/scan-steps';
import { realRegistry, ROOT } from '../helpers/registry';

const { registry, matcher, hosts } = realRegistry();
const doc = (html: string, url = 'https://news.example/story') => new JSDOM(html, { url }).window.document;
const FIXTURE = readFileSync(join(ROOT, 'tests', 'pages', '001-sana-wire', 'source.html'), 'utf8');

describe('detectArticle', () => {
  it('reads JSON-LD types, also inside @graph and arrays, and the publication date', () => {
    const d = doc(`<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["ReportageNewsArticle"],"datePublished":"2017-11-20T10:00:00Z"}]}</script><p>x</p>`);
    expect(detectArticle(d)).toMatchObject({ isArticle: true, reason: 'json-ld', published: '2017-11-20' });
  });

  it('falls back to og:type, then <article>, with dates from meta or <time>', () => {
    expect(detectArticle(doc(`<meta property="og:type" content="article"><meta property="article:published_time" content="2020-02-03T00:00:00Z"><p>x</p>`)))
      .toMatchObject({ isArticle: true, reason: 'og:type', published: '2020-02-03' });
    expect(detectArticle(doc(`<article><time datetime="2019-05-06">6 May</time><p>x</p></article>`)))
      .toMatchObject({ isArticle: true, reason: 'article-element', published: '2019-05-06' });
  });

  it('survives broken JSON-LD and says no for a page that is not an article', () => {
    expect(detectArticle(doc(`<script type="application/ld+json">{not json</script><nav><a href="/">Home</a></nav><p>Log in</p>`)))
      .toMatchObject({ isArticle: false, reason: 'none', published: null });
  });

  it('picks articleBody, else the longest <article>, as the main text', () => {
    const d = doc(`<article id="a">short</article><article id="b">a much longer article body</article>`);
    expect(detectArticle(d).root.id).toBe('b');
    expect(detectArticle(doc(`<div itemprop="articleBody" id="x">t</div><article>y</article>`)).root.id).toBe('x');
  });
});

describe('collectText', () => {
  it('joins paragraphs with blank lines and leaves out furniture, code, forms and editable regions', () => {
    const d = doc(`<article><p>One <b>two</b></p><nav>menu</nav><p>Three</p><pre>SANA said</pre><div class="comments">c</div>
      <div contenteditable="true">edit</div><textarea>t</textarea><aside>aside</aside><p>Four</p></article>`);
    expect(collectText(d.querySelector('article')!).text.trim()).toBe('One two\n\nThree\n\nFour');
  });
});

describe('scanPage on the fixture article', () => {
  it('finds the eight citations of the article and nothing in the recommendations or comments', () => {
    const scan = scanPage(doc(FIXTURE), matcher, hosts);
    expect(scan.article).toMatchObject({ isArticle: true, published: '2017-11-20' });
    expect(scan.citations.map((c) => [registry.index.outlets[c.outlet][0], c.via, c.range.toString()])).toEqual([
      ['sana', 'text', 'Syrian Arab News Agency (SANA)'],
      ['sana', 'text', 'Sana'],
      ['sana', 'text', 'SANA'],
      ['sana', 'text', 'SANA'],
      ['sana', 'text', 'SANA'],
      ['sana', 'text', 'الوكالة العربية السورية للأنباء (سانا)'],
      ['sana', 'link', 'its website'],
      ['sana', 'text', 'SANA'],
    ]);
  });

  it('leaves the page untouched', () => {
    const d = doc(FIXTURE);
    const before = d.documentElement.outerHTML;
    scanPage(d, matcher, hosts);
    expect(d.documentElement.outerHTML).toBe(before);
  });

  it('on a page that is not an article, counts only links (unless asked to read all pages)', () => {
    const html = `<p>SANA said the Syrian Arab News Agency would publish it.</p><p><a href="https://sana.sy/en/">sana.sy</a> <a href="https://evil-sana.sy/">x</a> <a href="https://sana.sy.example.net/">y</a></p>`;
    expect(scanPage(doc(html), matcher, hosts).citations.map((c) => c.via)).toEqual(['link']);
    expect(scanPage(doc(html), matcher, hosts, { allPages: true }).citations.map((c) => c.via)).toEqual(['text', 'text', 'link']);
  });

  it('counts links with a scheme or a host, and relative ones only where a <base> sends them to an outlet', () => {
    const links = `<a href="//sana.sy/a">a</a> <a href=" HTTPS://www.sana.sy/b">b</a> <a href="/c">c</a> <a href="d.html">d</a> <a href="?e">e</a> <a href="mailto:x@sana.sy">f</a>`;
    const surfaces = (d: Document) => scanPage(d, matcher, hosts).citations.map((c) => c.surface);
    expect(surfaces(doc(`<p>${links}</p>`))).toEqual(['a', 'b']);
    expect(surfaces(doc(`<base href="https://sana.sy/en/"><p>${links}</p>`))).toEqual(['a', 'b', 'c', 'd', 'e']);
    // On the outlet's own site, its links are navigation.
    expect(surfaces(doc(`<p>${links}</p>`, 'https://sana.sy/en/story'))).toEqual([]);
    // And so are its links to the sites of its own family: Xinhua's xinhuanet.com and news.cn (which the matrix
    // gives to CNC World, an outlet of the same company). A link to another outlet is still a citation.
    const family = `<p><a href="http://www.news.cn/politics/">时政</a> <a href="https://tass.com/world/1">TASS</a></p>`;
    expect(surfaces(doc(family, 'http://www.xinhuanet.com/local/2020-02/19/c_1.htm'))).toEqual(['TASS']);
    expect(surfaces(doc(family))).toEqual(['时政', 'TASS']);
  });

  it('attributes a sentence whose link is on the reporting verb itself, not one whose link is on a noun', () => {
    const html = `<article><p>China's official news agency <a href="http://www.xinhuanet.com/english/1.htm">reported</a> that the delegation had arrived.</p>
      <p>The ministry <a href="https://sana.sy/en/?p=1">has said</a> little since.</p>
      <p>Coverage from <a href="https://www.rt.com/news/1/">this report</a> was widely shared.</p></article>`;
    const scan = scanPage(doc(html), matcher, hosts);
    expect(scan.citations.map((c) => [c.surface, c.via])).toEqual([['reported', 'link'], ['has said', 'link'], ['this report', 'link']]);
    expect(scan.attribution!.attributed).toEqual([true, true, false]);
  });
});

describe('detectArticle, cheaply', () => {
  it('does not count hidden paragraphs towards a readable page', () => {
    const prose = 'This paragraph is long enough to count towards the reader view score, and it goes on for a while longer to be sure. '.repeat(3);
    const shown = `<div><p>${prose}</p><p>${prose}</p><p>${prose}</p></div>`;
    expect(detectArticle(doc(shown))).toMatchObject({ isArticle: true, reason: 'readerable' });
    const hidden = ['style="display: none"', 'hidden', 'aria-hidden="true"'].map((a) => `<p ${a}>${prose}</p>`).join('');
    expect(detectArticle(doc(`<div>${hidden}</div>`))).toMatchObject({ isArticle: false, reason: 'none' });
  });

  it('turns short paragraphs away early, with the same verdict as Readability on its own', () => {
    // Paragraphs around the 140-character threshold (untrimmed and trimmed), hidden or not, in lists, with
    // class names Readability finds unlikely, and divs of lines: the verdict is Readability's, unfiltered.
    const words = 'The ministry said the figures were provisional and would be revised in the spring. ';
    const block = fc.record({
      tag: fc.constantFrom('p', 'pre', 'li-p', 'div-br'),
      length: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 130, max: 150 })),
      pad: fc.constantFrom('', '   ', '\n\n\n\n\n\n\n\n\n\n'),
      attr: fc.constantFrom('', 'hidden', 'style="display: none"', 'aria-hidden="true"', 'class="comment"', 'class="comment main"', 'id="sidebar"'),
    });
    const html = (b: { tag: string; length: number; pad: string; attr: string }) => {
      const text = b.pad + words.repeat(6).slice(0, b.length) + b.pad;
      if (b.tag === 'li-p') return `<ul><li><p ${b.attr}>${text}</p></li></ul>`;
      if (b.tag === 'div-br') return `<div ${b.attr}>${text}<br>${text}</div>`;
      return `<${b.tag} ${b.attr}>${text}</${b.tag}>`;
    };
    fc.assert(fc.property(fc.array(block, { maxLength: 12 }), (blocks) => {
      const d = doc(`<main>${blocks.map(html).join('')}</main>`);
      expect(detectArticle(d).isArticle).toBe(isProbablyReaderable(d));
    }), { numRuns: 300 });
  });
  it('weighs a page in Chinese, Japanese or Korean with each character counted twice', () => {
    // Four paragraphs of 110 characters: too short for Readability's 140, enough at 70 (written for this test).
    const sentence = '市政府周三表示，新的公交线路将于下月开通，连接城市东部的住宅区和市中心的商业区，预计每天可以服务数万名乘客。';
    const body = `<div>${`<p>${sentence.repeat(2)}</p>`.repeat(4)}</div>`;
    expect(sentence.repeat(2).length).toBeLessThan(140);
    const page = (head: string, lang = '') => doc(`<html lang="${lang}"><head>${head}</head><body>${body}</body></html>`);
    expect(detectArticle(page('<title>新公交线路下月开通</title>'))).toMatchObject({ isArticle: true, reason: 'readerable' });
    expect(detectArticle(page('<title>City news</title>', 'zh-CN'))).toMatchObject({ isArticle: true, reason: 'readerable' });
    // Not said to be in those languages: Readability's verdict alone.
    const unsaid = page('<title>City news</title>');
    expect(isProbablyReaderable(unsaid)).toBe(false);
    expect(detectArticle(unsaid)).toMatchObject({ isArticle: false, reason: 'none' });
    // Half the paragraphs: below the scaled score.
    expect(detectArticle(doc(`<title>新公交线路下月开通</title><div>${`<p>${sentence.repeat(2)}</p>`.repeat(2)}</div>`)).isArticle).toBe(false);
  });
});

describe('bad input', () => {
  it('an empty document, a document without a body, and an empty article give an empty result', () => {
    expect(scanPage(doc(''), matcher, hosts).citations).toEqual([]);
    const noBody = new JSDOM('<?xml version="1.0"?><root/>', { contentType: 'application/xml', url: 'https://x.example/' }).window.document;
    expect(scanPage(noBody, matcher, hosts).citations).toEqual([]);
    expect(scanPage(doc('<article></article>'), matcher, hosts).citations).toEqual([]);
  });

  it('10,000 levels of nesting are read without overflowing the stack', () => {
    const depth = 10_000;
    const html = `<article>${'<div>'.repeat(depth)}<p>The Syrian Arab News Agency reported the news.</p>${'</div>'.repeat(depth)}</article>`;
    const scan = scanPage(doc(html), matcher, hosts);
    expect(scan.citations.map((c) => c.surface)).toEqual(['Syrian Arab News Agency']);
    // (jsdom takes most of this time to parse the markup.)
  }, 120_000);

  it('a 1 MB paragraph without punctuation, and text with lone surrogates', () => {
    const big = `<article><p>${'word '.repeat(200_000)}SANA said so</p><p>\ud800 SANA reported \udc00 it</p></article>`;
    const scan = scanPage(doc(big), matcher, hosts);
    expect(scan.citations.map((c) => c.surface)).toEqual(['SANA', 'SANA']);
  });

  it('skips what it must never touch, even deep inside the article', () => {
    const html = `<article><p>SANA said one.</p><div contenteditable="true"><p>SANA said two.</p></div>
      <form><p>SANA said three.</p></form><pre>SANA said four.</pre><template><p>SANA said five.</p></template>
      <noscript><p>SANA said six.</p></noscript></article>`;
    expect(scanPage(doc(html), matcher, hosts).citations.map((c) => c.range.startContainer.textContent)).toEqual(['SANA said one.']);
  });
});

describe('long texts in slices', () => {
  // Paragraphs of every shape a slice may end beside: line breaks, white space at a block's edges, inline
  // elements, empty and white-space-only blocks, and citations that need the rest of the page ("SANA" counts
  // once the agency is named in full elsewhere).
  const BLOCKS = [
    '<p>The Syrian Arab News Agency (SANA) said the road had reopened.</p>',
    '<p>Officials met in Geneva on Monday, according to TASS.</p>',
    '<p>Photographs from SANA show the bridge. </p>',
    '<div> The talks resumed <b>after</b> a pause.<br>RT reported a second meeting.</div>',
    '<p>Line one<br><br></p>',
    '<p>   </p>',
    '<li>Xinhua said prices rose</li>',
    '<p>Sana Haddad, a teacher, said the school had reopened.</p>',
    '<blockquote>“SANA said nothing,” he added.<br> </blockquote>',
    '<p></p>',
  ];

  it('never splits a paragraph: the slices give the citations of the whole text, at the same offsets', () => {
    let html = '<article>';
    for (let i = 0; i < 3000; i++) html += BLOCKS[(i * 7 + (i >> 3)) % BLOCKS.length];
    const d = doc(`${html}</article>`);
    const collected = collectText(d.querySelector('article')!);
    expect(collected.slices.length).toBeGreaterThan(5);
    expect(collected.slices.join('')).toBe(collected.text);
    collected.sliceStarts.forEach((start, k) => {
      expect(start).toBe(collected.slices.slice(0, k).join('').length);
      // Each slice after the first begins with a paragraph break that the text before it does not reach into.
      if (k > 0) expect(collected.text.slice(start - 1, start + 2)).toMatch(/^\S\n\n$/);
    });
    const whole = drain(findFlaggedSteps(collected.text, matcher));
    expect(whole.length).toBeGreaterThan(1000);
    expect(drain(findFlaggedSteps(collected, matcher))).toEqual(whole);
    // Attribution read slice by slice (as the page's scan does it) counts as over the whole text.
    const attribution = attributeCitations(collected.text, whole);
    expect(attribution.citations.filter((c) => c.attributed).length).toBeGreaterThan(100);
    expect(attributeCitations(collected, whole)).toEqual(attribution);
  });

  it('works out the attribution in slices, with the answer of one go, and stops when told', async () => {
    let html = '<article>';
    for (let i = 0; i < 3000; i++) html += BLOCKS[(i * 7 + (i >> 3)) % BLOCKS.length];
    const d = doc(`${html}</article>`);
    const expected = scanPage(d, matcher, hosts).attribution;
    let pauses = 0;
    const yieldToPage = async () => void pauses++;
    const sliced = (await scanPageSliced(d, matcher, hosts))!;
    expect(await sliced.attributionSliced({ sliceMs: 0, yieldToPage })).toEqual(expected);
    expect(pauses).toBeGreaterThan(10);
    // Asked again, or in one go after it: the same answer, without working it out again.
    pauses = 0;
    expect(await sliced.attributionSliced({ sliceMs: 0, yieldToPage })).toEqual(expected);
    expect(sliced.attribution).toEqual(expected);
    expect(pauses).toBe(0);
    // Stopped after its first slice, then asked in one go: that takes on from where the slices stopped.
    const stopped = (await scanPageSliced(d, matcher, hosts))!;
    const controller = new AbortController();
    expect(await stopped.attributionSliced({ sliceMs: 0, yieldToPage: async () => controller.abort(), signal: controller.signal })).toBeNull();
    expect(stopped.attribution).toEqual(expected);
    expect(expected!.attributed.filter(Boolean).length).toBeGreaterThan(100);
  });
});

describe('the scan with its text reader loaded on first need (as the content script has it)', () => {
  const view = (scan: PageScan | null) => scan?.citations.map((c) => [c.outlet, c.via, c.kind, c.range.toString()]);

  it('loads the reader only on a page whose text is read, waits for it, and finds what the whole scan finds', async () => {
    let loads = 0;
    const load = () => {
      loads++;
      return Promise.resolve(textReader(matcher));
    };
    const article = doc(FIXTURE);
    expect(view(await scanSteps.scanPageSliced(article, load, hosts))).toEqual(view(scanPage(doc(FIXTURE), matcher, hosts)));
    expect(loads).toBe(1);
    // A page that is not an article: only its links, and no reader.
    const shop = doc('<p>Basket: 2 items. <a href="https://www.rt.com/news/">RT</a></p>');
    expect(view(await scanSteps.scanPageSliced(shop, load, hosts))).toEqual([[expect.any(Number), 'link', 'link', 'RT']]);
    expect(loads).toBe(1);
  });

  it('a reader that fails to load fails the scan, and the steps cannot be drained past a wait', async () => {
    await expect(scanSteps.scanPageSliced(doc(FIXTURE), () => Promise.reject(new Error('offline')), hosts)).rejects.toThrow('offline');
    expect(() => drain(scanSteps.scanSteps(doc(FIXTURE), () => Promise.resolve(textReader(matcher)), hosts)))
      .toThrow('drain: a step waits on a promise');
  });
});
