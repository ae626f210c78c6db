import { kpiActual, kpiStatus } from '../../../src/engine/formulas';
import { isAccumulating, judge } from '../../../src/engine/kpi/status';
import { memberOrDefault } from '../../../src/engine/kpi/evaluate';
import type { Email, Kpi, Period } from '../../../src/engine/types';
import { addRow, day, JUAN, kpiValues, logRow, one, workbook } from '../fixtures';

interface Case {
  aggregation: string;
  direction: 'At least' | 'At most';
  target: number;
  values: number[];
  riskBand?: unknown;
  now?: string;
  period?: string;
}

/** A KPI of Juan's with the given rule, its values logged Monday to Thursday of 2026-W48. */
function statusOf(c: Case): { status: string | number; actual: string | number } {
  const kpis = addRow(kpiValues(), {
    'KPI ID': 'T1',
    KPI: 'Test KPI',
    Owner: JUAN,
    'Goal ID': 'G2',
    Measure: 'Something measurable',
    Aggregation: c.aggregation,
    Direction: c.direction,
    Target: c.target,
    Unit: 'things',
    Period: 'Week',
    'Risk band': c.riskBand ?? '10%',
    Start: '2026-11-02',
    'Review by': '2026-12-31',
  });
  const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];
  const log = c.values.map((v, i) => logRow(days[i % days.length], JUAN, 'T1', v));
  const ctx = workbook({ kpis, log, now: c.now ?? '2026-11-26 12:00' });
  return {
    status: one(kpiStatus(ctx, 'T1', c.period ?? '', '')),
    actual: one(kpiActual(ctx, 'T1', c.period ?? '', '')),
  };
}

describe('an open period of an accumulating KPI (Sum or Count) with a target to reach', () => {
  // Thursday of a Mon-Fri week: 4 of 5 working days elapsed, today included → 12 of 15 expected.
  const sum = (values: number[], now?: string) =>
    statusOf({ aggregation: 'Sum', direction: 'At least', target: 15, values, now }).status;

  it('is On track at or above the expected pace', () => {
    expect(sum([12])).toBe('On track');
    expect(sum([20])).toBe('On track');
  });

  it('is At risk within the risk band below the pace (12 × 0.9 = 10.8)', () => {
    expect(sum([10.8])).toBe('At risk');
    expect(sum([11.9])).toBe('At risk');
  });

  it('is Off track below the band', () => {
    expect(sum([10.7])).toBe('Off track');
  });

  it('is Off track on Monday with nothing logged, since today counts as elapsed', () => {
    expect(sum([], '2026-11-23 09:00')).toBe('Off track');
  });

  it('expects the whole target from Friday on, also over the weekend', () => {
    expect(sum([14], '2026-11-27 12:00')).toBe('At risk');
    expect(sum([14], '2026-11-29 12:00')).toBe('At risk');
    expect(sum([13], '2026-11-29 12:00')).toBe('Off track');
  });

  it("uses the KPI's own risk band when given", () => {
    const wide = (values: number[]) =>
      statusOf({ aggregation: 'Sum', direction: 'At least', target: 15, values, riskBand: '25%' })
        .status;
    expect(wide([9])).toBe('At risk');
    expect(wide([8.9])).toBe('Off track');
  });

  it('counts rows for a Count KPI the same way', () => {
    const count = (n: number) =>
      statusOf({ aggregation: 'Count', direction: 'At least', target: 5, values: Array(n).fill(1) })
        .status;
    expect(count(4)).toBe('On track'); // 4 of 4 expected
    expect(count(3)).toBe('Off track'); // 3 < 3.6
  });
});

describe('an open period of an accumulating KPI with a limit (At most)', () => {
  const limit = (values: number[]) =>
    statusOf({ aggregation: 'Sum', direction: 'At most', target: 10, values }).status;

  it('is On track up to the limit less the band (9 of 10)', () => {
    expect(limit([])).toBe('On track');
    expect(limit([9])).toBe('On track');
  });

  it('is At risk between the band and the limit', () => {
    expect(limit([9.5])).toBe('At risk');
    expect(limit([10])).toBe('At risk');
  });

  it('is Off track past the limit', () => {
    expect(limit([10.5])).toBe('Off track');
  });
});

