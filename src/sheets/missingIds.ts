/**
 * Rows typed while someone else held the document lock keep what was typed,
 * but their edit trigger could not take an ID from the shared counter: the
 * typist is told, and the next Refresh — which holds the lock and reads the
 * tabs anyway — gives every such row its ID (PRODUCT sections 3 and 8).
 */
import { t } from '../engine/i18n/messages';
import type { TabId } from '../engine/i18n/vocabulary';
import { isBlank, readText } from '../engine/records/cells';
import { findColumns } from '../engine/records/table';
import type { Lang } from '../engine/types';
import { takeIds } from './ids';
import { ID_COLUMNS } from './layout';
import { runsOf } from './rowWriter';
import { readTab, type Tabs } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Columns the add-on fills itself: a row holding only these was not typed by anyone. */
const DERIVED_FIELDS: Partial<Record<TabId, string[]>> = { log: ['check'] };

/** The toast for a typist whose rows could not get an ID because the lock was busy. */
export function tellNotStamped(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  lang: Lang,
  firstRow: number,
  lastRow: number,
): void {
  const rows = firstRow === lastRow ? String(firstRow) : `${firstRow}–${lastRow}`;
  spreadsheet.toast(t(lang, 'edit.notStamped', { rows }), t(lang, 'setup.title'), 15);
}

/** Row numbers (1-based) of rows with content and no ID, in a tab as read (header included). */
function rowsMissingIds(
  values: unknown[][],
  idIndex: number,
  derived: ReadonlySet<number>,
): number[] {
  const missing: number[] = [];
  values.forEach((row, i) => {
    if (i === 0 || readText(row[idIndex]) !== '') return;
    if (row.some((cell, j) => j !== idIndex && !derived.has(j) && !isBlank(cell)))
      missing.push(i + 1);
  });
  return missing;
}

/**
 * Gives each row with content and no ID the next ID of its tab; `values` is
 * the tab as read under the lock. One write per run of adjacent rows.
 * Call with the document lock held. Returns how many rows were stamped.
 */
export function stampMissingIds(sheet: Sheet, tab: TabId, values: unknown[][] | null): number {
  const spec = ID_COLUMNS[tab];
  if (!spec || !values || values.length < 2) return 0;
  const columns = findColumns(tab, values[0] ?? []) as Partial<Record<string, number>>;
  const idIndex = columns[spec.field];
  if (idIndex === undefined) return 0;
  const derived = new Set((DERIVED_FIELDS[tab] ?? []).flatMap((field) => columns[field] ?? []));
  const missing = rowsMissingIds(values, idIndex, derived);
  if (missing.length === 0) return 0;
  const ids = takeIds(
    spec.prefix,
    missing.length,
    values.slice(1).map((row) => row[idIndex]),
  );
  let next = 0;
  for (const [first, count] of runsOf(missing)) {
    sheet
      .getRange(first, idIndex + 1, count, 1)
      .setValues(Array.from({ length: count }, () => [ids[next++]]));
  }
  return missing.length;
}

/**
 * The Log (already read by the caller) and the three feedback-loop tabs
 * (read here unless given). Call with the document lock held.
 */
export function stampAllMissingIds(
  tabs: Tabs,
  log: unknown[][] | null,
  loop?: Partial<Record<'checkIns' | 'feedback' | 'actions', unknown[][] | null>>,
): number {
  let stamped = tabs.log ? stampMissingIds(tabs.log, 'log', log) : 0;
  for (const tab of ['checkIns', 'feedback', 'actions'] as const) {
    const sheet = tabs[tab];
    if (sheet) stamped += stampMissingIds(sheet, tab, loop?.[tab] ?? readTab(sheet));
  }
  return stamped;
}
