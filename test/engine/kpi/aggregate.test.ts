import { kpiActual, kpiStatus } from '../../../src/engine/formulas';
import { actualOf, entriesIn } from '../../../src/engine/kpi/aggregate';
import { memberOrDefault, periodFor } from '../../../src/engine/kpi/evaluate';
import type { Email, Kpi, Lang, LogEntry, Period } from '../../../src/engine/types';
import {
  addRow,
  ANA,
  at,
  DANISH_NAMES,
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
} from '../fixtures';

const STATUS_WORDS: Record<Lang, Record<string, string>> = {
  en: {
    'On track': 'On track',
    'At risk': 'At risk',
    'Off track': 'Off track',
    Met: 'Met',
    Missed: 'Missed',
    'No data': 'No data',
  },
  da: {
    'On track': 'På sporet',
    'At risk': 'I risiko',
    'Off track': 'Bagud',
    Met: 'Nået',
    Missed: 'Ikke nået',
    'No data': 'Ingen data',
  },
};

/** The ten example KPIs on Thursday 26 November 2026, 12:00, with the week's log so far. */
const SEED_KPIS: Array<[string, string, number, string]> = [
  ['K1', 'Sum of approved posts: 11, 12 expected by Thursday', 11, 'At risk'],
  ['K2', 'Average turnaround at most 48 h: 50 is within 10 %', 50, 'At risk'],
  ['K3', 'Average reply time at most 4 h: 4.33', 13 / 3, 'At risk'],
  ['K4', 'Average satisfaction at least 90 %: 87.7', 263 / 3, 'At risk'],
  ['K5', 'Min data accuracy at least 100 %: the worst audit, 79', 79, 'Off track'],
  ['K6', 'On-time daily report by 16:00 Manila time: 3 of 4 days', 75, 'Off track'],
  ['K7', 'Count of articles >= 1200 words: the 1,100-word one does not count', 3, 'On track'],
  ['K8', 'Sum of qualified leads: 35, 40 expected', 35, 'Off track'],
  ['K9', 'Sum of converted leads: 4, 4 expected', 4, 'On track'],
  ['K10', 'Ratio of converted to qualified leads: 4 of 35', (100 * 4) / 35, 'On track'],
];

describe.each(['en', 'da'] as const)('the ten example KPIs in a %s sheet', (lang) => {
  const ctx = workbook({ lang, log: exampleWeekLog(lang) });

  it('counts every row of the week that should count', () => {
    const checks = ctx.snapshot.log.checks;
    expect(checks.filter((check) => check.ok === true)).toHaveLength(checks.length - 1);
    const rejected = checks.find((check) => check.ok === false);
    expect(rejected).toEqual({
      ok: false,
      problem: { key: 'check.qualifier', params: { qualifier: '>= 1200' } },
    });
  });

  it.each(SEED_KPIS)('%s: %s', (id, _what, actual, status) => {
    const name = lang === 'da' ? (DANISH_NAMES[id] as string) : id;
    expect(one(kpiActual(ctx, name, '', ''))).toBeCloseTo(actual, 9);
    expect(one(kpiStatus(ctx, id, '', ''))).toBe(STATUS_WORDS[lang][status]);
  });
});

