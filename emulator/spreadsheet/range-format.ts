/** Range, part 2: formats, notes and data validation — one layer per property. */
import type { Grid } from '../state';
import { checkShape } from './checks';
import { RangeBase } from './range-base';
import { DataValidation } from './validation';
import type { FormatLayer } from './workbook';

/** What Apps Script reports for a cell nobody formatted. */
const DEFAULTS = {
  numberFormat: '0.###############',
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  horizontalAlignment: 'general',
  wrap: false,
  note: '',
};

export class RangeFormat extends RangeBase {
  getNumberFormat(): string {
    return this.first('numberFormat');
  }

  getNumberFormats(): string[][] {
    return this.each('numberFormat');
  }

  setNumberFormat(format: string): this {
    return this.setAll('numberFormat', format);
  }

  setNumberFormats(formats: string[][]): this {
    return this.setEach('numberFormat', 'setNumberFormats', formats);
  }

  getBackground(): string {
    return this.first('background');
  }

  getBackgrounds(): string[][] {
    return this.each('background');
  }

  setBackground(color: string | null): this {
    return this.setAll('background', color);
  }

  setBackgrounds(colors: Array<Array<string | null>>): this {
    return this.setEach('background', 'setBackgrounds', colors);
  }

  getFontColor(): string {
    return this.first('fontColor');
  }

  setFontColor(color: string | null): this {
    return this.setAll('fontColor', color);
  }

  setFontColors(colors: Array<Array<string | null>>): this {
    return this.setEach('fontColor', 'setFontColors', colors);
  }

  getFontWeight(): string {
    return this.first('fontWeight');
  }

  getFontWeights(): string[][] {
    return this.each('fontWeight');
  }

  setFontWeight(weight: string | null): this {
    return this.setAll('fontWeight', weight);
  }

  setFontWeights(weights: Array<Array<string | null>>): this {
    return this.setEach('fontWeight', 'setFontWeights', weights);
  }

  getHorizontalAlignment(): string {
    return this.first('horizontalAlignment');
  }

  setHorizontalAlignment(alignment: string | null): this {
    return this.setAll('horizontalAlignment', alignment);
  }

  getWrap(): boolean {
    return this.first('wrap');
  }

  setWrap(wrap: boolean): this {
    return this.setAll('wrap', !!wrap);
  }

  getNote(): string {
    return this.first('note');
  }

  getNotes(): string[][] {
    return this.each('note');
  }

  setNote(note: string | null): this {
    return this.setAll('note', note === null ? null : String(note));
  }

  setNotes(notes: Array<Array<string | null>>): this {
    return this.setEach('note', 'setNotes', notes);
  }

  clearNote(): this {
    this.wb.clear(this.sheet, this.box, { notes: true });
    return this;
  }

  clearFormat(): this {
    this.wb.clear(this.sheet, this.box, { formats: true });
    return this;
  }

  getDataValidation(): DataValidation | null {
    return this.getDataValidations()[0]?.[0] ?? null;
  }

  getDataValidations(): Array<Array<DataValidation | null>> {
    this.wb.assertInGrid(this.sheet, this.box);
    return this.wb
      .readLayer(this.sheet, this.sheet.layers.validation, this.box, null)
      .map((row) => row.map((v) => (v ? new DataValidation(this.views, v) : null)));
  }

  setDataValidation(rule: DataValidation | null): this {
    return this.setAll('validation', rule ? rule.state : null);
  }

  setDataValidations(rules: Array<Array<DataValidation | null>>): this {
    const rows = checkShape(this.wb.rt, 'SpreadsheetApp.Range.setDataValidations', rules, this.box);
    this.wb.setLayer(
      this.sheet,
      'validation',
      this.box,
      ([i, j]) => (rows[i]?.[j] as DataValidation | null)?.state,
    );
    return this;
  }

  clearDataValidations(): this {
    this.wb.clear(this.sheet, this.box, { validations: true });
    return this;
  }

  private first<K extends keyof typeof DEFAULTS>(layer: K): (typeof DEFAULTS)[K] {
    return this.each(layer)[0]?.[0] ?? DEFAULTS[layer];
  }

  private each<K extends keyof typeof DEFAULTS>(layer: K): Array<Array<(typeof DEFAULTS)[K]>> {
    this.wb.assertInGrid(this.sheet, this.box);
    const grid = this.sheet.layers[layer] as Grid<(typeof DEFAULTS)[K]>;
    return this.wb.readLayer(this.sheet, grid, this.box, DEFAULTS[layer]);
  }

  private setAll(layer: FormatLayer, value: unknown): this {
    this.wb.setLayer(this.sheet, layer, this.box, () => value);
    return this;
  }

  private setEach(layer: FormatLayer, method: string, data: unknown): this {
    const rows = checkShape(this.wb.rt, `SpreadsheetApp.Range.${method}`, data, this.box);
    this.wb.setLayer(this.sheet, layer, this.box, ([i, j]) => rows[i]?.[j]);
    return this;
  }
}
