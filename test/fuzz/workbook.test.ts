/**
 * Property-based fuzzing of the whole add-on (issue 7, item 1): hostile
 * contents in every tab of the example workbook, then every entry point a
 * person or Sheets can call. Fixed seed, bounded runs; `npm run fuzz` sets
 * FUZZ_RUNS for a longer run. A failure prints the seed and the shrunk case.
 */
import fc from 'fast-check';
import {
  appendRows,
  day,
  setUpExampleWorkbook,
  WORKED_EXAMPLE_NOW,
  type Addon,
} from '../support/addon';
import { buildSnapshot } from '../../src/engine/snapshot';
import { kpiActual } from '../../src/engine/formulas';
import { localDay } from '../../src/engine/time/calendar';
import { DEFAULT_RISK_BAND } from '../../src/engine/records/kpis';

/** 40 runs in `npm test` (about 15 s of jest time for test/fuzz here); `npm run fuzz` runs 100. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

const METTE = 'mette@example.com';
const PRIYA = 'priya@example.com';
const ZONE = 'Europe/Copenhagen';
const TABS = ['Team', 'KPIs', 'Log', 'Goals', 'Targets', 'Check-ins', 'Feedback', 'Actions'];

/** Columns the add-on itself writes (IDs it stamps, checks, Missed, Done on); every other one is the user's. */
const ADDON_COLUMNS: Record<string, string[]> = {
  Log: ['Entry ID', 'Logged at', 'Logged by', 'Check'],
  KPIs: ['KPI ID', 'SMART'],
  'Check-ins': ['Check-in ID', 'Status'],
  Feedback: ['Feedback ID'],
  Actions: ['Action ID', 'Done on'],
};

/** Stand for cells of up to 50,000 characters (the most a cell holds); expanded on load so a failing case prints short. */
const LONG_NOTE = '<50,000 characters>';
/** Long runs of spaces and brackets around an address, a dash and a line break: what backtracking patterns choke on. */
const LONG_RUNS = '<48,000 spaces and brackets>';
const LONG_CELLS = new Map<unknown, string>([
  [LONG_NOTE, 'x'.repeat(50_000)],
  [LONG_RUNS, `>= a@b.c${' '.repeat(24_000)}${'<'.repeat(24_000)} - x\ny`],
]);
const expand = (cell: unknown): unknown => LONG_CELLS.get(cell) ?? cell;

