import {
  kpiActual,
  kpiProgress,
  kpiScore,
  kpiStatus,
  kpiTarget,
  kpiTrend,
  MAX_TREND,
  smartOf,
} from '../../src/engine/formulas';
import {
  addRow,
  ANA,
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
} from './fixtures';

describe('the worked example of PRODUCT section 4 (2026-W48, Thursday 26 November 12:00, Mon-Fri)', () => {
  const worked = [
    // 15 approved posts a week, 11 logged Monday to Thursday.
    logRow('2026-11-23', PRIYA, 'K1', 3),
    logRow('2026-11-24', PRIYA, 'K1', 3),
    logRow('2026-11-25', PRIYA, 'K1', 3),
    logRow('2026-11-26', PRIYA, 'K1', 2),
    // Reply time at most 4 hours, on average.
    logRow('2026-11-23', JUAN, 'K3', 3.5),
    logRow('2026-11-24', JUAN, 'K3', 5),
    logRow('2026-11-25', JUAN, 'K3', 4.5),
    // Conversion 10 %: 4 converted of 35 qualified.
    logRow('2026-11-23', ANA, 'K8', 20),
    logRow('2026-11-25', ANA, 'K8', 15),
    logRow('2026-11-24', ANA, 'K9', 3),
    logRow('2026-11-26', ANA, 'K9', 1),
  ];
  const ctx = workbook({ log: worked, now: '2026-11-26 12:00' });

  it('reads the moment as Thursday of week 2026-W48 in Copenhagen', () => {
    expect(ctx.moment.today).toBe(day('2026-11-26'));
    expect(new Date(ctx.moment.now).toISOString()).toBe('2026-11-26T11:00:00.000Z');
  });

  it('15 posts a week with 11 logged: expected 12, 11 ≥ 10.8 → At risk', () => {
    expect(one(kpiActual(ctx, 'Approved posts', '', ''))).toBe(11);
    expect(one(kpiTarget(ctx, 'K1', '', ''))).toBe(15);
    expect(one(kpiStatus(ctx, 'K1', '', ''))).toBe('At risk');
    expect(one(kpiProgress(ctx, 'K1', '', ''))).toBeCloseTo(11 / 15, 12);
  });

  it('reply time at most 4 hours with 3.5, 5, 4.5: 4.33 ≤ 4.4 → At risk', () => {
    expect(one(kpiActual(ctx, 'E-mail reply time', '', ''))).toBeCloseTo(4.33, 2);
    expect(one(kpiStatus(ctx, 'K3', '', ''))).toBe('At risk');
  });

  it('conversion 10 % with 4 converted of 35 qualified: 11.4 % → On track', () => {
    expect(one(kpiActual(ctx, 'Lead conversion', '', ''))).toBeCloseTo(11.4, 1);
    expect(one(kpiStatus(ctx, 'K10', '', ''))).toBe('On track');
  });

  it('gives the same statuses in Danish', () => {
    const da = workbook({ lang: 'da', log: worked, now: '2026-11-26 12:00' });
    expect(kpiStatus(da, [['K1'], ['K3'], ['K10']], '', '')).toEqual([
      ['I risiko'],
      ['I risiko'],
      ['På sporet'],
    ]);
  });
});

describe('ranges', () => {
  const ctx = workbook({ log: exampleWeekLog() });

  it('answer a column of KPIs with a column of results', () => {
    expect(kpiStatus(ctx, [['K1'], ['K7'], ['K8']], '', '')).toEqual([
      ['At risk'],
      ['On track'],
      ['Off track'],
    ]);
    expect(kpiActual(ctx, [['K1'], ['K9']], '', '')).toEqual([[11], [4]]);
    expect(kpiTarget(ctx, [['K1'], ['K3']], '', '')).toEqual([[15], [4]]);
  });

  it('answer a row or a block in the same shape', () => {
    expect(kpiTarget(ctx, [['K1', 'K2', 'K3']], '', '')).toEqual([[15, 48, 4]]);
    const block = kpiActual(
      ctx,
      [
        ['K1', 'K8'],
        ['K9', 'K7'],
      ],
      '',
      '',
    );
    expect(block).toEqual([
      [11, 35],
      [4, 3],
    ]);
  });

  it('put the message for a bad KPI in its own cell only', () => {
    expect(kpiStatus(ctx, [['K1'], ['Leads'], [''], ['K8']], '', '')).toEqual([
      ['At risk'],
      ['KPI "Leads" not found'],
      ['Give a KPI ID or name'],
      ['Off track'],
    ]);
  });

  it('leave the actual of a KPI without data blank and its progress blank', () => {
    const empty = workbook();
    expect(kpiActual(empty, [['K2'], ['K1']], '', '')).toEqual([[''], ['']]);
    expect(kpiProgress(empty, [['K2']], '', '')).toEqual([['']]);
  });
});

