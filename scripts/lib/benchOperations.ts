/**
 * What `npm run bench` measures: every operation a person or a trigger runs, at three sizes, on
 * synthetic workbooks (generate.ts). The compiled add-on (dist/Code.js) runs in the emulator with
 * Apps Script's cost model (emulator/costs.ts) switched on, so it sees the clock Apps Script would
 * show it; each service call it makes is recorded (emu.recordCalls) with the cells it moved.
 *
 * For each operation and size:
 *   - Node ms: the add-on's own time in Node, the emulator's time inside service calls taken out
 *     (custom functions that a rewritten formula sets off run there too: in Sheets they are
 *     executions of their own);
 *   - calls and their modelled time: appsScriptCost summed over the calls the operation made;
 *   - Apps Script ms: the two added, held against the 30-second (custom function) or 6-minute
 *     limit;
 *   - peak heap: the most the V8 heap held above where it started, read before every garbage
 *     collection during the run (v8.GCProfiler) and at its end. It includes the emulator's work.
 */
import v8 from 'node:v8';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { APPS_SCRIPT_LIMITS, appsScriptCost } from '../../emulator/costs';
import type { RecordedCall } from '../../emulator';
import type { Reply, ReportContext, SettingsContext } from '../../src/ui/api';
import { EXAMPLE_OPTIONS, fillTabs, headers, loadAddon, type Addon } from './addon';
import { syntheticTeam, syntheticWorkbook, type SyntheticWorkbook } from './generate';

export type Axis = 'rows' | 'people';

export const SIZES: Record<Axis, number[]> = {
  rows: [1_000, 10_000, 100_000],
  people: [50, 500, 5_000],
};

/** 50 assistants with 10 weekly KPIs each: the team of the rows axis. */
const ASSISTANTS = 50;
const KPIS = 500;

export interface Operation {
  /** Stable: bench/history.jsonl is keyed by it. */
  id: string;
  name: string;
  axis: Axis;
  limitMs: number;
}

const RUN_LIMIT = APPS_SCRIPT_LIMITS.executionLimitMs;
const FORMULA_LIMIT = APPS_SCRIPT_LIMITS.customFunctionLimitMs;

/** In the order the table shows them. */
export const OPERATIONS: Operation[] = [
  { id: 'setup', name: 'Set up tracker (again, over the data)', axis: 'rows', limitMs: RUN_LIMIT },
  { id: 'logWork', name: 'Log work: save', axis: 'rows', limitMs: RUN_LIMIT },
  { id: 'refresh', name: 'Dashboard: refresh', axis: 'rows', limitMs: RUN_LIMIT },
  ...(['KPI_STATUS', 'KPI_ACTUAL', 'KPI_TARGET', 'KPI_PROGRESS', 'KPI_TREND', 'SMART_CHECK'].map(
    (fn) => ({ id: fn, name: `${fn} over ${KPIS} KPIs`, axis: 'rows', limitMs: FORMULA_LIMIT }),
  ) as Operation[]),
  {
    id: 'KPI_SCORE',
    name: `KPI_SCORE over ${ASSISTANTS} assistants`,
    axis: 'rows',
    limitMs: FORMULA_LIMIT,
  },
  { id: 'plan', name: 'Plan reminders (engine only)', axis: 'people', limitMs: RUN_LIMIT },
  {
    id: 'dispatch',
    name: 'Dispatch reminders (send now, dry run)',
    axis: 'people',
    limitMs: RUN_LIMIT,
  },
  {
    id: 'dispatchSend',
    name: 'Dispatch reminders (hourly run, sending e-mail)',
    axis: 'people',
    limitMs: RUN_LIMIT,
  },
  { id: 'report', name: 'Performance report (team, 4 weeks)', axis: 'rows', limitMs: RUN_LIMIT },
];

export interface Measured {
  op: string;
  size: number;
  nodeMs: number;
  emulatorMs: number;
  calls: number;
  /** Cells moved by block reads and writes. */
  cells: number;
  callsMs: number;
  appsScriptMs: number;
  heapMb: number;
  runs: number;
  note?: string;
}

export interface NotMeasured {
  op: string;
  size: number;
  /** Why, in a few words: the table shows it in the cell. */
  notMeasured: string;
  /** The error behind it, shown under the table. */
  detail?: string;
}

export type Cell = Measured | NotMeasured;

