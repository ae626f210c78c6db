/**
 * PRODUCT section 7's table, rule by rule: what may be due for whom, and
 * when it falls due, in the recipient's own calendar. Each rule looks back
 * to the recipient's last working hours that are over (context.ts:
 * freshFrom), so that a reminder held over a night or a weekend is still
 * found when their working hours begin; lasting ones look back further.
 */
import type { DayNumber, Email, Period, PeriodKey, TeamMember } from '../types';
import { formatMinute, instantAt, isoDay, localTime } from '../time/calendar';
import { periodOf } from '../time/periods';
import { entriesIn } from '../kpi/aggregate';
import { evaluate, incompleteness, periodFor, type Evaluation } from '../kpi/evaluate';
import { isAccumulating } from '../kpi/status';
import { isWorkingDay } from '../kpi/workdays';
import { kpisDueForReview } from '../kpi/review';
import { entryKey } from '../records/log';
import { isOpen } from '../records/feedbackLoop';
import type { RuleId } from './types';
import { oneLine, type Content } from './content';
import { activeMember, freshFrom, managerOf, type Candidate, type PlanContext } from './context';
import {
  at,
  nthWorkingDayAfter,
  todayOf,
  workingDayBefore,
  workingDaysOver,
  workingHoursOn,
  worksOn,
} from './hours';
import { checkInAgenda } from './agenda';
import { dateFor, numberText, say, withUnit } from './words';
import { digestContent, reportsOf } from './digest';

const dayPeriod = (day: DayNumber): Period => ({
  kind: 'Day',
  key: isoDay(day) as PeriodKey,
  start: day,
  end: day,
});

/** Missing entry: a KPI that wants an entry every working day has none, an hour before its due time (or at 15:00). */
function missingEntry(ctx: PlanContext): Candidate[] {
  const { snapshot, settings } = ctx;
  const found: Candidate[] = [];
  for (const kpi of snapshot.kpis.kpis) {
    if (kpi.state !== 'Active' || kpi.aggregation === 'Ratio') continue;
    if (kpi.period !== 'Day' && kpi.aggregation !== 'On-time') continue;
    const minute =
      kpi.dueTime !== null
        ? Math.max(0, kpi.dueTime - settings.missingEntryLeadMinutes)
        : settings.missingEntryDefaultTime;
    for (const owner of kpi.owners) {
      const member = activeMember(ctx, owner);
      if (!member) continue;
      const today = todayOf(member, ctx.now);
      for (let day = freshFrom(ctx, member); day <= today; day++) {
        if (!worksOn(member, day) || (kpi.start !== null && day < kpi.start)) continue;
        found.push({
          rule: 'missingEntry',
          recipient: member,
          subject: kpi.id,
          period: isoDay(day),
          trigger: at(member, day, minute),
          lasting: false,
          draft: () => {
            const logged = entriesIn(snapshot.entries.get(entryKey(kpi.id, owner)), dayPeriod(day));
            if (logged.length > 0) return null;
            const params = { kpi: kpi.name, date: dateFor(ctx, member, day) };
            return {
              line:
                kpi.dueTime === null
                  ? say(ctx, 'reminder.missingEntry', params)
                  : say(ctx, 'reminder.missingEntryDue', {
                      ...params,
                      time: formatMinute(kpi.dueTime),
                    }),
            };
          },
        });
      }
    }
  }
  return found;
}

/** "9 of 15 posts, 2 working days left"; a limit or a level says how far off it is. */
export function paceLine(ctx: PlanContext, result: Evaluation, workingDaysLeft: number): string {
  const { kpi } = result;
  const actual = result.actual ?? 0;
  const params = {
    kpi: kpi.name,
    actual: withUnit(ctx, actual, kpi.unit),
    target: withUnit(ctx, result.target, kpi.unit),
  };
  if (kpi.direction === 'At most') return say(ctx, 'reminder.paceLimit', params);
  if (!isAccumulating(kpi)) return say(ctx, 'reminder.paceLevel', params);
  const pace = { ...params, actual: numberText(ctx, actual) };
  if (workingDaysLeft === 0) return say(ctx, 'reminder.paceLastDay', pace);
  if (workingDaysLeft === 1) return say(ctx, 'reminder.paceOneLeft', pace);
  return say(ctx, 'reminder.pace', { ...pace, left: workingDaysLeft });
}

