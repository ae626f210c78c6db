/**
 * The weekly digest for one manager (PRODUCT section 7, issue 5 item 6):
 * the team scorecard and off-track KPIs as the Dashboard counts them, open
 * and overdue actions, feedback received this week and this week's
 * check-ins.
 */
import type { Email, Period, TeamMember } from '../types';
import { evaluate, periodFor, type Moment } from '../kpi/evaluate';
import { choiceWord } from '../i18n/vocabulary';
import { isOpen } from '../records/feedbackLoop';
import { oneLine, type Content, type Section } from './content';
import { activeMember, managerOf, type PlanContext } from './context';
import { todayOf } from './hours';
import { dateFor, numberText, say, withUnit } from './words';

/** A digest is read on a phone: longer sections end in a count. */
export const DIGEST_SECTION_LINES = 25;

/**
 * Who reports to whom, and the feedback loop's rows by person (as positions
 * in their tab, so that gathered rows keep the tab's order): built once per
 * planning run, so that each manager's digest reads only their team's rows.
 */
export interface DigestIndex {
  reports: Map<Email, TeamMember[]>;
  openActionsByOwner: Map<Email, number[]>;
  feedbackByRecipient: Map<Email, number[]>;
  checkInsByAssistant: Map<Email, number[]>;
  checkInsByManager: Map<Email, number[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function digestIndexOf(ctx: PlanContext): DigestIndex {
  if (ctx.digestIndex) return ctx.digestIndex;
  const index: DigestIndex = {
    reports: new Map(),
    openActionsByOwner: new Map(),
    feedbackByRecipient: new Map(),
    checkInsByAssistant: new Map(),
    checkInsByManager: new Map(),
  };
  for (const member of ctx.people) {
    const manager = managerOf(ctx, member);
    if (manager && manager.email !== member.email) push(index.reports, manager.email, member);
  }
  ctx.loop.actions.forEach((action, i) => {
    if (isOpen(action) && action.owner !== null) push(index.openActionsByOwner, action.owner, i);
  });
  ctx.loop.feedback.forEach((item, i) => {
    if (item.to !== null) push(index.feedbackByRecipient, item.to, i);
  });
  ctx.loop.checkIns.forEach((checkIn, i) => {
    if (checkIn.assistant !== null) push(index.checkInsByAssistant, checkIn.assistant, i);
    if (checkIn.manager !== null) push(index.checkInsByManager, checkIn.manager, i);
  });
  ctx.digestIndex = index;
  return index;
}

/** Everyone who reports to the manager (their Manager, or the only manager when theirs is blank). */
export function reportsOf(ctx: PlanContext, manager: TeamMember): TeamMember[] {
  return digestIndexOf(ctx).reports.get(manager.email) ?? [];
}

/** The rows at these positions of the list, once each, in the list's order. */
function rowsAt<T>(list: readonly T[], ...positions: Array<readonly number[] | undefined>): T[] {
  const all = new Set<number>();
  for (const some of positions) for (const i of some ?? []) all.add(i);
  return [...all].sort((a, b) => a - b).map((i) => list[i] as T);
}

function capped(ctx: PlanContext, lines: string[]): string[] {
  if (lines.length === 0) return [say(ctx, 'reminder.digestNone')];
  if (lines.length <= DIGEST_SECTION_LINES) return lines;
  return [
    ...lines.slice(0, DIGEST_SECTION_LINES),
    say(ctx, 'reminder.more', { count: lines.length - DIGEST_SECTION_LINES }),
  ];
}

/**
 * The team scorecard and its off-track KPIs for the current periods,
 * counted as the Dashboard's scorecard counts them (dashboard.ts: every
 * active KPI of the owner, On track or Met among them) from the same
 * evaluate(). Not buildDashboard itself: its streaks, history and weekly
 * chart cost twenty times the evaluation (11 s for 5,000 people, measured)
 * and the digest shows none of them.
 */
export function standingOf(
  ctx: PlanContext,
  reports: readonly TeamMember[],
  moment: Moment,
): { scorecard: string[]; offTrack: string[] } {
  const { snapshot } = ctx;
  const scorecard: string[] = [];
  const offTrack: string[] = [];
  for (const member of reports) {
    const kpis = ctx.activeKpis.get(member.email) ?? [];
    if (kpis.length === 0) continue;
    let met = 0;
    for (const kpi of kpis) {
      const period = periodFor(snapshot, kpi, moment.today);
      const result = period ? evaluate(snapshot, kpi, member.email, period, moment) : null;
      if (!result || !result.ok) continue;
      if (result.status === 'On track' || result.status === 'Met') met++;
      if (result.status === 'Off track') {
        offTrack.push(
          say(ctx, 'reminder.digestKpi', {
            name: member.name,
            kpi: kpi.name,
            actual: withUnit(ctx, result.actual ?? 0, kpi.unit),
            target: withUnit(ctx, result.target, kpi.unit),
          }),
        );
      }
    }
    scorecard.push(
      say(ctx, 'reminder.digestScore', { name: member.name, met, active: kpis.length }),
    );
  }
  return { scorecard, offTrack };
}

export function digestContent(
  ctx: PlanContext,
  manager: TeamMember,
  reports: TeamMember[],
  week: Period,
): Content {
  const { loop, lang } = ctx;
  const team = new Set(reports.map((member) => member.email));
  const nameOf = (email: string | null): string =>
    (email && activeMember(ctx, email as TeamMember['email'])?.name) || email || '';
  // The week's figures as they stand now; a digest held into the next week stays on its own week.
  const moment = { now: ctx.now, today: Math.min(todayOf(manager, ctx.now), week.end) };
  const { scorecard, offTrack } = standingOf(ctx, reports, moment);

  const index = digestIndexOf(ctx);
  const byPerson = (map: Map<Email, number[]>): Array<number[] | undefined> =>
    [...team, manager.email].map((email) => map.get(email));

  let overdue = 0;
  // Open actions owned by the team or the manager.
  const actions = rowsAt(loop.actions, ...byPerson(index.openActionsByOwner))
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity))
    .map((action) => {
      const owner = activeMember(ctx, action.owner) ?? manager;
      const params = { name: nameOf(action.owner), action: oneLine(action.action) };
      if (action.due === null) return say(ctx, 'reminder.digestActionNoDue', params);
      const date = dateFor(ctx, manager, action.due);
      if (action.due < todayOf(owner, ctx.now)) {
        overdue++;
        return say(ctx, 'reminder.digestActionOverdue', { ...params, date });
      }
      return say(ctx, 'reminder.digestAction', { ...params, date });
    });

