/**
 * "Dashboard: refresh" (PRODUCT sections 3, 5 and 8): the Dashboard tab
 * rewritten in one block, its status colours and two charts, every KPI
 * formula in the workbook recalculated, and the Log's Check and KPIs'
 * SMART columns brought up to date — with the same number of service calls
 * at 100 Log rows as at 100,000.
 */
import { t } from '../engine/i18n/messages';
import { buildDashboard } from '../engine/dashboard';
import { HISTORY_PERIODS } from '../engine/dashboard';
import { STATUSES } from '../engine/types';
import { formatMinute, isoDay, localTime } from '../engine/time/calendar';
import { withDocumentLock } from '../services/lock';
import { identifyCaller } from './caller';
import { writeDerivedColumns } from './derivedColumns';
import { dashboardGrid, type DashboardGrid } from './dashboardGrid';
import { loadSnapshot, type Loaded } from './snapshot';
import { readSettings } from './settings';
import { findTabs } from './tabs';
import { stampAllMissingIds } from './missingIds';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The custom functions whose formulas go stale: Sheets recalculates them only when their arguments change. */
export const KPI_FUNCTIONS = [
  'KPI_STATUS',
  'KPI_ACTUAL',
  'KPI_TARGET',
  'KPI_PROGRESS',
  'KPI_TREND',
  'KPI_SCORE',
  'SMART_CHECK',
];

/** A burst of Log edits costs one refresh: later edits within this window wait for the next one. */
export const REFRESH_THROTTLE_MS = 60_000;
const LAST_REFRESH_KEY = 'kpiloop.dashboard.refreshedAt';

const STATUS_COLOURS: Record<(typeof STATUSES)[number], string> = {
  'On track': '#ceead6',
  Met: '#ceead6',
  'At risk': '#feefc3',
  'Off track': '#fad2cf',
  Missed: '#fad2cf',
  'No data': '#e8eaed',
};
const HEADER_BACKGROUND = '#e8eaed';
const CHART_COLUMN = 23;

export interface RefreshResult {
  kpiRows: number;
  formulaCells: number;
}

/** The refresh itself; call with the document lock held. */
export function refresh(loaded: Loaded): RefreshResult {
  const { snapshot, moment, tabs } = loaded;
  const lang = snapshot.settings.lang;
  const zone = snapshot.settings.timeZone;
  const spreadsheet = SpreadsheetApp.getActive();
  spreadsheet.toast(t(lang, 'dashboard.refreshing'), t(lang, 'setup.title'), 3);
  stampAllMissingIds(tabs, loaded.values.log);
  writeDerivedColumns(loaded);
  const sheet = tabs.dashboard;
  let kpiRows = 0;
  if (sheet) {
    const local = localTime(moment.now, zone);
    const grid = dashboardGrid(
      buildDashboard(snapshot, moment),
      lang,
      `${isoDay(local.day)} ${formatMinute(local.minute)}`,
      zone,
    );
    writeGrid(sheet, grid);
    colourStatuses(sheet, grid, lang);
    drawCharts(sheet, grid, lang);
    kpiRows = grid.kpis.rows;
  }
  const formulaCells = recalculateKpiFormulas(spreadsheet);
  spreadsheet.toast(
    t(lang, 'dashboard.refreshed', { kpis: kpiRows, formulas: formulaCells }),
    t(lang, 'setup.title'),
    5,
  );
  return { kpiRows, formulaCells };
}

function writeGrid(sheet: Sheet, grid: DashboardGrid): void {
  const rows = grid.values.length;
  if (sheet.getMaxRows() < rows)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < grid.width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), grid.width - sheet.getMaxColumns());
  sheet.clear();
  const range = sheet.getRange(1, 1, rows, grid.width);
  range.setNumberFormats(grid.formats);
  range.setValues(grid.values);
  range.setFontWeights(
    grid.values.map((_, i) =>
      Array<'bold' | 'normal'>(grid.width).fill(
        grid.headerRows.includes(i + 1) ? 'bold' : 'normal',
      ),
    ),
  );
  range.setBackgrounds(
    grid.values.map((_, i) =>
      Array<string | null>(grid.width).fill(
        grid.headerRows.includes(i + 1) ? HEADER_BACKGROUND : null,
      ),
    ) as string[][],
  );
}

/** Status colours as conditional formats, so a status typed over by hand is coloured too. */
function colourStatuses(sheet: Sheet, grid: DashboardGrid, lang: 'en' | 'da'): void {
  const { headerRow, rows, statusColumn } = grid.kpis;
  if (rows === 0) {
    sheet.setConditionalFormatRules([]);
    return;
  }
  const range = sheet.getRange(headerRow + 1, statusColumn, rows, 1);
  sheet.setConditionalFormatRules(
    STATUSES.map((status) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(t(lang, `status.${status}`))
        .setBackground(STATUS_COLOURS[status])
        .setRanges([range])
        .build(),
    ),
  );
}

