/**
 * The whole workbook as plain data. Service objects are thin views over it, so saving and
 * restoring (`emu.serialize()`, `createEmulator({ state })`) is JSON with Dates tagged.
 */
import type { Settings } from './options';

export type CellValue = string | number | boolean | Date;

/** Sparse rows of sparse cells, 0-based; JSON turns holes into null, so readers accept both. */
export type Grid<T> = Array<Array<T | null | undefined> | null | undefined>;

/** A block of cells, 1-based like Apps Script. */
export interface Box {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface SheetBox extends Box {
  sheetId: number;
}

export interface Extent {
  rows: number;
  columns: number;
}

export interface ValidationState {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** One layer per cell property; all are shifted together when rows or columns move. */
export interface Layers {
  values: Grid<CellValue>;
  formulas: Grid<string>;
  /** Message of a custom function that threw; the cell shows #ERROR!. */
  errors: Grid<string>;
  /** Size of the array a formula cell spilled, kept so the next evaluation can clear it. */
  spills: Grid<Extent>;
  numberFormat: Grid<string>;
  background: Grid<string>;
  fontColor: Grid<string>;
  fontWeight: Grid<string>;
  horizontalAlignment: Grid<string>;
  wrap: Grid<boolean>;
  note: Grid<string>;
  validation: Grid<ValidationState>;
}

export interface ConditionalFormatState {
  ranges: SheetBox[];
  criteria: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface ChartState {
  id: number;
  type: string;
  ranges: SheetBox[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  /** setTransposeRowsAndColumns: series are the ranges' rows, not their columns. */
  transpose?: boolean;
}

export interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenColumns: number;
  columnWidths: Record<string, number>;
  hiddenColumns: number[];
  layers: Layers;
  conditionalFormats: ConditionalFormatState[];
  charts: ChartState[];
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW' | 'COLUMN'; sheetId: number; start: number; count: number };

export interface MetadataState {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
  location: MetadataLocation;
}

export interface ProtectionState {
  id: number;
  type: 'RANGE' | 'SHEET';
  /** For SHEET protections only sheetId matters: they always cover the whole sheet. */
  box: SheetBox;
  description: string;
  /** null until changed: the protection then mirrors the spreadsheet's editors (Sheet.protect docs). */
  editors: string[] | null;
  warningOnly: boolean;
  domainEdit: boolean;
  unprotected: SheetBox[];
}

export interface TriggerState {
  id: string;
  handler: string;
  type: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  owner: string;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  at?: number;
}

export interface WorkbookState {
  version: 1;
  now: number;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  editors: string[];
  activeSheetId: number;
  nextId: number;
  sheets: SheetState[];
  metadata: MetadataState[];
  protections: ProtectionState[];
  namedRanges: Array<{ name: string; box: SheetBox }>;
  triggers: TriggerState[];
  properties: {
    document: Record<string, string>;
    script: Record<string, string>;
    user: Record<string, Record<string, string>>;
  };
  mailRemaining: number;
}

export function emptyLayers(): Layers {
  return {
    values: [],
    formulas: [],
    errors: [],
    spills: [],
    numberFormat: [],
    background: [],
    fontColor: [],
    fontWeight: [],
    horizontalAlignment: [],
    wrap: [],
    note: [],
    validation: [],
  };
}

/** New sheets are 1000 rows by 26 columns, as in Sheets. */
export function newSheetState(id: number, name: string): SheetState {
  return {
    id,
    name,
    maxRows: 1000,
    maxColumns: 26,
    hidden: false,
    tabColor: null,
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: {},
    hiddenColumns: [],
    layers: emptyLayers(),
    conditionalFormats: [],
    charts: [],
  };
}

export function newWorkbook(settings: Settings): WorkbookState {
  // A new Danish spreadsheet's first tab is "Ark1"; the emulator knows just these two words.
  const firstName = settings.locale.startsWith('da') ? 'Ark1' : 'Sheet1';
  return {
    version: 1,
    now: settings.now,
    id: '1EmulatedSpreadsheetId',
    name: settings.spreadsheetName,
    timeZone: settings.timeZone,
    locale: settings.locale,
    owner: settings.owner,
    editors: [],
    activeSheetId: 0,
    nextId: 1,
    sheets: [newSheetState(0, firstName)],
    metadata: [],
    protections: [],
    namedRanges: [],
    triggers: [],
    properties: { document: {}, script: {}, user: {} },
    mailRemaining: settings.mailQuota,
  };
}

const DATE_TAG = '$date';

export function serializeWorkbook(state: WorkbookState): string {
  // JSON.stringify calls Date#toJSON before the replacer sees the value, so look at the holder.
  return JSON.stringify(state, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
  });
}

export function restoreWorkbook(json: string): WorkbookState {
  const state = JSON.parse(json, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && DATE_TAG in value) {
      return new Date(String((value as Record<string, unknown>)[DATE_TAG]));
    }
    return value;
  }) as WorkbookState;
  if (state.version !== 1)
    throw new Error(`Unknown emulator state version ${String(state.version)}`);
  return state;
}
