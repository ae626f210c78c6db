/** Saying things in the workbook's language: catalogue lines, numbers and dates. */
import type { DayNumber, TeamMember } from '../types';
import { t, type MessageKey, type MessageParams } from '../i18n/messages';
import { formatDate, roundForText } from './content';
import type { PlanContext } from './context';
import { todayOf } from './hours';

export const say = (ctx: PlanContext, key: MessageKey, params?: MessageParams): string =>
  t(ctx.lang, key, params);

/** A number for a message: rounded, with the decimal comma in Danish. */
export function numberText(ctx: PlanContext, value: number): string {
  const text = String(roundForText(value));
  return ctx.lang === 'da' ? text.replace('.', ',') : text;
}

/** "15 posts", "4,5 timer"; a KPI without a unit is a bare number. */
export function withUnit(ctx: PlanContext, value: number, unit: string): string {
  return unit ? `${numberText(ctx, value)} ${unit}` : numberText(ctx, value);
}

/** A date as the recipient reads it: with its year when that is not the year of their own today. */
export function dateFor(ctx: PlanContext, recipient: TeamMember, day: DayNumber): string {
  return formatDate(ctx.lang, day, todayOf(recipient, ctx.now));
}
