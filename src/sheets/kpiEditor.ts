/**
 * The KPI editor's server side (managers only, checked here): the KPIs as
 * drafts, templates from PRODUCT section 2, and saving a KPI under the lock
 * with target changes kept in Targets.
 */
import type { Kpi, KpiId, Lang } from '../engine/types';
import { t } from '../engine/i18n/messages';
import { choiceWords, choiceWord, fields, readChoice } from '../engine/i18n/vocabulary';
import { draftKeyOf, draftRow, draftToKpi, type KpiDraft } from '../engine/kpi/draft';
import { bestResult, smartReferences } from '../engine/kpi/history';
import { kpisDueForReview, nextReviewBy } from '../engine/kpi/review';
import { formatSmart, smartCheck } from '../engine/kpi/smart';
import { isDate, readNumber, readText } from '../engine/records/cells';
import { parseCsv } from '../engine/records/csv';
import { findColumns } from '../engine/records/table';
import { buildSnapshot } from '../engine/snapshot';
import { isoDay, localDay } from '../engine/time/calendar';
import { KPIS_CSV, KPIS_DA_CSV } from '../examples/samples';
import type { KpiEditorContext, KpiSaved, KpiSaveInput, KpiTemplate, Reply } from '../ui/api';
import { withDocumentLock } from '../services/lock';
import { answer, identifyCaller, refuse } from './caller';
import { dateCell } from './cells';
import { takeIds } from './ids';
import { loadSnapshot, type Loaded } from './snapshot';
import { nextFreeRow, positionsOf, writeRecord } from './rowWriter';

/** A KPI reviewed weekly is due again in a month, as PRODUCT section 4's review suggests. */
const TEMPLATE_REVIEW_DAYS = 30;

export function managerCaller(): ReturnType<typeof identifyCaller> | Reply<never> {
  const caller = identifyCaller();
  if (!caller.manager) return refuse(caller.lang, 'server.managersOnly');
  if (!caller.loaded.tabs.kpis) return refuse(caller.lang, 'server.notSetUp');
  return caller;
}

export const isReply = (x: unknown): x is Reply<never> =>
  typeof x === 'object' && x !== null && 'ok' in x;

/** A row of the KPIs tab → the text a person would see in each cell. */
function rowToDraft(
  row: readonly unknown[],
  columns: Partial<Record<string, number>>,
  timeZone: string,
): KpiDraft {
  const draft: Record<string, string> = {};
  for (const field of fields('kpis')) {
    const key = draftKeyOf(field);
    if (!key) continue;
    const index = columns[field];
    const cell = index === undefined ? '' : row[index];
    draft[key] = isDate(cell) ? isoDay(localDay(cell.getTime(), timeZone)) : readText(cell);
  }
  return draft as unknown as KpiDraft;
}

function templates(lang: Lang, today: number): KpiTemplate[] {
  const [header = [], ...rows] = parseCsv((lang === 'da' ? KPIS_DA_CSV : KPIS_CSV).trim());
  const columns = findColumns('kpis', header) as Record<string, number>;
  const byType = new Map<string, KpiDraft[]>();
  for (const row of rows) {
    const draft = rowToDraft(row, columns, 'UTC');
    const fresh: KpiDraft = {
      ...draft,
      id: '',
      owner: '',
      start: isoDay(today),
      reviewBy: isoDay(today + TEMPLATE_REVIEW_DAYS),
      // A ratio's template names the sample's KPI IDs, which this workbook may not have.
      numeratorKpi: '',
      denominatorKpi: '',
    };
    byType.set(draft.taskType, [...(byType.get(draft.taskType) ?? []), fresh]);
  }
  return [...byType].map(([taskType, drafts]) => ({ taskType, drafts }));
}