const hostileText = fc.constantFrom(
  '=1+1',
  '=HYPERLINK("http://evil","x")',
  '+1',
  '-5',
  '@home',
  '\tx',
  '\r\nline',
  '<script>alert(1)</script>',
  '24.11.2026',
  '24-11-2026',
  '11/24/2026',
  '24. nov. 2026',
  'Nov 24, 2026',
  '2026-11-24',
  'tomorrow',
  'i går',
  'Mars/Phobos',
  'Europe/Copenhagen',
  'K1',
  'k1',
  'K3',
  'K8',
  'K99',
  'G1',
  'G404',
  'E1',
  'C1',
  'A1',
  'F1',
  PRIYA,
  'PRIYA@EXAMPLE.COM',
  'nobody@example.com',
  METTE,
  'Priya Sharma',
  'Manager',
  'Assistant',
  'Leder',
  'Active',
  'Paused',
  'Sum',
  'Average',
  'Count',
  'Ratio',
  'At least',
  'At most',
  'Week',
  'Month',
  'Uge',
  'Held',
  'Planned',
  'Missed',
  'Done',
  'Open',
  'Praise',
  'Upward',
  'Mon-Fri',
  'Sun-Sat',
  '09:00-17:00',
  '25:99-xx',
  'Email',
  'Slack',
  'TRUE',
  'NaN',
  '1,5',
  '3.5',
  '10%',
  LONG_NOTE,
  LONG_RUNS,
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constantFrom<unknown>('', ' ', 0, 3, -5, 1e6, 0.5, true, false) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      day('2026-11-24'),
      day('2026-11-01'),
      day('2027-01-01'),
      day('2000-01-01'),
      day('9999-12-31'),
      new Date('1899-12-30T09:00:00Z'),
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** Rows written on purpose: duplicate IDs, missing goals, ratio cycles, bad zones, Away until. */
const CRAFTED: Record<string, Array<Record<string, unknown>>> = {
  Team: [
    { Name: 'Ghost', Email: 'ghost@example.com', Role: 'Assistant', 'Time zone': 'Mars/Phobos' },
    { Name: 'Dup', Email: PRIYA, Role: 'Manager', 'Away until': day('9999-12-31') },
    { Name: 'Juan again', Email: 'juan@example.com', 'Away until': day('2000-01-01') },
    { Name: '=1+1', Email: '@evil', Role: 'Leder', 'Work hours': '25:99-xx', Active: 'maybe' },
  ],
  KPIs: [
    { 'KPI ID': 'K1', KPI: 'Duplicate K1', Owner: PRIYA, Aggregation: 'Sum', Target: 5 },
    {
      'KPI ID': 'KX',
      KPI: 'Ratio on itself',
      Owner: PRIYA,
      'Goal ID': 'G404',
      Aggregation: 'Ratio',
      Direction: 'At least',
      Target: 1,
      Period: 'Week',
      'Numerator KPI': 'KY',
      'Denominator KPI': 'KX',
      Status: 'Active',
    },
    {
      'KPI ID': 'KY',
      KPI: 'Ratio loop',
      Owner: PRIYA,
      'Goal ID': 'G1',
      Aggregation: 'Ratio',
      Direction: 'At least',
      Target: 1,
      Period: 'Week',
      'Numerator KPI': 'KX',
      'Denominator KPI': 'KY',
      Status: 'Active',
    },
  ],
  Log: [
    { Date: day('2026-11-24'), Assistant: PRIYA, KPI: 'K1', Value: 2, Note: LONG_NOTE },
    { 'Entry ID': 'E1', Date: '24.11.2026', Assistant: PRIYA, KPI: 'K1', Value: 1 },
    { 'Entry ID': 'E1', Date: '11/24/2026', Assistant: PRIYA, KPI: 'K1', Value: '+1' },
    { Date: '24. nov. 2026', Assistant: 'ghost@example.com', KPI: 'K1', Value: 1 },
    { Date: day('2026-11-25'), Assistant: PRIYA, KPI: 'KX', Value: 1 },
  ],
  Goals: [{ 'Goal ID': 'G1', Goal: 'Duplicate goal', 'Target date': 'never' }],
  Targets: [
    { 'KPI ID': 'K1', 'Valid from': '2026-11-20', Target: 'lots' },
    { 'KPI ID': 'K99', 'Valid from': day('2026-11-20'), Target: 3 },
  ],
  'Check-ins': [
    { 'Check-in ID': 'C1', Assistant: PRIYA, Manager: METTE, Date: 'tomorrow', Status: 'Planned' },
    { Assistant: 'nobody@example.com', Date: day('2026-11-20'), Status: 'Planned', Mood: 9 },
  ],
  Feedback: [
    { 'Feedback ID': 'F1', From: PRIYA, To: METTE, Text: '=1+1', Kind: 'Praise' },
    { From: 'nobody@example.com', To: PRIYA, Text: LONG_NOTE, Acknowledged: 'yes' },
  ],
  Actions: [
    { 'Action ID': 'A1', Owner: PRIYA, Action: '@do it', Due: '31.02.2026', Status: 'Done' },
    { Owner: 'nobody@example.com', Action: '', Status: 'Whatever', Source: 'C404' },
  ],
};

interface TabPlan {
  rows: unknown[][];
  crafted: number[];
  blankRows: number;
}

interface HeaderDamage {
  tab: string;
  kind: 'none' | 'rename' | 'swap' | 'drop';
  column: number;
}

interface Case {
  tabs: Record<string, TabPlan>;
  damage: HeaderDamage;
}

function tabPlan(tab: string, width: number): fc.Arbitrary<TabPlan> {
  return fc.record({
    rows: fc.array(fc.array(hostileValue, { minLength: width, maxLength: width }), {
      maxLength: 5,
    }),
    crafted: fc.subarray([...Array((CRAFTED[tab] ?? []).length).keys()]),
    blankRows: fc.nat(2),
  });
}

/** Example-workbook header widths, read once. */
const HEADERS: Record<string, string[]> = (() => {
  const addon = setUpExampleWorkbook();
  return Object.fromEntries(
    TABS.map((tab) => [tab, (addon.emu.sheetValues(tab)[0] ?? []) as string[]]),
  );
})();

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  tabs: fc.record(
    Object.fromEntries(
      TABS.map((tab) => [tab, tabPlan(tab, (HEADERS[tab] ?? []).length)]),
    ) as Record<string, fc.Arbitrary<TabPlan>>,
  ),
  damage: fc.record({
    tab: fc.constantFrom(...TABS),
    kind: fc.constantFrom<HeaderDamage['kind']>('none', 'rename', 'swap', 'drop'),
    column: fc.nat(20),
  }),
});