/** Behind pace: a weekly, fortnightly or monthly KPI is Off track on the middle and the last working day of its period. */
function behindPace(ctx: PlanContext): Candidate[] {
  const { snapshot, settings } = ctx;
  const found: Candidate[] = [];
  // A person's KPIs share their weeks: count their working days once per period.
  const workingDays = new Map<string, DayNumber[]>();
  const workingDaysIn = (member: TeamMember, period: Period, today: DayNumber): DayNumber[] => {
    const key = `${member.email} ${period.kind} ${period.key}`;
    let days = workingDays.get(key);
    if (!days) {
      days = [];
      for (let d = period.start; d <= period.end; d++) {
        if (isWorkingDay(member, d, today)) days.push(d);
      }
      workingDays.set(key, days);
    }
    return days;
  };
  const triggers = new Map<string, number>();
  const triggerOn = (member: TeamMember, day: DayNumber, minute: number): number => {
    const key = `${member.email} ${day} ${minute}`;
    let trigger = triggers.get(key);
    if (trigger === undefined) triggers.set(key, (trigger = at(member, day, minute)));
    return trigger;
  };
  for (const kpi of snapshot.kpis.kpis) {
    if (kpi.state !== 'Active' || kpi.period === null || kpi.period === 'Day') continue;
    if (incompleteness(kpi)) continue;
    for (const owner of kpi.owners) {
      const member = activeMember(ctx, owner);
      if (!member) continue;
      const today = todayOf(member, ctx.now);
      const from = freshFrom(ctx, member);
      const minute =
        settings.behindPaceTime ?? Math.floor((member.workHours.start + member.workHours.end) / 2);
      const periods = new Map<string, Period>();
      for (const day of [from, today]) {
        const period = periodFor(snapshot, kpi, day);
        if (period) periods.set(period.key, period);
      }
      for (const period of periods.values()) {
        // The working days the pace itself counts (kpi/status.ts), so the two agree.
        const days = workingDaysIn(member, period, today);
        if (days.length === 0) continue;
        const middle = days[Math.floor((days.length - 1) / 2)] as DayNumber;
        const last = days[days.length - 1] as DayNumber;
        for (const day of new Set([middle, last])) {
          if (day < from || day > today) continue;
          if (kpi.start !== null && day < kpi.start) continue;
          const trigger = triggerOn(member, day, minute);
          found.push({
            rule: 'behindPace',
            recipient: member,
            subject: kpi.id,
            period: isoDay(day),
            trigger,
            lasting: false,
            draft: () => {
              // Judged at the check's own moment (it decides which On-time days count), whichever run gets to it.
              const result = evaluate(snapshot, kpi, owner, period, { now: trigger, today: day });
              if (!result.ok || result.status !== 'Off track') return null;
              return { line: paceLine(ctx, result, days.filter((d) => d > day).length) };
            },
          });
        }
      }
    }
  }
  return found;
}

/**
 * Check-in tomorrow: on the working day before a Planned check-in, at the
 * start of each one's working hours, to the assistant and the manager. The
 * Time is read on the manager's clock and told on each one's own.
 */
function checkInTomorrow(ctx: PlanContext): Candidate[] {
  const found: Candidate[] = [];
  for (const checkIn of ctx.loop.checkIns) {
    // A row without an ID has no stable key yet; the edit trigger stamps one.
    if (!checkIn.id || checkIn.date === null) continue;
    if (checkIn.status !== null && checkIn.status !== 'Planned') continue;
    const assistant = activeMember(ctx, checkIn.assistant);
    if (!assistant) continue;
    const manager = activeMember(ctx, checkIn.manager) ?? managerOf(ctx, assistant);
    const clock = manager?.timeZone ?? ctx.snapshot.settings.timeZone;
    const date = checkIn.date;
    const start = checkIn.time === null ? null : instantAt(date, checkIn.time, clock);
    const pairs: Array<[TeamMember, TeamMember | null]> = [
      [assistant, manager],
      ...(manager && manager.email !== assistant.email
        ? [[manager, assistant] as [TeamMember, TeamMember]]
        : []),
    ];
    for (const [recipient, other] of pairs) {
      if (!other && !checkIn.manager) continue; // a check-in with nobody to meet
      const day = start === null ? date : todayOf(recipient, start);
      const remindOn = workingDayBefore(recipient, day);
      const today = todayOf(recipient, ctx.now);
      if (remindOn === null || remindOn < freshFrom(ctx, recipient) || remindOn > today) continue;
      found.push({
        rule: 'checkInTomorrow',
        recipient,
        subject: checkIn.id,
        period: isoDay(date),
        trigger: workingHoursOn(recipient, remindOn).start,
        lasting: false,
        draft: () => {
          if (start === null ? day <= todayOf(recipient, ctx.now) : start <= ctx.now) return null;
          const params = {
            name: other?.name ?? checkIn.manager ?? '',
            date: dateFor(ctx, recipient, day),
          };
          const line =
            start === null
              ? say(ctx, 'reminder.checkInOn', params)
              : say(ctx, 'reminder.checkInAt', {
                  ...params,
                  time: formatMinute(localTime(start, recipient.timeZone).minute),
                });
          const content: Content = {
            line,
            sections: [{ lines: checkInAgenda(ctx, assistant, checkIn, recipient) }],
          };
          if (checkIn.meetingLink)
            content.link = { label: say(ctx, 'reminder.meetingLink'), url: checkIn.meetingLink };
          return content;
        },
      });
    }
  }
  return found;
}

