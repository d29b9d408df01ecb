/**
 * The card controller: opens a citation's card on hover, on a tap, or when a citation that is a link gets the
 * keyboard focus; keeps it while the pointer is on it; closes it on Escape, after the pointer has left, or once
 * its citation has scrolled out of the window; steps to the outlet's previous or next citation from its
 * buttons. Every listener and timer stops when `signal` aborts.
 */
import type { CardContent, Translate } from '../dom/card';
import type { PageCitation } from '../dom/scan-steps';
import type { LazyCard } from './card-loader';

/** How long the card stays after the pointer leaves the citation, so the reader can move into it. */
export const CARD_CLOSE_DELAY_MS = 300;

export interface CardEnvironment {
  doc: Document;
  /** The card's code and view, loaded on first use. */
  card: LazyCard;
  t: Translate;
  /** The citations shown now, in page order (they change as the page does). */
  citations: () => readonly PageCitation[];
  /** The citation under a point of the window, or -1. */
  citationAt: (x: number, y: number) => number;
  /** What the card of citation i says, or null when the page has moved on meanwhile. */
  content: (i: number) => Promise<Omit<CardContent, 'position'> | null>;
  /** The reader asked to report a mistake about an outlet. */
  report: (outlet: number) => void;
  /** Brings a citation into view. */
  scrollTo: (citation: PageCitation) => void;
}

export interface CitationCard {
  /**
   * Opens the card of citation i. focus: move the keyboard focus into it, onto the button of that action
   * ("next" stays on "next") or onto the card itself ("card"), so that a screen reader announces it.
   */
  open(i: number, focus?: string): Promise<void>;
  close(): void;
  /** The citation whose card is open, or -1. */
  readonly openIndex: number;
}

export function startCitationCard(env: CardEnvironment, signal: AbortSignal): CitationCard {
  const { doc, card } = env;
  const win = doc.defaultView!;
  let open = -1;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pointer is on the open card. */
  let onCard = false;

  const cancelClose = () => clearTimeout(closeTimer);
  // (Not while the pointer is on the card: a frame's pointer handler may run after it went there.)
  const scheduleClose = () => {
    cancelClose();
    if (!onCard) closeTimer = setTimeout(close, CARD_CLOSE_DELAY_MS);
  };
  function close(): void {
    cancelClose();
    open = -1;
    onCard = false;
    card.hide();
  }
  signal.addEventListener('abort', close, { once: true });

  async function openCard(i: number, focus?: string): Promise<void> {
    open = i;
    const citation = env.citations()[i];
    const content = citation ? await env.content(i) : null;
    if (open !== i || !content || signal.aborted) return;
    // (The card's code could not be loaded: no card, and the next hover tries again.)
    const loaded = await card.ready().catch((error: unknown) => void console.debug('StateLens: could not load the card', error));
    if (!loaded || open !== i || signal.aborted) return;
    const { part, view } = loaded;
    const own = env.citations().filter((c) => c.outlet === citation.outlet);
    const element = part.renderCard(doc, { ...content, position: { index: own.indexOf(citation) + 1, of: own.length } }, env.t);
    part.onCardActions(element, {
      close,
      report: () => env.report(citation.outlet),
      step(direction) {
        const k = own.indexOf(citation);
        const target = own[(k + (direction === 'next' ? 1 : own.length - 1)) % own.length];
        env.scrollTo(target);
        void openCard(env.citations().indexOf(target), direction);
      },
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
    view.show(element, citation.range);
    if (focus) (element.querySelector<HTMLElement>(`button[data-action="${focus}"]`) ?? element).focus();
  }

  // Hover: the pointer's position is read once per frame.
  let pending = false;
  let lastX = 0;
  let lastY = 0;
  doc.addEventListener('pointermove', (event) => {
    lastX = event.clientX;
    lastY = event.clientY;
    if (pending || !env.citations().length) return;
    pending = true;
    win.requestAnimationFrame(() => {
      pending = false;
      if (signal.aborted) return;
      if (card.contains(doc.elementFromPoint(lastX, lastY))) return cancelClose();
      const i = env.citationAt(lastX, lastY);
      if (i >= 0) {
        cancelClose();
        if (i !== open) void openCard(i);
      } else if (open >= 0) scheduleClose();
    });
  }, { passive: true, signal });
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open >= 0) close();
  }, { signal });
  // Touch: a tap on a citation opens its card (there is no hover).
  doc.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'touch' || card.contains(event.target as Node)) return;
    const i = env.citationAt(event.clientX, event.clientY);
    if (i >= 0) void openCard(i);
    else if (open >= 0) close();
  }, { passive: true, signal });
  // Keyboard: a link that is a citation opens its card when it receives focus.
  doc.addEventListener('focusin', (event) => {
    const target = event.target as Node;
    if (card.contains(target)) return;
    const i = env.citations().findIndex((c) => c.via === 'link' && c.range.intersectsNode(target) && (target as Element).tagName === 'A');
    if (i >= 0 && i !== open) void openCard(i);
  }, { signal });
  // The card follows its citation as the page scrolls (CardView), and closes once the citation has left the window.
  win.addEventListener('scroll', () => {
    if (open < 0) return;
    const rect = env.citations()[open]?.range.getBoundingClientRect();
    if (!rect || rect.bottom < 0 || rect.top > win.innerHeight) close();
  }, { passive: true, signal });
  // A frame's card is placed in the page around it: it closes when that page scrolls.
  if (win.frameElement) win.parent.addEventListener('scroll', close, { passive: true, signal });

  return {
    open: openCard,
    close,
    get openIndex() {
      return open;
    },
  };
}