/** Loads a case into the example workbook: crafted, random and blank rows, then the header damage. */
function load(addon: Addon, c: Case): void {
  for (const tab of TABS) {
    const header = HEADERS[tab] ?? [];
    const plan = c.tabs[tab] as TabPlan;
    const crafted = plan.crafted.map((i) => {
      const record = (CRAFTED[tab] ?? [])[i] ?? {};
      return header.map((h) => (h in record ? record[h] : ''));
    });
    const blank = Array.from({ length: plan.blankRows }, () => header.map(() => ''));
    appendRows(
      addon.emu,
      tab,
      [...crafted, ...blank, ...plan.rows].map((row) => row.map(expand)),
    );
  }
  const { tab, kind } = c.damage;
  if (kind === 'none') return;
  const values = addon.emu.sheetValues(tab);
  const width = values[0]?.length ?? 0;
  if (width < 2) return;
  const col = c.damage.column % width;
  const other = (col + 1) % width;
  const damaged = values.map((row, r) => {
    const copy = [...row];
    if (kind === 'rename' && r === 0) copy[col] = `${String(copy[col])} (renamed)`;
    if (kind === 'swap') [copy[col], copy[other]] = [copy[other], copy[col]];
    if (kind === 'drop') copy.splice(col, 1);
    return copy;
  });
  addon.emu.setSheetValues(tab, damaged);
}

interface UserColumn {
  /** Where it was, for a renamed header that setup repairs. */
  column: number;
  cells: unknown[];
}

/** The user's columns of every tab, by the header the user gave them, data rows only. */
function userCells(addon: Addon): Record<string, Record<string, UserColumn>> {
  const out: Record<string, Record<string, UserColumn>> = {};
  for (const tab of TABS) {
    const [header = [], ...rows] = addon.emu.sheetValues(tab);
    out[tab] = {};
    header.forEach((h, i) => {
      const name = String(h);
      if ((ADDON_COLUMNS[tab] ?? []).includes(name)) return;
      (out[tab] as Record<string, UserColumn>)[name] = {
        column: i,
        cells: rows.map((row) => row[i]),
      };
    });
  }
  return out;
}

/** A stored value shown in another number format (a date column's repaired format) is the same value. */
function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (
    (a instanceof Date && typeof b === 'number') ||
    (typeof a === 'number' && b instanceof Date)
  ) {
    return true;
  }
  return a === b;
}

const short = (cell: unknown): string => JSON.stringify(cell)?.slice(0, 60) ?? String(cell);

