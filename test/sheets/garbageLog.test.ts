import { appendRows, column, day, logRow, setUpExampleWorkbook, typeInto } from '../support/addon';
import { seededRandom } from '../../scripts/lib/generate';

/** A few hundred rows of what a shared sheet collects, plus rows we know are good. */
function garbageRows(count: number): { rows: unknown[][]; goodK1Total: number; goodRows: number } {
  const random = seededRandom(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const dates = [
    day('2026-11-24'),
    '2026-11-24',
    '24.11.2026',
    'tomorrow',
    '',
    42,
    day('2027-01-01'),
    '=TODAY()',
  ];
  const people = [
    'priya@example.com',
    'Priya Sharma',
    'nobody@example.com',
    '',
    '=1+1',
    '  ',
    'PRIYA@EXAMPLE.COM',
  ];
  const kpis = ['K1', 'Approved posts', 'K99', '', '=K1', 'k1', 'Leads', 'K10'];
  const values = [3, 'three', '', -5, 1e300, '1,5', '=2*2', '@home', '+1', '\t4', 'NaN'];
  const rows: unknown[][] = [];
  let goodK1Total = 0;
  let goodRows = 0;
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) {
      rows.push(logRow(day('2026-11-25'), 'priya@example.com', 'K1', 2));
      goodK1Total += 2;
      goodRows++;
    } else if (i % 17 === 0) {
      rows.push(['', '', '', '', '', '', '', '', '', '']);
    } else {
      rows.push(logRow(pick(dates), pick(people), pick(kpis), pick(values)));
    }
  }
  return { rows, goodK1Total, goodRows };
}

describe('a Log full of garbage', () => {
  const garbage = garbageRows(300);

  test('no entry point throws, every bad row says why, and only good rows count', () => {
    const addon = setUpExampleWorkbook();
    const { emu, gas } = addon;
    appendRows(emu, 'Log', garbage.rows);
    const custom = (name: string, ...args: unknown[]): unknown =>
      emu.run(() => emu.withAuthMode('CUSTOM_FUNCTION', () => gas[name](...args)));

    expect(() => {
      for (const mode of ['NONE', 'LIMITED', 'FULL'] as const) {
        emu.run(() => emu.withAuthMode(mode, () => gas.onOpen({ authMode: mode })));
      }
      emu.run(() => gas.setUpTracker());
      emu.run(() => gas.setUpTrackerWithExamples());
      emu.run(() => gas.showHelp());
      typeInto(addon, 'Log', 5, ['=HYPERLINK("http://x")'], 6);
      for (const name of [
        'KPI_STATUS',
        'KPI_ACTUAL',
        'KPI_TARGET',
        'KPI_PROGRESS',
        'KPI_TREND',
        'SMART_CHECK',
      ]) {
        custom(name, [['K1'], ['K99'], [''], ['=1'], [42]]);
      }
      custom('KPI_SCORE', [['priya@example.com'], ['nobody'], ['']]);
    }).not.toThrow();

    const checks = column(addon, 'Log', 'Check');
    const kpiCells = column(addon, 'Log', 'KPI');
    const dates = column(addon, 'Log', 'Date');
    const nonBlank = checks.filter((_, i) => kpiCells[i] !== '' || dates[i] !== '');
    expect(nonBlank.every((check) => typeof check === 'string' && check.length > 0)).toBe(true);
    expect(checks.filter((c) => c !== 'OK' && c !== '').length).toBeGreaterThan(200);
    expect(checks).toContain('Unknown KPI "K99"');
    expect(checks).toContain('Assistant "nobody@example.com" is not in Team');
    expect(checks).toContain('Value "three" is not a number');
    expect(checks).toContain('Date 2027-01-01 is in the future');

    // The good rows plus the garbage that is in fact valid (e.g. "Approved posts", a text date
    // 2026-11-24, a "+1" value) — the engine counted exactly the rows it marked OK.
    const values = column(addon, 'Log', 'Value');
    const okK1 = checks
      .map((check, i) => ({ check, i }))
      .filter(({ check }) => check === 'OK')
      // "1,5" typed in an English sheet is read leniently as 1.5, as a Danish assistant means it.
      .reduce((sum, { i }) => sum + Number(String(values[i]).replace(',', '.')), 0);
    expect(okK1).toBeGreaterThanOrEqual(garbage.goodK1Total);
    expect(custom('KPI_ACTUAL', 'K1')).toBe(okK1);
  });

  test("no user cell was changed: only the add-on's own columns were written", () => {
    const addon = setUpExampleWorkbook();
    appendRows(addon.emu, 'Log', garbage.rows);
    const userColumns = ['Date', 'Assistant', 'KPI', 'Value', 'Note', 'Link'];
    const before = userColumns.map((h) => column(addon, 'Log', h));
    addon.emu.run(() => addon.gas.setUpTracker());
    expect(userColumns.map((h) => column(addon, 'Log', h))).toEqual(before);
  });
});
