/**
 * The spreadsheet model behind the services: reads, writes and structural changes on the plain
 * state, with Apps Script's checks (grid bounds, protections). Host helpers use it directly,
 * uncounted; the service classes are thin counted views over it.
 */
import type { Runtime } from '../runtime';
import { newSheetState } from '../state';
import type {
  Box,
  CellValue,
  Grid,
  Layers,
  ProtectionState,
  SheetState,
  WorkbookState,
} from '../state';
import { cellOf, lastColumnIndex, lastRowIndex, setCell } from './grid';
import type { Formulas } from './formulas';
import { contains, intersects, shiftSheet } from './structure';
import type { Axis } from './structure';
import { readValue, typeIn } from './values';

export type FormatLayer =
  | 'numberFormat'
  | 'background'
  | 'fontColor'
  | 'fontWeight'
  | 'horizontalAlignment'
  | 'wrap'
  | 'note'
  | 'validation';

const FORMAT_LAYERS: FormatLayer[] = [
  'numberFormat',
  'background',
  'fontColor',
  'fontWeight',
  'horizontalAlignment',
  'wrap',
];
/** Sheets' per-cell limit; the message is the one Sheets gives (seen in real error logs). */
const MAX_CELL_CHARACTERS = 50000;
/**
 * Sheets' limit on a spreadsheet's cells, counted over every tab's grid (rows × columns, filled or
 * not): https://support.google.com/drive/answer/37603. Growing past it fails with the message the
 * Sheets API gives (seen in public error reports). Without it a script that grows a grid past what
 * Sheets allows would run here, slowly and out of memory, instead of failing as it does in Sheets.
 */
export const MAX_CELLS = 10_000_000;

export class Workbook {
  formulas!: Formulas;

  constructor(
    readonly rt: Runtime,
    readonly state: WorkbookState,
  ) {}

  sheet(id: number): SheetState | undefined {
    return this.state.sheets.find((s) => s.id === id);
  }