/** The user cells that changed, as short lines: the same user columns after the run, rows that were there before. */
function changedUserCells(
  addon: Addon,
  before: Record<string, Record<string, UserColumn>>,
): string[] {
  const changes: string[] = [];
  for (const tab of TABS) {
    const [header = [], ...rows] = addon.emu.sheetValues(tab);
    Object.entries(before[tab] ?? {}).forEach(([name, { column, cells }]) => {
      let i = header.indexOf(name);
      if (i < 0) {
        i = column; // a renamed header setup repaired: the same place
        // A renamed column of the add-on's own (SMART, Check) is the add-on's again once repaired.
        if ((ADDON_COLUMNS[tab] ?? []).includes(String(header[i]))) return;
      }
      cells.forEach((cell, r) => {
        const now = rows[r]?.[i];
        if (!sameCell(cell, now)) {
          changes.push(`${tab} row ${r + 2} "${name}": ${short(cell)} -> ${short(now)}`);
        }
      });
    });
  }
  return changes;
}

const UNEXPLAINED = /^Something went wrong/;

/** Every entry point a person or Sheets calls; what went wrong, as lines naming the entry point. */
function callEverything(addon: Addon): string[] {
  const { emu, gas } = addon;
  const failures: string[] = [];
  const toastsBefore = emu.ui.toasts.length;
  const call = (label: string, user: string, work: () => unknown): unknown => {
    try {
      const result = emu.asUser(user, () => emu.run(work));
      if (result && typeof result === 'object' && 'ok' in result) {
        const reply = result as { ok: boolean; message?: string };
        if (!reply.ok && (!reply.message || UNEXPLAINED.test(reply.message))) {
          failures.push(`${label}: ${reply.message ?? '(no message)'}`);
        }
      }
      return result;
    } catch (error) {
      failures.push(`${label} threw: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  const custom = (name: string, ...args: unknown[]): unknown => {
    const out = call(name, METTE, () =>
      emu.withAuthMode('CUSTOM_FUNCTION', () => gas[name](...args)),
    );
    const cells = Array.isArray(out) ? out.flat() : [out];
    for (const cell of cells) {
      if (typeof cell === 'string' && UNEXPLAINED.test(cell)) failures.push(`${name}: ${cell}`);
    }
    return out;
  };

  for (const mode of ['NONE', 'LIMITED', 'FULL'] as const) {
    call(`onOpen ${mode}`, METTE, () =>
      emu.withAuthMode(mode, () => gas.onOpen({ authMode: mode })),
    );
  }
  call('setUpTracker', METTE, () => gas.setUpTracker());
  call('refreshDashboard', METTE, () => gas.refreshDashboard());
  const kpiIds = (addon.emu.sheetValues('KPIs').slice(1) as unknown[][]).map((row) => [row[0]]);
  const people = [[PRIYA], ['nobody@example.com'], [''], ['=1']];
  for (const name of ['KPI_STATUS', 'KPI_ACTUAL', 'KPI_TARGET', 'KPI_PROGRESS', 'SMART_CHECK']) {
    custom(name, kpiIds);
    custom(name, [['K99'], [''], [42], ['=1']]);
  }
  custom('KPI_TREND', kpiIds, 4);
  custom('KPI_SCORE', people);
  const context = call('getLogWorkContext', PRIYA, () => gas.getLogWorkContext()) as
    { ok: boolean; value?: { kpis: Array<{ id: string }>; today: string } } | undefined;
  const kpi = context?.ok ? (context.value?.kpis[0]?.id ?? 'K1') : 'K1';
  call('saveLogEntry', PRIYA, () =>
    gas.saveLogEntry({ kpiId: kpi, date: '2026-11-26', value: '2', note: '=1+1', link: '' }),
  );
  call('getCheckInContext', METTE, () => gas.getCheckInContext());
  call('getCheckInContext priya', PRIYA, () => gas.getCheckInContext());
  call('getFeedbackContext', PRIYA, () => gas.getFeedbackContext());
  const report = call('getReportContext', METTE, () => gas.getReportContext()) as
    { ok: boolean; value?: { defaults: unknown } } | undefined;
  if (report?.ok) call('getReport', METTE, () => gas.getReport(report.value?.defaults));
  const settings = call('getSettingsContext', METTE, () => gas.getSettingsContext()) as
    { ok: boolean; value?: { values: Record<string, unknown> } } | undefined;
  if (settings?.ok) {
    call('saveSettings', METTE, () =>
      gas.saveSettings({ ...settings.value?.values, dryRun: true }),
    );
    call('sendRemindersNow', METTE, () => gas.sendRemindersNow());
  }
  const logRows = emu.sheetValues('Log').length;
  try {
    emu.asUser(PRIYA, () =>
      emu.typeInto('Log', `B${logRows + 1}`, [['24.11.2026', PRIYA, 'K1', '=2*2', '@note']], {
        user: PRIYA,
      }),
    );
  } catch (error) {
    failures.push(`onEdit threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const toast of emu.ui.toasts.slice(toastsBefore)) {
    if (UNEXPLAINED.test(toast.message)) failures.push(`toast: ${toast.message}`);
  }
  return failures;
}

/** KPI_ACTUAL by the engine over a snapshot of the workbook whose Log holds only the rows marked OK. */
function engineActuals(addon: Addon, kpiIds: unknown[][]): unknown {
  const tab = (name: string): unknown[][] => addon.emu.sheetValues(name);
  const [logHeader = [], ...logRows] = tab('Log');
  const check = logHeader.indexOf('Check');
  const settings = {
    lang: 'en' as const,
    timeZone: ZONE,
    weekStart: 0 as const,
    defaultRiskBand: DEFAULT_RISK_BAND,
  };
  const now = WORKED_EXAMPLE_NOW.getTime();
  const moment = { now, today: localDay(now, ZONE) };
  const snapshot = buildSnapshot(
    {
      team: tab('Team'),
      goals: tab('Goals'),
      kpis: tab('KPIs'),
      log: [logHeader, ...logRows.filter((row) => row[check] === 'OK')],
      targets: tab('Targets'),
    },
    settings,
    'MDY',
    moment.today,
    moment.now,
  );
  return kpiActual({ snapshot, moment, dateOrder: 'MDY' }, kpiIds, '', '');
}

describe('a workbook full of hostile contents', () => {
  test('no entry point, trigger or formula fails without a sentence a person can act on', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const addon = setUpExampleWorkbook();
        load(addon, c);
        expect(callEverything(addon)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });

  test('no user cell in a user column is changed by any entry point', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const addon = setUpExampleWorkbook();
        load(addon, c);
        const before = userCells(addon);
        callEverything(addon);
        expect(changedUserCells(addon, before)).toEqual([]);
      }),
      { seed: SEED + 1, numRuns: RUNS, endOnFailure: true },
    );
  });

  test("KPI figures equal the engine's figures over the rows marked OK only", () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const addon = setUpExampleWorkbook();
        load(addon, c);
        addon.emu.run(() => addon.gas.setUpTracker());
        const [header = [], ...rows] = addon.emu.sheetValues('KPIs');
        const idColumn = header.indexOf('KPI ID');
        if (idColumn < 0) return; // the damage took the IDs away: nothing to compare by
        const kpiIds = rows.map((row) => [row[idColumn]]);
        const bundle = addon.emu.run(() =>
          addon.emu.withAuthMode('CUSTOM_FUNCTION', () => addon.gas.KPI_ACTUAL(kpiIds)),
        );
        const engine = engineActuals(addon, kpiIds) as unknown[][];
        const differences = (bundle as unknown[][])
          .map((row, i) => ({ kpi: kpiIds[i]?.[0], bundle: row[0], engine: engine[i]?.[0] }))
          .filter((d) => d.bundle !== d.engine)
          .map((d) => `${short(d.kpi)}: bundle ${short(d.bundle)}, engine ${short(d.engine)}`);
        expect(differences).toEqual([]);
      }),
      { seed: SEED + 2, numRuns: RUNS, endOnFailure: true },
    );
  });
});