/** Action due: the working day before its Due date, at the start of the owner's working hours. */
function actionDue(ctx: PlanContext): Candidate[] {
  const found: Candidate[] = [];
  for (const action of ctx.loop.actions) {
    if (!action.id || action.due === null || !isOpen(action)) continue;
    const owner = activeMember(ctx, action.owner);
    if (!owner) continue;
    const due = action.due;
    const today = todayOf(owner, ctx.now);
    const remindOn = workingDayBefore(owner, due);
    if (remindOn === null || remindOn < freshFrom(ctx, owner) || remindOn > today) continue;
    found.push({
      rule: 'actionDue',
      recipient: owner,
      subject: action.id,
      period: isoDay(due),
      trigger: workingHoursOn(owner, remindOn).start,
      lasting: false,
      draft: () => ({
        line: say(ctx, 'reminder.actionDue', {
          date: dateFor(ctx, owner, due),
          action: oneLine(action.action),
        }),
      }),
    });
  }
  return found;
}

/**
 * Action overdue: the owner on their first working day after the Due date;
 * their manager too once it has been overdue for the escalation grace (2
 * working days by default), at the start of the owner's next working day.
 */
function actionOverdue(ctx: PlanContext): Candidate[] {
  const found: Candidate[] = [];
  const grace = Math.max(0, ctx.settings.escalationGraceWorkingDays);
  for (const action of ctx.loop.actions) {
    if (!action.id || action.due === null || !isOpen(action)) continue;
    const owner = activeMember(ctx, action.owner);
    if (!owner) continue;
    const due = action.due;
    const today = todayOf(owner, ctx.now);
    if (due >= today) continue;
    const base = {
      rule: 'actionOverdue' as RuleId,
      subject: action.id,
      period: isoDay(due),
      lasting: true,
    };
    const firstDay = nthWorkingDayAfter(owner, due, 1, today);
    if (firstDay !== null) {
      found.push({
        ...base,
        recipient: owner,
        trigger: workingHoursOn(owner, firstDay).start,
        draft: () => ({
          line: say(ctx, 'reminder.actionOverdue', {
            date: dateFor(ctx, owner, due),
            action: oneLine(action.action),
          }),
        }),
      });
    }
    const manager = managerOf(ctx, owner);
    const escalateOn = nthWorkingDayAfter(owner, due, grace + 1, today);
    if (manager && escalateOn !== null) {
      found.push({
        ...base,
        recipient: manager,
        trigger: workingHoursOn(owner, escalateOn).start,
        draft: () => {
          // Working days overdue that are over by now.
          const days = workingDaysOver(owner, due + 1, ctx.now);
          return {
            line: say(ctx, 'reminder.actionEscalated', {
              name: owner.name,
              days: Math.max(days, grace),
              date: dateFor(ctx, manager, due),
              action: oneLine(action.action),
            }),
          };
        },
      });
    }
  }
  return found;
}

function lastOnOrBefore(days: readonly number[], day: DayNumber): DayNumber | null {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (days[lo - 1] as number) : null;
}

/**
 * Silent assistant: an assistant with active KPIs logged nothing for 2
 * working days; their manager hears when the second one's working hours
 * end, once per silence (the key's period is its first working day).
 */
