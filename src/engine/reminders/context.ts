/** What every rule reads, gathered once per planning run. */
import type { DayNumber, Email, Instant, Kpi, Lang, TeamMember } from '../types';
import type { FeedbackLoop, Snapshot } from '../snapshot';
import type { Moment } from '../kpi/evaluate';
import { indexAgenda, type AgendaIndex } from '../feedback/agenda';
import type { Content } from './content';
import type { DigestIndex } from './digest';
import type { ReminderSettings, RuleId } from './types';
import { freshSince, todayOf } from './hours';

export interface PlanContext {
  snapshot: Snapshot;
  loop: FeedbackLoop;
  settings: ReminderSettings;
  now: Instant;
  lang: Lang;
  /** Active Team members: the only people who are ever reminded, or reminded about. */
  people: TeamMember[];
  /** The one active manager, when there is exactly one: who hears about those without one. */
  soleManager: TeamMember | null;
  /** Per person, the distinct dates they logged anything on, oldest first. */
  entryDays: Map<Email, number[]>;
  /** Per owner, their Active KPIs in the KPIs tab's order. */
  activeKpis: Map<Email, Kpi[]>;
  /** Per person, the first day whose passing reminders can still go out (hours.ts: freshSince). */
  fresh: Map<Email, DayNumber>;
  /**
   * The feedback loop grouped by person, built on first use: a rule that
   * looks up one person's rows must not scan every row for each person
   * (5,000 people took 13 s that way, measured by the bench).
   */
  agendaIndex?: AgendaIndex;
  digestIndex?: DigestIndex;
}

/** One thing that may be due for one person, before the Outbox and quiet hours are consulted. */
export interface Candidate {
  rule: RuleId;
  recipient: TeamMember;
  /** A KPI ID, an action ID, a check-in ID, an assistant's e-mail or 'team'. */
  subject: string;
  period: string;
  /** When it falls due. */
  trigger: Instant;
  /**
   * An overdue action, a passed review or a silent assistant stays true
   * until someone acts: missed in its working hours, it goes out in the
   * next ones. Everything else goes out in the working hours it fell due
   * in, or not at all (yesterday's pace is no news today).
   */
  lasting: boolean;
  /** Checks that it still holds now and says it; null when it no longer holds. */
  draft: () => Content | null;
}

export function planContext(
  snapshot: Snapshot,
  loop: FeedbackLoop,
  settings: ReminderSettings,
  now: Instant,
): PlanContext {
  const people = snapshot.team.members.filter((member) => member.active);
  const managers = people.filter((member) => member.role === 'Manager');
  const byPerson = new Map<Email, Set<number>>();
  for (const entry of snapshot.log.entries) {
    const days = byPerson.get(entry.assistant) ?? new Set<number>();
    days.add(entry.date);
    byPerson.set(entry.assistant, days);
  }
  const activeKpis = new Map<Email, Kpi[]>();
  for (const kpi of snapshot.kpis.kpis) {
    if (kpi.state !== 'Active') continue;
    for (const owner of kpi.owners) {
      const list = activeKpis.get(owner);
      if (list) list.push(kpi);
      else activeKpis.set(owner, [kpi]);
    }
  }
  const entryDays = new Map<Email, number[]>();
  for (const [email, days] of byPerson) {
    entryDays.set(
      email,
      [...days].sort((a, b) => a - b),
    );
  }
  return {
    snapshot,
    loop,
    settings,
    now,
    lang: snapshot.settings.lang,
    people,
    soleManager: managers.length === 1 ? (managers[0] as TeamMember) : null,
    entryDays,
    activeKpis,
    fresh: new Map(),
  };
}

/** An active Team member by e-mail; nobody else is ever sent anything. */
export function activeMember(ctx: PlanContext, email: Email | null): TeamMember | null {
  const member = email ? ctx.snapshot.team.byEmail.get(email) : undefined;
  return member && member.active ? member : null;
}

/**
 * Whom someone reports to: their Manager when that is an active Team
 * member, else the team's only manager (a blank Manager cell in a team of
 * one manager is no reason to leave a reminder unsent).
 */
export function managerOf(ctx: PlanContext, member: TeamMember): TeamMember | null {
  const named = activeMember(ctx, member.manager);
  if (named && named.email !== member.email) return named;
  const sole = ctx.soleManager;
  return sole && sole.email !== member.email ? sole : null;
}

/** The first day worth looking at for a reminder that is not lasting. */
export function freshFrom(ctx: PlanContext, member: TeamMember): DayNumber {
  let day = ctx.fresh.get(member.email);
  if (day === undefined) {
    day = freshSince(member, ctx.now, ctx.settings.quietHoursRespectWorkHours);
    ctx.fresh.set(member.email, day);
  }
  return day;
}

/** Check-ins, feedback, open actions and active KPIs by person, read once per planning run. */
export function agendaIndexOf(ctx: PlanContext): AgendaIndex {
  ctx.agendaIndex ??= indexAgenda(ctx.snapshot, ctx.loop);
  return ctx.agendaIndex;
}

/** A moment for evaluate(): now, with "today" the person's own. */
export function momentFor(ctx: PlanContext, member: TeamMember): Moment {
  return { now: ctx.now, today: todayOf(member, ctx.now) };
}
