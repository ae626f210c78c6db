/**
 * One tab as the page draws it: what Sheets would show — displayed values,
 * backgrounds after conditional formatting, bold headers, frozen rows,
 * drop-downs and charts. Read through the emulator's uncounted spreadsheet,
 * so looking at the workbook never shows up in the add-on's call counts.
 */
import type { Emulator } from '../../emulator';
import type { CellChoice, ChartView, SheetView, TabView } from './types';

type Sheet = NonNullable<ReturnType<Emulator['spreadsheet']['getSheetByName']>>;
type Range = ReturnType<Sheet['getDataRange']>;
type DataValidation = NonNullable<ReturnType<Range['getDataValidation']>>;
type EmbeddedChart = ReturnType<Sheet['getCharts']>[number];

/** Blank room below and beside the content, to type new rows into. */
const SPARE_ROWS = 30;
const SPARE_COLUMNS = 2;
const MIN_ROWS = 40;
const MIN_COLUMNS = 8;
/** Columns a chart is drawn over, so its anchor column and a little beyond are in the grid. */
const CHART_SPAN_COLUMNS = 7;

export function tabViews(emu: Emulator): TabView[] {
  const sheetProtection = emu.globals.SpreadsheetApp.ProtectionType.SHEET;
  return emu.spreadsheet
    .getSheets()
    .filter((sheet) => !sheet.isSheetHidden())
    .map((sheet) => ({
      name: sheet.getName(),
      tabColor: sheet.getTabColor(),
      protected: sheet.getProtections(sheetProtection).length > 0,
    }));
}

export function sheetView(emu: Emulator, name: string): SheetView | null {
  const sheet = emu.spreadsheet.getSheetByName(name);
  if (!sheet) return null;
  const charts = sheet.getCharts();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const chartColumns = Math.max(
    0,
    ...charts.map((c) => c.getContainerInfo().getAnchorColumn() + CHART_SPAN_COLUMNS),
  );
  const rows = Math.min(sheet.getMaxRows(), Math.max(lastRow + SPARE_ROWS, MIN_ROWS));
  const columns = Math.min(
    sheet.getMaxColumns(),
    Math.max(lastColumn + SPARE_COLUMNS, MIN_COLUMNS, chartColumns),
  );
  const range = sheet.getRange(1, 1, rows, columns);
  const values = range.getValues();
  const display = range.getDisplayValues();
  const formulas = range.getFormulas();
  const background = range
    .getBackgrounds()
    .map((row) => row.map((colour) => (isWhite(colour) ? null : colour)));
  const bold = range.getFontWeights().map((row) => row.map((weight) => weight === 'bold'));
  applyConditionalFormats(sheet, values, display, background, bold);

  const { choice, choices } = cellChoices(range.getDataValidations());
  const columnNumbers = Array.from({ length: columns }, (_, i) => i + 1);
  return {
    name,
    rows,
    columns,
    lastRow,
    lastColumn,
    frozenRows: sheet.getFrozenRows(),
    frozenColumns: sheet.getFrozenColumns(),
    columnWidths: columnNumbers.map((c) => sheet.getColumnWidth(c)),
    hiddenColumns: columnNumbers.map((c) => sheet.isColumnHiddenByUser(c)),
    display,
    input: display.map((row, r) => row.map((text, c) => formulas[r]?.[c] || text)),
    background,
    bold,
    align: values.map((row) =>
      row.map((value) =>
        typeof value === 'number' || value instanceof Date
          ? 'right'
          : typeof value === 'boolean'
            ? 'center'
            : 'left',
      ),
    ),
    notes: range.getNotes(),
    choice,
    choices,
    charts: charts.map(chartView),
  };
}

function isWhite(colour: string): boolean {
  return /^#?(fff|ffffff)$/i.test(colour) || colour === '';
}

/** Distinct drop-downs and checkboxes, and which cell uses which. */
function cellChoices(validations: Array<Array<DataValidation | null>>): {
  choice: number[][];
  choices: CellChoice[];
} {
  const choices: CellChoice[] = [];
  const known = new Map<string, number>();
  const choice = validations.map((row) =>
    row.map((rule) => {
      const found = rule ? choiceOf(rule) : null;
      if (!found) return -1;
      const key = JSON.stringify(found);
      let index = known.get(key);
      if (index === undefined) {
        index = choices.push(found) - 1;
        known.set(key, index);
      }
      return index;
    }),
  );
  return { choice, choices };
}

