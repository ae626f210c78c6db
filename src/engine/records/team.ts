/** Team rows → people. Unreadable cells fall back to the defaults PRODUCT section 4 gives. */
import type { Channel, Email, MinuteOfDay, Role, TeamMember, WorkHours } from '../types';
import { isValidTimeZone } from '../time/calendar';
import { normalizeWord, readChoice } from '../i18n/vocabulary';
import {
  isBlank,
  readBoolean,
  readDay,
  readEmail,
  readMinuteOfDay,
  readText,
  type CellContext,
} from './cells';
import { cellOf, isBlankRow, type Table } from './table';

export const DEFAULT_WORK_DAYS: readonly boolean[] = [true, true, true, true, true, false, false];
export const DEFAULT_WORK_HOURS: WorkHours = { start: 9 * 60, end: 17 * 60 };

export interface Team {
  members: TeamMember[];
  byEmail: Map<Email, TeamMember>;
  /** Normalised name → everyone called that. */
  byName: Map<string, TeamMember[]>;
}

export function readTeam(table: Table<'team'>, ctx: CellContext): Team {
  const members: TeamMember[] = [];
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const email = readEmail(cellOf(table, row, 'email'));
    if (!email.ok) continue;
    const manager = readEmail(cellOf(table, row, 'manager'));
    const timeZone = readText(cellOf(table, row, 'timeZone'));
    const away = readDay(cellOf(table, row, 'awayUntil'), ctx);
    const active = readBoolean(cellOf(table, row, 'active'));
    members.push({
      name: readText(cellOf(table, row, 'name')) || email.value,
      email: email.value as Email,
      role: (readChoice('role', cellOf(table, row, 'role')) as Role | null) ?? 'Assistant',
      manager: manager.ok ? (manager.value as Email) : null,
      timeZone: isValidTimeZone(timeZone) ? timeZone : ctx.timeZone,
      workDays: readWorkDays(cellOf(table, row, 'workDays')) ?? DEFAULT_WORK_DAYS,
      workHours: readWorkHours(cellOf(table, row, 'workHours'), ctx) ?? DEFAULT_WORK_HOURS,
      channel: (readChoice('channel', cellOf(table, row, 'channel')) as Channel | null) ?? 'Email',
      awayUntil: away.ok ? away.value : null,
      active: active.ok ? active.value : true,
    });
  }
  return indexTeam(members);
}

export function indexTeam(members: TeamMember[]): Team {
  const byEmail = new Map<Email, TeamMember>();
  const byName = new Map<string, TeamMember[]>();
  for (const member of members) {
    if (byEmail.has(member.email)) continue;
    byEmail.set(member.email, member);
    const key = normalizeWord(member.name);
    const named = byName.get(key);
    if (named) named.push(member);
    else byName.set(key, [member]); // push, not a spread copy: linear in people of one name
  }
  return { members: [...byEmail.values()], byEmail, byName };
}

export type PersonLookup =
  { ok: true; member: TeamMember } | { ok: false; reason: 'missing' | 'unknown' | 'ambiguous' };

/** An e-mail or a name, as people type them in Log and in formulas. */
export function findPerson(team: Team, text: unknown): PersonLookup {
  if (isBlank(text)) return { ok: false, reason: 'missing' };
  const email = readEmail(text);
  if (email.ok) {
    const member = team.byEmail.get(email.value as Email);
    return member ? { ok: true, member } : { ok: false, reason: 'unknown' };
  }
  const named = team.byName.get(normalizeWord(String(text)));
  if (!named || named.length === 0) return { ok: false, reason: 'unknown' };
  if (named.length > 1) return { ok: false, reason: 'ambiguous' };
  return { ok: true, member: named[0] as TeamMember };
}

/** "Mon-Fri", "Mon,Wed,Fri", "man-fre", "Mon-Thu, Sat" → a flag per weekday; null when unreadable. */
export function readWorkDays(cell: unknown): boolean[] | null {
  const text = readText(cell);
  if (!text) return null;
  const days = [false, false, false, false, false, false, false];
  // "Mon - Fri" → "Mon-Fri": split at the dashes and trim, not /\s*-\s*/ (quadratic over a long run of spaces).
  const joined = text
    .split(/[-–]/)
    .map((part) => part.trim())
    .join('-');
  for (const piece of joined.split(/[,;/\s]+/)) {
    if (!piece) continue;
    const range = piece.split('-');
    const from = weekdayIndex(range[0] ?? '');
    const to = weekdayIndex(range[range.length - 1] ?? '');
    if (from === null || to === null || range.length > 2) return null;
    for (let d = from; ; d = (d + 1) % 7) {
      days[d] = true;
      if (d === to) break;
    }
  }
  return days.some(Boolean) ? days : null;
}

function weekdayIndex(text: string): number | null {
  const value = readChoice('weekday', normalizeWord(text).slice(0, 3));
  return value === null ? null : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(value);
}

/** "09:00-17:00" */
export function readWorkHours(cell: unknown, ctx: CellContext): WorkHours | null {
  const parts = readText(cell).split(/[-–]/); // each part is trimmed as it is read
  if (parts.length !== 2) return null;
  const [start, end] = parts.map((p) => readMinuteOfDay(p, ctx)) as [
    ReturnType<typeof readMinuteOfDay>,
    ReturnType<typeof readMinuteOfDay>,
  ];
  if (!start.ok || !end.ok || end.value <= start.value) return null;
  return { start: start.value as MinuteOfDay, end: end.value as MinuteOfDay };
}
