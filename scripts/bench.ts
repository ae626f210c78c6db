/**
 * `npm run bench`: how KPI Loop scales (PRODUCT section 8). One table for every operation —
 * Set up tracker, Log work, Dashboard refresh, the seven custom functions, planning and
 * dispatching reminders, the performance report — at three sizes: workbooks of 1,000, 10,000 and
 * 100,000 Log rows (50 assistants with 10 weekly KPIs each), teams of 50, 500 and 5,000 people
 * for the reminders. What each column means: scripts/lib/benchOperations.ts.
 *
 *   npm run bench               every size (a few minutes)
 *   npm run bench -- --quick    the smallest size only (KPI_LOOP_BENCH_QUICK=1 does the same)
 *   --history FILE              append to FILE instead (KPI_LOOP_BENCH_HISTORY=FILE)
 *
 * Each size runs in a child process of its own, so an operation that exhausts the heap costs
 * only its own cell ("not measured (…)"), and heaps do not carry over from one size to the next.
 * Every run is appended to bench/history.jsonl and compared with the previous one.
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  OPERATIONS,
  SIZES,
  compileEngine,
  measurePeople,
  measureRows,
  type Axis,
  type Cell,
  type FloorRow,
  type Report,
} from './lib/benchOperations';
import {
  HISTORY_SHAPE,
  comparison,
  floorLine,
  notes,
  operationsTable,
  previousRun,
  scalingLines,
  sizeLabel,
  type HistoryLine,
} from './lib/benchReport';

const ROOT = path.resolve(__dirname, '..');
/** A size that takes longer than this is stopped, and what it had not measured says so. */
const SIZE_TIME_LIMIT_MS = 20 * 60_000;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** In a child: measure one size, posting each figure to the parent as soon as it is had. */
async function measureOneSize(axis: Axis, size: number, folder: string): Promise<void> {
  const post: Report = (result) => {
    process.send?.(result);
  };
  await (axis === 'rows' ? measureRows(size, folder, post) : measurePeople(size, folder, post));
  await new Promise<void>((resolve) => process.send?.({ done: true }, () => resolve()));
  process.disconnect?.();
}

interface SizeResult {
  cells: Cell[];
  floor: FloorRow[];
}

/** Why a child ended before it had measured everything: a few words, and the error it printed. */
function reasonOf(code: number | null, signal: string | null, stderr: string) {
  if (/heap out of memory|Reached heap limit/i.test(stderr))
    return { notMeasured: 'out of heap', detail: 'the emulator ran out of heap' };
  const lines = stderr.split('\n').map((line) => line.trim());
  const error = lines.find((line) => /^\w*(Error|Exception)\b/.test(line)) ?? lines.find(Boolean);
  return {
    notMeasured: `crashed, ${signal ?? `exit code ${code}`}`,
    ...(error ? { detail: error.slice(0, 300) } : {}),
  };
}

/** One size in a child process; whatever it did not report comes back as not measured. */
function runSize(axis: Axis, size: number, folder: string): Promise<SizeResult> {
  const wanted = OPERATIONS.filter((op) => op.axis === axis);
  const result: SizeResult = { cells: [], floor: [] };
  const execArgv = process.execArgv.includes('--expose-gc')
    ? process.execArgv
    : [...process.execArgv, '--expose-gc'];
  const child = fork(__filename, ['--measure', axis, String(size), folder], {
    execArgv,
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  let finished = false;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, SIZE_TIME_LIMIT_MS);
  child.on('message', (message: { cell?: Cell; floor?: FloorRow; done?: boolean }) => {
    if (message.cell) result.cells.push(message.cell);
    if (message.floor) result.floor.push(message.floor);
    if (message.done) finished = true;
  });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const reason = timedOut
        ? { notMeasured: `not done in ${SIZE_TIME_LIMIT_MS / 60_000} min` }
        : finished
          ? { notMeasured: 'not reported' }
          : reasonOf(code, signal, stderr);
      for (const op of wanted) {
        if (!result.cells.some((cell) => cell.op === op.id))
          result.cells.push({ op: op.id, size, ...reason });
      }
      resolve(result);
    });
  });
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString();
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'src', 'emulator', 'scripts'],
      {
        cwd: ROOT,
      },
    ).toString();
    return `${sha.trim()}${dirty.trim() ? '+changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const quick = process.argv.includes('--quick') || process.env.KPI_LOOP_BENCH_QUICK === '1';
  const historyFile = path.resolve(
    option('--history') ??
      process.env.KPI_LOOP_BENCH_HISTORY ??
      path.join(ROOT, 'bench/history.jsonl'),
  );
  const folder = path.join(ROOT, '.local', `bench-${process.pid}`);
  compileEngine(folder);

  const cells: Cell[] = [];
  const floor: FloorRow[] = [];
  try {
    for (const axis of ['rows', 'people'] as Axis[]) {
      for (const size of quick ? SIZES[axis].slice(0, 1) : SIZES[axis]) {
        const sizeStarted = performance.now();
        const measured = await runSize(axis, size, folder);
        cells.push(...measured.cells);
        floor.push(...measured.floor);
        const seconds = ((performance.now() - sizeStarted) / 1000).toFixed(0);
        console.log(`Measured ${sizeLabel(axis, size)} in ${seconds} s.`);
      }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }

  const seconds = (performance.now() - started) / 1000;
  const run: HistoryLine = {
    shape: HISTORY_SHAPE,
    at: new Date().toISOString(),
    node: process.version,
    commit: commit(),
    quick,
    seconds: Math.round(seconds),
    cells,
    floor,
  };
  console.log(
    `\nEvery operation, Apps Script's cost model on (emulator/costs.ts). Node ms: the add-on's own ` +
      `time, best of up to 5 runs, the emulator's share taken out (Emulator ms). Apps Script ms = ` +
      `Node ms + the calls' modelled ms.\n`,
  );
  console.log(operationsTable(cells));
  const said = notes(cells);
  if (said.length > 0) console.log(`\n${said.map((line) => `- ${line}`).join('\n')}`);
  console.log(
    `\nScaling:\n${scalingLines(cells)
      .map((line) => `- ${line}`)
      .join('\n')}`,
  );
  if (floor.length > 0) console.log(`\n${floorLine(floor)}`);

  const history = fs.existsSync(historyFile) ? fs.readFileSync(historyFile, 'utf8') : '';
  console.log(`\n${comparison(previousRun(history), run).join('\n')}`);
  fs.mkdirSync(path.dirname(historyFile), { recursive: true });
  // Two decimals are plenty for figures this noisy, and keep the file readable.
  const rounded = (_key: string, value: unknown) =>
    typeof value === 'number' ? Math.round(value * 100) / 100 : value;
  fs.appendFileSync(historyFile, `${JSON.stringify(run, rounded)}\n`);
  console.log(
    `\nAppended to ${path.relative(process.cwd(), historyFile)}. The bench took ${seconds.toFixed(0)} s.`,
  );
}

const measure = process.argv.indexOf('--measure');
if (measure >= 0) {
  const [axis, size, folder] = process.argv.slice(measure + 1);
  void measureOneSize(axis as Axis, Number(size), String(folder));
} else {
  void main();
}
