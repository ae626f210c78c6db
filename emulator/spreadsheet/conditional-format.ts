/** Conditional format rules (boolean conditions only) and their builder. */
import { BooleanCriteria, enumValue } from '../enums';
import type { EnumValue } from '../enums';
import { SERVICE } from '../runtime';
import type { ConditionalFormatState } from '../state';
import type { RangeBase } from './range-base';
import { boxOfRange } from './validation';
import type { Views } from './views';

export class BooleanCondition {
  readonly [SERVICE] = 'BooleanCondition';

  constructor(private readonly state: ConditionalFormatState) {}

  getCriteriaType(): EnumValue {
    return enumValue(BooleanCriteria, this.state.criteria);
  }

  getCriteriaValues(): unknown[] {
    return [...this.state.values];
  }

  getBackground(): string | null {
    return this.state.background;
  }

  getFontColor(): string | null {
    return this.state.fontColor;
  }

  getBold(): boolean | null {
    return this.state.bold;
  }
}

export class ConditionalFormatRule {
  readonly [SERVICE] = 'ConditionalFormatRule';

  constructor(
    private readonly views: Views,
    readonly state: ConditionalFormatState,
  ) {}

  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this.state);
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): RangeBase[] {
    return this.state.ranges.flatMap((box) => {
      const sheet = this.views.wb.sheet(box.sheetId);
      return sheet ? [this.views.range(sheet, box)] : [];
    });
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.views, structuredClone(this.state));
  }
}

export class ConditionalFormatRuleBuilder {
  readonly [SERVICE] = 'ConditionalFormatRuleBuilder';

  constructor(
    private readonly views: Views,
    private readonly state: ConditionalFormatState = {
      ranges: [],
      criteria: 'CELL_NOT_EMPTY',
      values: [],
      background: null,
      fontColor: null,
      bold: null,
    },
  ) {}

  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQUAL_TO', [String(text)]);
  }

  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', [String(text)]);
  }

  whenTextStartsWith(text: string): this {
    return this.when('TEXT_STARTS_WITH', [String(text)]);
  }

  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [String(formula)]);
  }

  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY', []);
  }

  whenNumberLessThan(number: number): this {
    return this.when('NUMBER_LESS_THAN', [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: number): this {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  setBackground(color: string | null): this {
    this.state.background = color;
    return this;
  }

  setFontColor(color: string | null): this {
    this.state.fontColor = color;
    return this;
  }

  setBold(bold: boolean | null): this {
    this.state.bold = bold;
    return this;
  }

  setRanges(ranges: RangeBase[]): this {
    this.state.ranges = ranges.map(boxOfRange);
    return this;
  }

  getRanges(): RangeBase[] {
    return new ConditionalFormatRule(this.views, this.state).getRanges();
  }

  build(): ConditionalFormatRule {
    return new ConditionalFormatRule(this.views, structuredClone(this.state));
  }

  private when(criteria: string, values: unknown[]): this {
    this.state.criteria = criteria;
    this.state.values = values;
    return this;
  }
}
