import {
  appendRows,
  day,
  logRow,
  setUpExampleWorkbook,
  workedExampleRows,
  type Addon,
} from '../support/addon';

/** Custom functions run in their own execution with AuthMode.CUSTOM_FUNCTION: read-only services. */
function formula(addon: Addon, name: string, ...args: unknown[]): unknown {
  return addon.emu.run(() =>
    addon.emu.withAuthMode('CUSTOM_FUNCTION', () => addon.gas[name](...args)),
  );
}

describe('custom functions through the compiled bundle', () => {
  let addon: Addon;
  beforeEach(() => {
    addon = setUpExampleWorkbook();
    appendRows(addon.emu, 'Log', workedExampleRows());
  });

  test('the worked example of PRODUCT section 4 gives At risk, At risk and On track', () => {
    expect(formula(addon, 'KPI_STATUS', 'K1')).toBe('At risk');
    expect(formula(addon, 'KPI_ACTUAL', 'K1')).toBe(11);
    expect(formula(addon, 'KPI_STATUS', 'E-mail reply time')).toBe('At risk');
    expect(formula(addon, 'KPI_ACTUAL', 'K3')).toBeCloseTo(4.333, 3);
    expect(formula(addon, 'KPI_STATUS', 'K10')).toBe('On track');
    expect(formula(addon, 'KPI_ACTUAL', 'K10')).toBeCloseTo(11.43, 2);
  });

  test('a range of KPIs gives a result of the same shape', () => {
    expect(formula(addon, 'KPI_STATUS', [['K1'], ['K3'], ['K10']])).toEqual([
      ['At risk'],
      ['At risk'],
      ['On track'],
    ]);
    expect(formula(addon, 'KPI_TARGET', [['K1', 'K8']])).toEqual([[15, 50]]);
  });

  test('a range of 500 KPIs is evaluated with one read per tab', () => {
    const ids = Array.from({ length: 500 }, (_, i) => [`K${(i % 10) + 1}`]);
    addon.emu.resetCalls();
    const statuses = formula(addon, 'KPI_STATUS', ids) as unknown[][];
    expect(statuses).toHaveLength(500);
    expect(statuses[0]).toEqual(['At risk']);
    // Team, Goals, KPIs, Log, Targets: one getValues each.
    expect(addon.emu.customFunctionCalls['Range.getValues']).toBe(5);
  });

  test('an unknown KPI gives a sentence in the cell, not a stack trace', () => {
    expect(formula(addon, 'KPI_STATUS', 'Leads')).toBe('KPI "Leads" not found');
    expect(formula(addon, 'KPI_STATUS', [['K1'], ['nope']])).toEqual([
      ['At risk'],
      ['KPI "nope" not found'],
    ]);
  });

  test('a period key, a date in the period and a closed week all work', () => {
    expect(formula(addon, 'KPI_ACTUAL', 'K1', '2026-W48')).toBe(11);
    expect(formula(addon, 'KPI_ACTUAL', 'K1', day('2026-11-25'))).toBe(11);
    expect(formula(addon, 'KPI_STATUS', 'K1', '2026-W47')).toBe('Missed');
    expect(formula(addon, 'KPI_STATUS', 'K3', '2026-W47')).toBe('No data');
    expect(formula(addon, 'KPI_STATUS', 'K1', '2026-11')).toMatch(/^Period "2026-11" does not fit/);
  });

  test('KPI_TREND gives the last periods oldest first, KPI_SCORE the share on track', () => {
    expect(formula(addon, 'KPI_TREND', 'K1', 3)).toEqual([['', '', 11]]);
    // Priya: K1 At risk, K2 and K7 without data → 0 of 3 on track or met.
    expect(formula(addon, 'KPI_SCORE', 'priya@example.com')).toBe(0);
    // Ana: K8 35 of expected 40 → At risk; K9 4 of 4 → On track; K10 → On track.
    expect(formula(addon, 'KPI_SCORE', 'Ana Silva')).toBeCloseTo(2 / 3, 5);
    expect(formula(addon, 'SMART_CHECK', 'K1')).toBe('OK');
  });

  test('a KPI name owned by two assistants needs the assistant', () => {
    addon.emu.run(() => {
      const kpis = addon.emu.sheetValues('KPIs');
      const copy = [...(kpis[1] as unknown[])];
      copy[0] = 'K11';
      copy[2] = 'juan@example.com';
      appendRows(addon.emu, 'KPIs', [copy]);
    });
    expect(formula(addon, 'KPI_STATUS', 'Approved posts')).toBe(
      'KPI "Approved posts" has several owners: name the assistant',
    );
    expect(formula(addon, 'KPI_STATUS', 'Approved posts', '', 'Priya Sharma')).toBe('At risk');
  });

  test('bad rows in Log are left out of the figures', () => {
    appendRows(addon.emu, 'Log', [
      logRow(day('2026-11-26'), 'priya@example.com', 'K1', 'lots'),
      logRow(day('2026-11-27'), 'priya@example.com', 'K1', 5),
      logRow(day('2026-11-26'), 'stranger@example.com', 'K1', 5),
      logRow(day('2026-11-26'), 'priya@example.com', 'K1', -4),
      logRow('yesterday', 'priya@example.com', 'K1', 5),
    ]);
    expect(formula(addon, 'KPI_ACTUAL', 'K1')).toBe(11);
  });
});

describe('custom functions in a Danish workbook', () => {
  test('status words come out in Danish', () => {
    const addon = setUpExampleWorkbook({ locale: 'da_DK' });
    appendRows(addon.emu, 'Log', workedExampleRows());
    expect(formula(addon, 'KPI_STATUS', [['K1'], ['K10'], ['K2']])).toEqual([
      ['I risiko'],
      ['På sporet'],
      ['Ingen data'],
    ]);
    expect(formula(addon, 'KPI_STATUS', 'Leads')).toBe('KPI "Leads" findes ikke');
  });
});
