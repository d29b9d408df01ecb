/**
 * Options page: categories shown, highlight style, where to look (and links everywhere), sites switched off,
 * interface language;
 * export and import.
 * Every change is saved at once to storage.sync, and open tabs apply it without a reload.
 */
import { defaultSettings, HIGHLIGHT_STYLES, normalizeSite, repairSettings, SCOPES, type Settings } from '../core/settings';
import { TYPOLOGIES } from '../core/typology';
import { languageTag, UI_LANGUAGES } from '../core/i18n';
import { loadSettings, repairStoredSettings, saveSettings, storedSettingsProblems, t, uiDirection, uiLanguage, useLanguage } from '../platform/browser';
import { stringsFor } from '../platform/locales';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined) node.textContent = text;
  return node;
}

function fieldset(legend: string, id: string, ...children: Node[]): HTMLFieldSetElement {
  const box = el('fieldset');
  box.append(el('legend', { id }, legend), ...children);
  return box;
}

async function render(app: HTMLElement, focus?: string): Promise<void> {
  const problems = await storedSettingsProblems();
  // Broken stored values are written back repaired (the page says which were).
  if (problems.length) await repairStoredSettings();
  let settings: Settings = await loadSettings();
  await useLanguage(settings, stringsFor);
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = uiDirection();
  document.title = t('optionsTitle');
  const status = el('p', { className: 'status' });
  status.setAttribute('role', 'status');
  if (problems.length) status.textContent = t('optionsRepaired', problems.join(', '));

  const save = async (next: Settings) => {
    settings = repairSettings(next).settings;
    await saveSettings(settings);
    status.textContent = t('optionsSaved');
  };

  const categories = TYPOLOGIES.map((code) => {
    const input = el('input', { type: 'checkbox', name: `category-${code}`, checked: settings.categories[code] });
    input.addEventListener('change', () => void save({ ...settings, categories: { ...settings.categories, [code]: input.checked } }));
    const label = el('label');
    label.append(input, ` ${t(`typology_${code}`)}`);
    return label;
  });

  const radios = <T extends string>(name: string, values: readonly T[], current: T, labelKey: string, apply: (v: T) => Settings) =>
    values.map((value) => {
      const input = el('input', { type: 'radio', name, value, checked: value === current });
      input.addEventListener('change', () => input.checked && void save(apply(value)));
      const label = el('label');
      label.append(input, ` ${t(`${labelKey}_${value}`)}`);
      return label;
    });

  const linksEverywhere = el('input', { type: 'checkbox', name: 'linksEverywhere', checked: settings.linksEverywhere });
  linksEverywhere.addEventListener('change', () => void save({ ...settings, linksEverywhere: linksEverywhere.checked }));
  const linksLabel = el('label');
  linksLabel.append(linksEverywhere, ` ${t('optionsLinksEverywhere')}`);

  const offSites = el('textarea', { name: 'offSites', value: settings.offSites.join('\n') });
  offSites.setAttribute('aria-labelledby', 'off-sites-legend');
  offSites.setAttribute('aria-describedby', 'off-sites-hint');
  offSites.addEventListener('change', () => {
    const sites = offSites.value.split(/\s+/).map(normalizeSite).filter((s): s is string => s !== null);
    offSites.value = [...new Set(sites)].join('\n');
    void save({ ...settings, offSites: [...new Set(sites)] });
  });

  // Each language is named in itself ("العربية", "français"), so a reader can find their own.
  const language = el('select', { name: 'language' });
  language.setAttribute('aria-labelledby', 'language-legend');
  language.append(el('option', { value: 'auto', selected: settings.language === 'auto' }, t('optionsLanguageAuto')));
  for (const code of UI_LANGUAGES) {
    const tag = languageTag(code);
    const option = el('option', { value: code, selected: settings.language === code }, new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag);
    option.lang = tag;
    language.append(option);
  }
  language.addEventListener('change', async () => {
    await save({ ...settings, language: language.value as Settings['language'] });
    // The page itself now speaks the new language.
    app.replaceChildren();
    await render(app, 'select[name="language"]');
  });

  const exportButton = el('button', { type: 'button' }, t('optionsExport'));
  exportButton.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(settings, null, 2)}\n`], { type: 'application/json' }));
    const a = el('a', { href: url, download: 'statelens-settings.json' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  const importInput = el('input', { type: 'file', accept: 'application/json,.json' });
  const importLabel = el('label', { className: 'file' });
  importLabel.append(t('optionsImport'), importInput);
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    try {
      const { settings: imported } = repairSettings(JSON.parse(await file.text()));
      await save(imported);
      status.textContent = t('optionsImported');
      app.replaceChildren();
      await render(app);
    } catch (e) {
      status.textContent = t('optionsImportFailed', (e as Error).message);
    }
  });
  const resetButton = el('button', { type: 'button' }, t('optionsReset'));
  resetButton.addEventListener('click', async () => {
    await save(defaultSettings());
    app.replaceChildren();
    await render(app);
  });
  const actions = el('div', { className: 'actions' });
  actions.append(exportButton, importLabel, resetButton);

  app.append(
    el('h1', {}, t('optionsTitle')),
    fieldset(t('optionsCategories'), 'categories-legend', el('p', { className: 'hint' }, t('optionsCategoriesHint')), ...categories),
    fieldset(t('optionsStyle'), 'style-legend', ...radios('style', HIGHLIGHT_STYLES, settings.style, 'optionsStyle', (style) => ({ ...settings, style }))),
    fieldset(t('optionsScope'), 'scope-legend', ...radios('scope', SCOPES, settings.scope, 'optionsScope', (scope) => ({ ...settings, scope })), linksLabel),
    fieldset(t('optionsOffSites'), 'off-sites-legend', el('p', { className: 'hint', id: 'off-sites-hint' }, t('optionsOffSitesHint')), offSites),
    fieldset(t('optionsLanguage'), 'language-legend', language),
    actions,
    status,
  );
  if (focus) app.querySelector<HTMLElement>(focus)?.focus();
}

void render(document.getElementById('app')!);
