import { smartOf } from '../../../src/engine/formulas';
import { bestResult } from '../../../src/engine/kpi/history';
import {
  formatSmart,
  HISTORY_NEEDED,
  smartCheck,
  type SmartReferences,
} from '../../../src/engine/kpi/smart';
import type { Kpi } from '../../../src/engine/types';
import {
  editRow,
  kpiValues,
  logRow,
  one,
  PRIYA,
  workbook,
  type WorkbookOptions,
} from '../fixtures';

const ALL = [['K1'], ['K2'], ['K3'], ['K4'], ['K5'], ['K6'], ['K7'], ['K8'], ['K9'], ['K10']];

/** The SMART column for one example KPI after changing some of its cells. */
function smartAfter(
  id: string,
  changes: Record<string, unknown>,
  options: WorkbookOptions = {},
): string | number {
  const lang = options.lang ?? 'en';
  return one(smartOf(workbook({ ...options, kpis: editRow(kpiValues(lang), id, changes) }), id));
}

describe('the SMART check of the example KPIs', () => {
  it('says OK for all ten, with their Goals and Team', () => {
    expect(smartOf(workbook(), ALL)).toEqual(ALL.map(() => ['OK']));
  });

  it('says OK for all ten in a Danish sheet', () => {
    expect(smartOf(workbook({ lang: 'da' }), ALL)).toEqual(ALL.map(() => ['OK']));
  });

  it('finds the owners unknown without a Team tab, and the goals without a Goals tab', () => {
    expect(one(smartOf(workbook({ team: null, goals: null }), 'K1'))).toBe(
      'S: Owner priya@example.com is not in Team; R: Goal G1 is not in Goals',
    );
  });
});