function silentAssistant(ctx: PlanContext): Candidate[] {
  const found: Candidate[] = [];
  const needed = Math.max(1, ctx.settings.silentAfterWorkingDays);
  for (const member of ctx.people) {
    const kpis = ctx.activeKpis.get(member.email);
    if (member.role !== 'Assistant' || !kpis) continue;
    const manager = managerOf(ctx, member);
    if (!manager) continue;
    const today = todayOf(member, ctx.now);
    const last = lastOnOrBefore(ctx.entryDays.get(member.email) ?? [], today);
    // Silence counts from the day after the last entry, never from before the KPIs started.
    const starts = kpis.map((kpi) => kpi.start);
    const started = starts.every((s) => s !== null) ? Math.min(...(starts as number[])) : null;
    let from = last !== null ? last + 1 : started;
    if (from === null) continue;
    if (started !== null) from = Math.max(from, started);
    if (member.awayUntil !== null) from = Math.max(from, member.awayUntil + 1);
    const first = nthWorkingDayAfter(member, from - 1, 1, today);
    const nth = nthWorkingDayAfter(member, from - 1, needed, today);
    if (first === null || nth === null) continue;
    found.push({
      rule: 'silentAssistant',
      recipient: manager,
      subject: member.email,
      period: isoDay(first),
      trigger: workingHoursOn(member, nth).end,
      lasting: true,
      draft: () => {
        const days = workingDaysOver(member, first, ctx.now);
        const params = { name: member.name, days };
        return {
          line:
            last === null
              ? say(ctx, 'reminder.silentNever', params)
              : say(ctx, 'reminder.silent', { ...params, date: dateFor(ctx, manager, last) }),
        };
      },
    });
  }
  return found;
}

/** Weekly digest: each manager with a team, on the digest day and time (Friday 16:00) of their own week. */
function weeklyDigest(ctx: PlanContext): Candidate[] {
  const found: Candidate[] = [];
  const { weekStart } = ctx.snapshot.settings;
  const rules = { weekStart, fortnightAnchor: null };
  for (const manager of ctx.people) {
    if (manager.role !== 'Manager') continue;
    const reports = reportsOf(ctx, manager);
    if (reports.length === 0) continue;
    const today = todayOf(manager, ctx.now);
    const weeks = new Map<string, Period>();
    for (const day of [freshFrom(ctx, manager), today]) {
      const week = periodOf('Week', day, rules);
      weeks.set(week.key, week);
    }
    for (const week of weeks.values()) {
      const day = week.start + ((ctx.settings.digestDay - weekStart + 7) % 7);
      if (day > today) continue;
      found.push({
        rule: 'weeklyDigest',
        recipient: manager,
        subject: 'team',
        period: week.key,
        trigger: at(manager, day, ctx.settings.digestTime),
        lasting: false,
        draft: () => digestContent(ctx, manager, reports, week),
      });
    }
  }
  return found;
}

/** KPI review due: the day after Review by, to the owners' managers, once per Review by date. */
function kpiReview(ctx: PlanContext): Candidate[] {
  const found: Candidate[] = [];
  const latestToday = Math.max(...ctx.people.map((p) => todayOf(p, ctx.now)), -Infinity);
  if (!Number.isFinite(latestToday)) return found;
  for (const due of kpisDueForReview(ctx.snapshot, { now: ctx.now, today: latestToday })) {
    const { kpi, reviewBy } = due;
    const owners = kpi.owners.map((owner) => activeMember(ctx, owner));
    const managers = new Map<Email, TeamMember>();
    for (const owner of owners) {
      const manager = owner ? managerOf(ctx, owner) : null;
      if (manager) managers.set(manager.email, manager);
    }
    const ownerNames = kpi.owners.map((email, i) => owners[i]?.name ?? email).join(', ');
    for (const manager of managers.values()) {
      if (reviewBy >= todayOf(manager, ctx.now)) continue;
      found.push({
        rule: 'kpiReview',
        recipient: manager,
        subject: kpi.id,
        period: isoDay(reviewBy),
        trigger: at(manager, reviewBy + 1, manager.workHours.start),
        lasting: true,
        draft: () => ({
          line: say(ctx, 'reminder.review', {
            kpi: kpi.name,
            owner: ownerNames,
            date: dateFor(ctx, manager, reviewBy),
          }),
        }),
      });
    }
  }
  return found;
}

export const RULE_CANDIDATES: Record<RuleId, (ctx: PlanContext) => Candidate[]> = {
  missingEntry,
  behindPace,
  checkInTomorrow,
  actionDue,
  actionOverdue,
  silentAssistant,
  weeklyDigest,
  kpiReview,
};