describe('the assistant argument', () => {
  const twoOwners = editRow(kpiValues(), 'K1', { Owner: 'priya@example.com, juan@example.com' });
  const log = [logRow('2026-11-23', PRIYA, 'K1', 6), logRow('2026-11-23', JUAN, 'K1', 2)];
  const ctx = workbook({ kpis: twoOwners, log });

  it('must name the assistant when a KPI has several owners', () => {
    expect(one(kpiStatus(ctx, 'K1', '', ''))).toBe(
      'KPI "K1" has several owners: name the assistant',
    );
    expect(one(kpiActual(ctx, 'Approved posts', '', ''))).toBe(
      'KPI "Approved posts" has several owners: name the assistant',
    );
  });

  it('must name the assistant when several KPIs share a name', () => {
    const shared = addRow(kpiValues(), {
      'KPI ID': 'K11',
      KPI: 'Approved posts',
      Owner: ANA,
      Aggregation: 'Sum',
      Direction: 'At least',
      Target: 5,
      Period: 'Week',
    });
    const both = workbook({ kpis: shared, log: [logRow('2026-11-23', ANA, 'K11', 4)] });
    expect(one(kpiActual(both, 'Approved posts', '', ''))).toBe(
      'KPI "Approved posts" has several owners: name the assistant',
    );
    expect(one(kpiActual(both, 'Approved posts', '', 'Ana Silva'))).toBe(4);
    expect(one(kpiTarget(both, 'Approved posts', '', PRIYA))).toBe(15);
  });

  it('picks the owner by e-mail or by name', () => {
    expect(one(kpiActual(ctx, 'K1', '', 'PRIYA@example.com'))).toBe(6);
    expect(one(kpiActual(ctx, 'K1', '', 'Juan dela Cruz'))).toBe(2);
  });

  it('says when the assistant is unknown, ambiguous, not an owner or not given', () => {
    expect(one(kpiActual(ctx, 'K1', '', 'Bob'))).toBe('Assistant "Bob" not found in Team');
    expect(one(kpiActual(ctx, 'K1', '', ANA))).toBe('KPI "K1" is not owned by ana@example.com');
    const twoAnas = workbook({
      team: addRow(teamValues(), { Name: 'Ana Silva', Email: 'ana2@example.com' }),
    });
    expect(one(kpiActual(twoAnas, 'K8', '', 'Ana Silva'))).toBe(
      'Several people in Team are called "Ana Silva": use the e-mail',
    );
    expect(one(kpiScore(ctx, '', ''))).toBe("Give an assistant's e-mail or name");
  });

  it('still finds an owner who has left Team, by e-mail', () => {
    const gone = workbook({ kpis: editRow(kpiValues(), 'K1', { Owner: 'ex@example.com' }) });
    expect(one(kpiTarget(gone, 'K1', '', 'ex@example.com'))).toBe(15);
    expect(one(kpiTarget(gone, 'K1', '', 'nobody@example.com'))).toBe(
      'Assistant "nobody@example.com" not found in Team',
    );
  });
});

