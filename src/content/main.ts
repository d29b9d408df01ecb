/** Content script: wires the matcher, the page scan, the highlights and the card. Runs at document_idle. */
import { LinkIndex } from '../core/match/links';
import { accountOf } from '../core/match/accounts';
import { typologyAt } from '../core/registry/pack';
import { indexTables, loadMatcher, sitesOf } from './load-index';
import { Matcher } from '../core/match/matcher';
import { isPageMessage, type PageSummary } from '../core/messages';
import type { Outlet } from '../core/registry/types';
import { summarize } from '../core/summary';
import type { Typology } from '../core/typology';
import { CardView, renderCard } from '../dom/card';
import { Highlighter } from '../dom/highlight';
import { indexRangesByNode, rangeAtPoint } from '../dom/hit-test';
import { rescanChanged, rescanLinks, scanPageSliced, type PageCitation, type PageScan } from '../dom/scan-page';
import { detectArticle } from '../dom/detect-article';
import { nextIdle } from '../dom/next-task';
import { isOffOn, type Settings } from '../core/settings';
import { showBanner } from '../dom/banner';
import { bannerDismissed, dismissBanner, loadSettings, onMessage, onSettingsChanged, send, t, uiDirection, uiLanguage, useLanguage } from '../platform/browser';

/** How long the card stays after the pointer leaves the citation, so the reader can move into it. */
const CARD_CLOSE_DELAY_MS = 300;
/** How long a citation revealed from the popup flashes. */
const FLASH_MS = 1500;
/** On a page that is not an article, how often at most its changes have it looked at again (it may have become one). */
const RECHECK_MS = 1000;

interface Shared {
  /** The matcher, made on first use (only pages whose text is read need it). */
  matcher: () => Matcher;
  hosts: LinkIndex;
  typologyOf: (outlet: number) => Typology | null;
  highlighter: Highlighter;
  card: CardView;
  /** Whether an earlier run put a count on the badge (a re-run must then report, even zero). */
  counted: boolean;
  /** Watches a shadow root's changes too (the document's observer does not see inside them). */
  watch?: (root: ShadowRoot) => void;
}

/** What the page's changes call for, as the current run sees them. */
type OnChange = (nodes: Node[]) => void;

async function main(): Promise<void> {
  // The sites part of the index first (every page's links need it); the aliases and the matcher only where
  // the page's text is read. Each table is parsed when first used.
  const tables = indexTables();
  const sites = sitesOf(tables);
  let matcher: Matcher | undefined;
  const shared: Shared = {
    matcher: () => (matcher ??= loadMatcher(tables, sites)),
    hosts: new LinkIndex(sites),
    typologyOf: (outlet) => typologyAt(sites, outlet),
    highlighter: new Highlighter(document),
    // A frame's cards show over the page around it (a frame of another origin around it keeps them inside).
    card: new CardView(window.frameElement?.ownerDocument ?? document, window.frameElement),
    counted: false,
  };
  // Each run has its own signal: a change of settings, a navigation or a rewritten document ends the run
  // (listeners, highlights, card) and starts another, so the reader's choices apply in open tabs at once.
  let current: AbortController | null = null;
  let onChange: OnChange | null = null;
  let settings = await loadSettings();
  const start = async () => {
    current?.abort();
    shared.highlighter.clear();
    shared.card.hide();
    onChange = null;
    const controller = (current = new AbortController());
    await useLanguage(settings).catch(() => undefined);
    if (!controller.signal.aborted) onChange = await run(shared, settings, controller.signal, () => void start());
  };
  onSettingsChanged((next) => {
    settings = next;
    void start();
  }, new AbortController().signal);
  void start();
  shared.watch = watchPage(() => void start(), (nodes) => (onChange ? onChange(nodes) : void start()));
}

/**
 * Pages change after load: client-side rendering, "load more", live blogs, single-page navigation. Changed
 * text is collected as it happens and handed over once per frame (nothing runs while the page is still); a
 * new address or a rewritten document (document.open) calls for a full scan.
 */