/** PRODUCT section 8: the Dashboard's computation beside one bare group-and-sum pass. */
export interface FloorRow {
  rows: number;
  dashboardMs: number;
  floorMs: number;
}

export type Report = (result: { cell: Cell } | { floor: FloorRow }) => void;

const NOW = Date.UTC(2026, 10, 26, 11, 0); // Thu 26 Nov 2026 12:00 in Copenhagen
const DIGEST_HOUR = Date.UTC(2026, 10, 27, 15, 0); // Fri 27 Nov 2026 16:00 in Copenhagen
const TIME_ZONE = 'Europe/Copenhagen';
const MANAGER = 'manager@example.com';
/** Quick operations run again until this much time is spent (at most MAX_RUNS), the best kept. */
const REPEAT_FOR_MS = 2_000;
const MAX_RUNS = 5;

type EngineBench = typeof import('./engineBench');
type ReminderBench = typeof import('./reminderBench');

/**
 * The engine is timed as esbuild compiles it for Apps Script, not as tsx runs TypeScript (tsx
 * wraps every function to keep its name, which costs more than the work measured here). Each
 * bench run compiles into its own folder, so two runs do not trip over each other.
 */
export function compileEngine(folder: string): void {
  for (const name of ['engineBench', 'reminderBench']) {
    buildSync({
      entryPoints: [path.join(__dirname, `${name}.ts`)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'es2019',
      outfile: path.join(folder, `${name}.cjs`),
      logLevel: 'warning',
    });
  }
}

async function compiled<T>(folder: string, name: string): Promise<T> {
  return (await import(path.join(folder, `${name}.cjs`))) as T;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface Run<T> {
  wallMs: number;
  heapMb: number;
  result: T;
}

/** One run of work with its time and peak heap. */
function timed<T>(work: () => T): Run<T> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const profiler = new v8.GCProfiler();
  profiler.start();
  const start = performance.now();
  const result = work();
  const wallMs = performance.now() - start;
  let peak = process.memoryUsage().heapUsed;
  for (const gcRun of profiler.stop().statistics)
    peak = Math.max(peak, gcRun.beforeGC.heapStatistics.usedHeapSize);
  return { wallMs, heapMb: (peak - before) / 2 ** 20, result };
}

/** What one operation's recorded calls cost, and the emulator's share of the run's time. */
function callFigures(calls: RecordedCall[]) {
  // Calls at depth 1 and more were made by custom functions a call set off: not this operation's.
  const own = calls.filter((call) => call.depth === 0);
  return {
    calls: own.length,
    cells: own.reduce((sum, call) => sum + call.size.cells, 0),
    callsMs: own.reduce((sum, call) => sum + appsScriptCost(call.name, call.size), 0),
    emulatorMs: own.reduce((sum, call) => sum + call.hostMs, 0),
  };
}

interface Options<T> {
  /** Whether running it again does the same work (a dispatch does not: its Outbox is filled). */
  repeatable: boolean;
  /** Why the result is not what the operation should answer, or null. */
  check?: (result: T) => string | null;
  /** Said beside the figures; `calls` are the first run's. */
  note?: (result: T, calls: RecordedCall[]) => string;
}

/** A bundle operation, run as one execution starting at `at` (run again while it is quick). */
function measureBundle<T>(
  addon: Addon,
  op: string,
  size: number,
  at: number,
  work: () => T,
  options: Options<T>,
): Cell {
  const { emu } = addon;
  const runs: Array<Run<{ result: T; calls: RecordedCall[] }>> = [];
  let spent = 0;
  do {
    emu.clock.set(at);
    emu.endExecution();
    let run: Run<{ result: T; calls: RecordedCall[] }>;
    try {
      run = timed(() => emu.recordCalls(() => emu.run(work)));
    } catch (error) {
      return { op, size, notMeasured: 'threw', detail: messageOf(error) };
    }
    const problem = options.check?.(run.result.result) ?? null;
    if (problem) return { op, size, notMeasured: 'wrong answer', detail: problem };
    runs.push(run);
    spent += run.wallMs;
  } while (options.repeatable && spent < REPEAT_FOR_MS && runs.length < MAX_RUNS);

  const first = runs[0] as (typeof runs)[number];
  const figures = callFigures(first.result.calls);
  const perRun = runs.map((run) => {
    const emulatorMs = callFigures(run.result.calls).emulatorMs;
    return { nodeMs: run.wallMs - emulatorMs, emulatorMs };
  });
  const nodeMs = Math.min(...perRun.map((r) => r.nodeMs));
  const note = options.note?.(first.result.result, first.result.calls);
  return {
    op,
    size,
    nodeMs,
    emulatorMs: Math.min(...perRun.map((r) => r.emulatorMs)),
    calls: figures.calls,
    cells: figures.cells,
    callsMs: figures.callsMs,
    appsScriptMs: nodeMs + figures.callsMs,
    heapMb: first.heapMb,
    runs: runs.length,
    ...(note ? { note } : {}),
  };
}

/** Engine code alone, in Node: no service calls. */
function measureEngine<T>(op: string, size: number, work: () => T, note?: (result: T) => string) {
  const runs: Array<Run<T>> = [];
  let spent = 0;
  do {
    const run = timed(work);
    runs.push(run);
    spent += run.wallMs;
  } while (spent < REPEAT_FOR_MS && runs.length < MAX_RUNS);
  const first = runs[0] as Run<T>;
  const nodeMs = Math.min(...runs.map((run) => run.wallMs));
  const said = note?.(first.result);
  const cell: Measured = {
    op,
    size,
    nodeMs,
    emulatorMs: 0,
    calls: 0,
    cells: 0,
    callsMs: 0,
    appsScriptMs: nodeMs,
    heapMb: first.heapMb,
    runs: runs.length,
    ...(said ? { note: said } : {}),
  };
  return cell;
}

/** Best of several runs, for the floor line. */
function bestOf(runs: number, work: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timed(work).wallMs);
  return best;
}

