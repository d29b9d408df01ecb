/**
 * The card, made ready on first use: its code (card-part.ts, built as card.js) is loaded once, then its view
 * (CardView) is made. Until then nothing shows, so `contains` is false and `hide` does nothing.
 */
import type { CardView } from '../dom/card';
import type * as Part from './card-part';

export type CardPart = typeof Part;

/** The card's code file, in the extension (web-accessible: a content script can import only such a file). */
export const CARD_PART_FILE = 'card.js';

/** The parts card.js must export: a build that lost one fails here, naming it, not on a reader's first hover. */
const EXPORTS = ['CardView', 'onCardActions', 'renderCard', 'showBanner'] as const;

export function checkCardPart(module: unknown): CardPart {
  const missing = EXPORTS.filter((name) => typeof (module as Record<string, unknown> | null)?.[name] !== 'function');
  if (missing.length) throw new Error(`StateLens: ${CARD_PART_FILE} does not export ${missing.join(', ')}`);
  return module as CardPart;
}

export class LazyCard {
  #ready: Promise<{ part: CardPart; view: CardView }> | null = null;
  #view: CardView | null = null;
  readonly #doc: Document;
  readonly #frame: Element | null;
  readonly #load: () => Promise<unknown>;

  /** doc and frame: where the card shows (see CardView). load: imports card.js. */
  constructor(doc: Document, frame: Element | null, load: () => Promise<unknown>) {
    this.#doc = doc;
    this.#frame = frame;
    this.#load = load;
  }

  /** The card's code and its view, loaded on the first call (a failed load is tried again on the next). */
  ready(): Promise<{ part: CardPart; view: CardView }> {
    this.#ready ??= this.#load().then(checkCardPart).then((part) => {
      this.#view = new part.CardView(this.#doc, this.#frame);
      return { part, view: this.#view };
    }).catch((error: unknown) => {
      this.#ready = null;
      throw error;
    });
    return this.#ready;
  }

  contains(node: Node | null): boolean {
    return this.#view?.contains(node) ?? false;
  }

  hide(): void {
    this.#view?.hide();
  }
}
