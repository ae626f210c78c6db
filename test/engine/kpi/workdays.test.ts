import { kpiActual, kpiStatus } from '../../../src/engine/formulas';
import { evaluate, memberOrDefault, periodFor } from '../../../src/engine/kpi/evaluate';
import { isWorkingDay, workingDaysBetween } from '../../../src/engine/kpi/workdays';
import { DEFAULT_WORK_DAYS } from '../../../src/engine/records/team';
import type { Email, Kpi, Period, TeamMember } from '../../../src/engine/types';
import {
  at,
  dateCell,
  day,
  editRow,
  exampleWeekLog,
  JUAN,
  kpiValues,
  logRow,
  one,
  PRIYA,
  teamValues,
  workbook,
  type WorkbookOptions,
} from '../fixtures';

/** What K1 (15 approved posts a week, Priya's) should have reached by now. */
function expectedApprovedPosts(options: WorkbookOptions): number | null {
  const ctx = workbook({ log: exampleWeekLog(), ...options });
  const k1 = ctx.snapshot.kpis.byId.get('K1') as Kpi;
  const owner = k1.owners[0] as Email;
  const result = evaluate(
    ctx.snapshot,
    k1,
    owner,
    periodFor(ctx.snapshot, k1, ctx.moment.today) as Period,
    ctx.moment,
  );
  if (!result.ok) throw new Error('K1 cannot be evaluated');
  return result.expected;
}

const priyaWith = (changes: Record<string, unknown>) =>
  editRow(teamValues(), 'Priya Sharma', changes);

describe('working days in the expected pace', () => {
  it('expects 12 of 15 by Thursday in a Mon-Fri week', () => {
    expect(expectedApprovedPosts({})).toBe(12);
  });

  it('takes the days from today up to Away until out of the pace', () => {
    // Away Thursday and Friday: Monday to Wednesday are all the week's working days left.
    expect(
      expectedApprovedPosts({ team: priyaWith({ 'Away until': dateCell('2026-11-27') }) }),
    ).toBe(15);
    // Away today only: 3 of the 4 remaining working days have elapsed.
    expect(
      expectedApprovedPosts({ team: priyaWith({ 'Away until': dateCell('2026-11-26') }) }),
    ).toBe(11.25);
    // Away well into next week: the same as away to Friday.
    expect(
      expectedApprovedPosts({ team: priyaWith({ 'Away until': dateCell('2026-12-02') }) }),
    ).toBe(15);
  });

  it('ignores an Away until date that has passed', () => {
    expect(
      expectedApprovedPosts({ team: priyaWith({ 'Away until': dateCell('2026-11-25') }) }),
    ).toBe(12);
  });

  it('changes the status an assistant sees when they are away', () => {
    const log = exampleWeekLog();
    expect(one(kpiStatus(workbook({ log }), 'K1', '', ''))).toBe('At risk');
    const away = workbook({ log, team: priyaWith({ 'Away until': dateCell('2026-11-27') }) });
    expect(one(kpiStatus(away, 'K1', '', ''))).toBe('Off track');
  });

  it('follows custom Work days: Sun-Thu has worked four of five days by Friday', () => {
    const friday = { now: '2026-11-27 12:00' };
    expect(expectedApprovedPosts(friday)).toBe(15);
    expect(expectedApprovedPosts({ ...friday, team: priyaWith({ 'Work days': 'Sun-Thu' }) })).toBe(
      12,
    );
  });

  it('follows Sun-Thu in a Sunday-start week: all five days are done by Thursday', () => {
    const sundayWeek = { weekStart: 6 as const, team: priyaWith({ 'Work days': 'Sun-Thu' }) };
    expect(expectedApprovedPosts(sundayWeek)).toBe(15);
    expect(expectedApprovedPosts({ weekStart: 6 })).toBe(12);
  });

  it('reads Danish work days as well', () => {
    expect(
      expectedApprovedPosts({
        now: '2026-11-27 12:00',
        team: priyaWith({ 'Work days': 'søn-tor' }),
      }),
    ).toBe(12);
  });

  it('gives an owner who is not in Team the defaults: Mon-Fri in the sheet zone', () => {
    const kpis = editRow(kpiValues(), 'K1', { Owner: 'ghost@example.com' });
    expect(expectedApprovedPosts({ kpis })).toBe(12);
    const ctx = workbook({ kpis });
    const ghost = memberOrDefault(ctx.snapshot, 'ghost@example.com' as Email);
    expect(ghost).toMatchObject({
      workDays: DEFAULT_WORK_DAYS,
      timeZone: 'Europe/Copenhagen',
      awayUntil: null,
    });
    // No one logs for them (they are not in Team): no actual, and 0 of 12 is Off track.
    expect(one(kpiActual(ctx, 'K1', '', ''))).toBe('');
    expect(one(kpiStatus(ctx, 'K1', '', ''))).toBe('Off track');
  });

  it("leaves away days out of an On-time KPI's count", () => {
    // Juan is away from today: Thursday's due time has passed, but Thursday is not a working day.
    const team = editRow(teamValues(), 'Juan dela Cruz', { 'Away until': dateCell('2026-11-27') });
    const log = exampleWeekLog().filter(
      (row) => !(row[3] === 'K6' && (row[1] as Date).getTime() === at('2026-11-26').getTime()),
    );
    expect(one(kpiActual(workbook({ log }), 'K6', '', ''))).toBe(50);
    expect(one(kpiActual(workbook({ log, team }), 'K6', '', ''))).toBeCloseTo((100 * 2) / 3, 9);
  });

  it("uses the owner's Work days for On-time: a Saturday report counts only for a Saturday worker", () => {
    const log = [logRow('2026-11-28', JUAN, 'K6', 1, at('2026-11-28 10:00', 'Asia/Manila'))];
    const saturday = '2026-11-28 23:00';
    expect(one(kpiActual(workbook({ log, now: saturday }), 'K6', '', ''))).toBe(0);
    const team = editRow(teamValues(), 'Juan dela Cruz', { 'Work days': 'Sat' });
    expect(one(kpiActual(workbook({ log, now: saturday, team }), 'K6', '', ''))).toBe(100);
  });
});

