/**
 * The KPI editor's Review section (PRODUCT section 4, issue 4 item 5): the
 * KPIs due for review, and for the one picked, keep its target or change it
 * with a reason, and when to review it next (suggested from its period).
 */
import type { KpiEditorContext, KpiReviewed, KpiReviewInput } from '../../api';
import type { Call } from '../shared/bridge';
import { el, messageArea, replaceChildren } from '../shared/dom';
import { clearFieldErrors, field, showFieldError, textInput } from '../shared/fields';
import { t } from '../shared/i18n';
import { submitWith } from '../shared/submit';
import { reviewFor, validateReview } from './form';

export interface ReviewSection {
  /** The due list, the review form and its messages, placed above the KPI form. */
  elements: HTMLElement[];
  /** Shows the review form when the KPI picked is due for review, else hides it. */
  show(id: string): void;
}

export function reviewSection(
  current: () => KpiEditorContext,
  call: Call,
  choose: (id: string) => void,
  reviewed: (result: KpiReviewed) => void,
): ReviewSection {
  const lang = current().lang;
  const dueList = el('div', { class: 'block notice' });
  const radio = (value: 'keep' | 'change'): HTMLInputElement =>
    el('input', { type: 'radio', name: 'reviewDecision', value, id: `review-${value}` });
  const keep = radio('keep');
  const change = radio('change');
  const keepLabel = el('span');
  const target = textInput({ inputmode: 'decimal' });
  const reason = textInput();
  const next = el('input', { type: 'date' });
  const nextHint = el('span');
  const targetField = field('reviewTarget', t(lang, 'ui.kpiEditor.review.newTarget'), target);
  const reasonField = field('reviewReason', t(lang, 'ui.kpiEditor.reason'), reason);
  const due = el('p');
  const save = el(
    'button',
    { type: 'submit', class: 'action' },
    t(lang, 'ui.kpiEditor.review.save'),
  );
  const form = el(
    'form',
    { class: 'block review', novalidate: true, 'aria-labelledby': 'review-title', hidden: true },
    el('h2', { id: 'review-title' }, t(lang, 'ui.kpiEditor.review.title')),
    due,
    el(
      'div',
      { class: 'block', role: 'radiogroup', 'aria-labelledby': 'review-title' },
      el('label', { for: 'review-keep' }, keep, ' ', keepLabel),
      el('label', { for: 'review-change' }, change, ' ', t(lang, 'ui.kpiEditor.review.change')),
    ),
    targetField,
    reasonField,
    field('reviewNext', t(lang, 'ui.kpiEditor.review.next'), next, nextHint),
    el('div', { class: 'block buttons' }, save),
  );
  const messages = messageArea();
  let reviewing = '';

  const showDueList = (): void => {
    const context = current();
    dueList.hidden = context.reviews.length === 0;
    replaceChildren(
      dueList,
      el('p', {}, t(lang, 'ui.kpiEditor.review.dueList')),
      ...context.reviews.map((r) => {
        const name = context.kpis.find((k) => k.id === r.id)?.name ?? '';
        const button = el('button', { type: 'button' }, name ? `${r.id} · ${name}` : r.id);
        button.addEventListener('click', () => choose(r.id));
        return button;
      }),
    );
  };

  const showChoice = (): void => {
    targetField.hidden = !change.checked;
    reasonField.hidden = !change.checked;
  };
  keep.addEventListener('change', showChoice);
  change.addEventListener('change', showChoice);

  const show = (id: string): void => {
    const context = current();
    const review = reviewFor(context, id);
    showDueList();
    clearFieldErrors(form);
    form.hidden = !review;
    if (!review) return;
    reviewing = review.id;
    const kpi = context.kpis.find((k) => k.id === review.id);
    due.textContent = t(lang, 'ui.kpiEditor.review.due', { date: review.reviewBy });
    keepLabel.textContent = t(lang, 'ui.kpiEditor.review.keep', { target: kpi?.target || '–' });
    keep.checked = true;
    change.checked = false;
    target.value = '';
    reason.value = '';
    next.value = review.nextReviewBy;
    nextHint.textContent = t(lang, 'ui.kpiEditor.review.nextHint', { date: review.nextReviewBy });
    showChoice();
  };

  form.addEventListener(
    'submit',
    submitWith(form, messages, lang, {
      button: save,
      // Nothing to send before a KPI due for review is picked.
      read: (): KpiReviewInput | null =>
        reviewing
          ? {
              kpiId: reviewing,
              decision: change.checked ? 'change' : 'keep',
              target: target.value.trim(),
              reason: reason.value.trim(),
              nextReviewBy: next.value,
            }
          : null,
      problems: (input) => validateReview(input, lang),
      send: (input) => call('reviewKpi', input),
      // The server's own sentence, also when it names a field; focus is not moved.
      refused: (refusal) => {
        if (refusal.field) showFieldError(form, refusal.field, refusal.message);
        messages.alert(refusal.message);
      },
      saved: (result) => {
        reviewed(result);
        show(result.id);
        messages.status(result.message);
      },
    }),
  );

  showDueList();
  return { elements: [dueList, form, messages.element], show };
}
