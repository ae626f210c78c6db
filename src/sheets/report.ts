/**
 * The Report dialog's server side (issue 4 item 6): who may see which
 * report, checked here — managers any assistant or the whole team, an
 * assistant only themself — the report built by the engine from one read of
 * each tab, and e-mailed as HTML with a plain-text part once the day's mail
 * quota is known to allow it.
 */
import type { Email, Lang } from '../engine/types';
import { render, t } from '../engine/i18n/messages';
import { readText } from '../engine/records/cells';
import { findPerson } from '../engine/records/team';
import { memberOrDefault } from '../engine/kpi/evaluate';
import {
  buildReport,
  DEFAULT_REPORT_WEEKS,
  recentPeriods,
  reportRange,
  teamInScope,
  type ReportUnit,
} from '../engine/feedback/report';
import { reportDocument } from '../engine/feedback/reportDocument';
import { reportHtml, reportText } from '../engine/feedback/reportMail';
import { isoDay } from '../engine/time/calendar';
import type {
  Person,
  PeriodOption,
  Reply,
  ReportContext,
  ReportInput,
  ReportMailed,
  ReportMailInput,
  ReportView,
} from '../ui/api';
import { remainingDailyMailQuota, sendMail } from '../services/mail';
import { answer, identifyCaller, refuse, type Caller } from './caller';
import { loadFeedbackLoop } from './snapshot';

/** How far back the dialog's period lists reach. */
const WEEK_OPTIONS = 26;
const MONTH_OPTIONS = 12;

/** Who is asking, when they may ask at all: known, the sheet set up, in Team unless a manager. */
function reportCaller(): Caller | Reply<never> {
  const caller = identifyCaller();
  if (!caller.email) return refuse(caller.lang, 'server.unknownUser');
  if (!caller.loaded.tabs.kpis) return refuse(caller.lang, 'server.notSetUp');
  if (!caller.manager && !caller.member)
    return refuse(caller.lang, 'server.notInTeam', { email: caller.email });
  return caller;
}

const isReply = (x: unknown): x is Reply<never> => typeof x === 'object' && x !== null && 'ok' in x;

function person(caller: Caller, email: Email): Person {
  return { email, name: memberOrDefault(caller.loaded.snapshot, email).name };
}

/** The people a caller may report on: everyone in scope for a manager, themself for an assistant. */
function reportable(caller: Caller): Person[] {
  if (!caller.manager) return [person(caller, caller.email)];
  return teamInScope(caller.loaded.snapshot).map((email) => person(caller, email));
}

/** Whom the report may be sent to: the caller first; a manager anyone in Team, an assistant their managers. */
function recipients(caller: Caller): Person[] {
  const members = caller.loaded.snapshot.team.members;
  const others = caller.manager
    ? members
    : members.filter((m) => m.role === 'Manager' || m.email === caller.member?.manager);
  const list = [person(caller, caller.email)];
  const listed = new Set<string>([caller.email]);
  for (const m of others) {
    if (listed.has(m.email)) continue;
    listed.add(m.email);
    list.push({ email: m.email, name: m.name });
  }
  return list;
}

function options(unit: ReportUnit, caller: Caller): PeriodOption[] {
  const { snapshot, moment } = caller.loaded;
  const count = unit === 'Week' ? WEEK_OPTIONS : MONTH_OPTIONS;
  return recentPeriods(unit, moment.today, count, snapshot.settings.weekStart).map((p) => ({
    key: p.key,
    label: unit === 'Week' ? `${p.key} · ${isoDay(p.start)}` : p.key,
  }));
}

export function getReportContext(): Reply<ReportContext> {
  return answer(() => {
    const caller = reportCaller();
    if (isReply(caller)) return caller;
    const weeks = options('Week', caller);
    return {
      ok: true,
      value: {
        lang: caller.lang,
        user: person(caller, caller.email),
        manager: caller.manager,
        people: reportable(caller),
        recipients: recipients(caller),
        weeks,
        months: options('Month', caller),
        defaults: {
          assistant: caller.manager ? '' : caller.email,
          unit: 'Week',
          from: weeks[weeks.length - DEFAULT_REPORT_WEEKS]?.key ?? '',
          to: weeks[weeks.length - 1]?.key ?? '',
        },
      },
    };
  });
}

/** The report a caller asked for, or why they may not have it. */
function prepare(caller: Caller, input: ReportInput): Reply<ReportView & { lang: Lang }> {
  const lang = caller.lang;
  const { snapshot, moment } = caller.loaded;
  const asked = readText(input?.assistant);
  let assistant: Email | null = null;
  if (asked) {
    const found = findPerson(snapshot.team, asked);
    const email = found.ok ? found.member.email : (asked.toLowerCase() as Email);
    if (!found.ok && !snapshot.kpis.kpis.some((k) => k.owners.includes(email)))
      return refuse(lang, 'report.unknownPerson', { person: asked }, 'assistant');
    assistant = email;
  }
  // The gate: an assistant's page offers only themself, but a call can ask for anyone.
  if (!caller.manager && assistant !== caller.email) return refuse(lang, 'report.ownOnly');
  const unit: ReportUnit = input?.unit === 'Month' ? 'Month' : 'Week';
  const range = reportRange(
    unit,
    readText(input?.from),
    readText(input?.to),
    snapshot.settings.weekStart,
  );
  if (!range.ok) return { ok: false, message: render(lang, range.problem), field: 'from' };
  const { loop } = loadFeedbackLoop(caller.loaded);
  const report = buildReport(snapshot, loop, moment, { assistant, range: range.range });
  return { ok: true, value: { report, document: reportDocument(report, lang), lang } };
}

export function getReport(input: ReportInput): Reply<ReportView> {
  return answer(() => {
    const caller = reportCaller();
    if (isReply(caller)) return caller;
    const prepared = prepare(caller, input);
    if (!prepared.ok) return prepared;
    const { report, document } = prepared.value;
    return { ok: true, value: { report, document } };
  });
}

export function emailReport(input: ReportMailInput): Reply<ReportMailed> {
  return answer(() => {
    const caller = reportCaller();
    if (isReply(caller)) return caller;
    const lang = caller.lang;
    const wanted = readText(input?.recipient).toLowerCase() || caller.email;
    const recipient = recipients(caller).find((p) => p.email === wanted);
    if (!recipient)
      return refuse(lang, 'report.recipientNotAllowed', { email: wanted }, 'recipient');
    const prepared = prepare(caller, input);
    if (!prepared.ok) return prepared;
    const { document, report } = prepared.value;
    // Checked first, so an exhausted quota is a sentence, not a half-done send (PRODUCT section 7).
    if (remainingDailyMailQuota() < 1) return refuse(lang, 'report.quotaExhausted');
    try {
      sendMail({
        to: recipient.email,
        // A subject is one line: a name typed with a line break must not start a header.
        subject: t(lang, 'report.subject', {
          title: document.title,
          from: report.range.from,
          to: report.range.to,
        }).replace(/[\r\n]+/g, ' '),
        body: reportText(document),
        htmlBody: reportHtml(document),
        name: 'KPI Loop',
        replyTo: caller.email,
      });
    } catch (error) {
      return refuse(lang, 'report.mailFailed', {
        message: error instanceof Error ? error.message : String(error),
      });
    }
    return {
      ok: true,
      value: {
        recipient: recipient.email,
        message: t(lang, 'report.sent', { email: recipient.email }),
      },
    };
  });
}