describe('an open period of a level KPI (Average, Min, Max, Latest, Ratio, On-time)', () => {
  it('says No data without entries', () => {
    expect(
      statusOf({ aggregation: 'Average', direction: 'At least', target: 90, values: [] }),
    ).toEqual({
      status: 'No data',
      actual: '',
    });
  });

  it('with At least: On track at the target, At risk within the band below, Off track beyond', () => {
    const level = (v: number) =>
      statusOf({ aggregation: 'Latest', direction: 'At least', target: 90, values: [v] }).status;
    expect(level(90)).toBe('On track');
    expect(level(81)).toBe('At risk');
    expect(level(80.9)).toBe('Off track');
  });

  it('with At most: On track at the target, At risk within the band above, Off track beyond', () => {
    const level = (v: number) =>
      statusOf({ aggregation: 'Average', direction: 'At most', target: 4, values: [v] }).status;
    expect(level(4)).toBe('On track');
    expect(level(4.4)).toBe('At risk');
    expect(level(4.41)).toBe('Off track');
  });

  it('does not pro-rate a level target by the days elapsed', () => {
    expect(
      statusOf({
        aggregation: 'Min',
        direction: 'At least',
        target: 100,
        values: [95],
        now: '2026-11-23 09:00',
      }).status,
    ).toBe('At risk');
  });
});

describe('a closed period', () => {
  const closed = (c: Omit<Case, 'now' | 'period'>) =>
    statusOf({ ...c, now: '2026-12-02 12:00', period: '2026-W48' });

  it('is Met when the actual reaches the target in its direction, else Missed', () => {
    expect(
      closed({ aggregation: 'Sum', direction: 'At least', target: 15, values: [8, 7] }).status,
    ).toBe('Met');
    expect(
      closed({ aggregation: 'Sum', direction: 'At least', target: 15, values: [8, 6] }).status,
    ).toBe('Missed');
    expect(
      closed({ aggregation: 'Average', direction: 'At most', target: 4, values: [4, 4] }).status,
    ).toBe('Met');
    expect(
      closed({ aggregation: 'Average', direction: 'At most', target: 4, values: [4, 4.2] }).status,
    ).toBe('Missed');
  });

  it('has no risk band: just under the target is Missed', () => {
    expect(
      closed({ aggregation: 'Average', direction: 'At least', target: 90, values: [89.99] }).status,
    ).toBe('Missed');
  });

  it('says No data for a level KPI without entries', () => {
    expect(
      closed({ aggregation: 'Average', direction: 'At least', target: 90, values: [] }),
    ).toEqual({
      status: 'No data',
      actual: '',
    });
  });

  it('counts nothing logged as 0 for an accumulating KPI: Missed for a target, Met for a limit', () => {
    expect(
      closed({ aggregation: 'Sum', direction: 'At least', target: 15, values: [] }).status,
    ).toBe('Missed');
    expect(closed({ aggregation: 'Sum', direction: 'At most', target: 3, values: [] }).status).toBe(
      'Met',
    );
  });
});

describe('a period that has not begun', () => {
  it('says No data', () => {
    expect(
      statusOf({
        aggregation: 'Sum',
        direction: 'At least',
        target: 15,
        values: [],
        period: '2026-W49',
      }).status,
    ).toBe('No data');
  });
});

describe('judging directly', () => {
  const ctx = workbook();
  const kpi = ctx.snapshot.kpis.byId.get('K1') as Kpi & { direction: 'At least' };
  const week: Period = {
    kind: 'Week',
    key: '2026-W48' as Period['key'],
    start: day('2026-11-23'),
    end: day('2026-11-29'),
  };
  const priya = memberOrDefault(ctx.snapshot, 'priya@example.com' as Email);

  it('reports the expected figure for an accumulating target, and none otherwise', () => {
    expect(judge(kpi, 11, 15, week, priya, ctx.moment)).toEqual({
      status: 'At risk',
      expected: 12,
    });
    const k2 = ctx.snapshot.kpis.byId.get('K2') as Kpi & { direction: 'At most' };
    expect(judge(k2, 50, 48, week, priya, ctx.moment)).toEqual({
      status: 'At risk',
      expected: null,
    });
  });

  it('tells accumulating aggregations from levels', () => {
    const of = (aggregation: Kpi['aggregation']) => isAccumulating({ ...kpi, aggregation });
    expect([of('Sum'), of('Count')]).toEqual([true, true]);
    expect([of('Average'), of('Min'), of('Max'), of('Latest'), of('Ratio'), of('On-time')]).toEqual(
      [false, false, false, false, false, false],
    );
  });

  it('does not let floating point tip 12 × 0.9 to Off track', () => {
    // Nine entries of 1.2 make 10.799999999999999 in binary, a hair under 12 × 0.9.
    const nineTimes = 1.2 * 9;
    expect(nineTimes).toBeLessThan(10.8);
    expect(judge(kpi, nineTimes, 15, week, priya, ctx.moment).status).toBe('At risk');
    expect(judge(kpi, 10.79, 15, week, priya, ctx.moment).status).toBe('Off track');
  });
});
