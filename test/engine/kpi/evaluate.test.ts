import { kpiActual, kpiStatus, kpiTarget, kpiProgress } from '../../../src/engine/formulas';
import {
  evaluate,
  incompleteness,
  periodFor,
  streakOf,
  targetFor,
  trendOf,
} from '../../../src/engine/kpi/evaluate';
import type { Email, Kpi, Period, TargetChange } from '../../../src/engine/types';
import {
  dateCell,
  day,
  editRow,
  exampleWeekLog,
  kpiValues,
  logRow,
  one,
  PRIYA,
  TARGETS_HEADER,
  workbook,
} from '../fixtures';

/** Priya's approved posts: 12 a week in W45-W47, and W48's 11 so far. */
const postsLog = (): unknown[][] => [
  logRow('2026-11-04', PRIYA, 'K1', 12),
  logRow('2026-11-11', PRIYA, 'K1', 12),
  logRow('2026-11-18', PRIYA, 'K1', 12),
  ...exampleWeekLog().filter((row) => row[3] === 'K1'),
];

describe('target history', () => {
  // Target 10 from the start; raised to 15 from Monday 16 November (W47), as the KPIs tab shows.
  const targets = [
    TARGETS_HEADER,
    ['K1', dateCell('2026-11-02'), 10, 'KPI Loop', 'Initial target'],
    ['K1', dateCell('2026-11-16'), 15, 'mette@example.com', 'New client'],
  ];
  const ctx = workbook({ log: postsLog(), targets, now: '2026-11-26 12:00' });

  it('judges past periods against the target valid then', () => {
    expect(one(kpiTarget(ctx, 'K1', '2026-W46', ''))).toBe(10);
    expect(one(kpiStatus(ctx, 'K1', '2026-W46', ''))).toBe('Met');
    expect(one(kpiTarget(ctx, 'K1', '2026-W47', ''))).toBe(15);
    expect(one(kpiStatus(ctx, 'K1', '2026-W47', ''))).toBe('Missed');
    expect(one(kpiProgress(ctx, 'K1', '2026-W46', ''))).toBeCloseTo(1.2, 12);
  });

  it('judges the open period against the KPIs tab, even before Targets catches up', () => {
    const raised = workbook({
      log: postsLog(),
      targets,
      kpis: editRow(kpiValues(), 'K1', { Target: 18 }),
    });
    expect(one(kpiTarget(raised, 'K1', '', ''))).toBe(18);
    expect(one(kpiTarget(raised, 'K1', '2026-W47', ''))).toBe(15);
    // 11 of 14.4 expected by Thursday is Off track against 18 (it was At risk against 15).
    expect(one(kpiStatus(raised, 'K1', '', ''))).toBe('Off track');
    expect(one(kpiStatus(ctx, 'K1', '', ''))).toBe('At risk');
  });

  it('uses the first known target for periods before the history begins', () => {
    expect(one(kpiTarget(ctx, 'K1', '2026-W40', ''))).toBe(10);
  });

  it('applies a change made mid-week to the whole of that week once it has closed', () => {
    const midWeek: TargetChange[] = [
      { kpiId: 'K1' as Kpi['id'], validFrom: day('2026-11-02'), target: 10 },
      { kpiId: 'K1' as Kpi['id'], validFrom: day('2026-11-11'), target: 20 },
    ];
    const k1 = ctx.snapshot.kpis.byId.get('K1') as Kpi;
    const week = (iso: string) => periodFor(ctx.snapshot, k1, day(iso)) as Period;
    expect(targetFor(k1, week('2026-11-04'), day('2026-11-26'), midWeek)).toBe(10);
    expect(targetFor(k1, week('2026-11-11'), day('2026-11-26'), midWeek)).toBe(20);
    expect(targetFor(k1, week('2026-11-26'), day('2026-11-26'), midWeek)).toBe(15);
    expect(targetFor(k1, week('2026-11-04'), day('2026-11-26'), [])).toBe(15);
  });

  it('finds the history whatever case the KPI ID was typed in', () => {
    const lower = workbook({
      log: postsLog(),
      targets: [TARGETS_HEADER, ['k1', dateCell('2026-11-02'), 10, '', '']],
    });
    expect(one(kpiTarget(lower, 'K1', '2026-W46', ''))).toBe(10);
  });
});

