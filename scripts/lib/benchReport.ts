/**
 * How `npm run bench` shows its figures: the operations table, each operation's scaling, the
 * floor line of PRODUCT section 8, and the comparison with the previous run in
 * bench/history.jsonl.
 */
import {
  OPERATIONS,
  type Axis,
  type Cell,
  type FloorRow,
  type Measured,
  type Operation,
} from './benchOperations';

/** Each line of bench/history.jsonl from this shape on; older lines are kept but not compared. */
export const HISTORY_SHAPE = 'operations/1';

export interface HistoryLine {
  shape: typeof HISTORY_SHAPE;
  at: string;
  node: string;
  commit: string;
  quick: boolean;
  /** How long the whole bench took. */
  seconds: number;
  cells: Cell[];
  floor: FloorRow[];
}

/** A regression is flagged when a figure grows by more than this… */
const REGRESSION = 0.25;
/** …and by more than the noise of a shared machine. */
const NOISE = { ms: 10, heapMb: 1, calls: 0 };

export const isMeasured = (cell: Cell | undefined): cell is Measured =>
  !!cell && !('notMeasured' in cell);

const AXIS_WORD: Record<Axis, string> = { rows: 'Log rows', people: 'people' };

export function sizeLabel(axis: Axis, size: number): string {
  return `${size.toLocaleString('en')} ${axis === 'rows' ? 'rows' : 'people'}`;
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en');
}

function limitWords(limitMs: number): string {
  return limitMs >= 60_000 ? `${limitMs / 60_000} min` : `${limitMs / 1000} s`;
}

function operationOf(cell: Cell): Operation {
  const operation = OPERATIONS.find((op) => op.id === cell.op);
  if (!operation) throw new Error(`Unknown operation ${cell.op}`);
  return operation;
}

const HEADER = [
  'Operation',
  'Size',
  'Node ms',
  'Service calls',
  'Calls, modelled ms',
  'Apps Script ms',
  'Within limit?',
  'Peak heap MB',
  'Emulator ms',
];

