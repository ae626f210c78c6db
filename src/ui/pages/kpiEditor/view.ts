/**
 * The KPI editor sidebar on the page (managers only; the server checks):
 * pick a KPI or start a new one, perhaps from a template, edit every field
 * with the SMART check live, give a reason when the target changes, save.
 */
import type { KpiDraft, KpiEditorContext } from '../../api';
import type { Lang } from '../../../engine/types';
import { TAB_SCHEMAS, word } from '../../../engine/i18n/vocabulary';
import { bootPage } from '../shared/boot';
import { closeSidebar, type Call } from '../shared/bridge';
import { el, messageArea, replaceChildren, statusChip } from '../shared/dom';
import {
  clearFieldErrors,
  dropDown,
  field,
  refillDropDown,
  selectValue,
  textInput,
  type Option,
} from '../shared/fields';
import { t, type Page } from '../shared/i18n';
import { submitWith } from '../shared/submit';
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
} from './form';
import { reviewSection } from './review';

export function startKpiEditor(root: HTMLElement, call: Call, page: Page): Promise<void> {
  return bootPage(root, page, {
    load: () => call('getKpiEditorContext'),
    render: (context) => showKpiEditor(root, context, call),
    // An assistant, or a sheet not set up: the server's sentence, and nothing else to do here.
    refusal: 'notice',
  });
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

/** A drop-down's options anew (a KPI was saved), the one chosen kept chosen. */
function fillOptions(select: HTMLSelectElement, blank: string | null, options: Option[]): void {
  const keep = select.value;
  refillDropDown(select, options, blank);
  selectValue(select, keep);
}

function controlFor(f: DraftField, context: KpiEditorContext): Control {
  const choose = t(context.lang, 'ui.choose');
  if (isChoiceField(f)) return dropDown(choiceOptions(context, f), f === 'status' ? null : choose);
  switch (f) {
    case 'name':
      return textInput({ required: '' });
    case 'owner':
      return dropDown(ownerOptions(context), choose);
    case 'goalId':
      return dropDown(goalOptions(context), choose);
    case 'numeratorKpi':
    case 'denominatorKpi':
      return dropDown(kpiOptions(context), choose);
    case 'measure':
      return el('textarea', { rows: 2 });
    case 'target':
    case 'baseline':
      return textInput({ inputmode: 'decimal' });
    case 'dueTime':
      return textInput({ placeholder: '16:00' });
    case 'qualifier':
      return textInput({ placeholder: '>= 1200' });
    case 'riskBand':
      return textInput({ placeholder: '10%' });
    case 'start':
    case 'reviewBy':
      return el('input', { type: 'date' });
    default:
      return textInput();
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
  const reason = textInput();
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

  // A date cell that holds text ("soon") cannot be shown by a date picker, which would show it
  // empty and save it empty: the text is kept, and sent back as it was, until a date is picked,
  // so the live SMART check quotes it as the sheet does and nothing typed is lost.
  const unreadableDates = new Map<DraftField, string>();
  const read = (): KpiDraft => {
    const values = {} as KpiFormValues;
    for (const f of FORM_FIELDS) values[f] = controls[f].value || (unreadableDates.get(f) ?? '');
    return draftFromForm(values, original?.id ?? '');
  };

  const fill = (draft: KpiDraft): void => {
    const values = formFromDraft(draft, context);
    unreadableDates.clear();
    for (const f of FORM_FIELDS) {
      const control = controls[f];
      if (control instanceof HTMLSelectElement) selectValue(control, values[f]);
      else control.value = values[f];
      if (control.type === 'date' && values[f] !== '' && control.value === '')
        unreadableDates.set(f, values[f]);
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

  form.addEventListener(
    'submit',
    submitWith(form, messages, lang, {
      button: save,
      // The whole sidebar: the picker, the template and the Review section are outside the form.
      clearErrorsIn: root,
      read: () => ({ draft: read(), reason: reason.value }),
      problems: (input) => validateKpiForm(input.draft, input.reason, original, lang),
      send: (input) =>
        call('saveKpi', {
          draft: input.draft,
          reason: reasonField.hidden ? '' : input.reason.trim(),
        }),
      fieldOf: (field) => field,
      saved: (saved, { draft }) => {
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
      },
    }),
  );

  close.addEventListener('click', closeSidebar);
  fill(emptyDraft(context));
}
