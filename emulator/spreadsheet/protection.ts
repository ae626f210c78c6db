/**
 * Protection of a sheet or range. A new protection mirrors the spreadsheet's editors until the
 * script changes its editor list, and the owner can always edit
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection).
 */
import { enumValue, ProtectionType } from '../enums';
import type { EnumValue } from '../enums';
import { SERVICE } from '../runtime';
import type { ProtectionState } from '../state';
import { emailOf, User } from '../user';
import type { RangeBase } from './range-base';
import type { Views } from './views';

export class Protection {
  readonly [SERVICE] = 'Protection';

  constructor(
    private readonly views: Views,
    private readonly state: ProtectionState,
  ) {}

  getProtectionType(): EnumValue {
    return enumValue(ProtectionType, this.state.type);
  }

  getDescription(): string {
    return this.state.description;
  }

  setDescription(description: string): this {
    this.state.description = String(description);
    return this;
  }

  getRange(): RangeBase {
    const sheet = this.views.wb.sheet(this.state.box.sheetId);
    if (!sheet) return this.views.wb.rt.fail('The sheet of this protection was deleted.');
    const box =
      this.state.type === 'SHEET'
        ? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns }
        : this.state.box;
    return this.views.range(sheet, box);
  }

  getEditors(): User[] {
    return this.views.wb.protectionEditors(this.state).map((email) => new User(email));
  }

  addEditor(user: unknown): this {
    return this.addEditors([user]);
  }

  addEditors(users: unknown[]): this {
    const editors = this.views.wb.protectionEditors(this.state);
    for (const email of users.map(emailOf)) if (!editors.includes(email)) editors.push(email);
    this.state.editors = editors;
    return this;
  }

  removeEditor(user: unknown): this {
    return this.removeEditors([user]);
  }

  /** The owner stays: Apps Script never takes the owner's access away. */
  removeEditors(users: unknown[]): this {
    const gone = new Set(users.map(emailOf));
    const owner = this.views.wb.state.owner;
    this.state.editors = this.views.wb
      .protectionEditors(this.state)
      .filter((e) => e === owner || !gone.has(e));
    return this;
  }

  canEdit(): boolean {
    const wb = this.views.wb;
    return wb.rt.user === wb.state.owner || wb.canEdit(this.state);
  }

  canDomainEdit(): boolean {
    return this.state.domainEdit;
  }

  setDomainEdit(editable: boolean): this {
    this.state.domainEdit = !!editable;
    return this;
  }

  isWarningOnly(): boolean {
    return this.state.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.state.warningOnly = !!warningOnly;
    return this;
  }

  getUnprotectedRanges(): RangeBase[] {
    return this.state.unprotected.flatMap((box) => {
      const sheet = this.views.wb.sheet(box.sheetId);
      return sheet ? [this.views.range(sheet, box)] : [];
    });
  }

  /** Only sheet protections have exceptions; for a range protection Apps Script ignores the call. */
  setUnprotectedRanges(ranges: RangeBase[]): this {
    if (this.state.type === 'SHEET') {
      this.state.unprotected = ranges.map((r) => ({
        sheetId: r.getGridId(),
        row: r.getRow(),
        column: r.getColumn(),
        numRows: r.getNumRows(),
        numColumns: r.getNumColumns(),
      }));
    }
    return this;
  }

  remove(): void {
    const state = this.views.wb.state;
    state.protections = state.protections.filter((p) => p !== this.state);
  }
}