describe('each letter failing says why', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['S', 'K1', { Measure: '' }, 'S: Measure is empty'],
    ['S', 'K1', { Owner: '' }, 'S: Owner is empty'],
    ['S', 'K1', { Owner: 'bob@example.com' }, 'S: Owner bob@example.com is not in Team'],
    ['S', 'K1', { Owner: 'priya' }, 'S: Owner "priya" is not an e-mail address'],
    ['M', 'K1', { Aggregation: '' }, 'M: Aggregation is missing'],
    [
      'M',
      'K1',
      { Aggregation: 'Total' },
      'M: Aggregation "Total" is not one of Sum, Count, Average, Min, Max, Latest, Ratio, On-time',
    ],
    ['M', 'K1', { Direction: '' }, 'M: Direction is missing'],
    ['M', 'K1', { Target: '' }, 'M: Target is missing'],
    ['M', 'K1', { Target: 'fifteen' }, 'M: Target "fifteen" is not a number'],
    ['M', 'K1', { Unit: '' }, 'M: Unit is missing'],
    ['M', 'K4', { Target: 120 }, 'M: A % target must be between 0 and 100'],
    [
      'M',
      'K10',
      { 'Denominator KPI': '' },
      'M: A ratio needs both a Numerator KPI and a Denominator KPI',
    ],
    [
      'M',
      'K10',
      { 'Numerator KPI': 'K99' },
      'M: KPI K99 (numerator or denominator) does not exist',
    ],
    [
      'M',
      'K7',
      { Qualifier: 'long ones' },
      'M: Qualifier "long ones" is not a condition like >= 1200',
    ],
    ['R', 'K1', { 'Goal ID': '' }, 'R: Goal ID is empty'],
    ['R', 'K1', { 'Goal ID': 'G9' }, 'R: Goal G9 is not in Goals'],
    ['T', 'K1', { Period: '' }, 'T: Period is missing'],
    [
      'T',
      'K1',
      { Period: 'Yearly' },
      'T: Period "Yearly" is not one of Day, Week, Fortnight, Month',
    ],
    ['T', 'K6', { 'Due time': '25:00' }, 'T: Due time "25:00" is not a time like 16:00'],
    ['T', 'K6', { 'Due time': '' }, 'T: An On-time KPI needs a Due time'],
    ['T', 'K1', { 'Review by': '' }, 'T: Review by is missing'],
    [
      'T',
      'K1',
      { Start: 'soon' },
      'T: Start "soon" cannot be read as a date (write it as 2026-11-27)',
    ],
    [
      'T',
      'K1',
      { Start: '31/02/2026' },
      'T: Start "31/02/2026" cannot be read as a date (write it as 2026-11-27)',
    ],
    [
      'T',
      'K1',
      { 'Review by': 'next quarter' },
      'T: Review by "next quarter" cannot be read as a date (write it as 2026-11-27)',
    ],
    [
      'T',
      'K1',
      { 'Review by': '31/02/2026' },
      'T: Review by "31/02/2026" cannot be read as a date (write it as 2026-11-27)',
    ],
  ])('%s (%s with %j): %s', (_letter, id, changes, message) => {
    expect(smartAfter(id, changes)).toBe(message);
  });

  it('lists every failure, letter by letter, separated by semicolons', () => {
    expect(smartAfter('K1', { 'Review by': '', Unit: '', 'Goal ID': 'G9', Measure: '' })).toBe(
      'S: Measure is empty; M: Unit is missing; R: Goal G9 is not in Goals; T: Review by is missing',
    );
  });

  it('reads Start and Review by typed as text in any form it accepts, and says nothing of them', () => {
    for (const typed of ['2026-11-27', '27.11.2026', '27-11-2026', '27/11/2026']) {
      expect(smartAfter('K1', { Start: typed, 'Review by': typed })).toBe('OK');
    }
  });

  it('quotes an unreadable Start and Review by both, cut to 1,000 characters', () => {
    const long = 'x'.repeat(5000);
    expect(smartAfter('K1', { Start: 'soon', 'Review by': long })).toBe(
      'T: Start "soon" cannot be read as a date (write it as 2026-11-27); ' +
        `T: Review by "${'x'.repeat(1000)}…" cannot be read as a date (write it as 2026-11-27)`,
    );
  });

  it('accepts a valid Due time on any KPI, and a % target of exactly 0 or 100', () => {
    expect(smartAfter('K1', { 'Due time': '17:30' })).toBe('OK');
    expect(smartAfter('K4', { Target: 100 })).toBe('OK');
    expect(smartAfter('K4', { Target: 0 })).toBe('OK');
  });

  it('writes its findings in Danish in a Danish sheet, choice lists included', () => {
    const da = { lang: 'da' as const };
    expect(smartAfter('K1', { Enhed: '', 'Evalueres senest': '' }, da)).toBe(
      'M: Enhed mangler; T: Evalueres senest mangler',
    );
    expect(smartAfter('K1', { Beregning: 'Total' }, da)).toBe(
      'M: Beregningen "Total" er ikke en af Sum, Antal, Gennemsnit, Min, Maks, Seneste, Forhold, Til tiden',
    );
    expect(smartAfter('K1', { Periode: 'År' }, da)).toBe(
      'T: Perioden "År" er ikke en af Dag, Uge, 14 dage, Måned',
    );
    expect(smartAfter('K1', { Start: 'snart', 'Evalueres senest': '31.02.2026' }, da)).toBe(
      'T: Start "snart" kan ikke læses som en dato (skriv den som 2026-11-27); ' +
        'T: Evalueres senest "31.02.2026" kan ikke læses som en dato (skriv den som 2026-11-27)',
    );
  });

  it('tells an unknown KPI in its cell', () => {
    expect(smartOf(workbook(), [['K1'], ['Leads'], ['']])).toEqual([
      ['OK'],
      ['KPI "Leads" not found'],
      ['Give a KPI ID or name'],
    ]);
  });
});

