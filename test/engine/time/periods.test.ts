import {
  isoWeek,
  keyFitsKind,
  nextPeriod,
  periodOf,
  periodsUpTo,
  previousPeriod,
  readPeriodKey,
  weekKey,
  weeksInIsoYear,
  weekStartOn,
  type PeriodRules,
} from '../../../src/engine/time/periods';
import type { Period, PeriodKind } from '../../../src/engine/types';
import { day } from '../fixtures';

const MONDAY: PeriodRules = { weekStart: 0, fortnightAnchor: null };
const SUNDAY: PeriodRules = { weekStart: 6, fortnightAnchor: null };

const span = (period: Period): [string, string, string] => [
  period.key,
  new Date(period.start * 86_400_000).toISOString().slice(0, 10),
  new Date(period.end * 86_400_000).toISOString().slice(0, 10),
];

function granularityOf(key: string): number {
  const reading = readPeriodKey(key, 0);
  if (!reading.ok) throw new Error(`unreadable ${key}`);
  return reading.granularity;
}

describe('ISO weeks', () => {
  it('puts Thursday 26 November 2026 in 2026-W48, Monday 23 to Sunday 29', () => {
    expect(isoWeek(day('2026-11-26'))).toEqual({ year: 2026, week: 48 });
    expect(span(periodOf('Week', day('2026-11-26'), MONDAY))).toEqual([
      '2026-W48',
      '2026-11-23',
      '2026-11-29',
    ]);
  });

  it('knows which years have a week 53: 2020 and 2026 do, 2025 and 2027 do not', () => {
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(weeksInIsoYear(2025)).toBe(52);
    expect(weeksInIsoYear(2027)).toBe(52);
  });

  it('names the week of New Year 2021 2020-W53 and the one of New Year 2027 2026-W53', () => {
    expect(span(periodOf('Week', day('2021-01-01'), MONDAY))).toEqual([
      '2020-W53',
      '2020-12-28',
      '2021-01-03',
    ]);
    expect(span(periodOf('Week', day('2027-01-03'), MONDAY))).toEqual([
      '2026-W53',
      '2026-12-28',
      '2027-01-03',
    ]);
    expect(periodOf('Week', day('2027-01-04'), MONDAY).key).toBe('2027-W01');
  });

  it('puts 29 December 2025 in 2026-W01', () => {
    expect(periodOf('Week', day('2025-12-29'), MONDAY).key).toBe('2026-W01');
  });

  it('reads 2020-W53 and 2026-W53 back, but not 2025-W53 or week 0', () => {
    expect(readPeriodKey('2020-W53', 0)).toEqual({
      ok: true,
      firstDay: day('2020-12-28'),
      granularity: granularityOf('2026-W01'),
    });
    expect(readPeriodKey('2026-W53', 0)).toMatchObject({ ok: true, firstDay: day('2026-12-28') });
    expect(readPeriodKey('2025-W53', 0)).toEqual({ ok: false });
    expect(readPeriodKey('2026-W00', 0)).toEqual({ ok: false });
  });
});

describe('weeks starting Monday or Sunday', () => {
  it('starts a Monday week on Monday and a Sunday week on Sunday', () => {
    expect(weekStartOn(day('2026-11-26'), 0)).toBe(day('2026-11-23'));
    expect(weekStartOn(day('2026-11-26'), 6)).toBe(day('2026-11-22'));
    expect(weekStartOn(day('2026-11-22'), 0)).toBe(day('2026-11-16'));
    expect(weekStartOn(day('2026-11-22'), 6)).toBe(day('2026-11-22'));
  });

  it('names a Sunday-start week by the ISO week holding six of its days', () => {
    expect(span(periodOf('Week', day('2026-11-26'), SUNDAY))).toEqual([
      '2026-W48',
      '2026-11-22',
      '2026-11-28',
    ]);
    // Sunday 29 November already belongs to the next Sunday week.
    expect(periodOf('Week', day('2026-11-29'), SUNDAY).key).toBe('2026-W49');
    expect(periodOf('Week', day('2026-11-29'), MONDAY).key).toBe('2026-W48');
    expect(weekKey(day('2026-11-22'))).toBe('2026-W48');
  });

  it('reads a week key back to the first day of the week under either setting', () => {
    expect(readPeriodKey('2026-W48', 0)).toMatchObject({ ok: true, firstDay: day('2026-11-23') });
    expect(readPeriodKey('2026-W48', 6)).toMatchObject({ ok: true, firstDay: day('2026-11-22') });
    expect(readPeriodKey(' 2026-w48 ', 0)).toMatchObject({ ok: true, firstDay: day('2026-11-23') });
  });

  it('gives every day of a week the key that reads back to its first day', () => {
    for (const rules of [MONDAY, SUNDAY]) {
      for (let d = day('2026-12-20'); d <= day('2027-01-12'); d++) {
        const week = periodOf('Week', d, rules);
        expect(readPeriodKey(week.key, rules.weekStart)).toMatchObject({
          ok: true,
          firstDay: week.start,
        });
      }
    }
  });
});

