/** Content script: wires the matcher, the page scan, the highlights and the card. Runs at document_idle. */
import compressed from 'statelens:compressed-index';
import { installContextWords } from '../core/match/context-words';
import { HostIndex } from '../core/match/hosts';
import { typologyAt, unpackHosts, type PackedIndex } from '../core/registry/pack';
import { inflateIndex } from './load-index';
import { Matcher } from '../core/match/matcher';
import type { Message, PageSummary } from '../core/messages';
import type { Outlet } from '../core/registry/types';
import { summarize } from '../core/summary';
import type { Typology } from '../core/typology';
import { CardView, renderCard } from '../dom/card';
import { Highlighter, HIGHLIGHT_PREFIX } from '../dom/highlight';
import { indexRangesByNode, rangeAtPoint } from '../dom/hit-test';
import { scanPage, type PageScan } from '../dom/scan-page';
import { isOffOn, type Settings } from '../core/settings';
import { showBanner } from '../dom/banner';
import { bannerDismissed, dismissBanner, loadSettings, onMessage, onSettingsChanged, send, t, uiDirection, uiLanguage, useLanguage } from '../platform/content';

/** How long the card stays after the pointer leaves the citation, so the reader can move into it. */
const CARD_CLOSE_DELAY_MS = 300;
/** How long a citation revealed from the popup flashes. */
const FLASH_MS = 1500;
/** Where readers report a mistake in the registry: set at build (STATELENS_CORRECTIONS_URL); none when empty. */
declare const __CORRECTIONS_URL__: string;
const CORRECTIONS_URL = __CORRECTIONS_URL__;

interface Shared {
  matcher: Matcher;
  hosts: HostIndex;
  typologyOf: (outlet: number) => Typology | null;
  highlighter: Highlighter;
  card: CardView;
  /** Whether an earlier run put a count on the badge (a re-run must then report, even zero). */
  counted: boolean;
}

async function main(): Promise<void> {
  const index: PackedIndex = await inflateIndex(compressed);
  installContextWords(index.w);
  const shared: Shared = {
    matcher: new Matcher(index),
    hosts: new HostIndex(unpackHosts(index)),
    typologyOf: (outlet) => typologyAt(index, outlet),
    highlighter: new Highlighter(document),
    card: new CardView(document),
    counted: false,
  };
  // Each run has its own signal: a change of settings ends the run (listeners, highlights, card) and starts
  // another, so the reader's choices apply in open tabs without a reload.
  let current: AbortController | null = null;
  const start = async (settings: Settings) => {
    current?.abort();
    shared.highlighter.clear();
    shared.card.hide();
    const controller = (current = new AbortController());
    await useLanguage(settings).catch(() => undefined);
    if (!controller.signal.aborted) run(shared, settings, controller.signal);
  };
  let settings = await loadSettings();
  onSettingsChanged((next) => {
    settings = next;
    void start(next);
  }, new AbortController().signal);
  void start(settings);
  watchForText(() => void start(settings), shared);
}

/** Wait after the page's text changes before reading it again, so a burst of changes costs one scan. */
const RESCAN_DELAY_MS = 1000;
/** Changes smaller than this (a clock, a counter) are not worth a rescan. */
const MIN_NEW_TEXT = 20;

/**
 * Pages that add their article after load (client-side rendering, "load more", single-page navigation): when
 * text is added or changed outside StateLens's own elements, scan again once things settle. Nothing runs while
 * the page does not change; while the reader has a card open, the rescan waits.
 */
