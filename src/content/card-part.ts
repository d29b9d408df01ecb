/**
 * The card's code, in a file of its own (card.js), loaded the first time a page needs a card: after its
 * citations are shown, in idle time, or when the reader reaches one first; on an outlet's site, for its banner.
 * It holds the card, its placement (Floating UI) and styles, and the banner. A page without citations never
 * loads it, so the content script every page evaluates stays small. See card-loader.ts.
 */
export { CardView, onCardActions, renderCard } from '../dom/card';
export { showBanner } from '../dom/banner';
