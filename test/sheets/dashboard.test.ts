import {
  appendRows,
  day,
  logRow,
  setUpExampleWorkbook,
  workedExampleRows,
  type Addon,
} from '../support/addon';
import { syntheticWorkbook } from '../../scripts/lib/generate';
import { fillTabs } from '../../scripts/lib/addon';

const custom = (addon: Addon, name: string, ...args: unknown[]): unknown =>
  addon.emu.run(() => addon.emu.withAuthMode('CUSTOM_FUNCTION', () => addon.gas[name](...args)));

function refresh(addon: Addon, user = 'mette@example.com'): void {
  addon.emu.asUser(user, () => addon.emu.run(() => addon.gas.refreshDashboard()));
}

/** The KPI block of the Dashboard as records keyed by its headers. */
function kpiBlock(addon: Addon): Array<Record<string, unknown>> {
  const values = addon.emu.sheetValues('Dashboard');
  const headerIndex = values.findIndex((row) => row[0] === 'KPI ID');
  if (headerIndex < 0) return [];
  const header = values[headerIndex] as string[];
  const rows: Array<Record<string, unknown>> = [];
  for (const row of values.slice(headerIndex + 1)) {
    if (row[0] === '' || row[0] === undefined) break;
    rows.push(Object.fromEntries(header.map((h, i) => [h, row[i]])));
  }
  return rows;
}

describe('Dashboard: refresh', () => {
  test('shows every active KPI with the same figures as the custom functions', () => {
    const addon = setUpExampleWorkbook();
    appendRows(addon.emu, 'Log', workedExampleRows());
    refresh(addon);
    const rows = kpiBlock(addon);
    expect(rows.map((r) => r['KPI ID'])).toEqual([
      'K1',
      'K2',
      'K3',
      'K4',
      'K5',
      'K6',
      'K7',
      'K8',
      'K9',
      'K10',
    ]);
    for (const row of rows) {
      const id = row['KPI ID'];
      expect(row.Status).toBe(custom(addon, 'KPI_STATUS', id));
      expect(row.Actual).toBe(custom(addon, 'KPI_ACTUAL', id));
      expect(row.Target).toBe(custom(addon, 'KPI_TARGET', id));
      expect(row.Progress).toBe(custom(addon, 'KPI_PROGRESS', id));
    }
    const k1 = rows[0] as Record<string, unknown>;
    expect(k1).toMatchObject({
      Assistant: 'Priya Sharma',
      Period: '2026-W48',
      'Expected so far': 12,
      Status: 'At risk',
    });
  });

  test('has a scorecard per assistant, status colours and two charts', () => {
    const addon = setUpExampleWorkbook();
    appendRows(addon.emu, 'Log', workedExampleRows());
    refresh(addon);
    const values = addon.emu.sheetValues('Dashboard');
    const at = values.findIndex((row) => row[0] === 'Team scorecard');
    expect(values.slice(at + 2, at + 5).map((r) => r.slice(0, 4))).toEqual([
      ['Priya Sharma', 3, 0, 0],
      ['Juan dela Cruz', 4, 0, 0],
      ['Ana Silva', 3, 2, 2 / 3],
    ]);
    const sheet = addon.emu.spreadsheet.getSheetByName('Dashboard');
    expect(sheet?.getCharts()).toHaveLength(2);
    const colours = (sheet?.getConditionalFormatRules() ?? []).map((rule) => [
      rule.getBooleanCondition()?.getCriteriaValues()[0],
      rule.getBooleanCondition()?.getBackground(),
    ]);
    expect(colours).toContainEqual(['At risk', '#feefc3']);
    expect(colours).toContainEqual(['On track', '#ceead6']);
  });

  test('weekly progress has a row per assistant, so 200 assistants make the Dashboard no wider than 3; its chart draws a line per assistant', () => {
    const addon = setUpExampleWorkbook();
    appendRows(addon.emu, 'Log', workedExampleRows());
    refresh(addon);
    const small = addon.emu.sheetValues('Dashboard');
    const title = small.findIndex(
      (row) => row[0] === 'Weekly progress (actual ÷ target, average of weekly KPIs)',
    );
    expect(small[title + 1]?.slice(0, 9)).toEqual([
      'Assistant',
      ...Array.from({ length: 8 }, (_, i) => `2026-W${41 + i}`),
    ]);
    expect(small.slice(title + 2, title + 5).map((row) => row[0])).toEqual([
      'Priya Sharma',
      'Juan dela Cruz',
      'Ana Silva',
    ]);
    const chart = addon.emu.spreadsheet.getSheetByName('Dashboard')?.getCharts()[1];
    expect(chart?.state.transpose).toBe(true);
    expect(chart?.getRanges()[0]?.getA1Notation()).toBe(`A${title + 2}:I${title + 5}`);

    const team = syntheticWorkbook(
      1_000,
      Date.parse('2026-11-26T11:00:00Z'),
      'Europe/Copenhagen',
      200,
      1,
    );
    fillTabs(addon.emu, { team: team.team, kpis: team.kpis, log: team.log });
    refresh(addon);
    const large = addon.emu.sheetValues('Dashboard');
    expect(large.length).toBeGreaterThan(400);
    expect(large[0]?.length).toBe(small[0]?.length);
  });

  test('costs the same service calls at 100 and at 10,000 Log rows', () => {
    const callsAt = (rows: number): number => {
      const addon = setUpExampleWorkbook();
      const data = syntheticWorkbook(
        rows,
        new Date('2026-11-26T11:00:00Z').getTime(),
        'Europe/Copenhagen',
        5,
        2,
      );
      fillTabs(addon.emu, { team: data.team, kpis: data.kpis, log: data.log });
      addon.emu.resetCalls();
      refresh(addon); // as the sheet's owner
      return addon.emu.totalCalls();
    };
    expect(callsAt(100)).toBe(callsAt(10_000));
  });

  test('brings a stale KPI formula anywhere in the workbook up to date', () => {
    const addon = setUpExampleWorkbook();
    addon.emu.setSheetValues('Notes', [['=KPI_ACTUAL("K1")', '=KPI_STATUS("K1")']]);
    expect(addon.emu.sheetValues('Notes')).toEqual([['', 'Off track']]);
    appendRows(addon.emu, 'Log', workedExampleRows());
    refresh(addon);
    expect(addon.emu.sheetValues('Notes')).toEqual([[11, 'At risk']]);
    expect(addon.emu.ui.toasts.at(-1)?.message).toBe(
      'Dashboard refreshed: 10 KPI rows, 2 formula cells recalculated.',
    );
  });

  test('every refresh recalculates the formulas again and never touches text that mentions a function', () => {
    const addon = setUpExampleWorkbook();
    addon.emu.setSheetValues('Notes', [
      ['=KPI_ACTUAL("K1")', "'Tip: type KPI_STATUS( K1 ) in a cell"],
    ]);
    appendRows(addon.emu, 'Log', [logRow(day('2026-11-24'), 'priya@example.com', 'K1', 3)]);
    refresh(addon);
    expect(addon.emu.sheetValues('Notes')).toEqual([[3, 'Tip: type KPI_STATUS( K1 ) in a cell']]);
    appendRows(addon.emu, 'Log', [logRow(day('2026-11-25'), 'priya@example.com', 'K1', 10)]);
    refresh(addon);
    expect(addon.emu.sheetValues('Notes')).toEqual([[13, 'Tip: type KPI_STATUS( K1 ) in a cell']]);
    expect(addon.emu.sheetFormulas('Notes')[0]?.[0]).toBe('=KPI_ACTUAL( "K1")');
  });

  test('an assistant cannot refresh it, and is told it refreshes by itself', () => {
    const addon = setUpExampleWorkbook();
    const before = addon.emu.sheetValues('Dashboard');
    refresh(addon, 'priya@example.com');
    expect(addon.emu.sheetValues('Dashboard')).toEqual(before);
    expect(addon.emu.ui.toasts.at(-1)?.message).toMatch(/^Only managers can refresh the dashboard/);
  });

  test('a Danish workbook gets a Danish dashboard', () => {
    const addon = setUpExampleWorkbook({ locale: 'da_DK' });
    appendRows(addon.emu, 'Log', workedExampleRows());
    refresh(addon);
    const values = addon.emu.sheetValues('Oversigt');
    const header = values.find((row) => row[0] === 'KPI-ID') as unknown[];
    expect(header.slice(0, 5)).toEqual(['KPI-ID', 'KPI', 'Assistent', 'Periode', 'Faktisk']);
    expect(values.flat()).toContain('I risiko');
  });
});

