/**
 * "Set up tracker → with example data": the example team, goals and KPIs
 * (and each KPI's first target in Targets), in the workbook's language, and
 * a few weeks of their check-ins, feedback and actions (examples/feedbackLoop.ts). It
 * only fills empty tabs, so it never overwrites anyone's data.
 */
import type { Lang } from '../engine/types';
import { t } from '../engine/i18n/messages';
import { choiceWord, readChoice, tabName, type TabId } from '../engine/i18n/vocabulary';
import { parseCsv } from '../engine/records/csv';
import { findColumns } from '../engine/records/table';
import { readDay } from '../engine/records/cells';
import { GOALS_CSV, GOAL_NAMES_DA, KPIS_CSV, KPIS_DA_CSV, TEAM_CSV } from '../examples/samples';
import { feedbackLoopExamples } from '../examples/feedbackLoop';
import { localDay } from '../engine/time/calendar';
import { now } from '../services/clock';
import { dateCell, rowFor, safeText, widthOf } from './cells';
import { LAYOUT, type ColumnKind } from './layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Positions = Partial<Record<TabId, Record<string, number>>>;

export type ExamplesResult = { loaded: true } | { loaded: false; busyTab: string };

export function loadExamples(
  sheets: Partial<Record<TabId, Sheet>>,
  positions: Positions,
  lang: Lang,
  timeZone: string,
): ExamplesResult {
  const targets: TabId[] = ['team', 'goals', 'kpis', 'targets', 'checkIns', 'feedback', 'actions'];
  for (const id of targets) {
    if ((sheets[id]?.getLastRow() ?? 0) > 1) return { loaded: false, busyTab: tabName(lang, id) };
  }
  const ctx = { lang, timeZone, dateOrder: 'DMY' as const };
  const records = {
    team: csvRecords('team', TEAM_CSV),
    goals: csvRecords('goals', GOALS_CSV).map((goal) =>
      lang === 'da' ? { ...goal, goal: GOAL_NAMES_DA[goal.goalId ?? ''] ?? goal.goal } : goal,
    ),
    kpis: csvRecords('kpis', lang === 'da' ? KPIS_DA_CSV : KPIS_CSV),
  };
  const firstTargets = records.kpis.map((kpi) => ({
    kpiId: kpi.kpiId,
    validFrom: kpi.start,
    target: kpi.target,
    changedBy: t(lang, 'examples.changedBy'),
    reason: t(lang, 'examples.initialTarget'),
  }));
  const write = (id: TabId, rows: Array<Record<string, string | undefined>>): void => {
    const sheet = sheets[id];
    const at = positions[id];
    if (!sheet || !at || rows.length === 0) return;
    const layout = LAYOUT[id] as Record<string, ColumnKind>;
    const width = widthOf(at);
    const cells = rows.map((record) => {
      const typed: Record<string, unknown> = {};
      for (const [field, text] of Object.entries(record)) {
        typed[field] = typedCell(layout[field], text ?? '', lang, (s) => readDay(s, ctx), timeZone);
      }
      return rowFor(at, typed, width);
    });
    sheet.getRange(2, 1, cells.length, width).setValues(cells);
  };
  write('team', records.team);
  write('goals', records.goals);
  write('kpis', records.kpis);
  write('targets', firstTargets);
  const loop = feedbackLoopExamples(localDay(now(), timeZone), lang);
  write('checkIns', loop.checkIns);
  write('feedback', loop.feedback);
  write('actions', loop.actions);
  return { loaded: true };
}

function csvRecords(tab: TabId, csv: string): Array<Record<string, string | undefined>> {
  const [header = [], ...rows] = parseCsv(csv.trim());
  const columns = findColumns(tab, header) as Record<string, number>;
  return rows.map((row) => {
    const record: Record<string, string | undefined> = {};
    for (const [field, index] of Object.entries(columns)) record[field] = row[index];
    return record;
  });
}

/** Text from a sample file → what a person typing it into Sheets would leave in the cell. */
function typedCell(
  kind: ColumnKind | undefined,
  text: string,
  lang: Lang,
  readDate: (s: string) => ReturnType<typeof readDay>,
  timeZone: string,
): unknown {
  if (text === '') return '';
  switch (kind?.kind) {
    case 'date': {
      const day = readDate(text);
      return day.ok ? dateCell(day.value, timeZone) : safeText(text);
    }
    case 'number':
      return Number(text);
    case 'checkbox':
      return text.toUpperCase() === 'TRUE';
    case 'choice': {
      const value = readChoice(kind.list, text);
      return value ? choiceWord(lang, kind.list, value as never) : safeText(text);
    }
    default:
      return safeText(text);
  }
}
