/**
 * The Log work sidebar on the page: loads the caller's KPIs, shows the form,
 * saves one entry and shows the KPI's new status (PRODUCT section 6).
 */
import type { LogWorkContext, LogWorkKpi } from '../../api';
import type { Lang } from '../../../engine/types';
import { bootPage } from '../shared/boot';
import { closeSidebar, type Call } from '../shared/bridge';
import { el, messageArea, replaceChildren, statusChip } from '../shared/dom';
import { dropDown, field, linkInput, selectValue, textInput } from '../shared/fields';
import { t, type Page } from '../shared/i18n';
import { submitWith } from '../shared/submit';
import {
  entryInput,
  kpiOptionLabel,
  kpiSummary,
  logFieldOf,
  statusLabel,
  validateLogEntry,
  withSavedKpi,
  type LogFormValues,
} from './form';
import { TAB_SCHEMAS, word } from '../../../engine/i18n/vocabulary';

/** Loads the context and shows the form, or the reason it cannot. */
export function startLogWork(root: HTMLElement, call: Call, page: Page): Promise<void> {
  return bootPage(root, page, {
    load: () => call('getLogWorkContext'),
    render: (context) => showLogWork(root, context, call),
  });
}

const label = (lang: Lang, column: keyof (typeof TAB_SCHEMAS)['log']['columns']): string =>
  word(lang, TAB_SCHEMAS.log.columns[column]);

export function showLogWork(root: HTMLElement, context: LogWorkContext, call: Call): void {
  const { lang, today } = context;
  let kpis = context.kpis;
  if (kpis.length === 0) {
    replaceChildren(root, el('p', { role: 'status' }, t(lang, 'ui.logWork.noKpis')));
    return;
  }

  // With one KPI there is nothing to choose; with several the person picks on purpose.
  const kpiSelect = dropDown(
    kpis.map((kpi) => ({ value: kpi.id, label: kpiOptionLabel(kpi) })),
    kpis.length > 1 ? t(lang, 'ui.logWork.chooseKpi') : null,
    { required: true },
  );
  const summary = el('div', { class: 'kpi-summary', 'aria-live': 'polite' });
  const date = el('input', { type: 'date', max: today, value: today, required: true });
  const value = textInput({ inputmode: 'decimal' });
  const valueField = field('value', label(lang, 'value'), value);
  const note = el('textarea', { rows: 3 });
  const link = linkInput();
  const save = el('button', { type: 'submit', class: 'action' }, t(lang, 'ui.save'));
  const close = el('button', { type: 'button' }, t(lang, 'ui.close'));
  const messages = messageArea();

  const form = el(
    'form',
    { novalidate: true, 'aria-label': t(lang, 'ui.logWork.title') },
    field('kpi', label(lang, 'kpi'), kpiSelect),
    summary,
    field('date', label(lang, 'date'), date),
    valueField,
    field('note', label(lang, 'note'), note),
    field('link', label(lang, 'link'), link),
    el('div', { class: 'block buttons' }, save, close),
    messages.element,
  );
  replaceChildren(root, form);

  const chosen = (): LogWorkKpi | undefined => kpis.find((kpi) => kpi.id === kpiSelect.value);
  const showKpi = (): void => {
    const kpi = chosen();
    const valueLabel = valueField.querySelector('label') as HTMLLabelElement;
    const base = label(lang, 'value') + (kpi?.unit ? ` (${kpi.unit})` : '');
    valueLabel.textContent = kpi?.valueOptional ? t(lang, 'ui.optional', { label: base }) : base;
    value.required = !!kpi && !kpi.valueOptional;
    replaceChildren(
      summary,
      ...(kpi
        ? [
            kpi.measure ? el('p', { class: 'gray' }, kpi.measure) : null,
            ...kpiSummary(kpi, lang).map((line) => el('p', {}, line)),
            el('p', {}, statusChip(kpi.statusKey, statusLabel(kpi, lang))),
          ]
        : []),
    );
  };
  kpiSelect.addEventListener('change', showKpi);
  showKpi();

  const read = (): LogFormValues => ({
    kpi: kpiSelect.value,
    date: date.value,
    value: value.value,
    note: note.value,
    link: link.value,
  });

  form.addEventListener(
    'submit',
    submitWith(form, messages, lang, {
      button: save,
      read,
      problems: (values) => validateLogEntry(values, kpis, today, lang),
      send: (values) => call('saveLogEntry', entryInput(values)),
      fieldOf: logFieldOf,
      saved: ({ kpi: saved, message }) => {
        kpis = withSavedKpi(kpis, saved);
        selectValue(kpiSelect, saved.id);
        showKpi();
        value.value = '';
        note.value = '';
        link.value = '';
        messages.status(
          el('p', {}, message),
          el('p', {}, `${saved.name}: `, statusChip(saved.statusKey, statusLabel(saved, lang))),
          ...kpiSummary(saved, lang).map((line) => el('p', {}, line)),
        );
        value.focus();
      },
    }),
  );

  close.addEventListener('click', closeSidebar);
}
