/**
 * The hover card: who the outlet is, who controls it, its category with the three criteria, and the sources.
 * Rendered in a shadow root so the page's styles cannot reach it; placed beside its citation by Floating UI.
 */
import { autoUpdate, computePosition, flip, offset, shift, type ComputePositionConfig, type VirtualElement } from '@floating-ui/dom';
import type { Account, Designation, Evidence, Rating } from '../core/registry/schema';
import type { Platform } from '../core/registry/platforms';
import { accountUrl } from '../core/match/accounts';
import { currentPeriod, periodAt, periodTypology } from '../core/registry/classification';
import type { Outlet } from '../core/registry/types';
import { TYPOLOGY_INFO, type Criterion } from '../core/typology';
import CARD_CSS from './card.css?raw';

export type Translate = (key: string, substitutions?: string | string[]) => string;

export interface CardContent {
  outlet: Outlet;
  /** This citation's place among the page's citations of the outlet (1-based), and their number. */
  position?: { index: number; of: number };
  /** Citations of this outlet on the page. */
  citationsHere: number;
  /** Of those, how many only name the outlet (mentions), not citing it as a source. */
  namedHere?: number;
  /** Sentences of the article that rest on the outlet, and their share (0–1); null when not analysed. */
  attributedSentences: number | null;
  share: number | null;
  /** The article's publication date (YYYY-MM-DD) when known. */
  published: string | null;
  /** BCP 47 tag for country names and dates. */
  locale: string;
  /** The interface's writing direction (right-to-left for Arabic). */
  dir?: 'ltr' | 'rtl';
}

const HOST_TAG = 'statelens-card';