describe('Achievable, against the history', () => {
  const weekly = (values: number[], kpi = 'K1') =>
    // Wednesdays of 2026-W45 … W49.
    values.map((v, i) =>
      logRow(
        ['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25', '2026-12-02'][i],
        PRIYA,
        kpi,
        v,
      ),
    );
  const inWeek50 = { now: '2026-12-10 12:00' };

  it('warns when an At least target is beyond twice the best closed period', () => {
    expect(one(smartOf(workbook({ ...inWeek50, log: weekly([5, 4, 5, 3, 5]) }), 'K1'))).toBe(
      'A: Target 15 is beyond twice the best result so far (5)',
    );
  });

  it('is content when the target is at most twice the best', () => {
    expect(one(smartOf(workbook({ ...inWeek50, log: weekly([5, 4, 8, 3, 5]) }), 'K1'))).toBe('OK');
    expect(one(smartOf(workbook({ ...inWeek50, log: weekly([7.5, 4, 5, 3]) }), 'K1'))).toBe('OK');
  });

  it('warns when an At most target is below half the best closed period', () => {
    const kpis = editRow(kpiValues(), 'K2', { Target: 10 });
    const log = weekly([30, 25, 40, 35], 'K2');
    expect(one(smartOf(workbook({ ...inWeek50, kpis, log }), 'K2'))).toBe(
      'A: Target 10 is below half the best result so far (25)',
    );
    const fair = editRow(kpiValues(), 'K2', { Target: 12.5 });
    expect(one(smartOf(workbook({ ...inWeek50, kpis: fair, log }), 'K2'))).toBe('OK');
  });

  it('needs four closed periods with entries before judging', () => {
    expect(HISTORY_NEEDED).toBe(4);
    expect(one(smartOf(workbook({ ...inWeek50, log: weekly([1, 1, 1]) }), 'K1'))).toBe('OK');
    expect(one(smartOf(workbook({ ...inWeek50, log: weekly([1, 1, 1, 1]) }), 'K1'))).toBe(
      'A: Target 15 is beyond twice the best result so far (1)',
    );
  });

  it('ignores the open period, however poor it looks', () => {
    // Four closed weeks of 8, and only 1 so far in the open week W49.
    const ctx = workbook({ now: '2026-12-03 12:00', log: weekly([8, 8, 8, 8, 1]) });
    expect(bestResult(ctx.snapshot, ctx.snapshot.kpis.byId.get('K1') as Kpi, ctx.moment)).toBe(8);
    expect(one(smartOf(ctx, 'K1'))).toBe('OK');
  });

  it('rounds the best result it quotes, and says it in Danish', () => {
    const log = weekly([1 / 3, 1 / 3, 1 / 3, 4 / 3]);
    expect(one(smartOf(workbook({ ...inWeek50, log, lang: 'da' }), 'K1'))).toBe(
      'A: Målet 15 er over det dobbelte af det bedste resultat hidtil (1,33)',
    );
  });
});

describe('the check on its own, as the KPI editor runs it', () => {
  const refs: SmartReferences = {
    isInTeam: (email) => email === 'priya@example.com',
    goalExists: (id) => id === 'G1',
    kpiExists: () => true,
    bestResult: null,
  };
  const k1 = workbook().snapshot.kpis.byId.get('K1') as Kpi;

  it('returns no findings for a sound KPI and formats that as OK', () => {
    expect(smartCheck(k1, refs)).toEqual([]);
    expect(formatSmart('en', [])).toBe('OK');
    expect(formatSmart('da', [])).toBe('OK');
  });

  it('returns each finding with its letter and message key', () => {
    expect(smartCheck({ ...k1, goalId: 'G2' as Kpi['goalId'], reviewBy: null }, refs)).toEqual([
      { letter: 'R', problem: { key: 'smart.goalUnknown', params: { goal: 'G2' } } },
      { letter: 'T', problem: { key: 'smart.reviewMissing' } },
    ]);
  });

  it('returns an unreadable date with the text as typed, not as missing', () => {
    const unreadable = { start: 'soon', reviewBy: 'later' };
    expect(smartCheck({ ...k1, start: null, reviewBy: null, unreadable }, refs)).toEqual([
      { letter: 'T', problem: { key: 'smart.startUnreadable', params: { value: 'soon' } } },
      { letter: 'T', problem: { key: 'smart.reviewUnreadable', params: { value: 'later' } } },
    ]);
  });
});
