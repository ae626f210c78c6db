/** Sheet, part 1: identity, ranges, and rows and columns. */
import { SERVICE } from '../runtime';
import type { SheetState } from '../state';
import { boxOf, parseA1 } from './a1';
import { checkBox, signatureMismatch } from './checks';
import type { Range } from './range';
import type { Spreadsheet } from './spreadsheet';
import type { Views } from './views';
import type { Axis } from './structure';
import type { Workbook } from './workbook';

export class SheetBase {
  readonly [SERVICE] = 'Sheet';

  constructor(
    protected readonly views: Views,
    readonly state: SheetState,
  ) {}

  protected get wb(): Workbook {
    return this.views.wb;
  }

  getName(): string {
    return this.state.name;
  }

  setName(name: string): this {
    if (String(name).toLowerCase() !== this.state.name.toLowerCase())
      this.wb.assertNameFree(String(name));
    this.state.name = String(name);
    return this;
  }

  getSheetId(): number {
    return this.state.id;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    return this.wb.state.sheets.indexOf(this.state) + 1;
  }

  getParent(): Spreadsheet {
    return this.views.spreadsheet;
  }

  activate(): this {
    this.wb.state.activeSheetId = this.state.id;
    return this;
  }

  /** getRange(a1) or getRange(row, column, numRows?, numColumns?). */
  getRange(rowOrA1: unknown, column?: unknown, numRows?: unknown, numColumns?: unknown): Range {
    const given = [rowOrA1, column, numRows, numColumns].filter((arg) => arg !== undefined);
    if (typeof rowOrA1 === 'string' && given.length === 1) {
      const a1 = parseA1(rowOrA1);
      const sheet = a1?.sheetName ? this.wb.sheetNamed(a1.sheetName) : this.state;
      if (!a1 || !sheet) return this.wb.rt.fail('Range not found');
      const box = boxOf(a1, sheet.maxRows, sheet.maxColumns);
      this.wb.assertInGrid(sheet, box);
      return this.views.range(sheet, box, a1.kind);
    }
    const numbers = [rowOrA1, column, numRows, numColumns].slice(0, Math.max(2, given.length));
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      signatureMismatch(this.wb.rt, 'SpreadsheetApp.Sheet.getRange', numbers);
    }
    const [r, c, nr = 1, nc = 1] = numbers as number[];
    const box = checkBox(
      this.wb.rt,
      Math.floor(r ?? 0),
      Math.floor(c ?? 0),
      Math.floor(nr),
      Math.floor(nc),
    );
    this.wb.assertInGrid(this.state, box);
    return this.views.range(this.state, box);
  }

  /** A1 to the last row and column with content; A1 alone on an empty sheet. */
  getDataRange(): Range {
    return this.getRange(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  getSheetValues(row: number, column: number, numRows: number, numColumns: number): unknown[][] {
    return this.getRange(row, column, numRows, numColumns).getValues();
  }

  getLastRow(): number {
    return this.wb.lastRow(this.state);
  }

  getLastColumn(): number {
    return this.wb.lastColumn(this.state);
  }

  getMaxRows(): number {
    return this.state.maxRows;
  }

  getMaxColumns(): number {
    return this.state.maxColumns;
  }

  /** Writes after the last row with content; the sheet grows when it is full. */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents))
      signatureMismatch(this.wb.rt, 'SpreadsheetApp.Sheet.appendRow', [rowContents]);
    if (rowContents.length === 0) return this;
    const row = this.getLastRow() + 1;
    const box = { row, column: 1, numRows: 1, numColumns: rowContents.length };
    this.wb.assertCanEdit(this.state, box);
    if (row > this.state.maxRows)
      this.wb.shift(this.state, 'row', this.state.maxRows + 1, row - this.state.maxRows);
    const extraColumns = rowContents.length - this.state.maxColumns;
    if (extraColumns > 0)
      this.wb.shift(this.state, 'column', this.state.maxColumns + 1, extraColumns);
    this.wb.write(this.state, box, [rowContents]);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this.insert('row', afterPosition + 1, howMany);
  }

  insertRowAfter(afterPosition: number): this {
    return this.insert('row', afterPosition + 1, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this.insert('row', beforePosition, howMany);
  }

  insertRowBefore(beforePosition: number): this {
    return this.insert('row', beforePosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this.insert('column', afterPosition + 1, howMany);
  }

  insertColumnAfter(afterPosition: number): this {
    return this.insert('column', afterPosition + 1, 1);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this.insert('column', beforePosition, howMany);
  }

  deleteRow(rowPosition: number): this {
    return this.remove('row', rowPosition, 1);
  }

  deleteRows(rowPosition: number, howMany: number): this {
    return this.remove('row', rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): this {
    return this.remove('column', columnPosition, 1);
  }

  deleteColumns(columnPosition: number, howMany: number): this {
    return this.remove('column', columnPosition, howMany);
  }

  private size(axis: Axis): number {
    return axis === 'row' ? this.state.maxRows : this.state.maxColumns;
  }

  private insert(axis: Axis, at: number, count: number): this {
    if (at < 1 || at > this.size(axis) + 1 || count < 1)
      this.wb.rt.fail(`Those ${axis}s are out of bounds.`);
    this.wb.shift(this.state, axis, at, count);
    return this;
  }

  private remove(axis: Axis, at: number, count: number): this {
    if (at < 1 || count < 1 || at + count - 1 > this.size(axis))
      this.wb.rt.fail(`Those ${axis}s are out of bounds.`);
    if (count === this.size(axis))
      this.wb.rt.fail(`You can't delete all the ${axis}s on the sheet.`);
    this.wb.shift(this.state, axis, at, -count);
    return this;
  }
}
