/**
 * The Log work sidebar's server side: the caller's own active KPIs, and
 * saving one entry under the document lock (PRODUCT sections 6 and 8).
 */
import type { Email, Kpi, Lang, LogEntry, Status } from '../engine/types';
import { render, t } from '../engine/i18n/messages';
import { activeKpisOf } from '../engine/formulas';
import { evaluate, periodFor } from '../engine/kpi/evaluate';
import { entryKey, logRowChecker } from '../engine/records/log';
import { readText } from '../engine/records/cells';
import { dayFromDate, isoDay, localDay } from '../engine/time/calendar';
import type { Snapshot } from '../engine/snapshot';
import type { Moment } from '../engine/kpi/aggregate';
import type { LogEntryInput, LogSaved, LogWorkContext, LogWorkKpi, Reply } from '../ui/api';
import { withDocumentLock } from '../services/lock';
import { answer, identifyCaller, refuse, type Caller } from './caller';
import { dateCell, dateTimeCell } from './cells';
import { takeIds } from './ids';
import { appendRecordsBelowTypists, positionsOf } from './rowWriter';

/** Which field of the form a Log check problem belongs to. */
const FIELD_OF_PROBLEM: Record<string, string> = {
  'check.missingDate': 'date',
  'check.badDate': 'date',
  'check.futureDate': 'date',
  'check.missingKpi': 'kpiId',
  'check.unknownKpi': 'kpiId',
  'check.ambiguousKpi': 'kpiId',
  'check.notOwner': 'kpiId',
  'check.ratioKpi': 'kpiId',
  'check.missingValue': 'value',
  'check.notANumber': 'value',
  'check.negative': 'value',
  'check.tooLarge': 'value',
  'check.qualifier': 'value',
};

function kpiView(snapshot: Snapshot, kpi: Kpi, owner: Email, moment: Moment): LogWorkKpi {
  const lang = snapshot.settings.lang;
  const period = periodFor(snapshot, kpi, moment.today);
  const result = period ? evaluate(snapshot, kpi, owner, period, moment) : null;
  const statusKey: Status | null = result?.ok ? result.status : null;
  return {
    id: kpi.id,
    name: kpi.name,
    unit: kpi.unit,
    measure: kpi.measure,
    aggregation: kpi.aggregation ?? '',
    valueOptional: (kpi.aggregation === 'Count' && !kpi.qualifier) || kpi.aggregation === 'On-time',
    target: result?.ok ? result.target : kpi.target,
    actual: result?.ok ? result.actual : null,
    status: statusKey ? t(lang, `status.${statusKey}`) : '',
    statusKey,
  };
}

/** Everyone who logs must be in Team: that is where their time zone and working days live. */
function requireTeamMember(caller: Caller): Reply<never> | null {
  if (!caller.email) return refuse(caller.lang, 'server.unknownUser');
  if (!caller.loaded.tabs.log || !caller.loaded.tabs.kpis)
    return refuse(caller.lang, 'server.notSetUp');
  if (!caller.member) return refuse(caller.lang, 'server.notInTeam', { email: caller.email });
  return null;
}

export function getLogWorkContext(): Reply<LogWorkContext> {
  return answer(() => {
    const caller = identifyCaller();
    const refusal = requireTeamMember(caller);
    if (refusal) return refusal;
    const member = caller.member as NonNullable<Caller['member']>;
    const { snapshot, moment } = caller.loaded;
    return {
      ok: true,
      value: {
        lang: caller.lang,
        user: { email: member.email, name: member.name, timeZone: member.timeZone },
        today: isoDay(localDay(moment.now, member.timeZone)),
        kpis: activeKpisOf(snapshot, member.email).map((kpi) =>
          kpiView(snapshot, kpi, member.email, moment),
        ),
      },
    };
  });
}