  const inWeek = (day: number | null): boolean =>
    day !== null && day >= week.start && day <= week.end;
  // Feedback received by the team or the manager this week.
  const feedback = rowsAt(loop.feedback, ...byPerson(index.feedbackByRecipient))
    .filter((item) => inWeek(item.date))
    .map((item) => {
      const params = { from: nameOf(item.from), to: nameOf(item.to), text: oneLine(item.text) };
      return item.kind
        ? say(ctx, 'reminder.digestFeedbackLine', {
            ...params,
            kind: choiceWord(lang, 'feedbackKind', item.kind),
          })
        : say(ctx, 'reminder.digestFeedbackNoKind', params);
    });
  // This week's check-ins of the team's assistants, or held by the manager.
  const checkIns = rowsAt(
    loop.checkIns,
    ...[...team].map((email) => index.checkInsByAssistant.get(email)),
    index.checkInsByManager.get(manager.email),
  )
    .filter((checkIn) => inWeek(checkIn.date))
    .sort((a, b) => (a.date ?? 0) - (b.date ?? 0) || (a.time ?? 0) - (b.time ?? 0))
    .map((checkIn) =>
      say(ctx, 'reminder.digestCheckIn', {
        name: nameOf(checkIn.assistant),
        date: dateFor(ctx, manager, checkIn.date as number),
        status: choiceWord(lang, 'checkInStatus', checkIn.status ?? 'Planned'),
      }),
    );

  const sections: Section[] = [
    { heading: say(ctx, 'dashboard.scorecard'), lines: capped(ctx, scorecard) },
    { heading: say(ctx, 'reminder.digestOffTrack'), lines: capped(ctx, offTrack) },
    { heading: say(ctx, 'reminder.digestActions'), lines: capped(ctx, actions) },
    { heading: say(ctx, 'reminder.digestFeedback'), lines: capped(ctx, feedback) },
    { heading: say(ctx, 'reminder.digestCheckIns'), lines: capped(ctx, checkIns) },
  ];
  return {
    line: say(ctx, 'reminder.digest', {
      week: week.key,
      offTrack: numberText(ctx, offTrack.length),
      open: numberText(ctx, actions.length),
      overdue: numberText(ctx, overdue),
    }),
    sections,
  };
}