  sheetNamed(name: string): SheetState | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }

  newId(): number {
    return this.state.nextId++;
  }

  assertNameFree(name: string): void {
    // Sheets compares tab names case-insensitively.
    if (this.state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      this.rt.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  addSheet(name: string | undefined, index: number | undefined): SheetState {
    let n = this.state.sheets.length + 1;
    const base = this.state.locale.startsWith('da') ? 'Ark' : 'Sheet';
    while (name === undefined && this.state.sheets.some((s) => s.name === `${base}${n}`)) n++;
    const finalName = name ?? `${base}${n}`;
    this.assertNameFree(finalName);
    const sheet = newSheetState(this.newId(), finalName);
    this.assertCellsFit(sheet.maxRows * sheet.maxColumns);
    this.state.sheets.splice(index ?? this.state.sheets.length, 0, sheet);
    return sheet;
  }

  removeSheet(sheet: SheetState): void {
    if (this.state.sheets.length === 1)
      this.rt.fail("You can't remove all the sheets in a document.");
    const s = this.state;
    s.sheets = s.sheets.filter((x) => x !== sheet);
    s.metadata = s.metadata.filter(
      (m) => !('sheetId' in m.location) || m.location.sheetId !== sheet.id,
    );
    s.protections = s.protections.filter((p) => p.box.sheetId !== sheet.id);
    s.namedRanges = s.namedRanges.filter((n) => n.box.sheetId !== sheet.id);
    if (s.activeSheetId === sheet.id) s.activeSheetId = s.sheets[0]?.id ?? 0;
  }

  lastRow(sheet: SheetState): number {
    return Math.max(lastRowIndex(sheet.layers.values), lastRowIndex(sheet.layers.formulas)) + 1;
  }

  lastColumn(sheet: SheetState): number {
    return (
      Math.max(lastColumnIndex(sheet.layers.values), lastColumnIndex(sheet.layers.formulas)) + 1
    );
  }

  assertInGrid(sheet: SheetState, box: Box): void {
    if (
      box.row + box.numRows - 1 > sheet.maxRows ||
      box.column + box.numColumns - 1 > sheet.maxColumns
    ) {
      this.rt.fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  protectionEditors(p: ProtectionState): string[] {
    const editors = p.editors ?? [this.state.owner, ...this.state.editors];
    return editors.includes(this.state.owner) ? editors : [this.state.owner, ...editors];
  }

  /** The owner can always edit; others need to be editors of every protection covering the cells
   * (https://developers.google.com/apps-script/reference/spreadsheet/protection#canEdit()). */
  canEdit(p: ProtectionState, user = this.rt.user): boolean {
    return p.warningOnly || this.protectionEditors(p).includes(user);
  }

  /** box null: a change of the sheet's structure (inserting rows), which only a sheet protection stops. */
  assertCanEdit(sheet: SheetState, box: Box | null): void {
    if (this.rt.user === this.state.owner) return;
    for (const p of this.state.protections) {
      if (p.box.sheetId !== sheet.id || this.canEdit(p)) continue;
      const covered =
        p.type === 'SHEET'
          ? !box || !p.unprotected.some((free) => contains(free, box))
          : !!box && intersects(p.box, box);
      if (covered) {
        this.rt.fail(
          'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
        );
      }
    }
  }

  readValues(sheet: SheetState, box: Box): CellValue[][] {
    const { values, numberFormat } = sheet.layers;
    const timeZone = this.state.timeZone;
    const rows: CellValue[][] = [];
    for (let r = box.row - 1; r < box.row - 1 + box.numRows; r++) {
      const line = values[r];
      const formats = numberFormat[r];
      const row: CellValue[] = [];
      for (let c = box.column - 1; c < box.column - 1 + box.numColumns; c++) {
        const value = line?.[c];
        // Most cells are text or plain numbers: skip the format lookup for them (bench speed).
        if (value === undefined || value === null) row.push('');
        else if (typeof value === 'string' || (typeof value === 'number' && !formats?.[c]))
          row.push(value);
        else row.push(readValue(value, formats?.[c] ?? undefined, timeZone));
      }
      rows.push(row);
    }
    return rows;
  }

  readLayer<T>(sheet: SheetState, layer: Grid<T>, box: Box, empty: T): T[][] {
    const rows: T[][] = [];
    for (let i = 0; i < box.numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < box.numColumns; j++)
        row.push(cellOf(layer, box.row - 1 + i, box.column - 1 + j) ?? empty);
      rows.push(row);
    }
    return rows;
  }

  /** Writes as Range.setValues (typed like keyboard input) or setFormulas ('' clears a cell). */
  write(sheet: SheetState, box: Box, rows: unknown[][], asFormulas = false): void {
    this.assertInGrid(sheet, box);
    this.assertCanEdit(sheet, box);
    const layers = sheet.layers;
    const formulaCells: Array<[number, number]> = [];
    rows.forEach((line, i) =>
      line.forEach((input: unknown, j) => {
        const r = box.row - 1 + i;
        const c = box.column - 1 + j;
        const format = cellOf(layers.numberFormat, r, c);
        const typed = typeIn(
          input,
          asFormulas ? undefined : format,
          this.state.locale,
          this.state.timeZone,
        );
        if (typeof typed.value === 'string' && typed.value.length > MAX_CELL_CHARACTERS) {
          this.rt.fail(
            `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
          );
        }
        this.formulas.clearSpill(sheet, r, c);
        setCell(layers.values, r, c, typed.value === '' ? undefined : typed.value);
        setCell(layers.formulas, r, c, typed.formula);
        setCell(layers.errors, r, c, undefined);
        if (typed.format && !format) setCell(layers.numberFormat, r, c, typed.format);
        if (typed.formula) formulaCells.push([r, c]);
      }),
    );
    for (const [r, c] of formulaCells) this.formulas.evaluate(sheet, r, c);
  }

  setLayer<K extends FormatLayer>(
    sheet: SheetState,
    layer: K,
    box: Box,
    value: (cell: [number, number]) => unknown,
  ): void {
    this.assertInGrid(sheet, box);
    this.assertCanEdit(sheet, box);
    const grid = sheet.layers[layer] as Grid<unknown>;
    for (let i = 0; i < box.numRows; i++) {
      for (let j = 0; j < box.numColumns; j++) {
        const v = value([i, j]);
        setCell(grid, box.row - 1 + i, box.column - 1 + j, v === null || v === '' ? undefined : v);
      }
    }
  }

  clear(
    sheet: SheetState,
    box: Box,
    what: { contents?: boolean; formats?: boolean; notes?: boolean; validations?: boolean },
  ): void {
    this.assertInGrid(sheet, box);
    this.assertCanEdit(sheet, box);
    const layers: Array<keyof Layers> = [];
    if (what.contents) layers.push('values', 'formulas', 'errors');
    if (what.formats) layers.push(...FORMAT_LAYERS);
    if (what.notes) layers.push('note');
    if (what.validations) layers.push('validation');
    const lastRow = box.row - 1 + box.numRows;
    const lastColumn = box.column - 1 + box.numColumns;
    if (what.contents) {
      const spills = sheet.layers.spills;
      for (let r = box.row - 1; r < Math.min(lastRow, spills.length); r++) {
        spills[r]?.forEach(
          (extent, c) =>
            extent &&
            c >= box.column - 1 &&
            c < lastColumn &&
            this.formulas.clearSpill(sheet, r, c),
        );
      }
    }
    // Only rows and cells that exist need clearing: layers are sparse.
    for (const layer of layers) {
      const grid = sheet.layers[layer] as Grid<unknown>;
      for (let r = box.row - 1; r < Math.min(lastRow, grid.length); r++) {
        const line = grid[r];
        if (line)
          for (let c = box.column - 1; c < Math.min(lastColumn, line.length); c++)
            line[c] = undefined;
      }
    }
  }

  /** Inserts (count > 0) or deletes (count < 0) rows or columns at `at` (1-based). */
  shift(sheet: SheetState, axis: Axis, at: number, count: number): void {
    if (count > 0) this.assertCellsFit(count * (axis === 'row' ? sheet.maxColumns : sheet.maxRows));
    shiftSheet(this, sheet, axis, at, count);
  }

  /** Fails as Sheets does when `more` cells would take the spreadsheet past MAX_CELLS. */
  assertCellsFit(more: number): void {
    const cells = this.state.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
    if (cells + more > MAX_CELLS) {
      this.rt.fail(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }
}
