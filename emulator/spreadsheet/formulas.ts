/**
 * A deliberately small formula evaluator. A formula that is exactly one call of a custom function
 * defined by the loaded bundle — `=KPI_STATUS("K1")`, `=KPI_STATUS(A2, , "x@y.z")`,
 * `=KPI_TREND('Log'!B2:B30, 8)` — is run with its arguments (literals, blanks, cells as values,
 * ranges as 2-D arrays), and its result fills the cell or spills right and down. Everything else
 * (SUM, SPARKLINE, nested calls, arithmetic) evaluates to ''. Evaluation happens when a formula is
 * written and on emu.recalculate(); there is no dependency tracking, and references are not moved
 * when rows are inserted. A custom function that throws shows #ERROR! and keeps its message, as
 * Sheets shows it on hover.
 */
import type { CellValue, SheetState } from '../state';
import { boxA1, boxOf, columnLetters, columnNumber, parseA1 } from './a1';
import type { A1 } from './a1';
import { cellOf, setCell } from './grid';
import type { Workbook } from './workbook';

type Argument = { blank: true } | { value: CellValue } | { ref: A1 };

interface Call {
  name: string;
  args: Argument[];
}

/** Splits at top-level commas; null when an argument holds a nested call or an expression. */
function splitArguments(text: string): string[] | null {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') return null;
    if (!quoted && ch === ',') {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  return parts;
}

function parseArgument(text: string): Argument | null {
  if (text === '') return { blank: true };
  const string = /^"((?:[^"]|"")*)"$/.exec(text);
  if (string) return { value: (string[1] ?? '').replace(/""/g, '"') };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { value: Number(text) };
  if (/^(TRUE|FALSE)$/i.test(text)) return { value: text.toUpperCase() === 'TRUE' };
  const ref = parseA1(text);
  return ref ? { ref } : null;
}

export function parseCall(formula: string): Call | null {
  const match = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
  const parts = match ? splitArguments(match[2] ?? '') : null;
  if (!match || !parts) return null;
  const args = (parts.length === 1 && parts[0] === '' ? [] : parts).map(parseArgument);
  return args.every((a): a is Argument => a !== null) ? { name: match[1] ?? '', args } : null;
}

/** Moves the relative references of a formula by (rows, columns), as Sheets does when one formula
 * is set on a block (Range.setFormula). */
export function moveReferences(formula: string, rows: number, columns: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
            (_m, lead: string, colAbs: string, letters: string, rowAbs: string, row: string) => {
              const column = colAbs ? letters : columnLetters(columnNumber(letters) + columns);
              const line = rowAbs ? row : String(Number(row) + rows);
              return `${lead}${colAbs}${column}${rowAbs}${line}`;
            },
          ),
    )
    .join('');
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '#NUM!';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Object.prototype.toString.call(value) === '[object Date]')
    return new Date((value as Date).getTime());
  return String(value);
}

/** A 2-D result as rows; a flat array is a column, as Sheets lays it out. */
function toMatrix(result: unknown): CellValue[][] {
  if (!Array.isArray(result)) return [[toCell(result)]];
  const rows = result.map((row: unknown) => (Array.isArray(row) ? row.map(toCell) : [toCell(row)]));
  const width = Math.max(1, ...rows.map((row) => row.length));
  return rows.length === 0
    ? [['']]
    : rows.map((row) => [...row, ...new Array<CellValue>(width - row.length).fill('')]);
}

export class Formulas {
  constructor(private readonly wb: Workbook) {}

  /** Clears what the formula at (r, c) spilled before (0-based), leaving the formula cell. */
  clearSpill(sheet: SheetState, r: number, c: number): void {
    const extent = cellOf(sheet.layers.spills, r, c);
    if (!extent) return;
    for (let i = 0; i < extent.rows; i++) {
      for (let j = 0; j < extent.columns; j++)
        if (i || j) setCell(sheet.layers.values, r + i, c + j, undefined);
    }
    setCell(sheet.layers.spills, r, c, undefined);
  }

  recalculate(): void {
    for (const sheet of this.wb.state.sheets) {
      sheet.layers.formulas.forEach((line, r) =>
        line?.forEach((formula, c) => formula && this.evaluate(sheet, r, c)),
      );
    }
  }

  evaluate(sheet: SheetState, r: number, c: number): void {
    const formula = cellOf(sheet.layers.formulas, r, c);
    if (!formula) return;
    this.clearSpill(sheet, r, c);
    const call = parseCall(formula);
    const fn = call ? this.customFunction(call.name) : undefined;
    let result: unknown = '';
    let error: string | undefined;
    if (call && fn) {
      try {
        const args = call.args.map((arg) => this.argument(sheet, arg));
        result = this.wb.rt.scoped({ authMode: 'CUSTOM_FUNCTION' }, () => fn(...args));
      } catch (e) {
        result = '#ERROR!';
        error =
          typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
      }
    }
    this.place(sheet, r, c, toMatrix(result), error);
  }

  /** Top-level functions of the bundle; Sheets matches names case-insensitively and hides names
   * ending in '_' (private functions). */
  private customFunction(name: string): ((...args: unknown[]) => unknown) | undefined {
    const globals = this.wb.rt.context as Record<string, unknown>;
    const key =
      name in globals
        ? name
        : Object.keys(globals).find((k) => k.toUpperCase() === name.toUpperCase());
    const fn = key === undefined || key.endsWith('_') ? undefined : globals[key];
    return typeof fn === 'function' ? (fn as (...args: unknown[]) => unknown) : undefined;
  }

  private argument(sheet: SheetState, arg: Argument): unknown {
    // An empty argument reaches the function as '' — like an empty cell (not documented).
    if ('blank' in arg) return '';
    if ('value' in arg) return arg.value;
    const target = arg.ref.sheetName === null ? sheet : this.wb.sheetNamed(arg.ref.sheetName);
    if (!target) throw new Error(`Unresolved sheet name '${arg.ref.sheetName ?? ''}'.`);
    const box = boxOf(arg.ref, target.maxRows, target.maxColumns);
    const values = this.wb.readValues(target, box);
    return box.numRows === 1 && box.numColumns === 1 ? values[0]?.[0] : values;
  }

  private place(
    sheet: SheetState,
    r: number,
    c: number,
    matrix: CellValue[][],
    error: string | undefined,
  ): void {
    const rows = matrix.length;
    const columns = matrix[0]?.length ?? 1;
    const { values, formulas, errors, spills } = sheet.layers;
    let problem: string | undefined;
    if (r + rows > sheet.maxRows || c + columns > sheet.maxColumns) {
      problem = `Result was not automatically expanded, please insert more rows (${r + rows - sheet.maxRows}).`;
    }
    for (let i = 0; i < rows && !problem; i++) {
      for (let j = 0; j < columns && !problem; j++) {
        const taken =
          (i || j) &&
          (cellOf(values, r + i, c + j) !== undefined || cellOf(formulas, r + i, c + j));
        if (taken)
          problem = `Array result was not expanded because it would overwrite data in ${boxA1({ row: r + i + 1, column: c + j + 1, numRows: 1, numColumns: 1 })}.`;
      }
    }
    if (problem) {
      setCell(values, r, c, '#REF!');
      setCell(errors, r, c, problem);
      return;
    }
    matrix.forEach((row, i) =>
      row.forEach((value, j) => setCell(values, r + i, c + j, value === '' ? undefined : value)),
    );
    setCell(errors, r, c, error);
    if (rows * columns > 1) setCell(spills, r, c, { rows, columns });
  }
}
