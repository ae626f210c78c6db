/**
 * RangeList (https://developers.google.com/apps-script/reference/spreadsheet/range-list): ranges of
 * one sheet, from Sheet.getRangeList(a1Notations), changed together. A change is one counted call;
 * protections are checked for every range before any is changed. The emulator has no selection, so
 * activate() only makes the sheet active.
 */
import { SERVICE } from '../runtime';
import type { Range } from './range';
import type { Views } from './views';

export class RangeList {
  readonly [SERVICE] = 'RangeList';

  constructor(
    private readonly views: Views,
    private readonly ranges: Range[],
  ) {}

  getRanges(): Range[] {
    return [...this.ranges];
  }

  activate(): this {
    this.ranges[0]?.activate();
    return this;
  }

  clear(options?: Parameters<Range['clear']>[0]): this {
    return this.each((range) => range.clear(options));
  }

  clearContent(): this {
    return this.each((range) => range.clearContent());
  }

  clearFormat(): this {
    return this.each((range) => range.clearFormat());
  }

  clearNote(): this {
    return this.each((range) => range.clearNote());
  }

  clearDataValidations(): this {
    return this.each((range) => range.clearDataValidations());
  }

  setValue(value: unknown): this {
    return this.each((range) => range.setValue(value));
  }

  setFormula(formula: string): this {
    return this.each((range) => range.setFormula(formula));
  }

  setNumberFormat(numberFormat: string): this {
    return this.each((range) => range.setNumberFormat(numberFormat));
  }

  setBackground(color: string | null): this {
    return this.each((range) => range.setBackground(color));
  }

  setFontColor(color: string | null): this {
    return this.each((range) => range.setFontColor(color));
  }

  setFontWeight(fontWeight: string | null): this {
    return this.each((range) => range.setFontWeight(fontWeight));
  }

  setHorizontalAlignment(alignment: string | null): this {
    return this.each((range) => range.setHorizontalAlignment(alignment));
  }

  setNote(note: string | null): this {
    return this.each((range) => range.setNote(note));
  }

  setWrap(isWrapEnabled: boolean): this {
    return this.each((range) => range.setWrap(isWrapEnabled));
  }

  private each(change: (range: Range) => void): this {
    const wb = this.views.wb;
    for (const range of this.ranges) {
      const sheet = range.getSheet().state;
      const box = {
        row: range.getRow(),
        column: range.getColumn(),
        numRows: range.getNumRows(),
        numColumns: range.getNumColumns(),
      };
      wb.assertInGrid(sheet, box);
      wb.assertCanEdit(sheet, box);
    }
    this.ranges.forEach(change);
    return this;
  }
}