function watchPage(restart: () => void, changed: (nodes: Node[]) => void): (root: ShadowRoot) => void {
  let pending: Node[] = [];
  let scheduled = false;
  let url = location.href;
  let root = document.documentElement;
  const flush = () => {
    scheduled = false;
    const nodes = pending;
    pending = [];
    if (location.href !== url || document.documentElement !== root) {
      url = location.href;
      root = document.documentElement;
      restart();
    } else if (nodes.length) changed(nodes);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // Once per frame; a tab in the background gets no frames, so a timer stands in.
    requestAnimationFrame(() => scheduled && flush());
    setTimeout(() => scheduled && flush(), 250);
  };
  const ours = (node: Node) => node.nodeType === 1 && (node as Element).localName.startsWith('statelens-');
  // The document itself, not its root element, is observed: document.open() replaces the root (and drops
  // every listener), and the observer must see that.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.push(record.target);
      else {
        if (ours(record.target)) continue;
        for (const node of record.addedNodes) if (!ours(node)) pending.push(node);
        // A removal changes the text of the block it was in.
        if (record.removedNodes.length) pending.push(record.target);
      }
    }
    if (pending.length || location.href !== url) schedule();
  });
  const options = { childList: true, subtree: true, characterData: true };
  observer.observe(document, options);
  // Navigations within the page (pushState, back and forward) are noticed by the address they leave.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', schedule);
  window.addEventListener('popstate', schedule);
  return (root) => observer.observe(root, options);
}