describe('closed periods', () => {
  const later = workbook({ log: exampleWeekLog(), now: '2026-12-01 12:00' });

  it('are Met or Missed on the final figures', () => {
    const ids = [['K1'], ['K2'], ['K3'], ['K4'], ['K5'], ['K6'], ['K7'], ['K8'], ['K9'], ['K10']];
    expect(kpiStatus(later, ids, '2026-W48', '')).toEqual([
      ['Missed'],
      ['Missed'],
      ['Missed'],
      ['Missed'],
      ['Missed'],
      ['Missed'],
      ['Met'],
      ['Missed'],
      ['Missed'],
      ['Met'],
    ]);
  });

  it('say No data for a level KPI without entries, and Missed for an empty Sum', () => {
    expect(one(kpiStatus(later, 'K2', '2026-W47', ''))).toBe('No data');
    expect(one(kpiStatus(later, 'K1', '2026-W47', ''))).toBe('Missed');
    expect(one(kpiActual(later, 'K2', '2026-W47', ''))).toBe('');
  });
});

describe('streaks and trends', () => {
  const ctx = workbook({
    log: postsLog(),
    now: '2026-11-26 12:00',
    kpis: editRow(kpiValues(), 'K1', { Target: 12 }),
  });
  const k1 = ctx.snapshot.kpis.byId.get('K1') as Kpi;

  it('counts the closed periods met in a row, back to the KPI Start', () => {
    expect(streakOf(ctx.snapshot, k1, PRIYA as Email, ctx.moment)).toBe(3);
    const broken = workbook({
      log: postsLog().filter(
        (row) => (row[1] as Date).getTime() !== dateCell('2026-11-04').getTime(),
      ),
      kpis: editRow(kpiValues(), 'K1', { Target: 12 }),
    });
    expect(streakOf(broken.snapshot, k1, PRIYA as Email, broken.moment)).toBe(2);
  });

  it('gives the actuals of the last periods, oldest first', () => {
    expect(trendOf(ctx.snapshot, k1, PRIYA as Email, 5, ctx.moment.today, ctx.moment)).toEqual([
      null,
      12,
      12,
      12,
      11,
    ]);
  });
});

describe('KPIs that cannot be evaluated', () => {
  it('name what is missing', () => {
    const ctx = workbook({
      kpis: editRow(kpiValues(), 'K1', { Aggregation: '', Target: 'lots' }),
    });
    const k1 = ctx.snapshot.kpis.byId.get('K1') as Kpi;
    expect(incompleteness(k1)).toEqual({
      key: 'fn.kpiIncomplete',
      params: { kpi: 'Approved posts', reason: 'smart.aggregationMissing' },
    });
    const week = periodFor(ctx.snapshot, k1, ctx.moment.today) as Period;
    expect(evaluate(ctx.snapshot, k1, PRIYA as Email, week, ctx.moment)).toMatchObject({
      ok: false,
    });
  });

  it('say so in words in the cell, in the sheet language', () => {
    const broken = (lang: 'en' | 'da') =>
      workbook({
        lang,
        kpis: editRow(
          editRow(kpiValues(lang), 'K1', { [lang === 'da' ? 'Beregning' : 'Aggregation']: '' }),
          'K6',
          {
            [lang === 'da' ? 'Frist' : 'Due time']: '',
          },
        ),
      });
    expect(kpiStatus(broken('en'), [['K1'], ['K6']], '', '')).toEqual([
      ['KPI "Approved posts" cannot be evaluated: Aggregation is missing'],
      ['KPI "Daily report by 16:00" cannot be evaluated: An On-time KPI needs a Due time'],
    ]);
    expect(kpiStatus(broken('da'), [['K1']], '', '')).toEqual([
      ['KPI "Godkendte opslag" kan ikke beregnes: Beregning mangler'],
    ]);
  });

  it('say which part is missing when a KPI has no owner or no period', () => {
    const ctx = workbook({
      kpis: editRow(editRow(kpiValues(), 'K1', { Owner: '' }), 'K2', { Period: '' }),
    });
    expect(one(kpiStatus(ctx, 'K1', '', ''))).toBe('KPI "K1" cannot be evaluated: Owner is empty');
    expect(one(kpiStatus(ctx, 'K2', '', ''))).toBe(
      'KPI "Post turnaround" cannot be evaluated: Period is missing',
    );
  });
});

describe('periods before a KPI started', () => {
  test("a week before the KPI's Start has No data rather than Missed", () => {
    const ctx = workbook();
    expect(one(kpiStatus(ctx, 'K1', '2026-W40', ''))).toBe('No data');
    expect(one(kpiStatus(ctx, 'K1', '2026-W45', ''))).toBe('Missed');
  });
});
