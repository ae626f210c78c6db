/** Data validation rules and their builder. Rules are stored, not enforced: a script may write an
 * invalid value (Sheets only rejects typed input and marks invalid cells). */
import { DataValidationCriteria, enumName, enumValue } from '../enums';
import type { EnumValue } from '../enums';
import { SERVICE } from '../runtime';
import type { SheetBox, ValidationState } from '../state';
import type { RangeBase } from './range-base';
import type { Views } from './views';

export function boxOfRange(range: RangeBase): SheetBox {
  return {
    sheetId: range.getGridId(),
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
  };
}

function isBox(value: unknown): value is SheetBox {
  return typeof value === 'object' && value !== null && 'sheetId' in value && 'numRows' in value;
}

export class DataValidation {
  readonly [SERVICE] = 'DataValidation';

  constructor(
    private readonly views: Views,
    readonly state: ValidationState,
  ) {}

  getCriteriaType(): EnumValue {
    return enumValue(DataValidationCriteria, this.state.criteria);
  }

  /** Ranges (requireValueInRange) come back as Range objects. */
  getCriteriaValues(): unknown[] {
    return this.state.values.map((value) => {
      const sheet = isBox(value) ? this.views.wb.sheet(value.sheetId) : undefined;
      return sheet && isBox(value) ? this.views.range(sheet, value) : value;
    });
  }

  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }

  getHelpText(): string | null {
    return this.state.helpText;
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.views, { ...this.state, values: [...this.state.values] });
  }
}

export class DataValidationBuilder {
  readonly [SERVICE] = 'DataValidationBuilder';

  constructor(
    private readonly views: Views,
    private readonly state: ValidationState = {
      criteria: 'VALUE_IN_LIST',
      values: [],
      allowInvalid: true,
      helpText: null,
    },
  ) {}

  requireValueInList(values: unknown[], showDropdown = true): this {
    return this.require('VALUE_IN_LIST', [[...values].map(String), showDropdown]);
  }

  requireValueInRange(range: RangeBase, showDropdown = true): this {
    return this.require('VALUE_IN_RANGE', [boxOfRange(range), showDropdown]);
  }

  requireNumberBetween(start: number, end: number): this {
    return this.require('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberGreaterThan(number: number): this {
    return this.require('NUMBER_GREATER_THAN', [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): this {
    return this.require('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  requireDate(): this {
    return this.require('DATE_IS_VALID_DATE', []);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    return this.require(
      'CHECKBOX',
      [checkedValue, uncheckedValue].filter((v) => v !== undefined),
    );
  }

  requireTextIsEmail(): this {
    return this.require('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): this {
    return this.require('TEXT_IS_VALID_URL', []);
  }

  requireFormulaSatisfied(formula: string): this {
    return this.require('CUSTOM_FORMULA', [String(formula)]);
  }

  withCriteria(criteria: unknown, args: unknown[]): this {
    return this.require(enumName(criteria), [...args]);
  }

  setAllowInvalid(allowInvalid: boolean): this {
    this.state.allowInvalid = !!allowInvalid;
    return this;
  }

  setHelpText(helpText: string): this {
    this.state.helpText = String(helpText);
    return this;
  }

  getCriteriaType(): EnumValue {
    return enumValue(DataValidationCriteria, this.state.criteria);
  }

  build(): DataValidation {
    return new DataValidation(this.views, { ...this.state, values: [...this.state.values] });
  }

  private require(criteria: string, values: unknown[]): this {
    this.state.criteria = criteria;
    this.state.values = values;
    return this;
  }
}