export function saveLogEntry(input: LogEntryInput): Reply<LogSaved> {
  return answer(() => {
    const caller = identifyCaller();
    const refusal = requireTeamMember(caller);
    if (refusal) return refusal;
    const lang = caller.lang;
    const loaded = caller.loaded;
    const { snapshot, moment } = loaded;
    const link = readText(input?.link);
    if (link && !/^https?:\/\/\S+$/i.test(link)) return refuse(lang, 'log.badLink', {}, 'link');

    // The row as the Log tab will hold it, checked by the same code as rows typed by hand.
    const date = isoDateCell(readText(input?.date), snapshot.settings.timeZone);
    const record = {
      date: date ?? readText(input?.date),
      assistant: caller.email,
      kpi: readText(input?.kpiId),
      value: readText(input?.value),
      note: readText(input?.note),
      link,
      loggedAt: dateTimeCell(moment.now),
      loggedBy: caller.email,
    };
    const columns = snapshot.columns.log;
    const row: unknown[] = [];
    for (const [field, value] of Object.entries(record)) {
      const index = columns[field as keyof typeof columns];
      if (index !== undefined) row[index] = value;
    }
    const check = logRowChecker(
      { tab: 'log', rows: [], columns },
      { ...checkContext(snapshot, moment), now: moment.now },
    )(row);
    if (check.ok !== true) {
      const problem = check.ok === false ? check.problem : { key: 'check.missingKpi' as const };
      return {
        ok: false,
        message: render(lang, problem),
        field: FIELD_OF_PROBLEM[problem.key] ?? 'value',
      };
    }
    const kpi = snapshot.kpis.byId.get(check.entry.kpiId.toUpperCase()) as Kpi;
    const sheet = loaded.tabs.log as GoogleAppsScript.Spreadsheet.Sheet;

    const saved = withDocumentLock(() => {
      const [entryId] = takeIds('E', 1);
      appendRecordsBelowTypists(sheet, 'log', positionsOf(columns), 'entryId', [
        {
          ...record,
          entryId,
          kpi: kpi.id,
          value: check.entry.value ?? '',
          check: t(lang, 'check.ok'),
        },
      ]);
      return entryId as string;
    });
    if (!saved.ok) return refuse(lang, 'server.lockBusy');

    addEntry(snapshot, { ...check.entry, entryId: saved.value });
    const view = kpiView(snapshot, kpi, caller.email, moment);
    return {
      ok: true,
      value: { entryId: saved.value, kpi: view, message: savedMessage(lang, view) },
    };
  });
}

function checkContext(snapshot: Snapshot, moment: Moment) {
  return {
    lang: snapshot.settings.lang,
    timeZone: snapshot.settings.timeZone,
    dateOrder: 'DMY' as const,
    team: snapshot.team,
    kpis: snapshot.kpis,
    today: moment.today,
  };
}

/** 'YYYY-MM-DD' from the date input → a date cell; null when it is not such a date. */
function isoDateCell(text: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const day = dayFromDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return isoDay(day) === text ? dateCell(day, timeZone) : null;
}

/** The new entry joins the figures without reading the Log again. */
function addEntry(snapshot: Snapshot, entry: LogEntry): void {
  const key = entryKey(entry.kpiId, entry.assistant);
  const list = snapshot.entries.get(key) ?? [];
  list.push(entry);
  list.sort((a, b) => a.date - b.date || (a.loggedAt ?? 0) - (b.loggedAt ?? 0));
  snapshot.entries.set(key, list);
}

function savedMessage(lang: Lang, kpi: LogWorkKpi): string {
  if (!kpi.status) return t(lang, 'log.savedNoStatus', { kpi: kpi.name });
  const round = (n: number | null): string =>
    n === null ? '–' : String(Math.round(n * 100) / 100);
  return t(lang, 'log.saved', {
    kpi: kpi.name,
    actual: round(kpi.actual),
    target: round(kpi.target),
    unit: kpi.unit,
    status: kpi.status,
  });
}