describe('the period argument', () => {
  const ctx = workbook({
    log: [logRow('2026-11-18', PRIYA, 'K1', 7), logRow('2026-11-24', PRIYA, 'K1', 9)],
  });
  const monthly = editRow(kpiValues(), 'K1', { Period: 'Month' });
  const monthCtx = workbook({
    kpis: monthly,
    log: [logRow('2026-11-18', PRIYA, 'K1', 7), logRow('2026-11-24', PRIYA, 'K1', 9)],
  });

  it('blank means the current period', () => {
    expect(one(kpiActual(ctx, 'K1', '', ''))).toBe(9);
    expect(one(kpiActual(ctx, 'K1', null, ''))).toBe(9);
  });

  it('takes a date cell inside the period', () => {
    expect(one(kpiActual(ctx, 'K1', dateCell('2026-11-20'), ''))).toBe(7);
    expect(one(kpiActual(ctx, 'K1', dateCell('2026-11-23'), ''))).toBe(9);
  });

  it('takes a period key', () => {
    expect(one(kpiActual(ctx, 'K1', '2026-W47', ''))).toBe(7);
    expect(one(kpiActual(ctx, 'K1', '2026-11-18', ''))).toBe(7);
    expect(one(kpiActual(monthCtx, 'K1', '2026-11', ''))).toBe(16);
  });

  it('takes a Sheets date serial number', () => {
    // Sheets counts days from 30 December 1899: 46344 is 18 November 2026.
    expect(one(kpiActual(ctx, 'K1', 46344, ''))).toBe(7);
    expect(one(kpiActual(ctx, 'K1', 46344.75, ''))).toBe(7);
  });

  it('takes a date typed as text in the sheet order', () => {
    expect(one(kpiActual(ctx, 'K1', '18.11.2026', ''))).toBe(7);
    expect(one(kpiActual(ctx, 'K1', '18/11/2026', ''))).toBe(7);
    const american = workbook({ dateOrder: 'MDY', log: [logRow('2026-11-18', PRIYA, 'K1', 7)] });
    expect(one(kpiActual(american, 'K1', '11/18/2026', ''))).toBe(7);
  });

  it('says so when the period cannot be read', () => {
    expect(one(kpiActual(ctx, 'K1', 'last week', ''))).toBe(
      'Period "last week" is not a date or a key like 2026-W48',
    );
    expect(one(kpiActual(ctx, 'K1', '2026-W54', ''))).toBe(
      'Period "2026-W54" is not a date or a key like 2026-W48',
    );
  });

  it('refuses a week key for a monthly KPI, and a month key for a weekly one', () => {
    expect(one(kpiActual(monthCtx, 'K1', '2026-W48', ''))).toBe(
      'Period "2026-W48" does not fit the KPI\'s period (Month): give a date or a key of that period',
    );
    expect(one(kpiActual(ctx, 'K1', '2026-11', ''))).toBe(
      'Period "2026-11" does not fit the KPI\'s period (Week): give a date or a key of that period',
    );
    const da = workbook({ lang: 'da', kpis: editRow(kpiValues('da'), 'K1', { Periode: 'Måned' }) });
    expect(one(kpiActual(da, 'K1', '2026-W48', ''))).toBe(
      'Perioden "2026-W48" passer ikke til KPI\'ens periode (Måned): angiv en dato eller en nøgle for den periode',
    );
  });

  it('takes a fortnight by the key of either of its weeks', () => {
    const fortnightly = workbook({
      kpis: editRow(kpiValues(), 'K1', { Period: 'Fortnight' }),
      log: [logRow('2026-11-18', PRIYA, 'K1', 7), logRow('2026-11-24', PRIYA, 'K1', 9)],
    });
    // Counted from the Start week W45: W47-W48 is one fortnight.
    expect(one(kpiActual(fortnightly, 'K1', '2026-W47', ''))).toBe(16);
    expect(one(kpiActual(fortnightly, 'K1', '2026-W48', ''))).toBe(16);
    expect(one(kpiActual(fortnightly, 'K1', '2026-W46', ''))).toBe('');
  });

  it('reads a week key by the week start setting', () => {
    // With Sunday weeks, 2026-W48 is Sunday 22 to Saturday 28 November.
    const sunday = workbook({
      weekStart: 6,
      log: [logRow('2026-11-22', PRIYA, 'K1', 5), logRow('2026-11-29', PRIYA, 'K1', 1)],
      now: '2026-12-01 12:00',
    });
    expect(one(kpiActual(sunday, 'K1', '2026-W48', ''))).toBe(5);
    const monday = workbook({
      log: [logRow('2026-11-22', PRIYA, 'K1', 5), logRow('2026-11-29', PRIYA, 'K1', 1)],
      now: '2026-12-01 12:00',
    });
    expect(one(kpiActual(monday, 'K1', '2026-W48', ''))).toBe(1);
  });
});

