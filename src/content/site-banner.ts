/**
 * On an outlet's own site or official account page: a banner that says whose it is, with its card a click
 * away. Not shown when the reader hides the outlet's category, or dismissed it here (for a site; for an account
 * on a platform, for that account only: "x.com/xhnews", not all of x.com).
 */
import { accountOf } from '../core/match/accounts';
import type { PageSummary } from '../core/messages';
import type { Settings } from '../core/settings';
import type { Typology } from '../core/typology';
import type { LazyCard } from './card-loader';
import { bannerDismissed, dismissBanner, send, t, uiDirection, uiLanguage } from '../platform/browser';

export interface SiteBannerEnvironment {
  doc: Document;
  /** The card's code and view, loaded on first use (the banner is in it too). */
  card: LazyCard;
  settings: Settings;
  typologyOf: (outlet: number) => Typology | null;
  /** The page's summary, with the share of the text that rests on each outlet. */
  summary: () => Promise<PageSummary>;
}

export async function showSiteBanner(env: SiteBannerEnvironment, site: number, signal: AbortSignal): Promise<void> {
  const { doc, card } = env;
  const typology = env.typologyOf(site);
  if (typology && !env.settings.categories[typology]) return;
  const location = doc.defaultView!.location;
  const account = accountOf(location);
  const host = location.hostname.replace(/^www\./, '') + (account ? `/${account.handle.toLowerCase()}` : '');
  if (await bannerDismissed(host)) return;
  const outlet = (await send({ type: 'outlet/details', outlets: [site] }))[site];
  if (!outlet || signal.aborted) return;
  const { part, view } = await card.ready();
  if (signal.aborted) return;
  const remove = part.showBanner(doc, outlet, t, uiDirection(), {
    async more(anchor) {
      const range = doc.createRange();
      range.selectNodeContents(anchor);
      const summary = await env.summary();
      if (signal.aborted) return;
      const count = summary.outlets.find((o) => o.outlet === site);
      const element = part.renderCard(doc, {
        outlet, citationsHere: count?.citations ?? 0, namedHere: count?.named ?? 0, attributedSentences: count?.attributedSentences ?? null,
        share: count?.share ?? null, published: summary.published, locale: uiLanguage(), dir: uiDirection(),
      }, t);
      part.onCardActions(element, {
        close: () => view.hide(),
        report: () => void send({ type: 'outlet/report', outlet: site }),
      });
      view.show(element, range);
      element.focus();
    },
    dismiss() {
      view.hide();
      void dismissBanner(host);
    },
  }, account ? 'account' : 'site');
  signal.addEventListener('abort', remove, { once: true });
}