describe('On-time', () => {
  const onTime = (now: string, log = exampleWeekLog(), team = teamValues()) =>
    workbook({ now, log, team });

  it("counts today only once today's due time has passed in the owner's zone", () => {
    // 08:00 in Copenhagen is 15:00 in Manila: Thursday's 16:00 has not come yet.
    const withoutThursday = exampleWeekLog().filter(
      (row) => !(row[3] === 'K6' && (row[1] as Date).getTime() === at('2026-11-26').getTime()),
    );
    expect(one(kpiActual(onTime('2026-11-26 08:00', withoutThursday), 'K6', '', ''))).toBeCloseTo(
      (100 * 2) / 3,
      9,
    );
    // At 09:00 in Copenhagen it is 16:00 in Manila: Thursday counts, missed.
    expect(one(kpiActual(onTime('2026-11-26 09:00', withoutThursday), 'K6', '', ''))).toBe(50);
  });

  it("counts today early when today's entry is already in on time", () => {
    expect(one(kpiActual(onTime('2026-11-26 08:00'), 'K6', '', ''))).toBe(75);
  });

  it('counts an entry logged exactly at the due time as on time', () => {
    // Wednesday's report came in at 16:00:00 sharp; only Tuesday's (16:30) is late.
    const ctx = onTime('2026-11-26 12:00');
    expect(one(kpiActual(ctx, 'K6', '2026-11-25', ''))).toBe(75);
  });

  it("reads the due time in the owner's zone: the same log is all on time for someone in Copenhagen", () => {
    const team = editRow(teamValues(), 'Juan dela Cruz', { 'Time zone': 'Europe/Copenhagen' });
    const ctx = onTime('2026-11-26 12:00', exampleWeekLog(), team);
    expect(one(kpiActual(ctx, 'K6', '', ''))).toBe(100);
    expect(one(kpiStatus(ctx, 'K6', '', ''))).toBe('On track');
  });

  it('judges a closed week on all its working days: a missing Friday report counts as late', () => {
    const ctx = onTime('2026-12-01 12:00');
    expect(one(kpiActual(ctx, 'K6', '2026-W48', ''))).toBe(60);
    expect(one(kpiStatus(ctx, 'K6', '2026-W48', ''))).toBe('Missed');
  });

  it('uses the first report of a day, and one without Logged at is not on time', () => {
    const log = [
      logRow('2026-11-23', JUAN, 'K6', 1, at('2026-11-23 17:00', 'Asia/Manila')),
      logRow('2026-11-23', JUAN, 'K6', 1, at('2026-11-23 10:00', 'Asia/Manila')),
      logRow('2026-11-24', JUAN, 'K6', 1, ''),
    ];
    expect(one(kpiActual(workbook({ now: '2026-11-24 23:00', log }), 'K6', '', ''))).toBe(50);
  });

  it('has no figure before the first due time of the period', () => {
    // Monday 08:00 in Copenhagen is 15:00 in Manila, before the first 16:00.
    const ctx = workbook({ now: '2026-11-23 08:00' });
    expect(one(kpiActual(ctx, 'K6', '', ''))).toBe('');
    expect(one(kpiStatus(ctx, 'K6', '', ''))).toBe('No data');
  });

  describe('for an owner in Asia/Kolkata (+05:30)', () => {
    const kpis = editRow(kpiValues(), 'K6', { Owner: PRIYA });
    const kolkata = (wall: string) => at(wall, 'Asia/Kolkata');

    it('is on time at 15:59 and late at 16:01 India time', () => {
      const log = [
        logRow('2026-11-23', PRIYA, 'K6', 1, kolkata('2026-11-23 15:59')),
        logRow('2026-11-24', PRIYA, 'K6', 1, kolkata('2026-11-24 16:01')),
        logRow('2026-11-25', PRIYA, 'K6', 1, kolkata('2026-11-25 16:00')),
      ];
      const ctx = workbook({ kpis, log, now: '2026-11-25 12:00' });
      // 12:00 in Copenhagen is 16:30 in Kolkata: Wednesday's due time has passed.
      expect(one(kpiActual(ctx, 'K6', '', ''))).toBeCloseTo((100 * 2) / 3, 9);
    });

    it("counts Kolkata's day as soon as 16:00 there has passed, 11:30 in Copenhagen", () => {
      const log = [logRow('2026-11-23', PRIYA, 'K6', 1, kolkata('2026-11-23 09:00'))];
      expect(one(kpiActual(workbook({ kpis, log, now: '2026-11-23 11:29' }), 'K6', '', ''))).toBe(
        100,
      );
      expect(
        one(kpiActual(workbook({ kpis, log: [], now: '2026-11-23 11:29' }), 'K6', '', '')),
      ).toBe('');
      expect(
        one(kpiActual(workbook({ kpis, log: [], now: '2026-11-23 11:30' }), 'K6', '', '')),
      ).toBe(0);
    });
  });

  describe('across the 2026 DST changes in Europe/Copenhagen', () => {
    const team = addRow(teamValues(), {
      Name: 'Lars Holm',
      Email: 'lars@example.com',
      Role: 'Assistant',
      'Time zone': 'Europe/Copenhagen',
      'Work days': 'Mon-Sun',
      Active: true,
    });
    const kpis = editRow(kpiValues(), 'K6', { Owner: 'lars@example.com', Start: at('2026-01-05') });
    const week = (first: string, lastLoggedUtc: string) => {
      const rows: unknown[][] = [];
      for (let d = day(first); d < day(first) + 6; d++) {
        const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
        rows.push(logRow(iso, 'lars@example.com', 'K6', 1, at(`${iso} 15:30`)));
      }
      const sunday = new Date((day(first) + 6) * 86_400_000).toISOString().slice(0, 10);
      rows.push(logRow(sunday, 'lars@example.com', 'K6', 1, new Date(lastLoggedUtc)));
      return rows;
    };

    it('reads 14:30 UTC on Sunday 29 March as 16:30 summer time: late', () => {
      const ctx = workbook({
        team,
        kpis,
        now: '2026-04-01 12:00',
        log: week('2026-03-23', '2026-03-29T14:30:00Z'),
      });
      expect(one(kpiActual(ctx, 'K6', '2026-W13', ''))).toBeCloseTo((100 * 6) / 7, 9);
      const early = workbook({
        team,
        kpis,
        now: '2026-04-01 12:00',
        log: week('2026-03-23', '2026-03-29T13:59:00Z'),
      });
      expect(one(kpiActual(early, 'K6', '2026-W13', ''))).toBe(100);
    });

    it('reads 14:30 UTC on Sunday 25 October as 15:30 winter time: on time', () => {
      const ctx = workbook({
        team,
        kpis,
        now: '2026-10-28 12:00',
        log: week('2026-10-19', '2026-10-25T14:30:00Z'),
      });
      expect(one(kpiActual(ctx, 'K6', '2026-W43', ''))).toBe(100);
      const late = workbook({
        team,
        kpis,
        now: '2026-10-28 12:00',
        log: week('2026-10-19', '2026-10-25T15:01:00Z'),
      });
      expect(one(kpiActual(late, 'K6', '2026-W43', ''))).toBeCloseTo((100 * 6) / 7, 9);
    });
  });
});

