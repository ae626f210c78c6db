/**
 * The headline items of a check-in's agenda (PRODUCT section 6; the full
 * agenda is src/engine/feedback/agenda.ts) for the Check-in tomorrow
 * reminder: the assistant's KPI statuses this period, the open actions
 * carried forward, how much feedback came since the last check-in, and what
 * the assistant asked for ("what do you need from me?").
 */
import type { TeamMember } from '../types';
import type { CheckIn } from '../records/feedbackLoop';
import { buildAgenda } from '../feedback/agenda';
import { oneLine } from './content';
import { agendaIndexOf, momentFor, type PlanContext } from './context';
import { dateFor, say } from './words';

/** A reminder lists a few actions and questions; the rest are a count. */
export const AGENDA_LINES = 5;

/** The agenda of the assistant's check-in, as `recipient` (the assistant or their manager) reads it. */
export function checkInAgenda(
  ctx: PlanContext,
  assistant: TeamMember,
  checkIn: CheckIn,
  recipient: TeamMember,
): string[] {
  const agenda = buildAgenda(
    ctx.snapshot,
    ctx.loop,
    assistant.email,
    momentFor(ctx, assistant),
    agendaIndexOf(ctx),
  );
  const lines: string[] = [];
  for (const { kpi, periods } of agenda.kpis) {
    const current = periods[periods.length - 1];
    if (current) {
      lines.push(
        say(ctx, 'reminder.agendaKpi', {
          kpi: kpi.name,
          status: say(ctx, `status.${current.status}`),
        }),
      );
    }
  }
  const more = (shown: number, total: number): void => {
    if (total > shown) lines.push(say(ctx, 'reminder.more', { count: total - shown }));
  };
  for (const { action, overdue } of agenda.actions.slice(0, AGENDA_LINES)) {
    const text = oneLine(action.action);
    if (action.due === null) lines.push(say(ctx, 'reminder.agendaActionNoDue', { action: text }));
    else {
      const date = dateFor(ctx, recipient, action.due);
      lines.push(
        say(ctx, overdue ? 'reminder.agendaActionOverdue' : 'reminder.agendaAction', {
          action: text,
          date,
        }),
      );
    }
  }
  more(AGENDA_LINES, agenda.actions.length);
  if (agenda.feedback.length > 0) {
    lines.push(say(ctx, 'reminder.agendaFeedback', { count: agenda.feedback.length }));
  }
  // The answers meant for this check-in, or not discussed at one yet.
  const answers = agenda.upwardAnswers.filter((f) => !f.checkInId || f.checkInId === checkIn.id);
  for (const answer of answers.slice(0, AGENDA_LINES)) {
    lines.push(
      say(ctx, 'reminder.agendaUpward', { name: assistant.name, text: oneLine(answer.text) }),
    );
  }
  more(AGENDA_LINES, answers.length);
  return lines;
}
