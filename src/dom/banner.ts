/**
 * The site banner: on a page of an outlet's own site or official account, a slim bar says which outlet and its
 * category, with the card one click away. In its own shadow root, fixed at the bottom of the window (where it covers no navigation), never shifting the page's layout.
 */
import type { Outlet } from '../core/registry/types';
import type { Translate } from './card';
import BANNER_CSS from './banner.css?raw';

const HOST_TAG = 'statelens-banner';

export interface BannerActions {
  /** Opens the outlet's card under the banner. */
  more(anchor: Element): void;
  /** The reader dismissed the banner for this site. */
  dismiss(): void;
}

/** where: the outlet's own site, or its official account on a platform (x.com/XHNews, t.me/s/rian_ru). */
export function showBanner(doc: Document, outlet: Outlet, t: Translate, dir: 'ltr' | 'rtl', actions: BannerActions, where: 'site' | 'account' = 'site'): () => void {
  const host = doc.createElement(HOST_TAG);
  host.style.cssText = 'all:initial;position:fixed;bottom:0;inset-inline:0;z-index:2147483646';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = BANNER_CSS;
  const bar = doc.createElement('div');
  bar.className = `bar typology-${(outlet.typology ?? 'unknown').toLowerCase()}`;
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t('extName'));
  bar.dir = dir;
  const text = doc.createElement('span');
  text.textContent = t(where === 'account' ? 'bannerAccount' : 'bannerText', [outlet.name, outlet.typology ? t(`typology_${outlet.typology}`) : t('typologyUnknownShort')]);
  const more = doc.createElement('button');
  more.type = 'button';
  more.textContent = t('bannerMore');
  more.addEventListener('click', () => actions.more(more));
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'dismiss';
  dismiss.textContent = '×';
  dismiss.setAttribute('aria-label', t('bannerDismiss'));
  const remove = () => host.remove();
  dismiss.addEventListener('click', () => {
    remove();
    actions.dismiss();
  });
  bar.append(text, more, dismiss);
  root.append(style, bar);
  doc.documentElement.append(host);
  return remove;
}