async function run(shared: Shared, settings: Settings, signal: AbortSignal, restart: () => void): Promise<OnChange | null> {
  const { hosts, typologyOf, highlighter, card } = shared;
  const off = isOffOn(settings, location.hostname);
  let scan: PageScan | null = off ? null : await scanPageSliced(document, shared.matcher, hosts, {
    allPages: settings.scope === 'all', linksEverywhere: settings.linksEverywhere, signal,
  });
  if (signal.aborted) return null;
  for (const root of scan?.collected?.shadowRoots ?? []) shared.watch?.(root);
  // Only the categories the reader shows (by default those without editorial independence).
  const shown = (c: PageCitation) => {
    const typology = typologyOf(c.outlet);
    return typology !== null && settings.categories[typology];
  };
  let citations = (scan?.citations ?? []).filter(shown);
  let ranges: Range[] = [];
  /** The ranges by text node, for the pointer's hit test: made when the pointer first needs it. */
  let byNode: Map<Node, number[]> | null = null;
  const summaryOf = (withAttribution: boolean): PageSummary => {
    const outlets = summarize(citations, typologyOf, withAttribution ? scan?.attribution ?? undefined : undefined);
    return {
      host: location.hostname, off, article: scan?.article.isArticle ?? false, site: scan && scan.site >= 0 ? scan.site : null,
      published: scan?.article.published ?? null, total: citations.length, outlets,
    };
  };
  /**
   * The summary with the share of the article that rests on each outlet: its attribution worked out first, in
   * slices (one task of it took half a second on a 5 MB page). A rescan meanwhile replaces the scan: its own is
   * worked out then.
   */
  const attributedSummary = async (): Promise<PageSummary> => {
    for (let at = scan; at; at = at === scan ? null : scan) await at.attributionSliced({ signal });
    return summaryOf(true);
  };
  const scrollTo = (c: PageCitation) => c.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const reveals = new Map<number, number>();
  let stepped = -1;
  let details: Record<number, Outlet> = {};
  let open = -1;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pointer is on the open card. */
  let onCard = false;

  /** Tells the background the count, for the badge. */
  const report = () => {
    if (!citations.length && !shared.counted) return;
    shared.counted = citations.length > 0;
    void send({ type: 'page/report', summary: summaryOf(false) }).catch(() => {
      // The background may be restarting; the badge is refreshed on the next report.
    });
  };
  /** The citations' ranges for the pointer's hit test (their index by node is made again on first use). */
  const indexRanges = () => {
    ranges = citations.map((c) => c.range);
    byNode = null;
  };
  /** Paints the highlights, indexes them for the pointer, and (if asked) tells the background the count. */
  const show = (andReport: boolean) => {
    highlighter.apply(citations.map((c) => ({ range: c.range, typology: typologyOf(c.outlet) })), settings.style);
    indexRanges();
    if (andReport) report();
  };

  onMessage(isPageMessage, (message) => {
    if (message.type === 'page/summary') return attributedSummary();
    if (message.type === 'page/reveal') return Promise.resolve(reveal(message.outlet));
    if (message.type === 'page/step') return Promise.resolve(step());
    if (message.type === 'page/recount' && citations.length) return send({ type: 'page/report', summary: summaryOf(false) });
    return undefined;
  }, signal);
  if (scan && scan.site >= 0) void siteBanner(shared, settings, scan.site, attributedSummary, signal);
  show(true);
  // Worked out while the page is idle, the share is ready when the reader first opens a card (which, if it comes
  // first, has the rest worked out at once, in slices).
  if (citations.length) nextIdle().then(() => scan?.attributionSliced({ signal, yieldToPage: nextIdle })).catch(() => undefined);

  /**
   * Opens the card of citation i. focus: move the keyboard focus into it, onto the button of that action
   * ("next" stays on "next") or onto the card itself, so that a screen reader announces it.
   */
  const openCard = async (i: number, focus?: string) => {
    open = i;
    const which = citations[i].outlet;
    if (!details[which]) details = { ...details, ...(await send({ type: 'outlet/details', outlets: [...new Set(citations.map((c) => c.outlet))] })) };
    const summary = await attributedSummary();
    const outlet = details[which];
    if (open !== i || !outlet || signal.aborted) return;
    const counts = summary.outlets.find((o) => o.outlet === which);
    const own = citations.filter((c) => c.outlet === which);
    const element = renderCard(document, {
      outlet, citationsHere: counts?.citations ?? 1, namedHere: counts?.named ?? 0, attributedSentences: counts?.attributedSentences ?? null,
      share: counts?.share ?? null, published: scan?.article.published ?? null, locale: uiLanguage(), dir: uiDirection(),
      position: { index: own.indexOf(citations[i]) + 1, of: own.length },
    }, t);
    element.addEventListener('click', (event) => {
      const action = (event.target as HTMLElement).closest('button')?.dataset.action;
      if (action === 'close') closeCard();
      if (action === 'report') void send({ type: 'outlet/report', outlet: which });
      if (action === 'previous' || action === 'next') {
        const k = own.indexOf(citations[i]);
        const target = own[(k + (action === 'next' ? 1 : own.length - 1)) % own.length];
        scrollTo(target);
        void openCard(citations.indexOf(target), action);
      }
    });
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') closeCard();
    });
    // (A frame's card is in the document around it, where the frame's pointer events do not reach.)
    element.addEventListener('pointerenter', () => {
      onCard = true;
      cancelClose();
    });
    element.addEventListener('pointerleave', () => {
      onCard = false;
      scheduleClose();
    });
    onCard = false;
    card.show(element, citations[i].range);
    if (focus) (element.querySelector<HTMLElement>(`button[data-action="${focus}"]`) ?? element).focus();
  };
  const closeCard = () => {
    open = -1;
    onCard = false;
    card.hide();
  };
  const cancelClose = () => clearTimeout(closeTimer);
  signal.addEventListener('abort', cancelClose, { once: true });
  // (Not while the pointer is on the card: a frame's pointer handler may run after it went there.)
  const scheduleClose = () => {
    cancelClose();
    if (!onCard) closeTimer = setTimeout(closeCard, CARD_CLOSE_DELAY_MS);
  };

  /** The citation under the point, or -1 (the ranges' index by node is made on first use). */
  const citationAt = (x: number, y: number) => rangeAtPoint(document, x, y, ranges, (byNode ??= indexRangesByNode(ranges)));
  let pending = false;
  let lastX = 0;
  let lastY = 0;
  document.addEventListener('pointermove', (event) => {
    lastX = event.clientX;
    lastY = event.clientY;
    if (pending || !ranges.length) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (card.contains(document.elementFromPoint(lastX, lastY))) return cancelClose();
      const i = citationAt(lastX, lastY);
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
    const i = citationAt(event.clientX, event.clientY);
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
  // The card follows its citation while the page scrolls (CardView), and closes once the citation has left the window.
  window.addEventListener('scroll', () => {
    if (open < 0) return;
    const rect = citations[open].range.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > window.innerHeight) closeCard();
  }, { passive: true, signal });
  // A frame's card is placed in the page around it: it closes when that page scrolls.
  if (window.frameElement) window.parent.addEventListener('scroll', closeCard, { passive: true, signal });

  /** The keyboard shortcut: the next citation in page order (after the open one), its card focused. */
  function step(): { index: number; of: number } | null {
    if (!citations.length) return null;
    const i = ((open >= 0 ? open : stepped) + 1) % citations.length;
    stepped = i;
    scrollTo(citations[i]);
    void openCard(i, 'card');
    return { index: i + 1, of: citations.length };
  }

  function reveal(outlet: number): { index: number; of: number } | null {
    const own = citations.filter((c) => c.outlet === outlet);
    if (!own.length) return null;
    const n = ((reveals.get(outlet) ?? -1) + 1) % own.length;
    reveals.set(outlet, n);
    const target = own[n];
    scrollTo(target);
    void openCard(citations.indexOf(target), 'card');
    highlighter.flash(target.range, FLASH_MS);
    return { index: n + 1, of: own.length };
  }

  /** Repaints when the citations changed; reports the count when the outlets or their names did. */
  const update = (next: PageScan) => {
    const keys = (list: PageCitation[]) => list.map((c) => `${c.outlet}:${c.surface}`).join('|');
    const before = citations;
    scan = next;
    citations = next.citations.filter(shown);
    // A change beside the citations (a clock, a counter) leaves the same ranges: nothing to paint again.
    if (citations.length !== before.length || citations.some((c, i) => c.range !== before[i].range)) show(keys(before) !== keys(citations));
  };

  // A page whose text is not read (search results, a feed): the links that come with a change are labelled
  // as they come, and the page is looked at afresh at most once a second, since it may have become an article.
  let recheck: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(recheck), { once: true });
  const changedUnread = (nodes: Node[]) => {
    if (!scan) return restart();
    const change = settings.linksEverywhere ? rescanLinks(scan, nodes, hosts) : null;
    if (change?.removed) update(change.scan);
    else if (change) {
      // Links added, none gone (a feed grows): only the new ones are highlighted; the others stay as they are.
      scan = change.scan;
      const fresh = change.added.filter(shown);
      if (fresh.length) {
        citations = scan.citations.filter(shown);
        highlighter.add(fresh.map((c) => ({ range: c.range, typology: typologyOf(c.outlet) })), settings.style);
        indexRanges();
        report();
      }
    }
    recheck ??= setTimeout(() => {
      recheck = undefined;
      if (!signal.aborted && detectArticle(document).isArticle) restart();
    }, RECHECK_MS);
  };

  // The page changed: read again only the changed blocks of an article (the rest keeps its citations).
  const onChange: OnChange = (nodes) => {
    if (signal.aborted || off) return;
    if (!scan?.collected) return changedUnread(nodes);
    // The reader is looking at a card: its citation must not move under it; the change waits until it closes.
    if (open >= 0) return void setTimeout(() => onChange(nodes), CARD_CLOSE_DELAY_MS * 10);
    const next = rescanChanged(scan, nodes, shared.matcher(), hosts);
    if (!next) return restart();
    update(next);
  };
  return onChange;
}