describe('fortnights', () => {
  const fromStart = (start: string): PeriodRules => ({ weekStart: 0, fortnightAnchor: day(start) });

  it('counts fortnights from the KPI Start week and names them by their first week', () => {
    // Start Monday 2 November 2026 (W45): W45-46, W47-48, W49-50 …
    const rules = fromStart('2026-11-02');
    expect(span(periodOf('Fortnight', day('2026-11-26'), rules))).toEqual([
      '2026-W47',
      '2026-11-16',
      '2026-11-29',
    ]);
    expect(span(periodOf('Fortnight', day('2026-11-02'), rules))).toEqual([
      '2026-W45',
      '2026-11-02',
      '2026-11-15',
    ]);
    expect(periodOf('Fortnight', day('2026-12-01'), rules).key).toBe('2026-W49');
  });

  it('shifts by a week when the Start week does', () => {
    // A Start on Wednesday 11 November (W46) anchors the fortnights on W46.
    const rules = fromStart('2026-11-11');
    expect(span(periodOf('Fortnight', day('2026-11-26'), rules))).toEqual([
      '2026-W48',
      '2026-11-23',
      '2026-12-06',
    ]);
  });

  it('counts back before the Start week too', () => {
    const rules = fromStart('2026-11-02');
    expect(span(periodOf('Fortnight', day('2026-10-30'), rules))).toEqual([
      '2026-W43',
      '2026-10-19',
      '2026-11-01',
    ]);
    expect(previousPeriod(periodOf('Fortnight', day('2026-11-02'), rules), rules).key).toBe(
      '2026-W43',
    );
  });

  it('runs across New Year in a 53-week year', () => {
    const rules = fromStart('2026-11-02');
    expect(span(periodOf('Fortnight', day('2027-01-01'), rules))).toEqual([
      '2026-W53',
      '2026-12-28',
      '2027-01-10',
    ]);
  });
});

describe('days and months', () => {
  it('makes each date its own Day period', () => {
    expect(span(periodOf('Day', day('2026-11-27'), MONDAY))).toEqual([
      '2026-11-27',
      '2026-11-27',
      '2026-11-27',
    ]);
  });

  it('ends months on their last day: the 31st, the 30th, 28 or 29 February', () => {
    const month = (iso: string) => span(periodOf('Month', day(iso), MONDAY));
    expect(month('2026-01-15')).toEqual(['2026-01', '2026-01-01', '2026-01-31']);
    expect(month('2026-11-27')).toEqual(['2026-11', '2026-11-01', '2026-11-30']);
    expect(month('2026-12-31')).toEqual(['2026-12', '2026-12-01', '2026-12-31']);
    expect(month('2028-02-10')).toEqual(['2028-02', '2028-02-01', '2028-02-29']);
    expect(month('2100-02-10')).toEqual(['2100-02', '2100-02-01', '2100-02-28']);
  });

  it('steps to the previous and next month across a year end', () => {
    const december = periodOf('Month', day('2026-12-31'), MONDAY);
    expect(nextPeriod(december, MONDAY).key).toBe('2027-01');
    expect(previousPeriod(periodOf('Month', day('2027-01-01'), MONDAY), MONDAY).key).toBe(
      '2026-12',
    );
    expect(span(nextPeriod(periodOf('Month', day('2028-01-31'), MONDAY), MONDAY))).toEqual([
      '2028-02',
      '2028-02-01',
      '2028-02-29',
    ]);
  });

  it('lists the last periods oldest first', () => {
    expect(periodsUpTo('Week', day('2026-11-26'), 3, MONDAY).map((p) => p.key)).toEqual([
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
    expect(periodsUpTo('Month', day('2026-02-10'), 3, MONDAY).map((p) => p.key)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});

describe('period keys as text', () => {
  it('reads 2026-11-27, 2026-W48 and 2026-11 back to their first day', () => {
    expect(readPeriodKey('2026-11-27', 0)).toMatchObject({ ok: true, firstDay: day('2026-11-27') });
    expect(readPeriodKey('2026-W48', 0)).toMatchObject({ ok: true, firstDay: day('2026-11-23') });
    expect(readPeriodKey('2026-W1', 0)).toMatchObject({ ok: true, firstDay: day('2025-12-29') });
    expect(readPeriodKey('2026-11', 0)).toMatchObject({ ok: true, firstDay: day('2026-11-01') });
    expect(readPeriodKey('2028-02-29', 0)).toMatchObject({ ok: true, firstDay: day('2028-02-29') });
  });

  it('refuses keys that name no period', () => {
    for (const text of ['2100-02-29', '2026-02-30', '2026-13', '2026-00', '2026-W54', 'W48', '']) {
      expect(readPeriodKey(text, 0)).toEqual({ ok: false });
    }
  });

  it('gives every period a key that reads back to that period', () => {
    const kinds: PeriodKind[] = ['Day', 'Week', 'Month'];
    for (const kind of kinds) {
      const period = periodOf(kind, day('2026-11-27'), MONDAY);
      const reading = readPeriodKey(period.key, 0);
      expect(reading).toMatchObject({ ok: true, firstDay: period.start });
    }
  });

  it('lets a day key pick a period of any kind', () => {
    const dayKey = granularityOf('2026-11-27');
    for (const kind of ['Day', 'Week', 'Fortnight', 'Month'] as PeriodKind[]) {
      expect(keyFitsKind(dayKey, kind)).toBe(true);
    }
  });

  it('lets a week key pick a week or a fortnight, but not a day or a month', () => {
    const weekKeyGranularity = granularityOf('2026-W48');
    expect(keyFitsKind(weekKeyGranularity, 'Week')).toBe(true);
    expect(keyFitsKind(weekKeyGranularity, 'Fortnight')).toBe(true);
    expect(keyFitsKind(weekKeyGranularity, 'Day')).toBe(false);
    // 2026-W49 runs from 30 November into December: it names no one month.
    expect(keyFitsKind(weekKeyGranularity, 'Month')).toBe(false);
  });

  it('lets a month key pick only a month', () => {
    const monthKey = granularityOf('2026-11');
    expect(keyFitsKind(monthKey, 'Month')).toBe(true);
    expect(keyFitsKind(monthKey, 'Week')).toBe(false);
    expect(keyFitsKind(monthKey, 'Fortnight')).toBe(false);
    expect(keyFitsKind(monthKey, 'Day')).toBe(false);
  });
});