function choiceOf(rule: DataValidation): CellChoice | null {
  const type = String(rule.getCriteriaType());
  if (type === 'CHECKBOX') return { kind: 'checkbox' };
  if (type === 'VALUE_IN_LIST') {
    const list = rule.getCriteriaValues()[0];
    return Array.isArray(list) ? { kind: 'list', values: list.map(String) } : null;
  }
  return null;
}

function chartView(chart: EmbeddedChart): ChartView {
  const options = chart.getOptions();
  const vAxis = options.get('vAxis') as { format?: unknown } | null;
  // Each range is some columns of the same rows: side by side they make one table.
  const ranges = chart
    .getRanges()
    .map((r) =>
      r.getSheet().getRange(r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()),
    );
  const tables = ranges.map((range) => range.getValues());
  // Sheets labels values as their cells are formatted: a progress column in % shows percentages.
  const formats = ranges.flatMap((range) => range.getNumberFormats().slice(1).flat());
  const height = Math.max(0, ...tables.map((t) => t.length));
  const sideBySide = Array.from({ length: height }, (_, r) => tables.flatMap((t) => t[r] ?? []));
  // setTransposeRowsAndColumns(true): each row is a series, so read the table turned over.
  const table = chart.state.transpose
    ? (sideBySide[0] ?? []).map((_, c) => sideBySide.map((row) => row[c]))
    : sideBySide;
  const first = table[0] ?? [];
  const hasHeader = first.slice(1).some((cell) => typeof cell === 'string' && cell !== '');
  const body = hasHeader ? table.slice(1) : table;
  const width = first.length;
  return {
    type: String(chart.modify().getChartType()),
    title: String(options.get('title') ?? ''),
    row: chart.getContainerInfo().getAnchorRow(),
    column: chart.getContainerInfo().getAnchorColumn(),
    labels: body.map((row) => text(row[0])),
    series: Array.from({ length: Math.max(0, width - 1) }, (_, i) => ({
      name: hasHeader ? text(first[i + 1]) : '',
      values: body.map((row) => (typeof row[i + 1] === 'number' ? (row[i + 1] as number) : null)),
    })),
    format:
      vAxis?.format === 'percent' || formats.some((f) => f.includes('%'))
        ? 'percent'
        : typeof vAxis?.format === 'string'
          ? vAxis.format
          : '',
  };
}

function text(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
}

// ── Conditional formats ────────────────────────────────────────────────────

/**
 * Sheets applies, per cell, the first rule whose condition holds. Boolean
 * conditions are evaluated here as Sheets documents them; of custom
 * formulas, comparisons of cells with literals under AND/OR/NOT, which is
 * what the add-on writes. A formula this cannot read colours nothing.
 */
function applyConditionalFormats(
  sheet: Sheet,
  values: unknown[][],
  display: string[][],
  background: Array<Array<string | null>>,
  bold: boolean[][],
): void {
  const done = new Set<string>();
  for (const rule of sheet.getConditionalFormatRules()) {
    const condition = rule.getBooleanCondition();
    if (!condition) continue;
    const criteria = String(condition.getCriteriaType());
    const args = condition.getCriteriaValues();
    const formula = criteria === 'CUSTOM_FORMULA' ? parseFormula(String(args[0] ?? '')) : null;
    for (const range of rule.getRanges()) {
      if (range.getSheet().getName() !== sheet.getName()) continue;
      const top = range.getRow();
      const left = range.getColumn();
      const bottom = Math.min(top + range.getNumRows() - 1, values.length);
      const right = Math.min(left + range.getNumColumns() - 1, values[0]?.length ?? 0);
      for (let row = top; row <= bottom; row++) {
        for (let column = left; column <= right; column++) {
          const key = `${row}:${column}`;
          if (done.has(key)) continue;
          const cell = { row, column, top, left, values, display };
          const holds =
            criteria === 'CUSTOM_FORMULA'
              ? formula !== null && truthy(formula(cell))
              : booleanCondition(
                  criteria,
                  args,
                  values[row - 1]?.[column - 1],
                  display[row - 1]?.[column - 1] ?? '',
                );
          if (!holds) continue;
          done.add(key);
          const colour = condition.getBackground();
          if (colour) (background[row - 1] as Array<string | null>)[column - 1] = colour;
          if (condition.getBold()) (bold[row - 1] as boolean[])[column - 1] = true;
        }
      }
    }
  }
}