/**
 * The add-on set up by the manager (the sheet's owner), then the tabs filled with the synthetic
 * workbook at once (host-side, not counted).
 */
function filledWorkbook(book: SyntheticWorkbook): Addon {
  const addon = loadAddon({
    now: NOW,
    timeZone: TIME_ZONE,
    owner: MANAGER,
    user: MANAGER,
    costPerCallMs: appsScriptCost, // the limits stay off: runs are held against them, not stopped
  });
  const { emu, gas } = addon;
  emu.run(() => gas.setUpTracker());
  fillTabs(emu, book);
  return addon;
}

const replyCheck = (reply: unknown): string | null => {
  const answer = reply as Reply<unknown> | undefined;
  return answer?.ok ? null : `answered: ${answer && !answer.ok ? answer.message : String(reply)}`;
};

/** A custom function over a range answers one row per row asked. */
const rangeCheck =
  (rows: number) =>
  (answer: unknown): string | null =>
    Array.isArray(answer) && answer.length === rows ? null : `answered: ${String(answer)}`;

/** Every operation of the rows axis on a workbook of `rows` Log rows. */
export async function measureRows(rows: number, folder: string, report: Report): Promise<void> {
  const book = syntheticWorkbook(rows, NOW, TIME_ZONE, ASSISTANTS, KPIS / ASSISTANTS);
  const engine = await compiled<EngineBench>(folder, 'engineBench');
  report({
    floor: {
      rows,
      dashboardMs: bestOf(MAX_RUNS, () => engine.computeDashboard(book, NOW)),
      floorMs: bestOf(MAX_RUNS, () => engine.bareGroupAndSum(book.log)),
    },
  });

  const addon = filledWorkbook(book);
  const { emu, gas } = addon;
  const bundle = <T>(op: string, work: () => T, options: Options<T>): void =>
    report({ cell: measureBundle(addon, op, rows, NOW, work, options) });

  bundle('setup', () => gas.setUpTracker(), { repeatable: true });
  const assistant = String(book.team[2]?.[1]); // the first assistant, after the manager
  bundle(
    'logWork',
    () =>
      emu.asUser(assistant, () =>
        gas.saveLogEntry({ kpiId: 'K1', date: '2026-11-26', value: '3', note: '', link: '' }),
      ),
    { repeatable: true, check: replyCheck },
  );
  bundle('refresh', () => gas.refreshDashboard(), { repeatable: true });

  const kpis = book.kpis.slice(1).map((row) => [row[0]]);
  const assistants = book.team.slice(2).map((row) => [row[1]]);
  for (const fn of ['KPI_STATUS', 'KPI_ACTUAL', 'KPI_TARGET', 'KPI_PROGRESS', 'KPI_TREND']) {
    bundle(fn, () => emu.withAuthMode('CUSTOM_FUNCTION', () => gas[fn](kpis)), {
      repeatable: true,
      check: rangeCheck(kpis.length),
    });
  }
  bundle('SMART_CHECK', () => emu.withAuthMode('CUSTOM_FUNCTION', () => gas.SMART_CHECK(kpis)), {
    repeatable: true,
    check: rangeCheck(kpis.length),
  });
  bundle('KPI_SCORE', () => emu.withAuthMode('CUSTOM_FUNCTION', () => gas.KPI_SCORE(assistants)), {
    repeatable: true,
    check: rangeCheck(assistants.length),
  });

  // The report the dialog opens with: the whole team, the last four weeks.
  const context = emu.run(() => gas.getReportContext()) as Reply<ReportContext>;
  if (!context.ok) {
    report({
      cell: { op: 'report', size: rows, notMeasured: 'wrong answer', detail: context.message },
    });
    return;
  }
  bundle('report', () => gas.getReport(context.value.defaults), {
    repeatable: true,
    check: replyCheck,
  });
}

