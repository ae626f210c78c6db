/**
 * The Give feedback form without a page: the direction the feedback takes,
 * the checks the browser can make, and what is sent. The server works the
 * direction out again from Team and checks everything.
 */
import type { FeedbackContext, FeedbackInput, FeedbackView } from '../../api';
import type { Lang } from '../../../engine/types';
import { t } from '../shared/i18n';

export interface FeedbackFormValues {
  to: string;
  kind: string;
  kpi: string;
  checkInId: string;
  text: string;
}

export type FeedbackField = keyof FeedbackFormValues;

export interface FieldProblem {
  field: FeedbackField;
  message: string;
}

/** "Direction: Upward", shown as soon as the person is picked. */
export function directionHint(context: FeedbackContext, to: string): string {
  const person = context.people.find((p) => p.email === to);
  return person
    ? t(context.lang, 'ui.feedback.direction', { direction: person.directionLabel })
    : '';
}

export function validateFeedback(values: FeedbackFormValues, lang: Lang): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!values.to) problems.push({ field: 'to', message: t(lang, 'input.personMissing') });
  if (!values.kind) problems.push({ field: 'kind', message: t(lang, 'ui.feedback.kindMissing') });
  if (!values.text.trim())
    problems.push({ field: 'text', message: t(lang, 'feedback.textMissing') });
  return problems;
}

export function feedbackInput(values: FeedbackFormValues): FeedbackInput {
  return {
    to: values.to,
    kind: values.kind,
    kpi: values.kpi,
    checkInId: values.checkInId,
    text: values.text.trim(),
  };
}

/** The server names a field of FeedbackInput; the form's controls have the same names. */
export function feedbackFieldOf(serverField: string | undefined): FeedbackField | null {
  return serverField === 'to' ||
    serverField === 'kind' ||
    serverField === 'kpi' ||
    serverField === 'checkInId' ||
    serverField === 'text'
    ? serverField
    : null;
}

/** "2026-11-25 · from Juan dela Cruz · Praise · K1" */
export function inboxMeta(feedback: FeedbackView, lang: Lang): string {
  return [
    feedback.date,
    t(lang, 'ui.feedback.from', { name: feedback.from.name || feedback.from.email }),
    feedback.kindLabel,
    feedback.kpi,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** After acknowledging, the item leaves the list. */
export function withoutFeedback(inbox: readonly FeedbackView[], id: string): FeedbackView[] {
  return inbox.filter((f) => f.id !== id);
}