describe('working day arithmetic', () => {
  const member = (workDays: boolean[], awayUntil: number | null = null): TeamMember => ({
    name: 'X',
    email: PRIYA as Email,
    role: 'Assistant',
    manager: null,
    timeZone: 'Europe/Copenhagen',
    workDays,
    workHours: { start: 540, end: 1020 },
    channel: 'Email',
    awayUntil,
    active: true,
  });
  const today = day('2026-11-26');

  it('counts the working days between two days, both included', () => {
    expect(
      workingDaysBetween(
        member([...DEFAULT_WORK_DAYS]),
        day('2026-11-23'),
        day('2026-11-29'),
        today,
      ),
    ).toBe(5);
    expect(
      workingDaysBetween(
        member([...DEFAULT_WORK_DAYS]),
        day('2026-11-23'),
        day('2026-11-23'),
        today,
      ),
    ).toBe(1);
    expect(
      workingDaysBetween(
        member([...DEFAULT_WORK_DAYS]),
        day('2026-11-28'),
        day('2026-11-29'),
        today,
      ),
    ).toBe(0);
  });

  it('counts across a century and to 9999-12-31 exactly, and an Away until there leaves only the past', () => {
    const monFri = member([...DEFAULT_WORK_DAYS]);
    // Monday-to-Friday days, counted in Python over ISO dates.
    expect(workingDaysBetween(monFri, day('1900-01-01'), day('2026-11-25'), today)).toBe(33108);
    expect(workingDaysBetween(monFri, day('1900-01-01'), day('9999-12-31'), today)).toBe(2113190);
    expect(workingDaysBetween(monFri, day('9999-12-31'), day('1900-01-01'), today)).toBe(0);
    const gone = member([...DEFAULT_WORK_DAYS], day('9999-12-31'));
    expect(workingDaysBetween(gone, day('1900-01-01'), day('9999-12-31'), today)).toBe(33108);
    expect(workingDaysBetween(gone, today, day('9999-12-31'), today)).toBe(0);
    // Sun-Thu over the same stretch: a different weekday pattern, the same arithmetic.
    const sunThu = member([true, true, true, true, false, false, true]);
    expect(workingDaysBetween(sunThu, day('2026-11-01'), day('2026-11-30'), today)).toBe(22);
  });

  it('keeps past days that fell in an absence: only days from today on are away', () => {
    const away = member([...DEFAULT_WORK_DAYS], day('2026-11-27'));
    expect(isWorkingDay(away, day('2026-11-25'), today)).toBe(true);
    expect(isWorkingDay(away, day('2026-11-26'), today)).toBe(false);
    expect(isWorkingDay(away, day('2026-11-27'), today)).toBe(false);
    expect(isWorkingDay(away, day('2026-11-30'), today)).toBe(true);
  });
});
