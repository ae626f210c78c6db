/**
 * The KPI editor's form without a page: draft ↔ form values, which fields
 * apply, the live SMART check and the problems to fix before saving. The
 * SMART check is the engine's own (smartOfDraft), so the editor and the
 * SMART column in the sheet always agree.
 */
import type {
  KpiDraft,
  KpiEditorContext,
  KpiReviewDue,
  KpiReviewed,
  KpiReviewInput,
  KpiSaved,
} from '../../api';
import type { Lang } from '../../../engine/types';
import { smartOfDraft } from '../../../engine/kpi/draft';
import type { SmartLetter, SmartReferences } from '../../../engine/kpi/smart';
import { readChoice } from '../../../engine/i18n/vocabulary';
import { readDay, readNumber } from '../../../engine/records/cells';
import { isoDay } from '../../../engine/time/calendar';
import type { Option } from '../shared/fields';
import { t } from '../shared/i18n';

export type DraftField = Exclude<keyof KpiDraft, 'id'>;

/** The form's fields in the KPIs tab's column order. */
export const FORM_FIELDS: readonly DraftField[] = [
  'name',
  'owner',
  'goalId',
  'taskType',
  'measure',
  'aggregation',
  'direction',
  'target',
  'unit',
  'period',
  'dueTime',
  'qualifier',
  'numeratorKpi',
  'denominatorKpi',
  'riskBand',
  'baseline',
  'start',
  'reviewBy',
  'status',
];

type ChoiceName = keyof KpiEditorContext['choices'];

/** Fields chosen from a drop-down of the workbook's words. */
export const CHOICE_FIELDS = {
  taskType: 'taskType',
  aggregation: 'aggregation',
  direction: 'direction',
  period: 'period',
  status: 'kpiState',
} as const satisfies Partial<Record<DraftField, ChoiceName>>;

export type ChoiceField = keyof typeof CHOICE_FIELDS;

export function isChoiceField(field: DraftField): field is ChoiceField {
  return field in CHOICE_FIELDS;
}

/** What each control holds, by field: always text, as the KPIs tab holds it. */
export type KpiFormValues = Record<DraftField, string>;

/**
 * A draft with every field as text. The contract promises all of them, but a
 * page must not break on an older server that leaves one out.
 */
export function completeDraft(partial: Partial<KpiDraft>): KpiDraft {
  const draft = { id: String(partial.id ?? '') } as KpiDraft;
  for (const f of FORM_FIELDS) draft[f] = String(partial[f] ?? '');
  return draft;
}

/** A new KPI starts Active and empty: the SMART check then lists everything still to fill in. */
export function emptyDraft(context: KpiEditorContext): KpiDraft {
  return completeDraft({ status: context.choices.kpiState[0] ?? '' });
}

