/** Makes the service objects that look at the workbook state; one Sheet object per tab. */
import type { Box, MetadataState, ProtectionState, SheetBox, SheetState } from '../state';
import type { RangeKind } from './a1';
import { DeveloperMetadata } from './metadata';
import { Protection } from './protection';
import { Range } from './range';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';
import type { Workbook } from './workbook';

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export class Views {
  readonly spreadsheet: Spreadsheet;
  private readonly sheets = new WeakMap<SheetState, Sheet>();

  constructor(
    readonly wb: Workbook,
    readonly toasts: ToastRecord[],
  ) {
    this.spreadsheet = new Spreadsheet(this);
  }

  sheet(state: SheetState): Sheet {
    let sheet = this.sheets.get(state);
    if (!sheet) {
      sheet = new Sheet(this, state);
      this.sheets.set(state, sheet);
    }
    return sheet;
  }

  range(sheet: SheetState, box: Box, kind: RangeKind = 'cells'): Range {
    return new Range(
      this,
      sheet,
      { row: box.row, column: box.column, numRows: box.numRows, numColumns: box.numColumns },
      kind,
    );
  }

  boxRange(box: SheetBox): Range {
    const sheet = this.wb.sheet(box.sheetId);
    if (!sheet) return this.wb.rt.fail('Range not found');
    return this.range(sheet, box);
  }

  metadata(state: MetadataState): DeveloperMetadata {
    return new DeveloperMetadata(this, state);
  }

  protection(state: ProtectionState): Protection {
    return new Protection(this, state);
  }
}
