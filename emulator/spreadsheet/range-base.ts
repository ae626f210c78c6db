/** Range, part 1: where a range is, and what is anchored to it (protection, metadata). */
import { SERVICE } from '../runtime';
import type { Box, SheetState } from '../state';
import { boxA1 } from './a1';
import type { RangeKind } from './a1';
import { checkBox } from './checks';
import { addMetadata, metadataIn, MetadataFinder } from './metadata';
import type { DeveloperMetadata } from './metadata';
import type { Protection } from './protection';
import type { Sheet } from './sheet';
import type { Views } from './views';
import type { Workbook } from './workbook';

export class RangeBase {
  readonly [SERVICE] = 'Range';

  constructor(
    protected readonly views: Views,
    protected readonly sheet: SheetState,
    protected readonly box: Box,
    protected readonly kind: RangeKind,
  ) {}

  protected get wb(): Workbook {
    return this.views.wb;
  }

  getRow(): number {
    return this.box.row;
  }

  getColumn(): number {
    return this.box.column;
  }

  getNumRows(): number {
    return this.box.numRows;
  }

  getNumColumns(): number {
    return this.box.numColumns;
  }

  getLastRow(): number {
    return this.box.row + this.box.numRows - 1;
  }

  getLastColumn(): number {
    return this.box.column + this.box.numColumns - 1;
  }

  getA1Notation(): string {
    return boxA1(this.box, this.kind);
  }

  getGridId(): number {
    return this.sheet.id;
  }

  getSheet(): Sheet {
    return this.views.sheet(this.sheet);
  }

  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): RangeBase {
    const box = checkBox(
      this.wb.rt,
      this.box.row + rowOffset,
      this.box.column + columnOffset,
      numRows ?? this.box.numRows,
      numColumns ?? this.box.numColumns,
    );
    this.wb.assertInGrid(this.sheet, box);
    return this.views.range(this.sheet, box);
  }

  getCell(row: number, column: number): RangeBase {
    if (row < 1 || column < 1 || row > this.box.numRows || column > this.box.numColumns) {
      this.wb.rt.fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.offset(row - 1, column - 1, 1, 1);
  }

  activate(): this {
    this.wb.state.activeSheetId = this.sheet.id;
    return this;
  }

  protect(): Protection {
    const state = {
      id: this.wb.newId(),
      type: 'RANGE' as const,
      box: { sheetId: this.sheet.id, ...this.box },
      description: '',
      editors: null,
      warningOnly: false,
      domainEdit: false,
      unprotected: [],
    };
    this.wb.state.protections.push(state);
    return this.views.protection(state);
  }

  /** Metadata goes only on whole rows or columns made with row/column A1 ("2:2", "B:B"); a range
   * of cells, even one as wide as the sheet, is refused by Apps Script with this message. */
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): this {
    if (this.kind === 'cells') {
      this.wb.rt.fail(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    const [start, count] =
      this.kind === 'rows'
        ? [this.box.row, this.box.numRows]
        : [this.box.column, this.box.numColumns];
    const location = {
      type: this.kind === 'rows' ? ('ROW' as const) : ('COLUMN' as const),
      sheetId: this.sheet.id,
      start,
      count,
    };
    addMetadata(this.wb, location, key, valueOrVisibility, visibility);
    return this;
  }

  getDeveloperMetadata(): DeveloperMetadata[] {
    const scope = { sheetId: this.sheet.id, box: this.box, exact: true };
    return metadataIn(this.wb, scope).map((m) => this.views.metadata(m));
  }

  createDeveloperMetadataFinder(): MetadataFinder {
    return new MetadataFinder(this.views, { sheetId: this.sheet.id, box: this.box });
  }
}
