/**
 * The KPI editor sidebar on the page (managers only; the server checks):
 * pick a KPI or start a new one, perhaps from a template, edit every field
 * with the SMART check live, give a reason when the target changes, save.
 */
import type { KpiDraft, KpiEditorContext } from '../../api';
import type { Lang } from '../../../engine/types';
import { TAB_SCHEMAS, word } from '../../../engine/i18n/vocabulary';
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
  applyTemplate,
  choiceOptions,
  completeDraft,
  contextAfterReview,
  draftFromForm,
  emptyDraft,
  FORM_FIELDS,
  formFromDraft,
  goalOptions,
  isChoiceField,
  kpiOptions,
  kpisAfterSave,
  liveSmart,
  ownerOptions,
  targetChanged,
  validateKpiForm,
  visibleFields,
  type DraftField,
  type KpiFormValues,
  type Option,
} from './form';
import { reviewSection } from './review';

export async function startKpiEditor(root: HTMLElement, call: Call, page: Page): Promise<void> {
  replaceChildren(root, el('p', { class: 'gray', role: 'status' }, t(page.lang, 'ui.loading')));
  const reply = await call('getKpiEditorContext');
  if (!reply.ok) {
    if (isUnreachable(reply)) {
      const retry = el('button', { type: 'button' }, t(page.lang, 'ui.retry'));
      retry.addEventListener('click', () => void startKpiEditor(root, call, page));
      replaceChildren(
        root,
        el('p', { class: 'error', role: 'alert' }, reply.message),
        el('div', { class: 'block' }, retry),
      );
      retry.focus();
    } else {
      // An assistant, or a sheet not set up: the server's sentence, and nothing else to do here.
      replaceChildren(root, el('p', { class: 'notice', role: 'status' }, reply.message));
    }
    return;
  }
  page.lang = reply.value.lang;
  document.documentElement.lang = page.lang;
  showKpiEditor(root, reply.value, call);
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const COLUMN_OF: Record<DraftField, keyof (typeof TAB_SCHEMAS)['kpis']['columns']> = {
  name: 'kpi',
  owner: 'owner',
  goalId: 'goalId',
  taskType: 'taskType',
  measure: 'measure',
  aggregation: 'aggregation',
  direction: 'direction',
  target: 'target',
  unit: 'unit',
  period: 'period',
  dueTime: 'dueTime',
  qualifier: 'qualifier',
  numeratorKpi: 'numeratorKpi',
  denominatorKpi: 'denominatorKpi',
  riskBand: 'riskBand',
  baseline: 'baseline',
  start: 'start',
  reviewBy: 'reviewBy',
  status: 'status',
};

/** The form's labels are the KPIs tab's own headers, in the workbook's language. */
const fieldLabel = (lang: Lang, f: DraftField): string =>
  word(lang, TAB_SCHEMAS.kpis.columns[COLUMN_OF[f]]);

function fillOptions(select: HTMLSelectElement, blank: string | null, options: Option[]): void {
  const keep = select.value;
  replaceChildren(
    select,
    blank === null ? null : el('option', { value: '' }, blank),
    ...options.map((o) => el('option', { value: o.value }, o.label)),
  );
  selectValue(select, keep);
}

function controlFor(f: DraftField, context: KpiEditorContext): Control {
  const lang = context.lang;
  const text = (attributes: Record<string, string> = {}): HTMLInputElement =>
    el('input', { type: 'text', autocomplete: 'off', ...attributes });
  const select = (blank: string | null, options: Option[]): HTMLSelectElement => {
    const s = el('select');
    fillOptions(s, blank, options);
    return s;
  };
  if (isChoiceField(f))
    return select(f === 'status' ? null : t(lang, 'ui.choose'), choiceOptions(context, f));
  switch (f) {
    case 'name':
      return text({ required: '' });
    case 'owner':
      return select(t(lang, 'ui.choose'), ownerOptions(context));
    case 'goalId':
      return select(t(lang, 'ui.choose'), goalOptions(context));
    case 'numeratorKpi':
    case 'denominatorKpi':
      return select(t(lang, 'ui.choose'), kpiOptions(context));
    case 'measure':
      return el('textarea', { rows: 2 });
    case 'target':
    case 'baseline':
      return text({ inputmode: 'decimal' });
    case 'dueTime':
      return text({ placeholder: '16:00' });
    case 'qualifier':
      return text({ placeholder: '>= 1200' });
    case 'riskBand':
      return text({ placeholder: '10%' });
    case 'start':
    case 'reviewBy':
      return el('input', { type: 'date' });
    default:
      return text();
  }
}

export function showKpiEditor(root: HTMLElement, initial: KpiEditorContext, call: Call): void {
  let context: KpiEditorContext = {
    ...initial,
    kpis: initial.kpis.map(completeDraft),
    reviews: initial.reviews ?? [],
  };
  const lang = context.lang;
  /** The KPI as saved, when an existing one is open: its target decides whether a reason is needed. */
  let original: KpiDraft | null = null;

  const pick = el('select');
  const fillPick = (): void => fillOptions(pick, t(lang, 'ui.kpiEditor.new'), kpiOptions(context));
  fillPick();

  const template = el(
    'select',
    {},
    el('option', { value: '' }, t(lang, 'ui.choose')),
    ...context.templates.map((group, g) =>
      el(
        'optgroup',
        { label: group.taskType },
        ...group.drafts.map((draft, i) => el('option', { value: `${g}:${i}` }, draft.name)),
      ),
    ),
  );

  const controls = {} as Record<DraftField, Control>;
  const wrappers = {} as Record<DraftField, HTMLElement>;
  for (const f of FORM_FIELDS) {
    controls[f] = controlFor(f, context);
    wrappers[f] = field(f, fieldLabel(lang, f), controls[f]);
  }
  const reason = el('input', { type: 'text', autocomplete: 'off' });
  const reasonHint = el('span');
  const reasonField = field('reason', t(lang, 'ui.kpiEditor.reason'), reason, reasonHint);

  const smartBox = el('div', { class: 'smart', 'aria-live': 'polite' });
  const save = el('button', { type: 'submit', class: 'action' }, t(lang, 'ui.save'));
  const close = el('button', { type: 'button' }, t(lang, 'ui.close'));
  const messages = messageArea();

  // KPIs due for review: picking one opens the Review section above the form.
  const review = reviewSection(
    () => context,
    call,
    (id) => {
      selectValue(pick, id);
      pick.dispatchEvent(new Event('change'));
    },
    (reviewed) => {
      context = contextAfterReview(context, reviewed);
      if (original?.id === reviewed.id) {
        original = { ...original, target: reviewed.target, reviewBy: reviewed.reviewBy };
        controls.target.value = reviewed.target;
        controls.reviewBy.value = reviewed.reviewBy;
        refresh();
      }
    },
  );

  const form = el(
    'form',
    { novalidate: true, 'aria-label': t(lang, 'ui.kpiEditor.title') },
    ...FORM_FIELDS.flatMap((f) => (f === 'target' ? [wrappers[f], reasonField] : [wrappers[f]])),
    el(
      'section',
      { class: 'block', 'aria-labelledby': 'smart-title' },
      el('h2', { id: 'smart-title' }, t(lang, 'ui.kpiEditor.smart')),
      smartBox,
    ),
    el('div', { class: 'block buttons' }, save, close),
    messages.element,
  );
  replaceChildren(
    root,
    field('pick', t(lang, 'ui.kpiEditor.pick'), pick),
    context.templates.length > 0
      ? field('template', t(lang, 'ui.kpiEditor.template'), template)
      : null,
    // Nothing is due in most sessions: then the sidebar stays as it was.
    ...(context.reviews.length > 0 ? review.elements : []),
    form,
  );

  const read = (): KpiDraft => {
    const values = {} as KpiFormValues;
    for (const f of FORM_FIELDS) values[f] = controls[f].value;
    return draftFromForm(values, original?.id ?? '');
  };

  const fill = (draft: KpiDraft): void => {
    const values = formFromDraft(draft, context);
    for (const f of FORM_FIELDS) {
      const control = controls[f];
      if (control instanceof HTMLSelectElement) selectValue(control, values[f]);
      else control.value = values[f];
    }
    reason.value = '';
    clearFieldErrors(root);
    refresh();
  };

  let shownSmart: string | null = null;
  const refresh = (): void => {
    const draft = read();
    const visible = visibleFields(draft);
    wrappers.numeratorKpi.hidden = !visible.ratio;
    wrappers.denominatorKpi.hidden = !visible.ratio;
    wrappers.dueTime.hidden = !visible.dueTime;
    const changed = targetChanged(original, draft, lang);
    reasonField.hidden = !changed;
    reason.required = changed;
    reasonHint.textContent =
      changed && original ? t(lang, 'ui.kpiEditor.targetWas', { target: original.target }) : '';

    // Redrawn only when the verdict changes, so a screen reader hears changes, not keystrokes.
    const smart = liveSmart(draft, context);
    if (smart.text === shownSmart) return;
    shownSmart = smart.text;
    replaceChildren(
      smartBox,
      smart.ok
        ? el(
            'p',
            {},
            statusChip('On track', t(lang, 'smart.ok')),
            ' ',
            t(lang, 'ui.kpiEditor.smartOk'),
          )
        : el(
            'ul',
            { class: 'smart-findings' },
            ...smart.findings.map((finding) =>
              el(
                'li',
                {},
                el(
                  'abbr',
                  { title: t(lang, `ui.kpiEditor.letter.${finding.letter}`) },
                  finding.letter,
                ),
                `: ${finding.reason}`,
              ),
            ),
          ),
    );
  };

  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);

  pick.addEventListener('change', () => {
    original = context.kpis.find((k) => k.id === pick.value) ?? null;
    template.value = '';
    messages.clear();
    fill(original ?? emptyDraft(context));
  });

  pick.addEventListener('change', () => review.show(pick.value));

  template.addEventListener('change', () => {
    const [g, i] = template.value.split(':').map(Number);
    const chosen = context.templates[g ?? -1]?.drafts[i ?? -1];
    if (!chosen) return;
    original = null;
    selectValue(pick, '');
    messages.clear();
    fill(applyTemplate(read(), chosen));
  });
  // A template starts a new KPI: nothing to review.
  template.addEventListener('change', () => review.show(pick.value));

  let saving = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    clearFieldErrors(root);
    messages.clear();
    const draft = read();
    const problems = validateKpiForm(draft, reason.value, original, lang);
    if (problems.length > 0) {
      for (const p of problems) showFieldError(form, p.field, p.message);
      messages.alert(t(lang, 'ui.fixFields'));
      (problems[0]!.field === 'reason' ? reason : controls[problems[0]!.field]).focus();
      return;
    }
    saving = true;
    setBusy(save, true, t(lang, 'ui.saving'));
    const input = { draft, reason: reasonField.hidden ? '' : reason.value.trim() };
    void call('saveKpi', input).then((reply) => {
      saving = false;
      setBusy(save, false, t(lang, 'ui.saving'));
      if (!reply.ok) {
        const at = reply.field;
        if (at && showFieldError(form, at, reply.message)) {
          messages.alert(t(lang, 'ui.fixFields'));
          form.querySelector<HTMLElement>(`#${at}`)?.focus();
        } else messages.alert(reply.message);
        return;
      }
      const saved = reply.value;
      context = { ...context, kpis: kpisAfterSave(context.kpis, draft, saved) };
      original = { ...draft, id: saved.id };
      fillPick();
      fillOptions(
        controls.numeratorKpi as HTMLSelectElement,
        t(lang, 'ui.choose'),
        kpiOptions(context),
      );
      fillOptions(
        controls.denominatorKpi as HTMLSelectElement,
        t(lang, 'ui.choose'),
        kpiOptions(context),
      );
      selectValue(pick, saved.id);
      reason.value = '';
      shownSmart = null;
      refresh();
      const smartOk = saved.smart === t(lang, 'smart.ok');
      messages.status(
        el('p', {}, saved.message),
        el(
          'p',
          { class: smartOk ? null : 'warning' },
          t(lang, 'ui.kpiEditor.savedSmart', { smart: saved.smart }),
        ),
      );
    });
  });

  close.addEventListener('click', closeSidebar);
  fill(emptyDraft(context));
}
