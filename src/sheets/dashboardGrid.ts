/**
 * The Dashboard laid out as one grid of cells (values, number formats,
 * header styling), so the whole tab is written in one block. Pure: no
 * Apps Script service is touched here.
 */
import type { Lang } from '../engine/types';
import { t, type MessageKey } from '../engine/i18n/messages';
import { HISTORY_PERIODS, type Dashboard, type Trend } from '../engine/dashboard';
import { render } from '../engine/i18n/messages';
import { columnLetter } from './setup';
import { AUTOMATIC_FORMAT } from './layout';

export interface Block {
  /** 1-based first row of the block's header. */
  headerRow: number;
  /** Data rows below the header. */
  rows: number;
  columns: number;
}

export interface DashboardGrid {
  values: unknown[][];
  formats: string[][];
  /** Rows (1-based) that are block headers or titles. */
  headerRows: number[];
  kpis: Block & { nameColumn: number; progressColumn: number; statusColumn: number };
  weekly: Block;
  width: number;
}

const TREND_MARK: Record<Exclude<Trend, null>, string> = { up: '▲', down: '▼', flat: '=' };

const NUMBER = '#,##0.##';
const PERCENT = '0%';

export function dashboardGrid(
  dashboard: Dashboard,
  lang: Lang,
  updated: string,
  zone: string,
): DashboardGrid {
  const h = (key: MessageKey, params?: Record<string, string | number>): string =>
    t(lang, key, params);
  const grid: unknown[][] = [];
  const formats: string[][] = [];
  const headerRows: number[] = [];
  const push = (cells: unknown[], cellFormats: string[] = []): number => {
    grid.push(cells);
    formats.push(cellFormats);
    return grid.length;
  };

  headerRows.push(push([h('dashboard.title', { when: updated, zone })]));
  push(['']); // the line where a skipped refresh says the figures are behind

  // KPI block: the history columns sit right of the sparkline that draws them.
  const kpiHeader = [
    h('dashboard.kpiId'),
    h('dashboard.kpi'),
    h('dashboard.assistant'),
    h('dashboard.period'),
    h('dashboard.actual'),
    h('dashboard.target'),
    h('dashboard.expected'),
    h('dashboard.progress'),
    h('dashboard.status'),
    h('dashboard.trend'),
    h('dashboard.streak'),
    h('dashboard.sparkline', { count: HISTORY_PERIODS }),
    ...Array.from({ length: HISTORY_PERIODS }, (_, i) => `${h('dashboard.history')} ${i + 1}`),
  ];
  const kpiHeaderRow = push(kpiHeader);
  headerRows.push(kpiHeaderRow);
  const historyFirst = 13;
  for (const row of dashboard.rows) {
    const r = grid.length + 1;
    const historyRange = `${columnLetter(historyFirst)}${r}:${columnLetter(historyFirst + HISTORY_PERIODS - 1)}${r}`;
    push(
      [
        row.kpi.id,
        row.kpi.name,
        row.ownerName,
        row.period.key,
        row.actual ?? '',
        row.target,
        row.expected ?? '',
        row.progress ?? '',
        t(lang, `status.${row.status}`),
        row.trend ? TREND_MARK[row.trend] : '',
        row.streak,
        // Built from a cell reference only: no user text, no locale-dependent array syntax.
        `=SPARKLINE(${historyRange})`,
        ...row.history.map((v) => v ?? ''),
      ],
      [
        '@',
        '@',
        '@',
        '@',
        NUMBER,
        NUMBER,
        NUMBER,
        PERCENT,
        '@',
        '@',
        '0',
        AUTOMATIC_FORMAT,
        ...Array<string>(HISTORY_PERIODS).fill(NUMBER),
      ],
    );
  }
  const kpis = {
    headerRow: kpiHeaderRow,
    rows: dashboard.rows.length,
    columns: kpiHeader.length,
    nameColumn: 2,
    progressColumn: 8,
    statusColumn: 9,
  };

  push([]);
  headerRows.push(push([h('dashboard.scorecard')]));
  headerRows.push(
    push([
      h('dashboard.assistant'),
      h('dashboard.activeKpis'),
      h('dashboard.onTrackOrMet'),
      h('dashboard.score'),
    ]),
  );
  for (const score of dashboard.scorecard) {
    push(
      [score.name, score.activeKpis, score.onTrackOrMet, score.score ?? ''],
      ['@', '0', '0', PERCENT],
    );
  }

  push([]);
  headerRows.push(push([h('dashboard.weekly')]));
  // One row per assistant, one column per week: the tab's width never grows with the team
  // (a column per assistant made a 500-person Dashboard 800,000 cells, and past about 1,700
  // people more than a spreadsheet may hold). The chart reads it transposed.
  const weeklyHeader = [h('dashboard.assistant'), ...dashboard.weekly.weeks];
  const weeklyHeaderRow = push(
    weeklyHeader,
    weeklyHeader.map(() => '@'),
  );
  headerRows.push(weeklyHeaderRow);
  for (const row of dashboard.weekly.rows) {
    push(
      [row.name, ...row.progress.map((progress) => progress ?? '')],
      ['@', ...row.progress.map(() => PERCENT)],
    );
  }
  const weekly = {
    headerRow: weeklyHeaderRow,
    rows: dashboard.weekly.rows.length,
    columns: weeklyHeader.length,
  };

  if (dashboard.problems.length > 0) {
    push([]);
    headerRows.push(push([h('dashboard.problems')]));
    headerRows.push(push([h('dashboard.kpi'), h('dashboard.assistant'), h('dashboard.problem')]));
    for (const { kpi, owner, problem } of dashboard.problems) {
      push([kpi.id, owner, render(lang, problem)], ['@', '@', '@']);
    }
  }

  const width = Math.max(...grid.map((row) => row.length));
  return {
    values: grid.map((row) => [...row, ...Array<unknown>(width - row.length).fill('')]),
    formats: formats.map((row) => [
      ...row,
      ...Array<string>(width - row.length).fill(AUTOMATIC_FORMAT),
    ]),
    headerRows,
    kpis,
    weekly,
    width,
  };
}
