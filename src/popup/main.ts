/**
 * Toolbar popup: the outlets cited on this page, with counts and category; a click scrolls to the next
 * citation of that outlet. Opened as popup.html?tab=N it shows tab N (used when the popup is opened in a tab).
 */
import type { PageSummary } from '../core/messages';
import type { Outlet } from '../core/registry/types';
import { isOffOn, normalizeSite } from '../core/settings';
import { withFrames } from '../core/summary';
import { activeTabId, loadSettings, openOptions, saveSettings, send, sendToTab, t, uiDirection, uiLanguage, useLanguage } from '../platform/browser';
import { stringsFor } from '../platform/locales';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  return activeTabId();
}

async function render(app: HTMLElement): Promise<void> {
  const settings = await loadSettings();
  await useLanguage(settings, stringsFor);
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = uiDirection();
  app.append(el('h1', undefined, t('extName')));
  const status = el('p', 'status', t('popupLoading'));
  app.append(status);

  const tabId = await targetTab();
  let summary: PageSummary | undefined;
  if (tabId !== undefined) {
    summary = await sendToTab(tabId, { type: 'page/summary' }).catch(() => undefined);
    // The tab's same-origin frames: their citations count with the page's (their sentences do not).
    const frames = summary ? await send({ type: 'tab/frames', tabId }).catch(() => []) : [];
    if (summary && frames.length) {
      const outlets = withFrames(summary.outlets, frames);
      summary = { ...summary, outlets, total: outlets.reduce((n, o) => n + o.citations, 0) };
    }
  }
  if (!summary) {
    status.textContent = t('popupNotHere');
    app.append(footer());
    return;
  }
  app.append(await offSwitch(summary.host));
  if (summary.off) {
    status.textContent = t('popupIsOff', summary.host);
    app.append(footer());
    return;
  }
  const wanted = [...summary.outlets.map((o) => o.outlet), ...(summary.site !== null ? [summary.site] : [])];
  const details: Record<number, Outlet> = wanted.length ? await send({ type: 'outlet/details', outlets: wanted }) : {};
  if (summary.site !== null && details[summary.site]) status.before(el('p', 'site', t('popupSite', details[summary.site].name)));
  if (!summary.outlets.length) {
    status.textContent = t(summary.article ? 'popupNoneArticle' : 'popupNonePage');
    app.append(footer());
    return;
  }
  // A page whose text is not read (search results, a feed) counts its links only: it says so.
  const linksOnly = !summary.article && settings.scope !== 'all';
  status.textContent = linksOnly ? t('popupLinks', String(summary.total)) : t(summary.total === 1 ? 'popupOne' : 'popupMany', String(summary.total));
  const list = el('ul');
  list.setAttribute('aria-label', t('popupListLabel'));
  for (const item of summary.outlets) {
    const outlet = details[item.outlet];
    const li = el('li');
    const button = el('button', `outlet${item.typology ? ` typology-${item.typology.toLowerCase()}` : ''}`);
    button.type = 'button';
    button.dataset.outlet = outlet?.id ?? '';
    button.append(
      el('span', 'name', outlet?.name ?? '?'),
      el('span', 'count', String(item.citations)),
      el('span', 'category', item.typology ? t(`typology_${item.typology}`) : t('typologyUnknownShort')),
    );
    // "Cited 4 times · named 2 more": the mentions, where there are any, in words beside the count.
    const named = Math.min(item.named ?? 0, item.citations);
    if (named > 0) {
      const cited = item.citations - named;
      button.append(el('span', 'named', cited > 0 ? t(named === 1 ? 'namedMoreOnce' : 'namedMoreTimes', String(named))
        : t(named === 1 ? 'namedOnlyOnce' : 'namedOnlyTimes', String(named))));
    }
    if (item.attributedSentences && item.share !== null) {
      const percent = String(Math.round(item.share * 100));
      button.append(el('span', 'attributed', item.attributedSentences === 1 ? t('attributedOne', percent) : t('attributedMany', [String(item.attributedSentences), percent])));
    }
    // The visible text is the button's name (label in name); what a press does is its description.
    button.setAttribute('aria-describedby', 'reveal-hint');
    button.addEventListener('click', () => {
      if (tabId !== undefined) void sendToTab(tabId, { type: 'page/reveal', outlet: item.outlet });
    });
    li.append(button);
    list.append(li);
  }
  app.append(list);
  const hint = el('p', 'visually-hidden', t('popupRevealHint'));
  hint.id = 'reveal-hint';
  app.append(hint, footer());
}

/** "Off on this site": saved at once; the page's content script switches itself off or on. */
async function offSwitch(host: string): Promise<HTMLElement> {
  const site = normalizeSite(host);
  const label = el('label', 'off-switch');
  const input = el('input');
  input.type = 'checkbox';
  input.name = 'off-here';
  input.disabled = !site;
  input.checked = site ? isOffOn(await loadSettings(), site) : false;
  input.addEventListener('change', async () => {
    if (!site) return;
    const settings = await loadSettings();
    const offSites = input.checked ? [...settings.offSites, site] : settings.offSites.filter((s) => s !== site && !site.endsWith(`.${s}`));
    await saveSettings({ ...settings, offSites });
    location.reload();
  });
  label.append(input, ` ${t('popupOffHere')}`);
  return label;
}

function footer(): HTMLElement {
  const box = el('footer');
  const settings = el('a', undefined, t('popupSettings'));
  settings.href = '#';
  settings.addEventListener('click', (event) => {
    event.preventDefault();
    void openOptions();
  });
  const links = el('p');
  links.append(settings);
  box.append(links);
  box.append(el('p', undefined, t('popupPrivacy')));
  const credits = el('p', undefined, `${t('popupCredits')} `);
  const link = el('a', undefined, t('popupCreditsLink'));
  link.href = 'CREDITS.md';
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  credits.append(link);
  box.append(credits);
  return box;
}

void render(document.getElementById('app')!);
