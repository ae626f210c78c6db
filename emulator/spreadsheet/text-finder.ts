/**
 * TextFinder (https://developers.google.com/apps-script/reference/spreadsheet/text-finder), made by
 * createTextFinder on a Spreadsheet (every tab, in tab order), a Sheet or a Range. Cells are
 * searched row by row; a cell is searched by its displayed value, a formula cell by its formula
 * text when matchFormulaText(true). Empty cells never match.
 *
 * Choices where the documentation is silent:
 * - findNext/findPrevious do not wrap: past the last (first) match they return null and keep the
 *   current match. Without a current match, findNext starts after startFrom's last cell (or at the
 *   top), findPrevious before startFrom's first cell (or at the bottom).
 * - replaceAllWith returns the number of cells changed; replaceWith, as documented, the number of
 *   occurrences replaced in the current match.
 * - A formula cell is only replaced with matchFormulaText(true) (the Sheets API's FindReplaceRequest
 *   "skips cells with formulas" unless includeFormulas), and is then re-entered like setFormula:
 *   a custom function runs again. Every cell that matched is re-entered and counted, even when its
 *   new text equals the old: the emulator cannot tell what Sheets' normalisation would make of the
 *   new text, and re-entering is what the usual "rewrite the formula to refresh it" scripts need.
 * - A value cell is re-entered like setValue, so "1" replaced by "2" is the number 2.
 */
import { SERVICE } from '../runtime';
import type { Box, SheetState } from '../state';
import { cellOf } from './grid';
import type { Range } from './range';
import type { RangeBase } from './range-base';
import { buildMatcher, matches, replaceIn } from './text-search';
import type { Matcher, SearchOptions } from './text-search';
import { displayValue } from './values';
import type { Views } from './views';
import type { Workbook } from './workbook';

/** null sheet: the whole spreadsheet; null box: the whole sheet. */
export interface FinderScope {
  sheet: SheetState | null;
  box: Box | null;
}

interface Cell {
  sheet: SheetState;
  row: number;
  column: number;
}

export class TextFinder {
  readonly [SERVICE] = 'TextFinder';
  private readonly options: SearchOptions = {
    matchCase: false,
    matchEntireCell: false,
    useRegularExpression: false,
    ignoreDiacritics: false,
  };
  private formulaText = false;
  private current: Cell | null = null;
  private start: { after: Cell; before: Cell } | null = null;

  constructor(
    private readonly views: Views,
    private readonly scope: FinderScope,
    private readonly text: string,
  ) {}

  private get wb(): Workbook {
    return this.views.wb;
  }

  matchCase(matchCase: boolean): this {
    this.options.matchCase = !!matchCase;
    return this;
  }

  matchEntireCell(matchEntireCell: boolean): this {
    this.options.matchEntireCell = !!matchEntireCell;
    return this;
  }

  matchFormulaText(matchFormulaText: boolean): this {
    this.formulaText = !!matchFormulaText;
    return this;
  }

  useRegularExpression(useRegEx: boolean): this {
    this.options.useRegularExpression = !!useRegEx;
    return this;
  }

  ignoreDiacritics(ignoreDiacritics: boolean): this {
    this.options.ignoreDiacritics = !!ignoreDiacritics;
    return this;
  }

  /** The search goes on right after this range; it forgets the current match. */
  startFrom(startRange: RangeBase): this {
    const sheet = this.wb.sheet(startRange.getGridId());
    if (!sheet) return this.wb.rt.fail('Range not found');
    this.start = {
      before: { sheet, row: startRange.getRow(), column: startRange.getColumn() },
      after: { sheet, row: startRange.getLastRow(), column: startRange.getLastColumn() },
    };
    this.current = null;
    return this;
  }

  findAll(): Range[] {
    return this.search().map((cell) => this.rangeOf(cell));
  }

  findNext(): Range | null {
    const from = this.current ?? this.start?.after ?? null;
    const next = this.search().find((cell) => !from || this.compare(cell, from) > 0);
    return this.move(next);
  }