function booleanCondition(
  criteria: string,
  args: unknown[],
  value: unknown,
  shown: string,
): boolean {
  const text = shown.toLowerCase();
  const arg = String(args[0] ?? '').toLowerCase();
  switch (criteria) {
    case 'TEXT_EQUAL_TO':
      return text === arg;
    case 'TEXT_CONTAINS':
      return text.includes(arg);
    case 'TEXT_NOT_CONTAINS':
      return !text.includes(arg);
    case 'TEXT_STARTS_WITH':
      return text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return text.endsWith(arg);
    case 'CELL_EMPTY':
      return value === '' || value === null;
    case 'CELL_NOT_EMPTY':
      return value !== '' && value !== null;
    case 'NUMBER_LESS_THAN':
      return typeof value === 'number' && value < Number(args[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value <= Number(args[0]);
    case 'NUMBER_GREATER_THAN':
      return typeof value === 'number' && value > Number(args[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value >= Number(args[0]);
    case 'NUMBER_EQUAL_TO':
      return typeof value === 'number' && value === Number(args[0]);
    default:
      return false;
  }
}

interface CellContext {
  row: number;
  column: number;
  /** The rule range's top-left: relative references move from there. */
  top: number;
  left: number;
  values: unknown[][];
  display: string[][];
}

type Expression = (cell: CellContext) => unknown;

function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'number' && value !== 0);
}

/** `=AND($J2<>"",$J2<>"OK")` and its like; null for anything else. */
export function parseFormula(formula: string): Expression | null {
  const tokens = formula
    .replace(/^=/, '')
    .match(/"(?:[^"]|"")*"|\$?[A-Z]{1,3}\$?\d+|[A-Za-z_]+|\d+(?:\.\d+)?|<>|<=|>=|[=<>(),]|\S/g);
  if (!tokens) return null;
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const next = (): string | undefined => tokens[at++];

  function comparison(): Expression | null {
    const left = operand();
    if (!left) return null;
    const op = peek();
    if (op === undefined || !['=', '<>', '<', '>', '<=', '>='].includes(op)) return left;
    next();
    const right = operand();
    if (!right) return null;
    return (cell) => compare(left(cell), op, right(cell));
  }

  function operand(): Expression | null {
    const token = next();
    if (token === undefined) return null;
    if (token.startsWith('"')) {
      const literal = token.slice(1, -1).replace(/""/g, '"');
      return () => literal;
    }
    if (/^\d/.test(token)) return () => Number(token);
    if (/^(TRUE|FALSE)$/i.test(token) && peek() !== '(') return () => /^TRUE$/i.test(token);
    const reference = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(token);
    if (reference) return referenceTo(reference);
    const name = token.toUpperCase();
    if (!['AND', 'OR', 'NOT', 'ISBLANK'].includes(name) || next() !== '(') return null;
    const args: Expression[] = [];
    while (peek() !== ')') {
      const arg = comparison();
      if (!arg) return null;
      args.push(arg);
      if (peek() === ',') next();
      else if (peek() !== ')') return null;
    }
    next();
    switch (name) {
      case 'AND':
        return (cell) => args.every((arg) => truthy(arg(cell)));
      case 'OR':
        return (cell) => args.some((arg) => truthy(arg(cell)));
      case 'NOT':
        return (cell) => !truthy(args[0]?.(cell));
      default:
        return (cell) => {
          const value = args[0]?.(cell);
          return value === '' || value === null || value === undefined;
        };
    }
  }

  const expression = comparison();
  return expression && at === tokens.length ? expression : null;
}

function referenceTo([, fixedColumn, letters, fixedRow, digits]: RegExpExecArray): Expression {
  const column = [...(letters as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(digits);
  return (cell) => {
    // Written for the range's top-left cell; relative parts move with the cell being judged.
    const r = fixedRow ? row : row + (cell.row - cell.top);
    const c = fixedColumn ? column : column + (cell.column - cell.left);
    return cell.values[r - 1]?.[c - 1] ?? '';
  };
}

function compare(left: unknown, op: string, right: unknown): boolean {
  const a =
    typeof left === 'string' ? left.toLowerCase() : left instanceof Date ? left.getTime() : left;
  const b =
    typeof right === 'string'
      ? right.toLowerCase()
      : right instanceof Date
        ? right.getTime()
        : right;
  switch (op) {
    case '=':
      return a === b;
    case '<>':
      return a !== b;
    case '<':
      return (a as number) < (b as number);
    case '>':
      return (a as number) > (b as number);
    case '<=':
      return (a as number) <= (b as number);
    default:
      return (a as number) >= (b as number);
  }
}