/** Two charts: progress per KPI this period, and each assistant's weekly progress. */
function drawCharts(sheet: Sheet, grid: DashboardGrid, lang: 'en' | 'da'): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const { headerRow, rows, nameColumn, progressColumn } = grid.kpis;
  if (rows > 0) {
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.BAR)
        .addRange(sheet.getRange(headerRow, nameColumn, rows + 1, 1))
        .addRange(sheet.getRange(headerRow, progressColumn, rows + 1, 1))
        .setOption('title', t(lang, 'dashboard.chartProgress'))
        .setOption('legend', { position: 'none' })
        .setPosition(3, CHART_COLUMN, 0, 0)
        .build(),
    );
  }
  const weekly = grid.weekly;
  if (weekly.rows > 0) {
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.LINE)
        .addRange(sheet.getRange(weekly.headerRow, 1, weekly.rows + 1, weekly.columns))
        .setTransposeRowsAndColumns(true) // a line per assistant, weeks along the axis
        .setOption('title', t(lang, 'dashboard.chartWeekly', { count: HISTORY_PERIODS }))
        .setOption('vAxis', { format: 'percent' })
        .setPosition(24, CHART_COLUMN, 0, 0)
        .build(),
    );
  }
}

/**
 * Sheets re-runs a custom function only when its arguments change, so a
 * Refresh rewrites every formula that calls one. Two workbook-wide
 * replacements do it in two calls, whatever the number of formulas: the
 * first takes the space out of the first "KPI_STATUS( " of a formula where
 * an earlier refresh put one, the second puts one in. Each such formula is
 * thereby re-entered at least once and stays valid throughout (a space
 * after "(" is allowed in any formula). The patterns are anchored at the
 * leading "=" so that text cells are never touched, and use no look-ahead,
 * which Sheets' RE2 expressions lack.
 */
export function recalculateKpiFormulas(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): number {
  const names = `(${KPI_FUNCTIONS.join('|')})`;
  const finder = (pattern: string) =>
    spreadsheet
      .createTextFinder(pattern)
      .matchFormulaText(true)
      .matchCase(false)
      .useRegularExpression(true);
  finder(`^=(.*?)\\b${names}\\( `).replaceAllWith('=$1$2(');
  return finder(`^=(.*?)\\b${names}\\(([^ ])`).replaceAllWith('=$1$2( $3');
}

/** Menu: Dashboard: refresh — managers only, as the Dashboard is theirs to write. */
export function refreshDashboard(): void {
  const caller = identifyCaller();
  const spreadsheet = SpreadsheetApp.getActive();
  const title = t(caller.lang, 'setup.title');
  if (!caller.manager) {
    spreadsheet.toast(t(caller.lang, 'dashboard.managersOnly'), title, 8);
    return;
  }
  try {
    const done = withDocumentLock(() => {
      const result = refresh(loadSnapshot(spreadsheet));
      markRefreshed();
      return result;
    });
    if (!done.ok) spreadsheet.toast(t(caller.lang, 'dashboard.busy'), title, 8);
  } catch (error) {
    // A menu action never ends in a stack trace: say what went wrong where the person looks.
    spreadsheet.toast(t(caller.lang, 'error.unexpected', { message: messageOf(error) }), title, 15);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The installable edit trigger (set up by a manager, so it may write the
 * protected Dashboard): after a Log edit, refresh — at most once a minute.
 */
export function refreshAfterEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = e?.range?.getSheet();
  const isLog = sheet
    ?.getDeveloperMetadata()
    .some((m) => m.getKey() === 'kpiloop.tab' && m.getValue() === 'log');
  if (!isLog) return;
  const cache = CacheService.getDocumentCache();
  const last = Number(cache?.get(LAST_REFRESH_KEY) ?? 0);
  if (Date.now() - last < REFRESH_THROTTLE_MS) {
    // Say so on the Dashboard itself, in the line under its title.
    const spreadsheet = SpreadsheetApp.getActive();
    const { lang } = readSettings(spreadsheet).settings;
    findTabs(spreadsheet)
      .dashboard?.getRange(2, 1, 1, 1)
      .setValues([[t(lang, 'dashboard.pending')]]);
    return;
  }
  withDocumentLock(() => {
    refresh(loadSnapshot());
    markRefreshed();
  });
}

function markRefreshed(): void {
  const cache = CacheService.getDocumentCache();
  cache?.put(LAST_REFRESH_KEY, String(Date.now()), 21_600);
}