export function flagEmoji(country: string): string {
  if (!/^[A-Z]{2}$/.test(country)) return '';
  return String.fromCodePoint(...[...country].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(doc: Document, href: string, text: string): HTMLAnchorElement {
  const a = el(doc, 'a', undefined, text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

export function formatDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions = d ? { year: 'numeric', month: 'short', day: 'numeric' } : m ? { year: 'numeric', month: 'short' } : { year: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(Date.UTC(y, (m || 1) - 1, d || 1));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** What a card's buttons and keys do: close (its button, Escape), report a mistake, step through citations. */
export interface CardActions {
  close(): void;
  report(): void;
  /** Previous or next citation of the outlet (cards of a citation only). */
  step?(direction: 'previous' | 'next'): void;
}

/** Wires a rendered card's buttons (their data-action) and its Escape key to actions. */
export function onCardActions(card: HTMLElement, actions: CardActions): void {
  card.addEventListener('click', (event) => {
    const action = (event.target as Element).closest('button')?.dataset.action;
    if (action === 'close') actions.close();
    else if (action === 'report') actions.report();
    else if (action === 'previous' || action === 'next') actions.step?.(action);
  });
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') actions.close();
  });
}

export function renderCard(doc: Document, content: CardContent, t: Translate): HTMLElement {
  const { outlet, locale } = content;
  const card = el(doc, 'section', 'card');
  card.setAttribute('role', 'dialog');
  card.tabIndex = -1;
  card.dir = content.dir ?? 'ltr';

  // The outlet's name in the reader's language when the registry has it; the other names below it.
  const language = locale.toLowerCase().split(/[-_]/)[0];
  const own = outlet.names[language];
  const title = own ?? outlet.name;
  card.setAttribute('aria-label', t('cardLabel', title));
  const head = el(doc, 'header');
  const h2 = el(doc, 'h2', 'name', title);
  h2.dir = 'auto';
  if (own) h2.lang = language;
  head.append(h2);
  const others: Array<[string, string]> = [...(own ? [['en', outlet.name] as [string, string]] : []), ...Object.entries(outlet.names).filter(([lang]) => lang !== language)];
  for (const [lang, name] of others) {
    const native = el(doc, 'p', 'native', name);
    native.lang = lang;
    native.dir = 'auto';
    head.append(native);
  }
  const country = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(outlet.country) ?? outlet.country;
  const facts = [`${flagEmoji(outlet.country)} ${country}`.trim()];
  if (outlet.kind) facts.push(t(`kind_${outlet.kind}`));
  if (outlet.founded) facts.push(t('founded', outlet.founded.slice(0, 4)));
  head.append(el(doc, 'p', 'facts', facts.join(' · ')));
  if (outlet.status !== 'active') head.append(el(doc, 'p', 'status', statusLine(outlet, locale, t)));
  card.append(head);

  // The category of the period the article falls in (else of today's): never one made for another period.
  const focus = (content.published ? periodAt(outlet.control, content.published) : undefined) ?? currentPeriod(outlet.control);
  const typology = focus ? periodTypology(outlet, focus) : outlet.typology;
  if (typology) {
    const info = TYPOLOGY_INFO[typology];
    const category = el(doc, 'div', `category typology-${typology.toLowerCase()}`);
    category.append(el(doc, 'span', 'badge', t(`typology_${typology}`)));
    if (outlet.typologyUncertain) category.append(el(doc, 'span', 'uncertain', t('uncertain')));
    const definition = el(doc, 'p', 'definition', t(`typologyDefinition_${typology}`));
    definition.id = 'statelens-definition';
    card.setAttribute('aria-describedby', definition.id);
    category.append(definition);
    const criteria = el(doc, 'ul', 'criteria');
    const answer = (c: Criterion) => t(c === 'yes' ? 'yes' : c === 'no' ? 'no' : 'either');
    for (const [key, value] of [['criterionFunding', info.funding], ['criterionGovernance', info.governance], ['criterionEditorial', info.editorial]] as const) {
      const item = el(doc, 'li', `criterion is-${value}`);
      item.append(el(doc, 'span', undefined, t(key)), el(doc, 'strong', undefined, answer(value)));
      criteria.append(item);
    }
    category.append(criteria);
    const by = el(doc, 'p', 'classified', `${t('classifiedBy')} `);
    by.append(link(doc, outlet.classifiedBy.source, outlet.classifiedBy.name));
    if (outlet.classifiedBy.date) by.append(` (${formatDate(outlet.classifiedBy.date, locale)})`);
    category.append(by);
    card.append(category);
  } else if (focus && (outlet.typology || outlet.control.some((p) => p.typology))) {
    card.append(el(doc, 'p', 'definition unclassified', t('periodUnclassified')));
  } else {
    card.append(el(doc, 'p', 'definition', t('typologyUnknown')));
  }

  card.append(controlSection(doc, content, t));

  const marks = [
    ...outlet.designations.map((d) => designationLine(d, locale, t)),
    ...outlet.ratings.map((r) => ratingLine(r, t)),
  ];
  if (marks.length) {
    const list = el(doc, 'ul', 'marks');
    for (const mark of marks) list.append(el(doc, 'li', undefined, mark));
    card.append(list);
  }

  if (outlet.evidence.length) {
    const details = el(doc, 'details', 'evidence');
    details.append(el(doc, 'summary', undefined, t('evidence', String(outlet.evidence.length))));
    const list = el(doc, 'ul');
    for (const item of outlet.evidence) list.append(evidenceItem(doc, item, locale, t));
    details.append(list);
    card.append(details);
  }
  if (outlet.accounts.length) card.append(accountsSection(doc, outlet.accounts, t));

  // "Cited 4 times on this page · Named 2 more times without being cited", or "Named 2 times, not as a source".
  const named = Math.min(content.namedHere ?? 0, content.citationsHere);
  const cited = content.citationsHere - named;
  const here = el(doc, 'p', 'here', cited > 0
    ? t(cited === 1 ? 'citedOnce' : 'citedTimes', String(cited))
    : t(named === 1 ? 'namedOnlyOnce' : 'namedOnlyTimes', String(named)));
  if (cited > 0 && named > 0) here.append(el(doc, 'br'), t(named === 1 ? 'namedMoreOnce' : 'namedMoreTimes', String(named)));
  if (content.attributedSentences && content.share !== null) {
    const percent = String(Math.round(content.share * 100));
    here.append(el(doc, 'br'), content.attributedSentences === 1 ? t('attributedOne', percent) : t('attributedMany', [String(content.attributedSentences), percent]));
  }
  card.append(here);

  const nav = el(doc, 'nav', 'nav');
  nav.setAttribute('aria-label', t('cardLabel', outlet.name));
  /** A button of the card's actions (the card's click handler reads data-action). */
  const button = (action: string, text: string, label?: string) => {
    const b = el(doc, 'button', action, text);
    b.type = 'button';
    b.dataset.action = action;
    if (label) b.setAttribute('aria-label', label);
    return b;
  };
  if (content.position && content.position.of > 1) {
    nav.append(button('previous', '‹', t('cardPrevious')), el(doc, 'span', 'position', t('cardPosition', [String(content.position.index), String(content.position.of)])), button('next', '›', t('cardNext')));
  }
  // Opens StateLens's own report page (nothing is sent anywhere: the reader copies the report).
  nav.append(button('report', t('cardReport')), button('close', '×', t('cardClose')));
  card.append(nav);
  return card;
}

/**
 * Who controls the outlet, period by period, each with the category that covers it when the outlet changed
 * hands (with one period, the category above says it). The period of the article's date reads "When this was
 * published", today's "Since".
 */
function controlSection(doc: Document, { outlet, published, locale }: CardContent, t: Translate): HTMLElement {
  const box = el(doc, 'div', 'control');
  const periods = outlet.control;
  const current = currentPeriod(periods);
  const then = published ? periodAt(periods, published) : undefined;
  const month = (date: string) => formatDate(date.slice(0, 7), locale);
  if (!current) {
    if (outlet.company) box.append(el(doc, 'p', 'now', t('company', outlet.company)));
    return box;
  }
  for (const period of periods) {
    let line: HTMLElement;
    if (period === then && then !== current) line = el(doc, 'p', 'then', t('controlThen', [month(published!), period.controller]));
    else if (period === current) line = el(doc, 'p', 'now', current.from && periods.length > 1 ? t('controlNow', [month(current.from), current.controller]) : t('controller', current.controller));
    else if (period.from && period.to) line = el(doc, 'p', 'past', t('controlBetween', [month(period.from), month(period.to), period.controller]));
    else line = el(doc, 'p', 'past', t('controlUntil', [month(period.to ?? ''), period.controller]));
    if (periods.length > 1) {
      const typology = periodTypology(outlet, period);
      line.append(el(doc, 'span', typology ? 'period-category' : 'period-category unclassified', ` · ${typology ? t(`typology_${typology}`) : t('periodUnclassified')}`));
    }
    box.append(line);
  }
  if (current.note) {
    // Registry text is English: in a right-to-left card it keeps its own direction.
    const note = el(doc, 'p', 'note', current.note);
    note.dir = 'auto';
    box.append(note);
  }
  return box;
}

/** "Closed in Jan 2023", "Not working since May 2024": the month is precise enough, and all a source usually gives. */
function statusLine(outlet: Outlet, locale: string, t: Translate): string {
  const key = outlet.status === 'defunct' ? 'statusDefunct' : 'statusNotFunctional';
  return outlet.statusDate ? t(key, formatDate(outlet.statusDate.slice(0, 7), locale)) : t(`${key}Undated`);
}

const DESIGNATION_MESSAGES = ['designation_EU_sanctions', 'designation_EU_broadcast_ban', 'designation_US_foreign_mission', 'designation_UK_sanctions'];

/** A designation from the date it took effect, with the date it was decided and the date it ended when known. */
function designationLine(d: Designation, locale: string, t: Translate): string {
  const date = formatDate(d.from, locale);
  const key = `designation_${d.authority}_${d.kind}`.replace(/-/g, '_');
  const line = DESIGNATION_MESSAGES.includes(key) ? t(key, date) : t('designation_other', [d.authority, date]);
  const more = [...(d.decided ? [t('decidedOn', formatDate(d.decided, locale))] : []), ...(d.to ? [t('designationUntil', formatDate(d.to, locale))] : [])];
  return more.length ? `${line} (${more.join('; ')})` : line;
}

/** A rating with the year of its decision; without a year when no source records it (never a copy's year). */
function ratingLine(r: Rating, t: Translate): string {
  const key = `rating_${r.status.replace(/-/g, '_')}`;
  return r.year ? t(key, String(r.year)) : t(`${key}_undated`);
}

/** A claim, its source and the date it was read; the copy actually read, when the original could not be. */
function evidenceItem(doc: Document, item: Evidence, locale: string, t: Translate): HTMLElement {
  const li = el(doc, 'li', undefined, `${item.claim} `);
  li.dir = 'auto';
  li.append(link(doc, item.source, hostOf(item.source)));
  const read = formatDate(item.read, locale);
  if (item.via) {
    const via = el(doc, 'span', 'read', ` · ${t('readVia', read)} `);
    // A copy served over plain http is named, not linked: the card links to secure pages only.
    via.append(item.via.startsWith('https://') ? link(doc, item.via, hostOf(item.via)) : hostOf(item.via));
    li.append(via);
  } else {
    li.append(el(doc, 'span', 'read', ` · ${t('readOn', read)}`));
  }
  return li;
}

/** Platform names as the platforms write them. */
const PLATFORM_NAMES: Record<Platform, string> = {
  x: 'X', youtube: 'YouTube', telegram: 'Telegram', facebook: 'Facebook', instagram: 'Instagram', vk: 'VK', tiktok: 'TikTok',
};

function accountsSection(doc: Document, accounts: readonly Account[], t: Translate): HTMLElement {
  const box = el(doc, 'div', 'accounts');
  box.append(el(doc, 'p', 'accounts-title', t('accountsTitle')));
  const list = el(doc, 'ul');
  for (const account of accounts) {
    const li = el(doc, 'li');
    li.dir = 'ltr';
    li.append(link(doc, accountUrl(account.platform, account.handle), `${PLATFORM_NAMES[account.platform]} ${account.handle}`));
    list.append(li);
  }
  box.append(list);
  return box;
}

/** Between the citation and the card; between the card and the window's edges. */
const GAP = 6;
const MARGIN = 8;

/**
 * How the card is placed (Floating UI): under the citation's first line, aligned with where the citation's
 * text starts (its left edge in left-to-right text, its right edge in right-to-left text); above it when it
 * does not fit below and fits better there; moved sideways to stay MARGIN inside the window.
 */
export function cardPlacement(direction: 'ltr' | 'rtl'): Partial<ComputePositionConfig> {
  return {
    strategy: 'fixed',
    placement: direction === 'rtl' ? 'bottom-end' : 'bottom-start',
    middleware: [offset(GAP), flip({ padding: MARGIN }), shift({ padding: MARGIN, crossAxis: false })],
  };
}

/**
 * The card's host element and shadow root, made on first use, in doc. frame: for citations in a frame of doc,
 * that frame's element: the card then shows over the page around the frame, not cut off at the frame's edges,
 * placed from the frame's box. While a card shows, Floating UI's autoUpdate keeps it beside its citation when
 * the page scrolls (the window or any container), the window is resized, or the citation moves.
 */
export class CardView {
  #host: HTMLElement | null = null;
  #root: ShadowRoot | null = null;
  #current: HTMLElement | null = null;
  /** Stops autoUpdate for the card that shows. */
  #stopFollowing: (() => void) | null = null;

  readonly #doc: Document;
  readonly #frame: Element | null;

  constructor(doc: Document, frame: Element | null = null) {
    this.#doc = doc;
    this.#frame = frame;
  }

  show(card: HTMLElement, anchor: Range): void {
    if (!this.#host) {
      this.#host = this.#doc.createElement(HOST_TAG);
      this.#host.style.cssText = 'all:initial;position:fixed;top:0;left:0;z-index:2147483647';
      this.#root = this.#host.attachShadow({ mode: 'closed' });
      const style = this.#doc.createElement('style');
      style.textContent = CARD_CSS;
      this.#root.append(style);
    }
    if (!this.#host.isConnected) this.#doc.documentElement.append(this.#host);
    this.#stopFollowing?.();
    this.#current?.remove();
    this.#current = card;
    this.#root!.append(card);
    const host = this.#host;
    const reference = this.#reference(anchor);
    const element = anchor.startContainer.parentElement;
    const direction = element && getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';
    const place = () => {
      void computePosition(reference, host, cardPlacement(direction)).then(({ x, y }) => {
        if (this.#current === card) host.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    };
    this.#stopFollowing = autoUpdate(reference, host, place);
  }

  /**
   * The citation as Floating UI's reference: its first line (a citation that wraps over two lines has the
   * card hang from its first); in a frame, moved by the frame's content box into the page's coordinates.
   */
  #reference(anchor: Range): VirtualElement {
    const frame = this.#frame;
    const box = () => {
      const r = anchor.getClientRects()[0] ?? anchor.getBoundingClientRect();
      const f = frame?.getBoundingClientRect();
      const dx = f ? f.left + frame!.clientLeft : 0;
      const dy = f ? f.top + frame!.clientTop : 0;
      return new DOMRect(r.left + dx, r.top + dy, r.width, r.height);
    };
    // The element around the citation: autoUpdate listens to the scrolling of its containers.
    const contextElement = frame ?? anchor.startContainer.parentElement ?? undefined;
    return { getBoundingClientRect: box, contextElement };
  }

  hide(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = null;
    this.#current?.remove();
    this.#current = null;
    this.#host?.remove();
  }

  contains(node: Node | null): boolean {
    return Boolean(node && this.#host && (node === this.#host || this.#host.contains(node)));
  }
}