/** The workbook's word for a choice typed in either language ("Mindst" for "At least"), else the text as typed. */
export function choiceFor(context: KpiEditorContext, f: ChoiceField, text: string): string {
  const list = CHOICE_FIELDS[f];
  const value = readChoice(list, text);
  if (value === null) return text.trim();
  return context.choices[list].find((w) => readChoice(list, w) === value) ?? text.trim();
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The option a reference names (an e-mail, a Goal ID, a KPI ID in any case), else the text as typed. */
function optionFor(values: readonly string[], text: string): string {
  return values.find((v) => same(v, text)) ?? text.trim();
}

/** A date input only takes `YYYY-MM-DD`: a date typed as 27.11.2026 becomes 2026-11-27. */
export function dateForInput(text: string, lang: Lang): string {
  const day = readDay(text, { lang, timeZone: 'UTC', dateOrder: 'DMY' });
  return day.ok ? isoDay(day.value) : text.trim();
}

export function formFromDraft(draft: KpiDraft, context: KpiEditorContext): KpiFormValues {
  const values = {} as KpiFormValues;
  for (const f of FORM_FIELDS) {
    const text = draft[f] ?? '';
    if (isChoiceField(f)) values[f] = choiceFor(context, f, text);
    else if (f === 'owner')
      values[f] = optionFor(
        context.team.map((p) => p.email),
        text,
      );
    else if (f === 'goalId')
      values[f] = optionFor(
        context.goals.map((g) => g.id),
        text,
      );
    else if (f === 'numeratorKpi' || f === 'denominatorKpi')
      values[f] = optionFor(
        context.kpis.map((k) => k.id),
        text,
      );
    else if (f === 'start' || f === 'reviewBy') values[f] = dateForInput(text, context.lang);
    else values[f] = text.trim();
  }
  return values;
}

export function draftFromForm(values: KpiFormValues, id: string): KpiDraft {
  const draft = { id } as KpiDraft;
  for (const f of FORM_FIELDS) draft[f] = (values[f] ?? '').trim();
  return draft;
}

/** What the SMART check looks up, from the context the server sent. */
export function smartReferences(context: KpiEditorContext, draft: KpiDraft): SmartReferences {
  const team = new Set(context.team.map((p) => p.email.toLowerCase()));
  const goals = new Set(context.goals.map((g) => g.id.toUpperCase()));
  const kpis = new Set(context.kpis.map((k) => k.id.toUpperCase()));
  return {
    isInTeam: (email) => team.has(email.toLowerCase()),
    goalExists: (id) => goals.has(id.toUpperCase()),
    kpiExists: (id) => kpis.has(id.toUpperCase()),
    bestResult: draft.id ? (context.best[draft.id] ?? null) : null,
  };
}

export interface SmartFindingView {
  letter: SmartLetter;
  reason: string;
}

export interface LiveSmart {
  ok: boolean;
  /** Exactly what the SMART column will say. */
  text: string;
  findings: SmartFindingView[];
}

/** The SMART check as the manager types, with the server's own code and the sheet's zone. */
export function liveSmart(draft: KpiDraft, context: KpiEditorContext): LiveSmart {
  const text = smartOfDraft(draft, smartReferences(context, draft), context.lang, context.timeZone);
  if (text === t(context.lang, 'smart.ok')) return { ok: true, text, findings: [] };
  // formatSmart joins "L: reason" with "; ": split only where a letter follows.
  const findings = text
    .split(/; (?=[SMART]: )/)
    .filter((part) => part !== '')
    .map((part) => ({ letter: part[0] as SmartLetter, reason: part.slice(3) }));
  return { ok: false, text, findings };
}

export interface Visibility {
  /** Numerator and Denominator KPI. */
  ratio: boolean;
  dueTime: boolean;
}

/** Ratio's two KPIs, and Due time for On-time or daily KPIs; a field already filled stays visible. */
export function visibleFields(draft: KpiDraft): Visibility {
  const aggregation = readChoice('aggregation', draft.aggregation);
  return {
    ratio: aggregation === 'Ratio' || !!draft.numeratorKpi.trim() || !!draft.denominatorKpi.trim(),
    dueTime:
      aggregation === 'On-time' ||
      readChoice('period', draft.period) === 'Day' ||
      !!draft.dueTime.trim(),
  };
}

/** Only an existing KPI's target can change; "15" and "15,0" are the same target. */
export function targetChanged(original: KpiDraft | null, draft: KpiDraft, lang: Lang): boolean {
  if (!original || !original.id) return false;
  const before = readNumber(original.target, lang);
  const after = readNumber(draft.target, lang);
  if (before.ok && after.ok) return before.value !== after.value;
  return original.target.trim() !== draft.target.trim();
}

export interface KpiFormProblem {
  field: DraftField | 'reason';
  message: string;
}

/** What must be fixed before saving. A KPI that fails SMART may still be saved: the column says why. */
export function validateKpiForm(
  draft: KpiDraft,
  reason: string,
  original: KpiDraft | null,
  lang: Lang,
): KpiFormProblem[] {
  const problems: KpiFormProblem[] = [];
  if (!draft.name.trim())
    problems.push({ field: 'name', message: t(lang, 'ui.kpiEditor.nameMissing') });
  if (targetChanged(original, draft, lang) && !reason.trim()) {
    problems.push({ field: 'reason', message: t(lang, 'ui.kpiEditor.reasonMissing') });
  }
  return problems;
}

/** A template fills the form as a new KPI; the owner and goal already chosen stay when it has none. */
export function applyTemplate(current: KpiDraft, template: KpiDraft): KpiDraft {
  const filled = completeDraft(template);
  return {
    ...filled,
    id: '',
    owner: filled.owner || current.owner,
    goalId: filled.goalId || current.goalId,
  };
}

/** The KPI list after a save: a new KPI is added under its new ID, a changed one replaced. */
export function kpisAfterSave(
  kpis: readonly KpiDraft[],
  draft: KpiDraft,
  saved: KpiSaved,
): KpiDraft[] {
  const stored = { ...draft, id: saved.id };
  return saved.created
    ? [...kpis, stored]
    : kpis.map((kpi) => (same(kpi.id, saved.id) ? stored : kpi));
}

export const kpiOptions = (context: KpiEditorContext): Option[] =>
  context.kpis.map((k) => ({ value: k.id, label: k.name ? `${k.id} · ${k.name}` : k.id }));

export const ownerOptions = (context: KpiEditorContext): Option[] =>
  context.team.map((p) => ({
    value: p.email,
    label: p.name ? `${p.name} (${p.email})` : p.email,
  }));

export const goalOptions = (context: KpiEditorContext): Option[] =>
  context.goals.map((g) => ({ value: g.id, label: g.name ? `${g.id} · ${g.name}` : g.id }));

export const choiceOptions = (context: KpiEditorContext, f: ChoiceField): Option[] =>
  context.choices[CHOICE_FIELDS[f]].map((w) => ({ value: w, label: w }));

// ── Review (PRODUCT section 4: a KPI whose Review by has passed is due) ─────

/** The KPI's pending review, when it is due. */
export function reviewFor(context: KpiEditorContext, id: string): KpiReviewDue | null {
  return id ? (context.reviews.find((r) => same(r.id, id)) ?? null) : null;
}

export interface ReviewProblem {
  field: 'reviewTarget' | 'reviewReason';
  message: string;
}

/** A changed target needs the new target and a reason; a kept one needs nothing. */
export function validateReview(input: KpiReviewInput, lang: Lang): ReviewProblem[] {
  if (input.decision !== 'change') return [];
  const problems: ReviewProblem[] = [];
  if (!input.target.trim())
    problems.push({ field: 'reviewTarget', message: t(lang, 'ui.kpiEditor.review.targetMissing') });
  if (!input.reason.trim())
    problems.push({ field: 'reviewReason', message: t(lang, 'ui.kpiEditor.reasonMissing') });
  return problems;
}

/** After a review: the KPI's new target and Review by in the list, and it is no longer due. */
export function contextAfterReview(
  context: KpiEditorContext,
  reviewed: KpiReviewed,
): KpiEditorContext {
  return {
    ...context,
    kpis: context.kpis.map((kpi) =>
      same(kpi.id, reviewed.id)
        ? { ...kpi, target: reviewed.target, reviewBy: reviewed.reviewBy }
        : kpi,
    ),
    reviews: context.reviews.filter((r) => !same(r.id, reviewed.id)),
  };
}
