/**
 * The correction report page, opened from the card's "Report a correction": what StateLens says about the
 * outlet, two fields for the reader (what is wrong; where they read otherwise), and a button that copies the
 * report as text, to be filed on the project's tracker. StateLens sends nothing itself.
 */
import { reportText } from '../core/report';
import { extensionVersion, loadSettings, send, t, uiDirection, uiLanguage, useLanguage } from '../platform/browser';
import { stringsFor } from '../platform/locales';

/** The project's issue tracker, when the build was given one (STATELENS_CORRECTIONS_URL). */
declare const __CORRECTIONS_URL__: string;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function render(app: HTMLElement): Promise<void> {
  await useLanguage(await loadSettings(), stringsFor);
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = uiDirection();
  document.title = t('reportTitle');
  const index = Number(new URLSearchParams(location.search).get('outlet'));
  const outlet = Number.isInteger(index) && index >= 0 ? (await send({ type: 'outlet/details', outlets: [index] }))[index] : undefined;
  app.append(el('h1', {}, t('reportTitle')));
  if (!outlet) {
    app.append(el('p', { className: 'status' }, t('reportNoOutlet')));
    return;
  }
  const what = el('textarea', { name: 'what', id: 'what', rows: 5 });
  const source = el('input', { type: 'url', name: 'source', id: 'source' });
  const status = el('p', { className: 'status' });
  status.setAttribute('role', 'status');
  const copy = el('button', { type: 'button', name: 'copy' }, t('reportCopy'));
  const version = extensionVersion();
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(reportText(outlet, what.value, source.value, version));
      status.textContent = t('reportCopied');
    } catch (e) {
      status.textContent = t('reportCopyFailed', (e as Error).message);
    }
  });
  const whatLabel = el('label', { htmlFor: 'what' }, t('reportWhat'));
  const sourceLabel = el('label', { htmlFor: 'source' }, t('reportSource'));
  const box = el('fieldset');
  box.append(el('legend', {}, t('reportFor', outlet.name)), el('p', { className: 'hint' }, t('reportIntro')), whatLabel, what, sourceLabel, source);
  const actions = el('div', { className: 'actions' });
  actions.append(copy);
  if (__CORRECTIONS_URL__) actions.append(el('a', { href: __CORRECTIONS_URL__, target: '_blank', rel: 'noopener noreferrer' }, t('reportTracker')));
  app.append(box, actions, status);
}

void render(document.getElementById('app')!);
