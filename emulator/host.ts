/** Uncounted helpers for test setup and inspection; they act as the owner, past protections. */
import { boxOf, parseA1 } from './spreadsheet/a1';
import { cellOf } from './spreadsheet/grid';
import type { Workbook } from './spreadsheet/workbook';
import type { SheetState } from './state';

export function hostHelpers(wb: Workbook) {
  const sheetNamed = (name: string): SheetState => {
    const sheet = wb.sheetNamed(name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    return sheet;
  };
  const used = (sheet: SheetState) => ({
    row: 1,
    column: 1,
    numRows: wb.lastRow(sheet),
    numColumns: wb.lastColumn(sheet),
  });
  return {
    /** The values of A1 to the last row and column with content; [] for an empty sheet. */
    sheetValues(name: string): unknown[][] {
      const sheet = sheetNamed(name);
      const box = used(sheet);
      return box.numRows === 0 ? [] : wb.readValues(sheet, box);
    },
    sheetFormulas(name: string): string[][] {
      const sheet = sheetNamed(name);
      const box = used(sheet);
      return box.numRows === 0 ? [] : wb.readLayer(sheet, sheet.layers.formulas, box, '');
    },
    /** Replaces a sheet's contents from A1 (the sheet is made, or grown, as needed). Values are
     * typed as if entered by hand, like setValues: "42" is a number, "=F(A1)" a formula. */
    setSheetValues(name: string, values: unknown[][]): void {
      const sheet = wb.sheetNamed(name) ?? wb.addSheet(name, undefined);
      const width = Math.max(0, ...values.map((row) => row.length));
      wb.rt.scoped({ user: wb.state.owner }, () => {
        if (values.length > sheet.maxRows)
          wb.shift(sheet, 'row', sheet.maxRows + 1, values.length - sheet.maxRows);
        if (width > sheet.maxColumns)
          wb.shift(sheet, 'column', sheet.maxColumns + 1, width - sheet.maxColumns);
        wb.clear(
          sheet,
          { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns },
          { contents: true },
        );
        if (values.length === 0 || width === 0) return;
        const rows = values.map((row) => [
          ...row,
          ...new Array<unknown>(width - row.length).fill(''),
        ]);
        wb.write(sheet, { row: 1, column: 1, numRows: rows.length, numColumns: width }, rows);
      });
    },
    /** The message of the custom function that failed in that cell, or null. */
    formulaError(sheetName: string, a1: string): string | null {
      const sheet = sheetNamed(sheetName);
      const ref = parseA1(a1);
      if (!ref) throw new Error(`Not an A1 reference: ${a1}`);
      const box = boxOf(ref, sheet.maxRows, sheet.maxColumns);
      return cellOf(sheet.layers.errors, box.row - 1, box.column - 1) ?? null;
    },
  };
}