function watchForText(rescan: () => void, shared: Shared): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ours = (node: Node | null) => Boolean((node instanceof Element ? node : node?.parentElement)?.closest('statelens-card, statelens-banner'));
  const textOf = (nodes: NodeList) => {
    let length = 0;
    for (const node of nodes) if (!ours(node) && !(node instanceof Element && /^STATELENS-/.test(node.tagName))) length += (node.textContent ?? '').length;
    return length;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (shared.card.element) schedule();
      else rescan();
    }, RESCAN_DELAY_MS);
  };
  new MutationObserver((records) => {
    let added = 0;
    for (const record of records) {
      if (ours(record.target)) continue;
      if (record.type === 'characterData') added += (record.target as CharacterData).data.length;
      else added += textOf(record.addedNodes) + textOf(record.removedNodes);
      if (added >= MIN_NEW_TEXT) return schedule();
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  window.addEventListener('popstate', schedule);
}

function run(shared: Shared, settings: Settings, signal: AbortSignal): void {
  const { matcher, hosts, typologyOf, highlighter, card } = shared;
  const off = isOffOn(settings, location.hostname);
  const scan: PageScan | null = off ? null : scanPage(document, matcher, hosts, { allPages: settings.scope === 'all' });
  // Only the categories the reader shows (by default those without editorial independence).
  const citations = (scan?.citations ?? []).filter((c) => {
    const typology = typologyOf(c.outlet);
    return typology !== null && settings.categories[typology];
  });
  const outletsOnPage = summarize(citations, typologyOf, scan?.attribution ?? undefined);
  const summary: PageSummary = {
    host: location.hostname,
    off,
    article: scan?.article.isArticle ?? false,
    site: scan && scan.site >= 0 ? scan.site : null,
    published: scan?.article.published ?? null,
    total: citations.length,
    outlets: outletsOnPage,
  };
  const reveals = new Map<number, number>();

  onMessage((message: Message) => {
    if (message.type === 'page/summary') return Promise.resolve(summary);
    if (message.type === 'page/reveal') return Promise.resolve(reveal(message.outlet));
    return undefined;
  }, signal);
  if (scan && scan.site >= 0) void siteBanner(shared, settings, scan.site, summary, signal);
  if (citations.length || shared.counted) {
    shared.counted = citations.length > 0;
    void send({ type: 'page/report', summary }).catch(() => {
      // The background may be restarting; the badge is refreshed on the next report.
    });
  }
  if (!citations.length) return;

  highlighter.apply(citations.map((c) => ({ range: c.range, typology: typologyOf(c.outlet) })), settings.style);

  const ranges = citations.map((c) => c.range);
  const byNode = indexRangesByNode(ranges);
  let details: Record<number, Outlet> = {};
  const detailsReady = send({ type: 'outlet/details', outlets: outletsOnPage.map((o) => o.outlet) }).then((d) => {
    details = d;
  });
  let open = -1;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let lastX = 0;
  let lastY = 0;

  /**
   * Opens the card of citation i. focus: move the keyboard focus into it, onto the button of that action
   * ("next" stays on "next") or onto the card itself, so that a screen reader announces it.
   */
  const openCard = async (i: number, focus?: string) => {
    open = i;
    await detailsReady;
    if (open !== i) return;
    const which = citations[i].outlet;
    const outlet = details[which];
    if (!outlet || signal.aborted) return;
    const counts = outletsOnPage.find((o) => o.outlet === which);
    const own = citations.filter((c) => c.outlet === which);
    const element = renderCard(document, {
      outlet, citationsHere: counts?.citations ?? 1, attributedSentences: counts?.attributedSentences ?? null,
      share: counts?.share ?? null, published: summary.published, locale: uiLanguage(), dir: uiDirection(),
      position: { index: own.indexOf(citations[i]) + 1, of: own.length }, correctionsUrl: CORRECTIONS_URL,
    }, t);
    element.addEventListener('click', (event) => {
      const action = (event.target as HTMLElement).closest('button')?.dataset.action;
      if (action === 'close') closeCard();
      if (action === 'previous' || action === 'next') {
        const k = own.indexOf(citations[i]);
        const target = own[(k + (action === 'next' ? 1 : own.length - 1)) % own.length];
        target.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        void openCard(citations.indexOf(target), action);
      }
    });
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') closeCard();
    });
    card.show(element, citations[i].range);
    if (focus) (element.querySelector<HTMLElement>(`button[data-action="${focus}"]`) ?? element).focus();
  };
  const closeCard = () => {
    open = -1;
    card.hide();
  };
  const cancelClose = () => clearTimeout(closeTimer);
  signal.addEventListener('abort', cancelClose, { once: true });
  const scheduleClose = () => {
    cancelClose();
    closeTimer = setTimeout(closeCard, CARD_CLOSE_DELAY_MS);
  };

  document.addEventListener('pointermove', (event) => {
    lastX = event.clientX;
    lastY = event.clientY;
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (card.contains(document.elementFromPoint(lastX, lastY))) return cancelClose();
      const i = rangeAtPoint(document, lastX, lastY, ranges, byNode);
      if (i >= 0) {
        cancelClose();
        if (i !== open) void openCard(i);
      } else if (open >= 0) scheduleClose();
    });
  }, { passive: true, signal });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open >= 0) closeCard();
  }, { signal });
  // Touch: a tap on a citation opens its card (there is no hover).
  document.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'touch' || card.contains(event.target as Node)) return;
    const i = rangeAtPoint(document, event.clientX, event.clientY, ranges, byNode);
    if (i >= 0) void openCard(i);
    else if (open >= 0) closeCard();
  }, { passive: true, signal });
  // Keyboard: a link that is a citation opens its card when it receives focus.
  document.addEventListener('focusin', (event) => {
    const target = event.target as Node;
    if (card.contains(target)) return;
    const i = citations.findIndex((c) => c.via === 'link' && c.range.intersectsNode(target) && (target as Element).tagName === 'A');
    if (i >= 0 && i !== open) void openCard(i);
  }, { signal });
  // The card follows its citation while the page scrolls, and closes once the citation has left the window.
  window.addEventListener('scroll', () => {
    if (open < 0) return;
    const rect = citations[open].range.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > window.innerHeight) closeCard();
    else void card.place(citations[open].range);
  }, { passive: true, signal });

  function reveal(outlet: number): { index: number; of: number } | null {
    const own = citations.filter((c) => c.outlet === outlet);
    if (!own.length) return null;
    const next = (reveals.get(outlet) ?? -1) + 1;
    const n = next % own.length;
    reveals.set(outlet, n);
    const target = own[n];
    const element = target.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center' });
    void openCard(citations.indexOf(target), 'card');
    const registry = (window as unknown as { CSS: { highlights?: Map<string, unknown> } }).CSS.highlights;
    const Ctor = (window as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
    if (registry && Ctor) {
      registry.set(`${HIGHLIGHT_PREFIX}flash`, new Ctor(target.range));
      setTimeout(() => registry.delete(`${HIGHLIGHT_PREFIX}flash`), FLASH_MS);
    }
    return { index: n + 1, of: own.length };
  }
}