describe('the other aggregations', () => {
  const base = kpiValues();
  const extra = (id: string, aggregation: string, more: Record<string, unknown> = {}) =>
    addRow(base, {
      'KPI ID': id,
      KPI: `${aggregation} test`,
      Owner: JUAN,
      'Goal ID': 'G2',
      Measure: 'Something',
      Aggregation: aggregation,
      Direction: 'At least',
      Target: 10,
      Unit: 'things',
      Period: 'Week',
      ...more,
    });

  it('Max takes the best value of the period', () => {
    const log = [
      logRow('2026-11-23', JUAN, 'X1', 4),
      logRow('2026-11-24', JUAN, 'X1', 9),
      logRow('2026-11-25', JUAN, 'X1', 2),
    ];
    expect(one(kpiActual(workbook({ kpis: extra('X1', 'Max'), log }), 'X1', '', ''))).toBe(9);
  });

  it('Latest takes the last entry by Date, then by Logged at, whatever the row order', () => {
    const manila = (wall: string) => at(wall, 'Asia/Manila');
    const log = [
      logRow('2026-11-25', JUAN, 'X2', 7, manila('2026-11-25 18:00')),
      logRow('2026-11-25', JUAN, 'X2', 5, manila('2026-11-25 09:00')),
      logRow('2026-11-24', JUAN, 'X2', 3, manila('2026-11-26 08:00')),
    ];
    expect(one(kpiActual(workbook({ kpis: extra('X2', 'Latest'), log }), 'X2', '', ''))).toBe(7);
  });

  it('Count without a Qualifier counts rows, blank values included', () => {
    const log = [
      logRow('2026-11-23', JUAN, 'X3', ''),
      logRow('2026-11-24', JUAN, 'X3', 5),
      logRow('2026-11-24', JUAN, 'X3', ''),
    ];
    expect(one(kpiActual(workbook({ kpis: extra('X3', 'Count'), log }), 'X3', '', ''))).toBe(3);
  });

  it('a Ratio without any denominator entries has no figure, and says No data', () => {
    const log = [logRow('2026-11-23', ANA, 'K9', 2)];
    const ctx = workbook({ log });
    expect(one(kpiActual(ctx, 'K10', '', ''))).toBe('');
    expect(one(kpiStatus(ctx, 'K10', '', ''))).toBe('No data');
  });

  it('a Ratio with denominator entries but no numerator ones is 0 %', () => {
    const ctx = workbook({ log: [logRow('2026-11-23', ANA, 'K8', 20)] });
    expect(one(kpiActual(ctx, 'K10', '', ''))).toBe(0);
    expect(one(kpiStatus(ctx, 'K10', '', ''))).toBe('Off track');
  });

  it('takes only the entries of the period, owner and KPI asked for', () => {
    const log = [
      logRow('2026-11-22', PRIYA, 'K1', 100), // Sunday of the week before
      logRow('2026-11-23', PRIYA, 'K1', 4),
      logRow('2026-11-23', PRIYA, 'K2', 50),
    ];
    const ctx = workbook({ log });
    expect(one(kpiActual(ctx, 'K1', '', ''))).toBe(4);
    expect(one(kpiActual(ctx, 'K1', '2026-W47', ''))).toBe(100);
  });
});

describe('entries of a period', () => {
  const entry = (iso: string): LogEntry => ({
    entryId: iso,
    date: day(iso),
    assistant: PRIYA as Email,
    kpiId: 'K1' as Kpi['id'],
    value: 1,
    loggedAt: null,
  });

  it('finds the first and last day of the period, both included', () => {
    const list = ['2026-11-22', '2026-11-23', '2026-11-25', '2026-11-29', '2026-11-30'].map(entry);
    const week: Period = {
      kind: 'Week',
      key: '2026-W48' as Period['key'],
      start: day('2026-11-23'),
      end: day('2026-11-29'),
    };
    expect(entriesIn(list, week).map((e) => e.entryId)).toEqual([
      '2026-11-23',
      '2026-11-25',
      '2026-11-29',
    ]);
    expect(entriesIn(undefined, week)).toEqual([]);
    expect(entriesIn([], week)).toEqual([]);
  });

  it('gives a level KPI no figure without entries, and an On-time KPI without a due time none at all', () => {
    const ctx = workbook();
    const k6 = { ...(ctx.snapshot.kpis.byId.get('K6') as Kpi), dueTime: null };
    const period = periodFor(ctx.snapshot, k6, ctx.moment.today) as Period;
    const juan = memberOrDefault(ctx.snapshot, JUAN as Email);
    expect(actualOf(k6, juan, period, ctx.snapshot.entries, ctx.moment)).toEqual({
      value: null,
      entries: 0,
    });
    const k2 = ctx.snapshot.kpis.byId.get('K2') as Kpi;
    expect(actualOf(k2, juan, period, ctx.snapshot.entries, ctx.moment)).toEqual({
      value: null,
      entries: 0,
    });
  });
});