/** On an outlet's own site or account page: the banner, unless its category is hidden or the reader dismissed it here. */
async function siteBanner(shared: Shared, settings: Settings, site: number, summaryOf: () => Promise<PageSummary>, signal: AbortSignal): Promise<void> {
  const typology = shared.typologyOf(site);
  if (typology && !settings.categories[typology]) return;
  // On a platform, the banner is the account's: dismissed for that account ("x.com/xhnews"), not the platform.
  const account = accountOf(location);
  const host = location.hostname.replace(/^www\./, '') + (account ? `/${account.handle.toLowerCase()}` : '');
  if (await bannerDismissed(host)) return;
  const outlet = (await send({ type: 'outlet/details', outlets: [site] }))[site];
  if (!outlet || signal.aborted) return;
  const remove = showBanner(document, outlet, t, uiDirection(), {
    async more(anchor) {
      const range = document.createRange();
      range.selectNodeContents(anchor);
      const summary = await summaryOf();
      if (signal.aborted) return;
      const count = summary.outlets.find((o) => o.outlet === site);
      const card = renderCard(document, {
        outlet, citationsHere: count?.citations ?? 0, namedHere: count?.named ?? 0, attributedSentences: count?.attributedSentences ?? null,
        share: count?.share ?? null, published: summary.published, locale: uiLanguage(), dir: uiDirection(),
      }, t);
      card.addEventListener('click', (event) => {
        const action = (event.target as HTMLElement).closest('button')?.dataset.action;
        if (action === 'close') shared.card.hide();
        if (action === 'report') void send({ type: 'outlet/report', outlet: site });
      });
      shared.card.show(card, range);
      card.focus();
    },
    dismiss() {
      shared.card.hide();
      void dismissBanner(host);
    },
  }, account ? 'account' : 'site');
  signal.addEventListener('abort', remove, { once: true });
}

/**
 * Frames run StateLens too (all_frames), but only those of the top document's origin: a frame from another
 * site (an advertisement, a video player) stops here, having loaded nothing.
 */
function sameOriginAsTop(): boolean {
  try {
    return window === window.top || window.top!.location.origin === location.origin;
  } catch {
    return false;
  }
}

// A page StateLens cannot read must never be broken by it: any failure stays in the content script.
if (sameOriginAsTop()) main().catch((error: unknown) => {
  console.debug('StateLens: could not scan this page', error);
});
