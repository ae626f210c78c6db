/**
 * `npm run bench`: the quick mode a newcomer tries first runs every operation at the smallest
 * size and keeps one line of history; the comparison with the previous run flags regressions.
 * Nothing here looks at how fast anything was (timings belong to the bench, not to tests): the
 * figures compared below are made up.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OPERATIONS, type Cell, type Measured } from '../../scripts/lib/benchOperations';
import {
  HISTORY_SHAPE,
  comparison,
  previousRun,
  scalingLines,
  type HistoryLine,
} from '../../scripts/lib/benchReport';

const ROOT = path.resolve(__dirname, '../..');

function figures(op: string, size: number, change: Partial<Measured> = {}): Measured {
  return {
    op,
    size,
    nodeMs: 100,
    emulatorMs: 50,
    calls: 40,
    cells: 1000,
    callsMs: 900,
    appsScriptMs: 1000,
    heapMb: 10,
    runs: 5,
    ...change,
  };
}

function run(cells: Cell[], at = '2026-11-27T10:00:00.000Z'): HistoryLine {
  return {
    shape: HISTORY_SHAPE,
    at,
    node: 'v20',
    commit: 'abc1234',
    quick: false,
    seconds: 1,
    cells,
    floor: [],
  };
}

describe('npm run bench -- --quick', () => {
  test('prints a row for every operation at the smallest size and appends one history line', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kpiloop-bench-'));
    const history = path.join(folder, 'history.jsonl');
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'scripts/bench.ts', '--quick', '--history', history],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );

    const rows = output.split('\n').filter((line) => line.startsWith('| '));
    for (const operation of OPERATIONS) {
      const size = operation.axis === 'rows' ? '1,000 rows' : '50 people';
      const row = rows.find((line) => line.startsWith(`| ${operation.name} `));
      expect(row).toContain(size);
    }
    expect(output).not.toContain('not measured');
    expect(output).not.toContain('10,000 rows');
    expect(output).toContain('No earlier run in this shape');

    const lines = fs.readFileSync(history, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string) as HistoryLine;
    expect(line.shape).toBe(HISTORY_SHAPE);
    expect(line.quick).toBe(true);
    expect(line.cells.map((cell) => cell.op).sort()).toEqual(OPERATIONS.map((op) => op.id).sort());
    expect(line.floor.map((row) => row.rows)).toEqual([1_000]);
  }, 300_000);
});

describe('the comparison with the previous run', () => {
  test('flags a figure grown by more than 25%, and not one within it', () => {
    const before = run([figures('refresh', 1_000), figures('KPI_STATUS', 1_000)]);
    const now = run(
      [
        figures('refresh', 1_000, { nodeMs: 160, appsScriptMs: 1_060 }),
        figures('KPI_STATUS', 1_000, { nodeMs: 120, calls: 60 }),
      ],
      '2026-11-28T10:00:00.000Z',
    );
    const lines = comparison(before, now);
    expect(lines[0]).toContain('2 cells, 2 regressions over 25%');
    expect(lines.slice(1)).toEqual([
      '⚠ Dashboard: refresh, 1,000 rows: Node ms 100 → 160 (+60%).',
      '⚠ KPI_STATUS over 500 KPIs, 1,000 rows: calls 40 → 60 (+50%).',
    ]);
  });

  test('says so when a cell measured before is not measured now', () => {
    const before = run([figures('dispatch', 500)]);
    const now = run([{ op: 'dispatch', size: 500, notMeasured: 'out of heap' }]);
    expect(comparison(before, now)).toContain(
      '⚠ Dispatch reminders (send now, dry run), 500 people: measured before, not measured now (out of heap).',
    );
  });

  test('compares with the last run of this shape, passing over older lines', () => {
    const last = run([figures('refresh', 1_000)], '2026-11-28T10:00:00.000Z');
    const history = [
      JSON.stringify({ at: '2026-11-01', table: [] }), // the bench's earlier shape
      JSON.stringify(run([], '2026-11-27T10:00:00.000Z')),
      JSON.stringify(last),
      JSON.stringify({ at: '2026-11-29', table: [] }),
    ].join('\n');
    expect(previousRun(history)?.at).toBe(last.at);
    expect(previousRun('')).toBeNull();
  });
});

describe('the scaling lines', () => {
  test('say calls are constant when they are, and flag them when they grow with rows', () => {
    const cells = [
      figures('KPI_STATUS', 1_000),
      figures('KPI_STATUS', 100_000, { nodeMs: 400, appsScriptMs: 1_300 }),
      figures('refresh', 1_000),
      figures('refresh', 100_000, { calls: 4_000 }),
      figures('report', 1_000),
      figures('report', 100_000, { calls: 42 }),
    ];
    const lines = scalingLines(cells);
    expect(lines).toContain(
      'KPI_STATUS over 500 KPIs: Node ×2.0 per 10× Log rows, Apps Script ×1.1; calls constant (40).',
    );
    expect(lines.find((line) => line.startsWith('Dashboard: refresh:'))).toContain(
      'calls grow 40 → 4,000 (×10.0 per 10× Log rows) ⚠',
    );
    expect(lines.find((line) => line.startsWith('Performance report'))).toContain(
      'calls nearly constant (40–42).',
    );
    expect(lines.find((line) => line.startsWith('Log work: save:'))).toBe(
      'Log work: save: one size measured, no scaling to show.',
    );
  });
});
