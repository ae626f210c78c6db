/** Range, part 3: values and formulas. See values.ts for how written values are typed. */
import type { CellValue } from '../state';
import { checkShape } from './checks';
import { moveReferences } from './formulas';
import { RangeFormat } from './range-format';
import { TextFinder } from './text-finder';
import { displayValue } from './values';

export class Range extends RangeFormat {
  getValues(): CellValue[][] {
    this.wb.assertInGrid(this.sheet, this.box);
    return this.wb.readValues(this.sheet, this.box);
  }

  getValue(): CellValue {
    return this.getValues()[0]?.[0] ?? '';
  }

  setValues(values: unknown[][]): this {
    this.wb.write(
      this.sheet,
      this.box,
      checkShape(this.wb.rt, 'SpreadsheetApp.Range.setValues', values, this.box),
    );
    return this;
  }

  /** Sets every cell of the range. */
  setValue(value: unknown): this {
    this.wb.write(this.sheet, this.box, this.filled(value));
    return this;
  }

  getDisplayValues(): string[][] {
    this.wb.assertInGrid(this.sheet, this.box);
    const { locale, timeZone } = this.wb.state;
    const { values, numberFormat } = this.sheet.layers;
    return this.wb.readLayer(this.sheet, values, this.box, '' as CellValue).map((row, i) =>
      row.map((value, j) => {
        const format = numberFormat[this.box.row - 1 + i]?.[this.box.column - 1 + j] ?? undefined;
        return displayValue(value === '' ? undefined : value, format, locale, timeZone);
      }),
    );
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? '';
  }

  /** '' for cells without a formula, also for cells a formula spilled into. */
  getFormulas(): string[][] {
    this.wb.assertInGrid(this.sheet, this.box);
    return this.wb.readLayer(this.sheet, this.sheet.layers.formulas, this.box, '');
  }

  getFormula(): string {
    return this.getFormulas()[0]?.[0] ?? '';
  }

  setFormulas(formulas: string[][]): this {
    this.wb.write(
      this.sheet,
      this.box,
      checkShape(this.wb.rt, 'SpreadsheetApp.Range.setFormulas', formulas, this.box),
      true,
    );
    return this;
  }

  /** One formula for the block: relative references move with each cell, as in Sheets. */
  setFormula(formula: string): this {
    const rows = this.filled(formula).map((row, i) =>
      row.map((_, j) => moveReferences(String(formula), i, j)),
    );
    this.wb.write(this.sheet, this.box, rows, true);
    return this;
  }

  /** clear() clears contents and formats; options pick parts (contentsOnly, formatOnly, …). */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    const picked =
      options &&
      (options.contentsOnly ||
        options.formatOnly ||
        options.commentsOnly ||
        options.validationsOnly);
    this.wb.clear(this.sheet, this.box, {
      contents: !picked || options.contentsOnly,
      formats: !picked || options.formatOnly,
      notes: !!picked && options.commentsOnly,
      validations: !!picked && options.validationsOnly,
    });
    return this;
  }

  clearContent(): this {
    this.wb.clear(this.sheet, this.box, { contents: true });
    return this;
  }

  isBlank(): boolean {
    const empty = (rows: unknown[][]) => rows.every((row) => row.every((v) => v === ''));
    return empty(this.getValues()) && empty(this.getFormulas());
  }

  createTextFinder(findText: string): TextFinder {
    const scope = { sheet: this.sheet, box: { ...this.box } };
    return new TextFinder(this.views, scope, String(findText));
  }

  private filled<T>(value: T): T[][] {
    return Array.from({ length: this.box.numRows }, () =>
      new Array<T>(this.box.numColumns).fill(value),
    );
  }
}
