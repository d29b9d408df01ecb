/**
 * Content script: wires the index, the page scan, the highlights and the card. Runs at document_idle.
 * Its parts each own one job and stop when their signal aborts: the page watcher (page-watcher.ts), the card
 * controller (card-controller.ts), citation navigation (navigation.ts), the site banner (site-banner.ts); run()
 * reads the page and keeps its highlights and counts current. A change of settings, a navigation or a rewritten
 * document aborts the run and starts another; the content script's life ends when the extension is updated or
 * removed under it.
 */
import { LinkIndex } from '../core/match/links';
import { typologyAt } from '../core/registry/pack';
import { siteTables, sitesOf } from './load-index';
import { isPageMessage, type PageSummary } from '../core/messages';
import type { Outlet } from '../core/registry/types';
import { summarize } from '../core/summary';
import type { Typology } from '../core/typology';
import { Highlighter } from '../dom/highlight';
import { indexRangesByNode, rangeAtPoint } from '../dom/hit-test';
import { rescanLinks, scanPageSliced, type PageCitation, type PageScan } from '../dom/scan-steps';
import { detectArticle } from '../dom/detect-article';
import { nextIdle } from '../dom/next-task';
import { isOffOn, type Settings } from '../core/settings';
import { extensionAlive, importExtensionModule, loadSettings, onMessage, onSettingsChanged, send, t, uiDirection, uiLanguage, useLanguage } from '../platform/browser';
import { CARD_CLOSE_DELAY_MS, startCitationCard } from './card-controller';
import { CARD_PART_FILE, LazyCard } from './card-loader';
import { LazyReader, READER_PART_FILE } from './reader-loader';
import { citationNavigation } from './navigation';
import { watchPage } from './page-watcher';
import { showSiteBanner } from './site-banner';
import { mark, timed } from '../dom/part-timing';

/** On a page that is not an article, how often at most its changes have it looked at again (it may have become one). */
const RECHECK_MS = 1000;

interface Shared {
  /** The text reader (the matcher and the aliases), its code loaded on first use: only pages whose text is read need it. */
  reader: LazyReader;
  hosts: LinkIndex;
  /** An outlet's category on a date (an article's, YYYY-MM-DD), or its latest known one (see pack.ts typologyAt). */
  typologyOf: (outlet: number, date?: string | null) => Typology | null;
  highlighter: Highlighter;
  /** The card (and the site banner), their code loaded when first needed. */
  card: LazyCard;
  /** Whether an earlier run put a count on the badge (a re-run must then report, even zero). */
  counted: boolean;
  /** Watches a shadow root's changes too (the document's observer does not see inside them). */
  watch?: (root: ShadowRoot) => void;
}

/** What the page's changes call for, as the current run sees them. */
type OnChange = (nodes: Node[]) => void;

async function main(): Promise<void> {
  // The sites part of the index first (every page's links need it); the text reader, with the aliases and the
  // matcher, only where the page's text is read. Each table is parsed when first used.
  const sites = sitesOf(siteTables());
  const shared: Shared = {
    reader: new LazyReader(sites, () => importExtensionModule(READER_PART_FILE)),
    hosts: new LinkIndex(sites),
    typologyOf: (outlet, date) => typologyAt(sites, outlet, date),
    highlighter: new Highlighter(document),
    // A frame's cards show over the page around it (a frame of another origin around it keeps them inside).
    card: new LazyCard(window.frameElement?.ownerDocument ?? document, window.frameElement, () => importExtensionModule(CARD_PART_FILE)),
    counted: false,
  };
  // The content script's life: an extension updated or removed under an open page leaves its old content
  // script without an extension to talk to; everything it listens to then stops.
  const life = new AbortController();
  // Each run has its own signal: a change of settings, a navigation or a rewritten document ends the run
  // (listeners, highlights, card) and starts another, so the reader's choices apply in open tabs at once.
  let current: AbortController | null = null;
  let onChange: OnChange | null = null;
  let settings = await loadSettings();
  const start = async () => {
    current?.abort();
    shared.highlighter.clear();
    onChange = null;
    if (!extensionAlive()) return life.abort();
    const controller = (current = new AbortController());
    await useLanguage(settings).catch(() => undefined);
    if (controller.signal.aborted) return;
    // A run that fails (the text reader's code did not load) leaves the page as it is; a change or a
    // navigation starts another.
    onChange = await run(shared, settings, controller.signal, () => void start()).catch((error: unknown) => {
      console.debug('StateLens: could not scan this page', error);
      return null;
    });
  };
  life.signal.addEventListener('abort', () => current?.abort(), { once: true });
  onSettingsChanged((next) => {
    settings = next;
    void start();
  }, life.signal);
  shared.watch = watchPage(document, {
    restart: () => void start(),
    changed: (nodes) => (onChange ? onChange(nodes) : void start()),
  }, life.signal);
  void start();
}

