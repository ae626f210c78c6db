/**
 * The Log work sidebar on the page: loads the caller's KPIs, shows the form,
 * saves one entry and shows the KPI's new status (PRODUCT section 6).
 */
import type { LogWorkContext, LogWorkKpi } from '../../api';
import type { Lang } from '../../../engine/types';
import { closeSidebar, isUnreachable, type Call } from '../shared/bridge';
import {
  clearFieldErrors,
  el,
  field,
  messageArea,
  replaceChildren,
  selectValue,
  setBusy,
  showFieldError,
  statusChip,
} from '../shared/dom';
import { t, type Page } from '../shared/i18n';
import {
  entryInput,
  kpiOptionLabel,
  kpiSummary,
  logFieldOf,
  statusLabel,
  validateLogEntry,
  withSavedKpi,
  type LogField,
  type LogFormValues,
} from './form';
import { TAB_SCHEMAS, word } from '../../../engine/i18n/vocabulary';

/** Loads the context and shows the form, or the reason it cannot. */
export async function startLogWork(root: HTMLElement, call: Call, page: Page): Promise<void> {
  replaceChildren(root, el('p', { class: 'gray', role: 'status' }, t(page.lang, 'ui.loading')));
  const reply = await call('getLogWorkContext');
  if (!reply.ok) {
    const retry = el('button', { type: 'button' }, t(page.lang, 'ui.retry'));
    retry.addEventListener('click', () => void startLogWork(root, call, page));
    replaceChildren(
      root,
      el('p', { class: 'error', role: 'alert' }, reply.message),
      isUnreachable(reply) ? el('div', { class: 'block' }, retry) : null,
    );
    if (isUnreachable(reply)) retry.focus();
    return;
  }
  page.lang = reply.value.lang;
  document.documentElement.lang = page.lang;
  showLogWork(root, reply.value, call);
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
  const kpiSelect = el(
    'select',
    { required: true },
    kpis.length > 1 ? el('option', { value: '' }, t(lang, 'ui.logWork.chooseKpi')) : null,
    ...kpis.map((kpi) => el('option', { value: kpi.id }, kpiOptionLabel(kpi))),
  );
  const summary = el('div', { class: 'kpi-summary', 'aria-live': 'polite' });
  const date = el('input', { type: 'date', max: today, value: today, required: true });
  const value = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  const valueField = field('value', label(lang, 'value'), value);
  const note = el('textarea', { rows: 3 });
  const link = el('input', { type: 'url', placeholder: 'https://', autocomplete: 'off' });
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

  const controls: Record<LogField, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> = {
    kpi: kpiSelect,
    date,
    value,
    note,
    link,
  };
  const read = (): LogFormValues => ({
    kpi: kpiSelect.value,
    date: date.value,
    value: value.value,
    note: note.value,
    link: link.value,
  });

  let saving = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    clearFieldErrors(form);
    messages.clear();
    const values = read();
    const problems = validateLogEntry(values, kpis, today, lang);
    if (problems.length > 0) {
      for (const problem of problems) showFieldError(form, problem.field, problem.message);
      messages.alert(t(lang, 'ui.fixFields'));
      controls[problems[0]!.field].focus();
      return;
    }
    saving = true;
    setBusy(save, true, t(lang, 'ui.saving'));
    void call('saveLogEntry', entryInput(values)).then((reply) => {
      saving = false;
      setBusy(save, false, t(lang, 'ui.saving'));
      if (!reply.ok) {
        const at = logFieldOf(reply.field);
        if (at && showFieldError(form, at, reply.message)) {
          messages.alert(t(lang, 'ui.fixFields'));
          controls[at].focus();
        } else messages.alert(reply.message);
        return;
      }
      const saved = reply.value.kpi;
      kpis = withSavedKpi(kpis, saved);
      selectValue(kpiSelect, saved.id);
      showKpi();
      value.value = '';
      note.value = '';
      link.value = '';
      messages.status(
        el('p', {}, reply.value.message),
        el('p', {}, `${saved.name}: `, statusChip(saved.statusKey, statusLabel(saved, lang))),
        ...kpiSummary(saved, lang).map((line) => el('p', {}, line)),
      );
      value.focus();
    });
  });

  close.addEventListener('click', closeSidebar);
}
