/** Sheet, part 2: layout, metadata, protection, rules and charts. */
import { enumName } from '../enums';
import type { ChartState } from '../state';
import { EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { signatureMismatch } from './checks';
import { ConditionalFormatRule } from './conditional-format';
import { addMetadata, metadataIn, MetadataFinder } from './metadata';
import type { DeveloperMetadata } from './metadata';
import type { Protection } from './protection';
import { RangeList } from './range-list';
import { SheetBase } from './sheet-base';
import { TextFinder } from './text-finder';

export class Sheet extends SheetBase {
  setFrozenRows(rows: number): void {
    this.state.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.state.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.state.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this.state.frozenColumns;
  }

  /** Sheets' default column width is 100 pixels. */
  getColumnWidth(columnPosition: number): number {
    return this.state.columnWidths[columnPosition] ?? 100;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.state.columnWidths[c] = width;
    return this;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) {
      if (!this.state.hiddenColumns.includes(c)) this.state.hiddenColumns.push(c);
    }
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.state.hiddenColumns = this.state.hiddenColumns.filter(
      (c) => c < columnIndex || c >= columnIndex + numColumns,
    );
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.state.hiddenColumns.includes(columnPosition);
  }

  hideSheet(): this {
    this.state.hidden = true;
    return this;
  }

  showSheet(): this {
    this.state.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.state.hidden;
  }

  setTabColor(color: string | null): this {
    this.state.tabColor = color;
    return this;
  }

  getTabColor(): string | null {
    return this.state.tabColor;
  }

  /** Contents and formats of every cell. */
  clear(): this {
    this.wb.clear(this.state, this.whole(), { contents: true, formats: true });
    return this;
  }

  clearContents(): this {
    this.wb.clear(this.state, this.whole(), { contents: true });
    return this;
  }

  clearFormats(): this {
    this.wb.clear(this.state, this.whole(), { formats: true });
    return this;
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): this {
    addMetadata(
      this.wb,
      { type: 'SHEET', sheetId: this.state.id },
      key,
      valueOrVisibility,
      visibility,
    );
    return this;
  }

  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataIn(this.wb, { sheetId: this.state.id })
      .filter((m) => m.location.type === 'SHEET')
      .map((m) => this.views.metadata(m));
  }

  createDeveloperMetadataFinder(): MetadataFinder {
    return new MetadataFinder(this.views, { sheetId: this.state.id });
  }

  /** A sheet has one sheet protection; asking again returns it. */
  protect(): Protection {
    let state = this.wb.state.protections.find(
      (p) => p.type === 'SHEET' && p.box.sheetId === this.state.id,
    );
    if (!state) {
      state = {
        id: this.wb.newId(),
        type: 'SHEET',
        box: { sheetId: this.state.id, ...this.whole() },
        description: '',
        editors: null,
        warningOnly: false,
        domainEdit: false,
        unprotected: [],
      };
      this.wb.state.protections.push(state);
    }
    return this.views.protection(state);
  }

  getProtections(type: unknown): Protection[] {
    return this.wb.state.protections
      .filter((p) => p.box.sheetId === this.state.id && p.type === enumName(type))
      .map((p) => this.views.protection(p));
  }

  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.state.conditionalFormats = rules.map((rule) => structuredClone(rule.state));
  }

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this.state.conditionalFormats.map((rule) => new ConditionalFormatRule(this.views, rule));
  }

  clearConditionalFormatRules(): void {
    this.state.conditionalFormats = [];
  }

  newChart(): EmbeddedChartBuilder {
    const state: ChartState = {
      id: 0,
      type: 'LINE',
      ranges: [],
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: {},
    };
    return new EmbeddedChartBuilder(this.views, state);
  }

  insertChart(chart: EmbeddedChart): void {
    this.state.charts.push({ ...structuredClone(chart.state), id: this.wb.newId() });
  }

  getCharts(): EmbeddedChart[] {
    return this.state.charts.map((chart) => new EmbeddedChart(this.views, chart));
  }

  updateChart(chart: EmbeddedChart): void {
    const at = this.state.charts.findIndex((c) => c.id === chart.state.id);
    if (at < 0) this.wb.rt.fail('The chart is not in this sheet.');
    this.state.charts[at] = structuredClone(chart.state);
  }

  removeChart(chart: EmbeddedChart): void {
    this.state.charts = this.state.charts.filter((c) => c.id !== chart.state.id);
  }

  createTextFinder(findText: string): TextFinder {
    return new TextFinder(this.views, { sheet: this.state, box: null }, String(findText));
  }

  /** Ranges of this sheet from A1 notations; another tab's name in a notation is refused. */
  getRangeList(a1Notations: string[]): RangeList {
    if (!Array.isArray(a1Notations) || a1Notations.some((a1) => typeof a1 !== 'string'))
      signatureMismatch(this.wb.rt, 'SpreadsheetApp.Sheet.getRangeList', [a1Notations]);
    if (a1Notations.length === 0) this.wb.rt.fail('Range not found');
    const ranges = a1Notations.map((a1) => {
      const range = this.getRange(a1);
      return range.getGridId() === this.state.id ? range : this.wb.rt.fail('Range not found');
    });
    return new RangeList(this.views, ranges);
  }

  private whole() {
    return { row: 1, column: 1, numRows: this.state.maxRows, numColumns: this.state.maxColumns };
  }
}