/**
 * Reads the page (off on a site the reader switched off), shows its citations and counts them, and keeps
 * them current as the page changes (the returned OnChange); answers the popup and the keyboard shortcut.
 */
async function run(shared: Shared, settings: Settings, signal: AbortSignal, restart: () => void): Promise<OnChange | null> {
  const { hosts, highlighter } = shared;
  const off = isOffOn(settings, location.hostname);
  let scan: PageScan | null = off ? null : await scanPageSliced(document, () => shared.reader.get(), hosts, {
    allPages: settings.scope === 'all', linksEverywhere: settings.linksEverywhere, signal,
  });
  if (signal.aborted) return null;
  for (const root of scan?.collected?.shadowRoots ?? []) shared.watch?.(root);
  // Citations are coloured by their outlet's category on the article's date, when the page gives one.
  const typologyOf = (outlet: number) => shared.typologyOf(outlet, scan?.article.published);
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
  const scrollTo = (c: PageCitation) => c.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });

  let details: Record<number, Outlet> = {};
  const card = startCitationCard({
    doc: document, card: shared.card, t, scrollTo,
    citations: () => citations,
    citationAt: (x, y) => rangeAtPoint(document, x, y, ranges, (byNode ??= indexRangesByNode(ranges))),
    async content(i) {
      const which = citations[i].outlet;
      if (!details[which]) details = { ...details, ...(await send({ type: 'outlet/details', outlets: [...new Set(citations.map((c) => c.outlet))] })) };
      const summary = await attributedSummary();
      const outlet = details[which];
      if (!outlet) return null;
      const counts = summary.outlets.find((o) => o.outlet === which);
      return {
        outlet, citationsHere: counts?.citations ?? 1, namedHere: counts?.named ?? 0, attributedSentences: counts?.attributedSentences ?? null,
        share: counts?.share ?? null, published: scan?.article.published ?? null, locale: uiLanguage(), dir: uiDirection(),
      };
    },
    report: (outlet) => void send({ type: 'outlet/report', outlet }),
  }, signal);
  const navigation = citationNavigation(() => citations, card, highlighter, scrollTo);

  onMessage(isPageMessage, (message) => {
    if (message.type === 'page/summary') return attributedSummary();
    if (message.type === 'page/reveal') return Promise.resolve(navigation.reveal(message.outlet));
    if (message.type === 'page/step') return Promise.resolve(navigation.step());
    if (message.type === 'page/recount' && citations.length) return send({ type: 'page/report', summary: summaryOf(false) });
    return undefined;
  }, signal);
  if (scan && scan.site >= 0) {
    showSiteBanner({ doc: document, card: shared.card, settings, typologyOf, summary: attributedSummary }, scan.site, signal)
      .catch((error: unknown) => console.debug('StateLens: could not show the site banner', error));
  }
  timed('highlight', () => show(true));
  mark('done');
  // Made ready while the page is idle, for the reader's first card (which, if it comes first, has them made at
  // once): the share of the article that rests on each outlet, worked out in slices, then the card's code.
  if (citations.length) {
    mark('card-pending');
    nextIdle().then(() => scan?.attributionSliced({ signal, yieldToPage: nextIdle })).then(nextIdle)
      .then(() => (signal.aborted ? undefined : timed('importCard', () => shared.card.ready()).then(() => mark('card'))))
      .catch((error: unknown) => console.debug('StateLens: could not make the card ready', error));
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
    if (card.openIndex >= 0) return void setTimeout(() => onChange(nodes), CARD_CLOSE_DELAY_MS * 10);
    // (A scan that read the text had its reader loaded.)
    const next = shared.reader.now()?.rescanChanged(scan, nodes, hosts);
    if (!next) return restart();
    update(next);
  };
  return onChange;
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