/** Planning and dispatching reminders for a team of `people`, at Friday 16:00 (digest hour). */
export async function measurePeople(people: number, folder: string, report: Report): Promise<void> {
  const owner = String(EXAMPLE_OPTIONS.owner);
  const team = syntheticTeam(people, DIGEST_HOUR, TIME_ZONE, owner);
  const planner = await compiled<ReminderBench>(folder, 'reminderBench');
  report({
    cell: measureEngine(
      'plan',
      people,
      () => planner.planTeam(team, DIGEST_HOUR),
      (planned) =>
        `${planned.messages.toLocaleString('en')} messages, ${planned.items.toLocaleString('en')} items`,
    ),
  });

  // The compiled add-on with the team's tabs, its reminders in dry run or not (a Workspace
  // account's 1,500 e-mails a day), and the hourly trigger turned on by the owner (a manager).
  const teamWorkbook = (dryRun: boolean): Addon => {
    const loaded = loadAddon({
      now: DIGEST_HOUR,
      timeZone: TIME_ZONE,
      costPerCallMs: appsScriptCost,
      mailQuota: 1_500,
    });
    for (const [name, values] of Object.entries({
      Team: team.team,
      Goals: team.goals,
      KPIs: team.kpis,
      Log: team.log,
      Targets: team.targets,
      'Check-ins': team.checkIns,
      Feedback: team.feedback,
      Actions: team.actions,
      Outbox: [headers('en', 'outbox')],
      Dashboard: [['']],
    })) {
      loaded.emu.setSheetValues(name, values);
    }
    loaded.emu.run(() => {
      const context = loaded.gas.getSettingsContext() as Reply<SettingsContext>;
      if (!context.ok) throw new Error(context.message);
      const saved = loaded.gas.saveSettings({ ...context.value.values, dryRun }) as Reply<unknown>;
      if (!saved.ok) throw new Error(saved.message);
      const on = loaded.gas.setReminderTrigger({ on: true, takeOver: false }) as Reply<unknown>;
      if (!on.ok) throw new Error(on.message);
    });
    return loaded;
  };

  // In dry run: one "Reminders: send now" by the owner.
  const addon = teamWorkbook(true);
  const { emu, gas } = addon;
  report({
    cell: measureBundle(addon, 'dispatch', people, DIGEST_HOUR, () => gas.sendRemindersNow(), {
      repeatable: false,
      // The Outbox rows it wrote, and the summary it toasted (sent, queued, stopped early…).
      note: () => {
        const rows = emu.sheetValues('Outbox').length - 1;
        const toasts = emu.ui.toasts;
        return `${rows.toLocaleString('en')} Outbox rows; "${toasts[toasts.length - 1]?.message ?? ''}"`;
      },
    }),
  });

  // Sending: one hourly run of the trigger, as its owner. It stops starting sends at 4.5 minutes
  // (the dispatcher's own budget); the note says how much it sent and how long it held the lock.
  const sending = teamWorkbook(false);
  report({
    cell: measureBundle(
      sending,
      'dispatchSend',
      people,
      DIGEST_HOUR,
      () => sending.gas.runReminders({}),
      {
        repeatable: false,
        note: (_result, calls) =>
          planner.sendingNote(calls, sending.emu.sheetValues('Outbox') as unknown[][]),
      },
    ),
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