export function getKpiEditorContext(): Reply<KpiEditorContext> {
  return answer(() => {
    const caller = managerCaller();
    if (isReply(caller)) return caller;
    const { snapshot, moment, values } = caller.loaded;
    const lang = caller.lang;
    const columns = snapshot.columns.kpis as Record<string, number>;
    const best: Record<string, number> = {};
    for (const kpi of snapshot.kpis.kpis) {
      const value = bestResult(snapshot, kpi, moment);
      if (value !== null) best[kpi.id] = value;
    }
    return {
      ok: true,
      value: {
        lang,
        timeZone: snapshot.settings.timeZone,
        kpis: (values.kpis ?? [])
          .slice(1)
          .filter((row) => readText(row[columns.kpiId ?? -1]) !== '')
          .map((row) => rowToDraft(row, columns, snapshot.settings.timeZone)),
        team: snapshot.team.members.map((m) => ({
          email: m.email,
          name: m.name,
          role: choiceWord(lang, 'role', m.role),
        })),
        goals: [...snapshot.goals.values()].map((g) => ({ id: g.id, name: g.name })),
        templates: templates(lang, moment.today),
        best,
        reviews: kpisDueForReview(snapshot, moment).map((due) => ({
          id: due.kpi.id,
          reviewBy: isoDay(due.reviewBy),
          nextReviewBy: isoDay(nextReviewBy(due.kpi, moment.today)),
        })),
        choices: {
          aggregation: choiceWords(lang, 'aggregation'),
          direction: choiceWords(lang, 'direction'),
          period: choiceWords(lang, 'period'),
          kpiState: choiceWords(lang, 'kpiState'),
          taskType: choiceWords(lang, 'taskType'),
        },
      },
    };
  });
}

export function saveKpi(input: KpiSaveInput): Reply<KpiSaved> {
  return answer(() => {
    const caller = managerCaller();
    if (isReply(caller)) return caller;
    const lang = caller.lang;
    const draft = input?.draft;
    if (!draft || !readText(draft.name)) return refuse(lang, 'kpi.nameMissing', {}, 'name');
    const timeZone = caller.loaded.snapshot.settings.timeZone;
    const typed = draftToKpi(draft, lang, timeZone);
    if (!typed) return refuse(lang, 'kpi.nameMissing', {}, 'name');

    const saved = withDocumentLock((): Reply<KpiSaved> => {
      // Read again under the lock: another manager may have saved since the editor opened.
      const loaded = loadSnapshot();
      const existing = draft.id ? loaded.snapshot.kpis.byId.get(draft.id.toUpperCase()) : undefined;
      if (draft.id && !existing) return refuse(lang, 'kpi.notFound', { kpi: draft.id });
      const targetChanged = !!existing && existing.target !== typed.target;
      if (targetChanged && !readText(input.reason))
        return refuse(lang, 'kpi.reasonNeeded', {}, 'reason');
      const id =
        existing?.id ??
        (takeIds(
          'K',
          1,
          loaded.snapshot.kpis.kpis.map((k) => k.id),
        )[0] as KpiId);
      const row = existing
        ? rowOf(loaded, existing.id)
        : nextFreeRow(loaded.tabs.kpis as GoogleAppsScript.Spreadsheet.Sheet);
      const record = kpiRecord({ ...draft, id }, lang, timeZone);
      if (targetChanged && existing)
        recordTargetChange(loaded, existing, typed.target, input.reason, caller.email);
      const after = buildSnapshot(
        withRow(loaded, row, { ...draft, id }),
        loaded.snapshot.settings,
        loaded.dateOrder,
        loaded.moment.today,
        loaded.moment.now,
      );
      const kpi = after.kpis.byId.get(id.toUpperCase()) as Kpi;
      const smart = formatSmart(lang, smartCheck(kpi, smartReferences(after, kpi, loaded.moment)));
      writeRecord(
        loaded.tabs.kpis as GoogleAppsScript.Spreadsheet.Sheet,
        'kpis',
        row,
        positionsOf(loaded.snapshot.columns.kpis),
        { ...record, smart },
      );
      const message = [t(lang, existing ? 'kpi.updated' : 'kpi.created', { kpi: id })];
      if (targetChanged && existing) {
        message.push(
          t(lang, 'kpi.targetChanged', { from: existing.target ?? '–', to: typed.target ?? '–' }),
        );
      }
      return {
        ok: true,
        value: { id, created: !existing, targetChanged, smart, message: message.join(' ') },
      };
    });
    return saved.ok ? saved.value : refuse(lang, 'server.lockBusy');
  });
}