describe('Dashboard after Log edits', () => {
  test("an assistant's edit refreshes it through the manager's trigger, at most once a minute", () => {
    const addon = setUpExampleWorkbook();
    const { emu } = addon;
    emu.typeInto('Log', 'B2:E2', [[day('2026-11-26'), 'priya@example.com', 'K1', 5]], {
      user: 'priya@example.com',
    });
    expect(kpiBlock(addon)[0]).toMatchObject({ Actual: 5 });

    emu.clock.advance(10_000);
    emu.typeInto('Log', 'B3:E3', [[day('2026-11-26'), 'priya@example.com', 'K1', 4]], {
      user: 'priya@example.com',
    });
    expect(kpiBlock(addon)[0]).toMatchObject({ Actual: 5 });
    expect(emu.sheetValues('Dashboard')[1]?.[0]).toMatch(/^Newer edits arrived after this refresh/);

    emu.clock.advance(60_000);
    emu.typeInto('Log', 'B4:E4', [[day('2026-11-26'), 'priya@example.com', 'K1', 1]], {
      user: 'priya@example.com',
    });
    expect(kpiBlock(addon)[0]).toMatchObject({ Actual: 10 });
    expect(emu.sheetValues('Dashboard')[1]?.[0]).toBe('');
  });

  test('edits outside Log do not refresh it', () => {
    const addon = setUpExampleWorkbook();
    addon.emu.typeInto('Goals', 'E2', [['a note']]);
    expect(kpiBlock(addon)).toEqual([]);
  });

  test('a bad row typed in Log leaves the figures as they were', () => {
    const addon = setUpExampleWorkbook();
    appendRows(addon.emu, 'Log', [logRow(day('2026-11-24'), 'priya@example.com', 'K1', 3)]);
    addon.emu.typeInto('Log', 'B3:E3', [[day('2026-11-26'), 'priya@example.com', 'K1', 'many']], {
      user: 'priya@example.com',
    });
    expect(kpiBlock(addon)[0]).toMatchObject({ Actual: 3 });
  });
});
