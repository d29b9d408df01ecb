/**
 * Open shadow roots: their text is read where the page shows it (slots show the host's own children), their
 * citations get ranges inside them, and their links count. Closed roots stay closed.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { collectText } from '../../src/dom/collect-text';
import { rescanChanged, scanPage } from '../../src/dom/scan-page';
import { realRegistry } from '../helpers/registry';

const { matcher, hosts } = realRegistry();

function page(): Document {
  const { document } = new JSDOM(`<article>
    <p>Government forces retook the town on Sunday.</p>
    <x-quote id="quote"><span id="credit">as the Syrian Arab News Agency (SANA) put it</span></x-quote>
    <x-closed id="closed"></x-closed>
    <p>Xinhua said the talks would go on.</p>
  </article>`, { url: 'https://news.example/story' }).window;
  const open = document.getElementById('quote')!.attachShadow({ mode: 'open' });
  open.innerHTML = '<p id="inner">SANA said the army cleared the last districts, <slot></slot>.</p><p><a href="https://sana.sy/en/?p=1">the report</a></p>';
  const closed = document.getElementById('closed')!.attachShadow({ mode: 'closed' });
  closed.innerHTML = '<p>TASS reported it as well.</p>';
  return document;
}

describe('open shadow roots', () => {
  it('are read where the page shows them, slotted children included; closed ones are not read', () => {
    const doc = page();
    const collected = collectText(doc.querySelector('article')!);
    expect(collected.text.replace(/\s+/g, ' ').trim()).toBe(
      'Government forces retook the town on Sunday. SANA said the army cleared the last districts, as the Syrian Arab News Agency (SANA) put it. the report Xinhua said the talks would go on.');
    expect(collected.shadowRoots).toEqual([doc.getElementById('quote')!.shadowRoot]);
  });

  it('give their citations ranges inside the root, in page order, and count their links', () => {
    const doc = page();
    const scan = scanPage(doc, matcher, hosts);
    expect(scan.citations.map((c) => [c.surface, c.via])).toEqual([
      ['SANA', 'text'], ['Syrian Arab News Agency (SANA)', 'text'], ['the report', 'link'], ['Xinhua', 'text'],
    ]);
    const shadow = doc.getElementById('quote')!.shadowRoot!;
    expect(scan.citations[0].range.startContainer.getRootNode()).toBe(shadow);
    expect(scan.citations[1].range.startContainer.getRootNode()).toBe(doc);
  });

  it('are read again, whole, when their text changes', () => {
    const doc = page();
    const scan = scanPage(doc, matcher, hosts);
    const inner = doc.getElementById('quote')!.shadowRoot!.getElementById('inner')!;
    inner.firstChild!.textContent = 'Officials said the army cleared the last districts, ';
    // (null: the content script scans the page again; slots make its order the tree the page shows.)
    expect(rescanChanged(scan, [inner.firstChild!], matcher, hosts)).toBeNull();
    expect(scanPage(doc, matcher, hosts).citations.map((c) => c.surface)).toEqual(['Syrian Arab News Agency (SANA)', 'the report', 'Xinhua']);
  });
});