/** The sheet row (1-based) of a KPI, found by its ID, never by a remembered row number. */
export function rowOf(loaded: Loaded, id: string): number {
  const index = (loaded.snapshot.kpis.rows as Array<Kpi | null>).findIndex((k) => k?.id === id);
  return index + 2;
}

/** The KPIs values with one row replaced or added, to judge SMART as the sheet will hold it. */
function withRow(loaded: Loaded, row: number, draft: KpiDraft) {
  const kpis = (loaded.values.kpis ?? []).map((r) => [...r]);
  const columns = loaded.snapshot.columns.kpis as Record<string, number>;
  const typed = draftRow(draft);
  const target = kpis[row - 1] ?? (kpis[row - 1] = []);
  fields('kpis').forEach((field, i) => {
    const index = columns[field];
    if (index !== undefined && field !== 'smart') target[index] = typed[i];
  });
  return { ...loaded.values, kpis };
}

/** Draft text → cells: numbers as numbers, dates as date cells, choices in the workbook's words. */
function kpiRecord(draft: KpiDraft, lang: Lang, timeZone: string): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const typed = draftRow(draft);
  fields('kpis').forEach((field, i) => {
    if (field === 'smart') return;
    const text = (typed[i] ?? '').trim();
    if (field === 'target' || field === 'baseline') {
      const number = readNumber(text, lang);
      record[field] = number.ok ? number.value : text;
    } else if (field === 'start' || field === 'reviewBy') {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      record[field] = match
        ? dateCell(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) / 86_400_000, timeZone)
        : text;
    } else {
      record[field] = choiceIn(lang, field, text);
    }
  });
  return record;
}

const CHOICE_FIELDS = {
  aggregation: 'aggregation',
  direction: 'direction',
  period: 'period',
  status: 'kpiState',
  taskType: 'taskType',
} as const;

function choiceIn(lang: Lang, field: string, text: string): string {
  const list = CHOICE_FIELDS[field as keyof typeof CHOICE_FIELDS];
  if (!list) return text;
  const value = readChoice(list, text);
  return value ? choiceWord(lang, list, value as never) : text;
}

/** Targets keeps the old target from the KPI's Start when it had no history, then the new one from today. */
export function recordTargetChange(
  loaded: Loaded,
  kpi: Kpi,
  newTarget: number | null,
  reason: string,
  by: string,
): void {
  const sheet = loaded.tabs.targets;
  if (!sheet || newTarget === null) return;
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const positions = positionsOf(
    findColumns('targets', sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as unknown[]),
  );
  const tz = loaded.snapshot.settings.timeZone;
  const lang = loaded.snapshot.settings.lang;
  const today = loaded.moment.today;
  if (!loaded.snapshot.targets.has(kpi.id.toUpperCase()) && kpi.target !== null) {
    writeRecord(sheet, 'targets', nextFreeRow(sheet), positions, {
      kpiId: kpi.id,
      validFrom: dateCell(Math.min(kpi.start ?? today, today), tz),
      target: kpi.target,
      changedBy: by,
      reason: t(lang, 'examples.initialTarget'),
    });
  }
  writeRecord(sheet, 'targets', nextFreeRow(sheet), positions, {
    kpiId: kpi.id,
    validFrom: dateCell(today, tz),
    target: newTarget,
    changedBy: by,
    reason: readText(reason),
  });
}
