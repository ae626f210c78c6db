/** Embedded charts: built with sheet.newChart(), placed with insertChart, read back with getCharts. */
import { ChartType, enumName, enumValue } from '../enums';
import type { EnumValue } from '../enums';
import { SERVICE } from '../runtime';
import type { ChartState } from '../state';
import type { RangeBase } from './range-base';
import { boxOfRange } from './validation';
import type { Views } from './views';

export class ContainerInfo {
  readonly [SERVICE] = 'ContainerInfo';

  constructor(private readonly position: ChartState['position']) {}

  getAnchorRow(): number {
    return this.position.row;
  }

  getAnchorColumn(): number {
    return this.position.column;
  }

  getOffsetX(): number {
    return this.position.offsetX;
  }

  getOffsetY(): number {
    return this.position.offsetY;
  }
}

export class ChartOptions {
  readonly [SERVICE] = 'ChartOptions';

  constructor(private readonly options: Record<string, unknown>) {}

  get(option: string): unknown {
    return this.options[option] ?? null;
  }
}

export class EmbeddedChart {
  readonly [SERVICE] = 'EmbeddedChart';

  constructor(
    private readonly views: Views,
    readonly state: ChartState,
  ) {}

  getChartId(): number {
    return this.state.id;
  }

  getRanges(): RangeBase[] {
    return this.state.ranges.flatMap((box) => {
      const sheet = this.views.wb.sheet(box.sheetId);
      return sheet ? [this.views.range(sheet, box)] : [];
    });
  }

  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this.state.position);
  }

  getOptions(): ChartOptions {
    return new ChartOptions(this.state.options);
  }

  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.views, structuredClone(this.state));
  }
}

export class EmbeddedChartBuilder {
  readonly [SERVICE] = 'EmbeddedChartBuilder';

  constructor(
    private readonly views: Views,
    private readonly state: ChartState,
  ) {}

  setChartType(type: unknown): this {
    this.state.type = enumName(type);
    return this;
  }

  addRange(range: RangeBase): this {
    this.state.ranges.push(boxOfRange(range));
    return this;
  }

  removeRange(range: RangeBase): this {
    const box = boxOfRange(range);
    this.state.ranges = this.state.ranges.filter((b) => JSON.stringify(b) !== JSON.stringify(box));
    return this;
  }

  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.state.options[option] = value;
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): this {
    this.state.transpose = transpose === true;
    return this;
  }

  getChartType(): EnumValue {
    return enumValue(ChartType, this.state.type);
  }

  getRanges(): RangeBase[] {
    return new EmbeddedChart(this.views, this.state).getRanges();
  }

  build(): EmbeddedChart {
    return new EmbeddedChart(this.views, structuredClone(this.state));
  }
}