/** On an outlet's own site: the banner, unless its category is hidden or the reader dismissed it here. */
async function siteBanner(shared: Shared, settings: Settings, site: number, summary: PageSummary, signal: AbortSignal): Promise<void> {
  const typology = shared.typologyOf(site);
  if (typology && !settings.categories[typology]) return;
  const host = location.hostname.replace(/^www\./, '');
  if (await bannerDismissed(host)) return;
  const outlet = (await send({ type: 'outlet/details', outlets: [site] }))[site];
  if (!outlet || signal.aborted) return;
  const remove = showBanner(document, outlet, t, uiDirection(), {
    more(anchor) {
      const range = document.createRange();
      range.selectNodeContents(anchor);
      const count = summary.outlets.find((o) => o.outlet === site);
      const card = renderCard(document, {
        outlet, citationsHere: count?.citations ?? 0, attributedSentences: count?.attributedSentences ?? null,
        share: count?.share ?? null, published: summary.published, locale: uiLanguage(), dir: uiDirection(), correctionsUrl: CORRECTIONS_URL,
      }, t);
      card.addEventListener('click', (event) => {
        if ((event.target as HTMLElement).closest('button')?.dataset.action === 'close') shared.card.hide();
      });
      shared.card.show(card, range);
      card.focus();
    },
    dismiss() {
      shared.card.hide();
      void dismissBanner(host);
    },
  });
  signal.addEventListener('abort', remove, { once: true });
}

// A page StateLens cannot read must never be broken by it: any failure stays in the content script.
main().catch((error: unknown) => {
  console.debug('StateLens: could not scan this page', error);
});
