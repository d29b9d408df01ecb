/**
 * Incremental rescans: after the page changes, reading only the changed blocks gives the citations a full scan
 * of the changed page gives, keeps the untouched ones (the same Range objects), and reads nothing else.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { rescanChanged, scanPage, type PageScan } from '../../src/dom/scan-page';
import { realRegistry } from '../helpers/registry';

const { matcher, hosts } = realRegistry();
const ARTICLE = `<article><h1>Army retakes the town</h1>
<p id="a">The Syrian Arab News Agency (SANA) said on Sunday that the army had entered the town after a week of fighting.</p>
<p id="b">Residents reached by telephone described heavy shelling in the days before the announcement.</p>
<p id="c">TASS quoted a Russian defence official as saying the operation was over.</p>
<p id="d">Aid groups said thousands of families were still without clean water in the eastern districts.</p>
</article>`;

const doc = () => new JSDOM(ARTICLE, { url: 'https://news.example/story' }).window.document;
const view = (scan: PageScan) => scan.citations.map((c) => [c.outlet, c.via, c.surface]);

describe('rescanning what changed', () => {
  it.each([
    ['a paragraph is replaced by another', (d: Document) => {
      const p = d.createElement('p');
      p.textContent = 'Xinhua reported that the talks would resume next week.';
      d.getElementById('c')!.replaceWith(p);
      return [p, d.querySelector('article')!];
    }],
    ['text is rewritten in place', (d: Document) => {
      const text = d.getElementById('b')!.firstChild as Text;
      text.data = 'RIA Novosti said residents described heavy shelling before the announcement.';
      return [text];
    }],
    ['a paragraph is added', (d: Document) => {
      const p = d.createElement('p');
      p.textContent = 'Press TV quoted an Iranian diplomat as welcoming the news.';
      d.querySelector('article')!.append(p);
      return [p];
    }],
    ['a cited paragraph is removed', (d: Document) => {
      d.getElementById('c')!.remove();
      return [d.querySelector('article')!];
    }],
  ])('%s', (_, change) => {
    const d = doc();
    const before = scanPage(d, matcher, hosts);
    const untouched = before.citations.find((c) => c.surface.startsWith('Syrian'))!;
    const changed = change(d);
    const after = rescanChanged(before, changed, matcher, hosts)!;
    expect(view(after)).toEqual(view(scanPage(d, matcher, hosts)));
    if (!changed.some((n) => n.contains(untouched.range.startContainer))) {
      expect(after.citations.find((c) => c.surface.startsWith('Syrian'))!.range).toBe(untouched.range);
    }
    // Attribution follows the changed text.
    expect(after.attribution?.sentences).toBe(scanPage(d, matcher, hosts).attribution?.sentences);
  });

  it('does not work out the earlier scan\'s attribution (the changed page has its own)', () => {
    const d = doc();
    const scan = scanPage(d, matcher, hosts);
    const before = new Proxy(scan, {
      get: (target, key) => (key === 'attribution' ? expect.unreachable('the earlier attribution was read') : Reflect.get(target, key)),
    });
    const text = d.getElementById('b')!.firstChild as Text;
    text.data = 'RIA Novosti said residents described heavy shelling before the announcement.';
    expect(rescanChanged(before, [text], matcher, hosts)!.attribution?.sentences).toBe(scanPage(d, matcher, hosts).attribution?.sentences);
  });

  it('keeps a link\'s attribution through a rescan (a link on the reporting verb)', () => {
    const d = doc();
    const p = d.createElement('p');
    p.innerHTML = 'China\'s official news agency <a href="http://www.xinhuanet.com/english/1.htm">reported</a> that the talks would resume.';
    d.getElementById('d')!.after(p);
    const before = scanPage(d, matcher, hosts);
    const text = d.getElementById('b')!.firstChild as Text;
    text.data = 'Residents described heavy shelling before the announcement.';
    const after = rescanChanged(before, [text], matcher, hosts)!;
    expect(after.citations.map((c) => c.via)).toEqual(['text', 'text', 'link']);
    expect(after.attribution!.attributed).toEqual(scanPage(d, matcher, hosts).attribution!.attributed);
    expect(after.attribution!.attributed[2]).toBe(true);
  });

  it('asks for a full scan when the article itself left the page', () => {
    const d = doc();
    const before = scanPage(d, matcher, hosts);
    d.querySelector('article')!.remove();
    expect(rescanChanged(before, [d.body], matcher, hosts)).toBeNull();
  });
});
