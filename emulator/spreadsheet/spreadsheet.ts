/** The bound spreadsheet: its tabs, named ranges, editors, spreadsheet-level metadata. */
import { enumName } from '../enums';
import { SERVICE } from '../runtime';
import type { SheetBox } from '../state';
import { emailOf, User } from '../user';
import { boxOf, parseA1 } from './a1';
import { addMetadata, metadataIn, MetadataFinder } from './metadata';
import type { DeveloperMetadata } from './metadata';
import type { Protection } from './protection';
import type { Range } from './range';
import type { RangeBase } from './range-base';
import type { Sheet } from './sheet';
import { TextFinder } from './text-finder';
import { boxOfRange } from './validation';
import type { Views } from './views';
import type { Workbook } from './workbook';

export class NamedRange {
  readonly [SERVICE] = 'NamedRange';

  constructor(
    private readonly views: Views,
    private readonly state: { name: string; box: SheetBox },
  ) {}

  getName(): string {
    return this.state.name;
  }

  setName(name: string): this {
    this.state.name = String(name);
    return this;
  }

  getRange(): Range {
    return this.views.boxRange(this.state.box);
  }

  setRange(range: RangeBase): this {
    this.state.box = boxOfRange(range);
    return this;
  }

  remove(): void {
    const state = this.views.wb.state;
    state.namedRanges = state.namedRanges.filter((n) => n !== this.state);
  }
}

export class Spreadsheet {
  readonly [SERVICE] = 'Spreadsheet';

  constructor(private readonly views: Views) {}

  private get wb(): Workbook {
    return this.views.wb;
  }

  getId(): string {
    return this.wb.state.id;
  }

  getName(): string {
    return this.wb.state.name;
  }

  rename(newName: string): void {
    this.wb.state.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.wb.state.id}/edit`;
  }

  getOwner(): User {
    return new User(this.wb.state.owner);
  }

  getEditors(): User[] {
    return [this.wb.state.owner, ...this.wb.state.editors].map((email) => new User(email));
  }

  addEditor(user: unknown): this {
    return this.addEditors([user]);
  }

  addEditors(users: unknown[]): this {
    const editors = this.wb.state.editors;
    for (const email of users.map(emailOf))
      if (!editors.includes(email) && email !== this.wb.state.owner) editors.push(email);
    return this;
  }

  removeEditor(user: unknown): this {
    this.wb.state.editors = this.wb.state.editors.filter((e) => e !== emailOf(user));
    return this;
  }

  getSpreadsheetTimeZone(): string {
    return this.wb.state.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.wb.state.timeZone = String(timezone);
  }

  getSpreadsheetLocale(): string {
    return this.wb.state.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.wb.state.locale = String(locale);
  }

  getSheets(): Sheet[] {
    return this.wb.state.sheets.map((s) => this.views.sheet(s));
  }

  getNumSheets(): number {
    return this.wb.state.sheets.length;
  }

  getSheetByName(name: string): Sheet | null {
    const sheet = this.wb.sheetNamed(String(name));
    return sheet ? this.views.sheet(sheet) : null;
  }

  getSheetById(id: number): Sheet | null {
    const sheet = this.wb.sheet(id);
    return sheet ? this.views.sheet(sheet) : null;
  }

  /** insertSheet(), (name), (index), (name, index); the index is 0-based and the new tab becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    const sheet = this.wb.addSheet(name, at);
    this.wb.state.activeSheetId = sheet.id;
    return this.views.sheet(sheet);
  }

  deleteSheet(sheet: Sheet): void {
    this.wb.removeSheet(sheet.state);
  }

  getActiveSheet(): Sheet {
    const state = this.wb.sheet(this.wb.state.activeSheetId) ?? this.wb.state.sheets[0];
    if (!state) return this.wb.rt.fail('The spreadsheet has no sheets.');
    return this.views.sheet(state);
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.wb.state.activeSheetId = sheet.state.id;
    return sheet;
  }

  /** A1 with the sheet name ("'Log'!A1:C3"), or a named range; without a name, the active sheet. */
  getRange(a1Notation: string): Range {
    const named = this.wb.state.namedRanges.find((n) => n.name === a1Notation);
    if (named) return this.views.boxRange(named.box);
    const a1 = parseA1(String(a1Notation));
    const sheet = a1?.sheetName
      ? this.wb.sheetNamed(a1.sheetName)
      : this.wb.sheet(this.getActiveSheet().getSheetId());
    if (!a1 || !sheet) return this.wb.rt.fail('Range not found');
    const box = boxOf(a1, sheet.maxRows, sheet.maxColumns);
    this.wb.assertInGrid(sheet, box);
    return this.views.range(sheet, box, a1.kind);
  }

  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.views.toasts.push({
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): this {
    addMetadata(this.wb, { type: 'SPREADSHEET' }, key, valueOrVisibility, visibility);
    return this;
  }

  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataIn(this.wb, {})
      .filter((m) => m.location.type === 'SPREADSHEET')
      .map((m) => this.views.metadata(m));
  }

  createDeveloperMetadataFinder(): MetadataFinder {
    return new MetadataFinder(this.views, {});
  }

  /** Names: letters, digits and underscores, not starting with a digit, not like a cell ("A1"). */
  setNamedRange(name: string, range: RangeBase): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      this.wb.rt.fail(
        'Named range names must start with a letter or underscore and contain only letters, numbers and underscores.',
      );
    }
    const state = this.wb.state;
    state.namedRanges = state.namedRanges.filter((n) => n.name !== name);
    state.namedRanges.push({ name, box: boxOfRange(range) });
  }

  getRangeByName(name: string): Range | null {
    const named = this.wb.state.namedRanges.find((n) => n.name === name);
    return named ? this.views.boxRange(named.box) : null;
  }

  getNamedRanges(): NamedRange[] {
    return this.wb.state.namedRanges.map((n) => new NamedRange(this.views, n));
  }

  removeNamedRange(name: string): void {
    this.wb.state.namedRanges = this.wb.state.namedRanges.filter((n) => n.name !== name);
  }

  getProtections(type: unknown): Protection[] {
    return this.wb.state.protections
      .filter((p) => p.type === enumName(type))
      .map((p) => this.views.protection(p));
  }

  /** Searches every tab, in tab order. */
  createTextFinder(findText: string): TextFinder {
    return new TextFinder(this.views, { sheet: null, box: null }, String(findText));
  }
}
