/**
 * The card, made ready on first use: its code (card-part.ts, built as card.js) is loaded once, then its view
 * (CardView) is made. Until then nothing shows, so `contains` is false and `hide` does nothing.
 */
import type { CardView } from '../dom/card';
import type * as Part from './card-part';
import { checkPart, once } from './parts';

export type CardPart = typeof Part;

/** The card's code file, in the extension (web-accessible: a content script can import only such a file). */
export const CARD_PART_FILE = 'card.js';

/** The parts card.js must export: a build that lost one fails here, naming it, not on a reader's first hover. */
export function checkCardPart(module: unknown): CardPart {
  return checkPart<CardPart>(CARD_PART_FILE, module, ['CardView', 'onCardActions', 'renderCard', 'showBanner']);
}

export class LazyCard {
  #view: CardView | null = null;
  readonly #ready: () => Promise<{ part: CardPart; view: CardView }>;

  /** doc and frame: where the card shows (see CardView). load: imports card.js. */
  constructor(doc: Document, frame: Element | null, load: () => Promise<unknown>) {
    this.#ready = once(() => load().then(checkCardPart).then((part) => {
      this.#view = new part.CardView(doc, frame);
      return { part, view: this.#view };
    }));
  }

  /** The card's code and its view, loaded on the first call (a failed load is tried again on the next). */
  ready(): Promise<{ part: CardPart; view: CardView }> {
    return this.#ready();
  }

  contains(node: Node | null): boolean {
    return this.#view?.contains(node) ?? false;
  }

  hide(): void {
    this.#view?.hide();
  }
}