describe('KPI_TREND', () => {
  const log = [
    logRow('2026-11-04', PRIYA, 'K1', 10),
    logRow('2026-11-11', PRIYA, 'K1', 12),
    logRow('2026-11-18', PRIYA, 'K1', 14),
    logRow('2026-11-24', PRIYA, 'K1', 9),
    logRow('2026-11-12', ANA, 'K8', 40),
  ];
  const ctx = workbook({ log });

  it('gives one row of actuals, oldest first, ending with the current period', () => {
    expect(kpiTrend(ctx, 'K1', 4, '')).toEqual([[10, 12, 14, 9]]);
    expect(kpiTrend(ctx, 'K1', 2, '')).toEqual([[14, 9]]);
  });

  it('shows the last 8 periods by default, blank where there was no data', () => {
    expect(kpiTrend(ctx, 'K1', '', '')).toEqual([['', '', '', '', 10, 12, 14, 9]]);
  });

  it('gives one row per KPI of a range, a bad KPI getting its message in the first cell', () => {
    expect(kpiTrend(ctx, [['K1'], ['Leads'], ['K8']], 3, '')).toEqual([
      [12, 14, 9],
      ['KPI "Leads" not found', '', ''],
      [40, '', ''],
    ]);
  });

  it('refuses a count that is not a whole number from 1 to the maximum', () => {
    for (const count of [0, -1, 2.5, 'many', MAX_TREND + 1]) {
      expect(kpiTrend(ctx, 'K1', count, '')).toEqual([
        [`Count must be a whole number from 1 to ${MAX_TREND}`],
      ]);
    }
    expect(kpiTrend(ctx, 'K1', MAX_TREND, '')[0]).toHaveLength(MAX_TREND);
  });
});

describe('KPI_SCORE', () => {
  const ctx = workbook({ log: exampleWeekLog() });

  it("is the share of an assistant's active KPIs On track or Met", () => {
    // Priya: K1 At risk, K2 At risk, K7 On track. Ana: K8 Off track, K9 and K10 On track.
    expect(one(kpiScore(ctx, PRIYA, ''))).toBeCloseTo(1 / 3, 12);
    expect(one(kpiScore(ctx, 'Ana Silva', ''))).toBeCloseTo(2 / 3, 12);
    expect(kpiScore(ctx, [[PRIYA], [ANA], [JUAN]], '')).toEqual([[1 / 3], [2 / 3], [0]]);
  });

  it('counts Met in a closed period', () => {
    const later = workbook({ log: exampleWeekLog(), now: '2026-12-01 12:00' });
    // Priya in W48: K1 Missed, K2 Missed, K7 Met.
    expect(one(kpiScore(later, PRIYA, '2026-W48'))).toBeCloseTo(1 / 3, 12);
    expect(one(kpiScore(later, PRIYA, dateCell('2026-11-25')))).toBeCloseTo(1 / 3, 12);
  });

  it('leaves out Paused and Retired KPIs', () => {
    const paused = editRow(editRow(kpiValues(), 'K1', { Status: 'Paused' }), 'K2', {
      Status: 'Retired',
    });
    expect(one(kpiScore(workbook({ kpis: paused, log: exampleWeekLog() }), PRIYA, ''))).toBe(1);
  });

  it('is blank for someone without active KPIs', () => {
    expect(one(kpiScore(ctx, 'mette@example.com', ''))).toBe('');
  });
});

describe('SMART_CHECK', () => {
  it('answers a range in the same shape', () => {
    const ctx = workbook({ kpis: editRow(kpiValues(), 'K2', { Unit: '' }) });
    expect(smartOf(ctx, [['K1', 'K2']])).toEqual([['OK', 'M: Unit is missing']]);
  });
});

describe('formulas never throw on odd arguments', () => {
  const ctx = workbook({ log: exampleWeekLog() });
  const odd: unknown[] = [
    '',
    null,
    undefined,
    0,
    -1,
    NaN,
    Infinity,
    true,
    new Date(NaN),
    '=K1',
    'K1; K2',
    [[]],
    [
      ['K1', null],
      [undefined, 42],
    ],
  ];

  it('answers every odd KPI, period and assistant with a value or a message', () => {
    for (const kpi of odd) {
      for (const period of odd) {
        for (const fn of [kpiStatus, kpiActual, kpiTarget, kpiProgress]) {
          expect(() => fn(ctx, kpi, period, '')).not.toThrow();
        }
      }
      for (const assistant of odd) {
        expect(() => kpiStatus(ctx, kpi, '', assistant)).not.toThrow();
        expect(() => kpiTrend(ctx, kpi, 3, assistant)).not.toThrow();
        expect(() => kpiScore(ctx, assistant, kpi)).not.toThrow();
      }
      expect(() => smartOf(ctx, kpi)).not.toThrow();
    }
  });
});
