/** Developer metadata on the spreadsheet, a sheet, or whole rows and columns, and its finder. */
import {
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  enumName,
  EnumValue,
  enumValue,
} from '../enums';
import { SERVICE } from '../runtime';
import type { Box, MetadataLocation, MetadataState } from '../state';
import type { RangeBase } from './range-base';
import type { Sheet } from './sheet';
import type { Spreadsheet } from './spreadsheet';
import type { Views } from './views';
import type { Workbook } from './workbook';

/** Whole spreadsheet (no sheetId), one sheet, or a range (exact: located on exactly its rows/columns). */
export interface MetadataScope {
  sheetId?: number;
  box?: Box;
  exact?: boolean;
}

function within(wb: Workbook, m: MetadataState, scope: MetadataScope): boolean {
  const loc = m.location;
  if (scope.sheetId === undefined) return true;
  if (loc.type === 'SPREADSHEET' || loc.sheetId !== scope.sheetId) return false;
  if (!scope.box) return true;
  if (loc.type === 'SHEET') return false;
  const sheet = wb.sheet(loc.sheetId);
  const b = scope.box;
  const [start, count, across, full] =
    loc.type === 'ROW'
      ? [b.row, b.numRows, b.numColumns, sheet?.maxColumns]
      : [b.column, b.numColumns, b.numRows, sheet?.maxRows];
  if (scope.exact) return loc.start === start && loc.count === count && across === full;
  return loc.start >= start && loc.start + loc.count <= start + count && across === full;
}

export function metadataIn(wb: Workbook, scope: MetadataScope): MetadataState[] {
  return wb.state.metadata.filter((m) => within(wb, m, scope));
}

/** addDeveloperMetadata(key), (key, visibility), (key, value) and (key, value, visibility). */
export function addMetadata(
  wb: Workbook,
  location: MetadataLocation,
  key: string,
  valueOrVisibility: unknown,
  visibility: unknown,
): void {
  const valueGiven =
    !(valueOrVisibility instanceof EnumValue) &&
    valueOrVisibility !== undefined &&
    valueOrVisibility !== null;
  wb.state.metadata.push({
    id: wb.newId(),
    key: String(key),
    value: valueGiven ? String(valueOrVisibility) : null,
    visibility: enumName(
      visibility ?? (valueOrVisibility instanceof EnumValue ? valueOrVisibility : 'DOCUMENT'),
    ),
    location,
  });
}

export class DeveloperMetadata {
  readonly [SERVICE] = 'DeveloperMetadata';

  constructor(
    private readonly views: Views,
    private readonly state: MetadataState,
  ) {}

  getId(): number {
    return this.state.id;
  }

  getKey(): string {
    return this.state.key;
  }

  getValue(): string | null {
    return this.state.value;
  }

  getVisibility(): EnumValue {
    return enumValue(DeveloperMetadataVisibility, this.state.visibility);
  }

  getLocation(): DeveloperMetadataLocation {
    return new DeveloperMetadataLocation(this.views, this.state.location);
  }

  setKey(key: string): this {
    this.state.key = String(key);
    return this;
  }

  setValue(value: string | null): this {
    this.state.value = value === null ? null : String(value);
    return this;
  }

  setVisibility(visibility: unknown): this {
    this.state.visibility = enumName(visibility);
    return this;
  }

  remove(): void {
    const list = this.views.wb.state.metadata;
    const at = list.indexOf(this.state);
    if (at >= 0) list.splice(at, 1);
  }
}

export class DeveloperMetadataLocation {
  readonly [SERVICE] = 'DeveloperMetadataLocation';

  constructor(
    private readonly views: Views,
    private readonly location: MetadataLocation,
  ) {}

  getLocationType(): EnumValue {
    return enumValue(DeveloperMetadataLocationType, this.location.type);
  }

  getSpreadsheet(): Spreadsheet {
    return this.views.spreadsheet;
  }

  getSheet(): Sheet | null {
    const sheet =
      'sheetId' in this.location ? this.views.wb.sheet(this.location.sheetId) : undefined;
    return sheet ? this.views.sheet(sheet) : null;
  }

  getRow(): RangeBase | null {
    return this.location.type === 'ROW' ? this.span() : null;
  }

  getColumn(): RangeBase | null {
    return this.location.type === 'COLUMN' ? this.span() : null;
  }

  private span(): RangeBase | null {
    const loc = this.location;
    const sheet = 'sheetId' in loc ? this.views.wb.sheet(loc.sheetId) : undefined;
    if (!sheet || !('start' in loc)) return null;
    return loc.type === 'ROW'
      ? this.views.range(
          sheet,
          { row: loc.start, column: 1, numRows: loc.count, numColumns: sheet.maxColumns },
          'rows',
        )
      : this.views.range(
          sheet,
          { row: 1, column: loc.start, numRows: sheet.maxRows, numColumns: loc.count },
          'columns',
        );
  }
}

export class MetadataFinder {
  readonly [SERVICE] = 'DeveloperMetadataFinder';
  private readonly tests: Array<(m: MetadataState) => boolean> = [];

  constructor(
    private readonly views: Views,
    private readonly scope: MetadataScope,
  ) {}

  withKey(key: string): this {
    return this.with((m) => m.key === key);
  }

  withValue(value: string | null): this {
    return this.with((m) => m.value === value);
  }

  withId(id: number): this {
    return this.with((m) => m.id === id);
  }

  withLocationType(type: unknown): this {
    return this.with((m) => m.location.type === enumName(type));
  }

  withVisibility(visibility: unknown): this {
    return this.with((m) => m.visibility === enumName(visibility));
  }

  /** Accepted for compatibility; the emulator's range scope already includes contained metadata. */
  onIntersectingLocations(): this {
    return this;
  }

  find(): DeveloperMetadata[] {
    return metadataIn(this.views.wb, this.scope)
      .filter((m) => this.tests.every((test) => test(m)))
      .map((m) => this.views.metadata(m));
  }

  private with(test: (m: MetadataState) => boolean): this {
    this.tests.push(test);
    return this;
  }
}