/** Markdown, so it can be pasted into the README as it is. */
export function operationsTable(cells: Cell[]): string {
  const lines: string[][] = [];
  for (const operation of OPERATIONS) {
    const own = cells.filter((cell) => cell.op === operation.id).sort((a, b) => a.size - b.size);
    own.forEach((cell, i) => {
      const name = i === 0 ? operation.name : '';
      const size = sizeLabel(operation.axis, cell.size);
      if (!isMeasured(cell)) {
        lines.push([name, size, `not measured (${cell.notMeasured})`, '', '', '', '', '', '']);
        return;
      }
      const within = cell.appsScriptMs <= operation.limitMs;
      lines.push([
        name,
        size,
        ms(cell.nodeMs),
        cell.calls.toLocaleString('en'),
        cell.calls > 0 ? ms(cell.callsMs) : '–',
        ms(cell.appsScriptMs),
        `${within ? 'yes' : '**NO**'} (${limitWords(operation.limitMs)})`,
        cell.heapMb.toFixed(1),
        cell.calls > 0 ? ms(cell.emulatorMs) : '–',
      ]);
    });
  }
  const widths = HEADER.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  // Laid out as Prettier lays out a Markdown table, so the README can hold it as printed.
  const rule = `| ${widths.map((w, i) => (i < 2 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [row(HEADER), rule, ...lines.map(row)].join('\n');
}

/** What the operations said beside their figures (the dispatcher's summary, the planner's count),
 * and why a cell was not measured. */
export function notes(cells: Cell[]): string[] {
  return cells.flatMap((cell) => {
    const said = isMeasured(cell) ? cell.note : cell.detail && `not measured: ${cell.detail}`;
    if (!said) return [];
    const operation = operationOf(cell);
    return [`${operation.name}, ${sizeLabel(operation.axis, cell.size)}: ${said}`];
  });
}

/** Growth per tenfold size between the smallest and the largest size measured. */
function perTenfold(from: number, to: number, sizeRatio: number): number {
  return Math.pow(to / from, 1 / Math.log10(sizeRatio));
}

/** One line per operation: how time and calls grow with its size axis. */
export function scalingLines(cells: Cell[]): string[] {
  return OPERATIONS.map((operation) => {
    const measured = cells
      .filter((cell): cell is Measured => cell.op === operation.id && isMeasured(cell))
      .sort((a, b) => a.size - b.size);
    const first = measured[0];
    const last = measured[measured.length - 1];
    const per = `per 10× ${AXIS_WORD[operation.axis]}`;
    if (!first || !last || first === last)
      return `${operation.name}: one size measured, no scaling to show.`;
    const ratio = last.size / first.size;
    const time = (a: number, b: number) => `×${perTenfold(Math.max(a, 0.1), b, ratio).toFixed(1)}`;
    const counts = measured.map((cell) => cell.calls);
    const fewest = Math.min(...counts);
    const most = Math.max(...counts);
    const calls = counts.every((count) => count === first.calls)
      ? `calls constant (${first.calls.toLocaleString('en')})`
      : most <= fewest * 1.1 // a chunk more or less, not a call per row or person
        ? `calls nearly constant (${fewest.toLocaleString('en')}–${most.toLocaleString('en')})`
        : `calls grow ${counts.map((c) => c.toLocaleString('en')).join(' → ')} (${time(first.calls, last.calls)} ${per}) ⚠`;
    return (
      `${operation.name}: Node ${time(first.nodeMs, last.nodeMs)} ${per}, ` +
      `Apps Script ${time(first.appsScriptMs, last.appsScriptMs)}; ${calls}.`
    );
  });
}

/** PRODUCT section 8: under 1 s at 100,000 rows, within 3× of one bare group-and-sum pass. */
export function floorLine(floor: FloorRow[]): string {
  const parts = [...floor]
    .sort((a, b) => a.rows - b.rows)
    .map(
      (row) =>
        `${row.rows.toLocaleString('en')} rows ${ms(row.dashboardMs)} ms vs ${ms(row.floorMs)} ms ` +
        `(${(row.dashboardMs / row.floorMs).toFixed(2)}×)`,
    );
  return (
    `Dashboard computation in Node (the engine alone) beside the floor, one bare pass that only ` +
    `groups and sums the same rows: ${parts.join(' · ')}. Aim (PRODUCT section 8): under 1 s and ` +
    `within 3× of the floor at 100,000 rows.`
  );
}

interface Figure {
  name: string;
  of: (cell: Measured) => number;
  noise: number;
  show: (value: number) => string;
}

const FIGURES: Figure[] = [
  { name: 'Node ms', of: (c) => c.nodeMs, noise: NOISE.ms, show: ms },
  { name: 'Apps Script ms', of: (c) => c.appsScriptMs, noise: NOISE.ms, show: ms },
  { name: 'calls', of: (c) => c.calls, noise: NOISE.calls, show: (v) => v.toLocaleString('en') },
  { name: 'peak heap MB', of: (c) => c.heapMb, noise: NOISE.heapMb, show: (v) => v.toFixed(1) },
];

/** The last line of the history in this shape, or null. */
export function previousRun(history: string): HistoryLine | null {
  const lines = history.split('\n').filter((line) => line.trim() !== '');
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const parsed = JSON.parse(lines[i] as string) as Partial<HistoryLine>;
      if (parsed.shape === HISTORY_SHAPE) return parsed as HistoryLine;
    } catch {
      // a damaged line is skipped; the file is only ever appended to
    }
  }
  return null;
}

/** Every figure that grew by more than REGRESSION (and the noise) since `before`, flagged. */
export function comparison(before: HistoryLine | null, now: HistoryLine): string[] {
  if (!before) return ['No earlier run in this shape in the history: nothing to compare with yet.'];
  const lines: string[] = [];
  let compared = 0;
  let better = 0;
  for (const cell of now.cells) {
    const old = before.cells.find((c) => c.op === cell.op && c.size === cell.size);
    if (!old) continue;
    const operation = operationOf(cell);
    const where = `${operation.name}, ${sizeLabel(operation.axis, cell.size)}`;
    if (isMeasured(old) && !isMeasured(cell)) {
      lines.push(`⚠ ${where}: measured before, not measured now (${cell.notMeasured}).`);
      continue;
    }
    if (!isMeasured(old) || !isMeasured(cell)) continue;
    compared++;
    for (const figure of FIGURES) {
      const [a, b] = [figure.of(old), figure.of(cell)];
      const growth = a > 0 ? (b - a) / a : b > 0 ? Infinity : 0;
      if (growth > REGRESSION && b - a > figure.noise) {
        const percent = Number.isFinite(growth) ? `+${Math.round(growth * 100)}%` : 'from 0';
        lines.push(
          `⚠ ${where}: ${figure.name} ${figure.show(a)} → ${figure.show(b)} (${percent}).`,
        );
      } else if (growth < -REGRESSION && a - b > figure.noise) better++;
    }
  }
  const summary =
    `Compared with the run of ${before.at} (${before.commit}${before.quick ? ', quick' : ''}): ` +
    `${compared} cells, ${lines.length} regression${lines.length === 1 ? '' : 's'} over ` +
    `${REGRESSION * 100}%, ${better} figure${better === 1 ? '' : 's'} better by as much.`;
  return [summary, ...lines];
}
