/** The "Set up tracker" menu items: managers only, under the document lock. */
import { t } from '../engine/i18n/messages';
import type { Lang } from '../engine/types';
import type { TabId } from '../engine/i18n/vocabulary';
import { findColumns } from '../engine/records/table';
import { withDocumentLock } from '../services/lock';
import { activeUserEmail } from '../services/session';
import { writeDerivedColumns } from './derivedColumns';
import { loadExamples } from './examples';
import { takeIds } from './ids';
import { ID_COLUMNS } from './layout';
import { isManager, managerEmails, spreadsheetOwner, teamHasManager } from './roles';
import { protectManagerTabs, setUpTabs } from './setup';
import { loadFeedbackLoop, loadSnapshot, type Loaded } from './snapshot';

export interface CommandResult {
  ok: boolean;
  message: string;
}

export function runSetup(withExamples: boolean): CommandResult {
  const spreadsheet = SpreadsheetApp.getActive();
  const before = loadSnapshot(spreadsheet);
  const lang = before.snapshot.settings.lang;
  const user = activeUserEmail();
  const owner = spreadsheetOwner(spreadsheet);
  const team = before.snapshot.team;
  if (!isManager(user, team, owner) && teamHasManager(team)) {
    return tell(spreadsheet, { ok: false, message: t(lang, 'setup.managersOnly') }, lang);
  }
  const result = withDocumentLock((): CommandResult => {
    const report = setUpTabs(spreadsheet, lang);
    const messages: string[] = [];
    if (withExamples) {
      const examples = loadExamples(
        report.sheets,
        report.positions,
        lang,
        before.snapshot.settings.timeZone,
      );
      messages.push(
        examples.loaded
          ? t(lang, 'setup.examplesLoaded')
          : t(lang, 'setup.examplesSkipped', { tab: examples.busyTab }),
      );
    }
    const after = loadSnapshot(spreadsheet);
    protectManagerTabs(
      report,
      lang,
      [...managerEmails(after.snapshot.team, owner), user].filter(Boolean),
    );
    writeDerivedColumns(after);
    seedIdCounters(after);
    ensureRefreshTrigger(spreadsheet);
    const changed = report.created.length + report.repaired.length > 0;
    messages.unshift(
      changed
        ? t(lang, 'setup.done', {
            created: report.created.length,
            repaired: report.repaired.length,
          })
        : t(lang, 'setup.unchanged'),
    );
    return { ok: true, message: messages.join(' ') };
  });
  return tell(
    spreadsheet,
    result.ok ? result.value : { ok: false, message: t(lang, 'setup.lockBusy') },
    lang,
  );
}

/**
 * The Dashboard refreshes after Log edits through an installable edit
 * trigger owned by the manager who set up: it runs as them, so it may write
 * the protected Dashboard, which an assistant's own edit could not.
 */
function ensureRefreshTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const handler = 'refreshAfterEdit';
  const exists = ScriptApp.getUserTriggers(spreadsheet).some(
    (trigger) => trigger.getHandlerFunction() === handler,
  );
  if (!exists) ScriptApp.newTrigger(handler).forSpreadsheet(spreadsheet).onEdit().create();
}

/**
 * IDs typed before setup (K1…K10 in the examples, E… in a pasted Log) must
 * never be handed out again — also those of rows whose Check says they are
 * not counted.
 */
function seedIdCounters(loaded: Loaded): void {
  const values: Partial<Record<TabId, unknown[][] | null>> = {
    ...loaded.values,
    ...loadFeedbackLoop(loaded).values,
  };
  for (const [tab, id] of Object.entries(ID_COLUMNS) as Array<
    [TabId, { field: string; prefix: string }]
  >) {
    const rows = values[tab];
    const column = rows
      ? (findColumns(tab, rows[0] ?? []) as Record<string, number>)[id.field]
      : undefined;
    if (!rows || column === undefined) continue;
    takeIds(
      id.prefix,
      0,
      rows.slice(1).map((row) => row[column]),
    );
  }
}

function tell(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  result: CommandResult,
  lang: Lang,
): CommandResult {
  spreadsheet.toast(result.message, t(lang, 'setup.title'), 8);
  return result;
}

export function setUpTracker(): void {
  runSetup(false);
}

export function setUpTrackerWithExamples(): void {
  runSetup(true);
}