  findPrevious(): Range | null {
    const from = this.current ?? this.start?.before ?? null;
    const previous = this.search()
      .reverse()
      .find((cell) => !from || this.compare(cell, from) < 0);
    return this.move(previous);
  }

  getCurrentMatch(): Range | null {
    return this.current ? this.rangeOf(this.current) : null;
  }

  replaceAllWith(replaceText: string): number {
    const matcher = this.matcher();
    const changes = this.search(matcher).flatMap((cell) => {
      const change = this.replacement(cell, matcher, String(replaceText));
      return change ? [change] : [];
    });
    for (const { cell } of changes) this.wb.assertCanEdit(cell.sheet, this.boxOf(cell));
    for (const change of changes) this.write(change);
    return changes.length;
  }

  replaceWith(replaceText: string): number {
    if (!this.current) return 0;
    const change = this.replacement(this.current, this.matcher(), String(replaceText));
    if (!change) return 0;
    this.wb.assertCanEdit(change.cell.sheet, this.boxOf(change.cell));
    this.write(change);
    return change.count;
  }

  private matcher(): Matcher {
    return buildMatcher(this.wb.rt, this.text, this.options);
  }

  /** The text a cell is searched by: its formula (matchFormulaText) or its displayed value. */
  private textOf({ sheet, row, column }: Cell): { text: string; formula: boolean } {
    const layers = sheet.layers;
    const formula = cellOf(layers.formulas, row - 1, column - 1);
    if (formula && this.formulaText) return { text: formula, formula: true };
    const value = cellOf(layers.values, row - 1, column - 1);
    const format = cellOf(layers.numberFormat, row - 1, column - 1);
    const { locale, timeZone } = this.wb.state;
    const text = value === undefined ? '' : displayValue(value, format, locale, timeZone);
    return { text, formula: !!formula };
  }

  /** Matching cells in order: tabs in tab order, then row by row. */
  private search(matcher = this.matcher()): Cell[] {
    const found: Cell[] = [];
    const sheets = this.scope.sheet ? [this.scope.sheet] : this.wb.state.sheets;
    for (const sheet of sheets) {
      if (!this.wb.state.sheets.includes(sheet)) continue;
      const box = this.scope.box ?? {
        row: 1,
        column: 1,
        numRows: sheet.maxRows,
        numColumns: sheet.maxColumns,
      };
      // Only the part with content needs looking at.
      const lastRow = Math.min(box.row + box.numRows - 1, this.wb.lastRow(sheet));
      const lastColumn = Math.min(box.column + box.numColumns - 1, this.wb.lastColumn(sheet));
      for (let row = box.row; row <= lastRow; row++) {
        for (let column = box.column; column <= lastColumn; column++) {
          const cell = { sheet, row, column };
          if (matches(this.textOf(cell).text, matcher)) found.push(cell);
        }
      }
    }
    return found;
  }

  private replacement(cell: Cell, matcher: Matcher, replaceText: string) {
    const { text, formula } = this.textOf(cell);
    if (formula && !this.formulaText) return null;
    const replaced = replaceIn(text, matcher, replaceText);
    return replaced.count > 0
      ? { cell, text: replaced.text, formula, count: replaced.count }
      : null;
  }

  private write(change: { cell: Cell; text: string; formula: boolean }): void {
    this.wb.write(change.cell.sheet, this.boxOf(change.cell), [[change.text]], change.formula);
  }

  private compare(a: Cell, b: Cell): number {
    const sheets = this.wb.state.sheets;
    return (
      sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.row - b.row || a.column - b.column
    );
  }

  private move(cell: Cell | undefined): Range | null {
    if (!cell) return null;
    this.current = cell;
    return this.rangeOf(cell);
  }

  private boxOf(cell: Cell): Box {
    return { row: cell.row, column: cell.column, numRows: 1, numColumns: 1 };
  }

  private rangeOf(cell: Cell): Range {
    return this.views.range(cell.sheet, this.boxOf(cell));
  }
}
