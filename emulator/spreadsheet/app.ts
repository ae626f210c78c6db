/** The SpreadsheetApp global: the bound spreadsheet, the UI, builders and enums. */
import {
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  ProtectionType,
} from '../enums';
import { SERVICE } from '../runtime';
import type { Ui } from '../ui';
import { ConditionalFormatRuleBuilder } from './conditional-format';
import type { Range } from './range';
import type { Sheet } from './sheet';
import type { Spreadsheet } from './spreadsheet';
import { DataValidationBuilder } from './validation';
import type { Views } from './views';

export class SpreadsheetApp {
  readonly [SERVICE] = 'SpreadsheetApp';
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;

  constructor(
    private readonly views: Views,
    private readonly ui: Ui,
  ) {}

  getActive(): Spreadsheet {
    return this.views.spreadsheet;
  }

  getActiveSpreadsheet(): Spreadsheet {
    return this.views.spreadsheet;
  }

  getActiveSheet(): Sheet {
    return this.views.spreadsheet.getActiveSheet();
  }

  setActiveSheet(sheet: Sheet): Sheet {
    return this.views.spreadsheet.setActiveSheet(sheet);
  }

  /** The emulator has no selection: the active range is A1 of the active sheet. */
  getActiveRange(): Range {
    return this.getActiveSheet().getRange(1, 1);
  }

  /** Time-driven and other installable triggers have no UI to talk to. */
  getUi(): Ui {
    if (this.views.wb.rt.inTrigger)
      this.views.wb.rt.fail('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.ui;
  }

  /** Writes are applied at once in the emulator, so there is nothing to flush. */
  flush(): void {}

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this.views);
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.views);
  }

  /** The add-on's scope is spreadsheets.currentonly: other files are out of reach. */
  openById(id: string): never {
    return this.views.wb.rt.fail(
      `You do not have permission to call SpreadsheetApp.openById (${id}).`,
    );
  }
}
