/**
 * The Report dialog's form without a page: whom it may be about, the
 * periods on offer, the range a unit starts with, and what must be fixed
 * before asking the server. Who may see what is the server's decision.
 */
import type { PeriodOption, ReportContext, ReportInput, ReportUnit } from '../../api';
import type { Option } from '../shared/fields';
import { t } from '../shared/i18n';

/** Managers: the whole team first, then each assistant. Assistants: themself. */
export function whoOptions(context: ReportContext): Option[] {
  const people = context.people.map((p) => ({
    value: p.email,
    label: p.name && p.name !== p.email ? `${p.name} (${p.email})` : p.email,
  }));
  return context.manager
    ? [{ value: '', label: t(context.lang, 'ui.report.team') }, ...people]
    : people;
}

export function periodOptions(context: ReportContext, unit: ReportUnit): PeriodOption[] {
  return unit === 'Month' ? context.months : context.weeks;
}

/** Weeks open on the server's default (the last four); months on the last three. */
export const DEFAULT_MONTHS = 3;

export function defaultRange(
  context: ReportContext,
  unit: ReportUnit,
): { from: string; to: string } {
  if (unit === context.defaults.unit)
    return { from: context.defaults.from, to: context.defaults.to };
  const options = periodOptions(context, unit);
  return {
    from: options[Math.max(0, options.length - DEFAULT_MONTHS)]?.key ?? '',
    to: options[options.length - 1]?.key ?? '',
  };
}

export function recipientOptions(context: ReportContext): Option[] {
  return context.recipients.map((p) => ({
    value: p.email,
    label:
      p.email === context.user.email
        ? t(context.lang, 'ui.report.me', { name: p.name || p.email })
        : p.name && p.name !== p.email
          ? `${p.name} (${p.email})`
          : p.email,
  }));
}

export interface ReportFormProblem {
  field: 'from' | 'to';
  message: string;
}

/** The lists run oldest first: From must not come after To. */
export function validateReportForm(
  input: ReportInput,
  context: ReportContext,
): ReportFormProblem[] {
  const keys = periodOptions(context, input.unit).map((o) => o.key);
  const from = keys.indexOf(input.from);
  const to = keys.indexOf(input.to);
  if (from >= 0 && to >= 0 && from > to)
    return [{ field: 'from', message: t(context.lang, 'ui.report.rangeBackwards') }];
  return [];
}
