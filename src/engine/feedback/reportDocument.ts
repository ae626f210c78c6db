/**
 * The performance report in words: headings, tables, facts and lists in the
 * workbook's language, built once from the report's figures. The dialog
 * draws it with el(), the e-mail renders it as HTML and as plain text
 * (reportMail.ts), so all three say exactly the same thing.
 */
import type { Lang, Status } from '../types';
import { render, t, type MessageKey } from '../i18n/messages';
import { choiceWord, CHOICES, type ChoiceOf } from '../i18n/vocabulary';
import { formatMinute, isoDay, localTime } from '../time/calendar';
import type { ActionCounts, CheckInCounts, KindCounts, Report, ReportTrend } from './report';

export interface ReportCell {
  text: string;
  /** Status cells are coloured; the word carries the meaning. */
  status?: Status;
  /** Numbers are right-aligned. */
  number?: boolean;
}

export type ReportBlock =
  | { kind: 'table'; columns: string[]; rows: ReportCell[][] }
  | { kind: 'facts'; items: Array<{ label: string; value: string }> }
  | { kind: 'list'; items: string[] }
  | { kind: 'note'; text: string };

export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  sections: ReportSection[];
  footer: string;
}

const DASH = '–';

/** At most two decimals; a Danish decimal comma. Grouping is left out: tables stay narrow. */
export function formatFigure(lang: Lang, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const text = String(Math.round(value * 100) / 100);
  return lang === 'da' ? text.replace('.', ',') : text;
}

export function formatShare(lang: Lang, share: number | null): string {
  if (share === null) return DASH;
  return lang === 'da' ? `${Math.round(share * 100)} %` : `${Math.round(share * 100)}%`;
}

const TREND_KEYS: Record<ReportTrend, MessageKey> = {
  better: 'report.trend.better',
  worse: 'report.trend.worse',
  steady: 'report.trend.steady',
};

const KINDS = Object.keys(CHOICES.feedbackKind) as Array<ChoiceOf<'feedbackKind'>>;

/** The document in a language: the workbook's, for the dialog and the e-mail alike. */
export function reportDocument(report: Report, lang: Lang): ReportDocument {
  const team = report.assistant === null;
  const local = localTime(report.generatedAt, report.timeZone);
  const range = report.range;
  const sections: ReportSection[] = [kpiSection(report, lang, team)];
  sections.push({
    heading: t(lang, 'report.checkIns'),
    blocks: [checkInFacts(lang, report.checkIns)],
  });
  sections.push(feedbackSection(report, lang, team));
  sections.push(actionSection(report, lang, team));
  if (report.dueForReview.length > 0) {
    sections.push({
      heading: t(lang, 'report.dueForReview'),
      blocks: [
        {
          kind: 'list',
          items: report.dueForReview.map((due) =>
            t(lang, 'report.reviewLine', {
              kpi: due.kpiId,
              name: due.name,
              date: isoDay(due.reviewBy),
            }),
          ),
        },
      ],
    });
  }
  if (team && report.people.length > 0) sections.push(peopleSection(report, lang));
  return {
    lang,
    title: team
      ? t(lang, 'report.titleTeam')
      : t(lang, 'report.title', { name: report.assistant?.name ?? '' }),
    subtitle: t(lang, range.unit === 'Week' ? 'report.rangeWeeks' : 'report.rangeMonths', {
      from: range.from,
      to: range.to,
      start: isoDay(range.start),
      end: isoDay(range.end),
      when: `${isoDay(local.day)} ${formatMinute(local.minute)}`,
      zone: report.timeZone,
    }),
    sections,
    footer: t(lang, 'report.footer'),
  };
}

function kpiSection(report: Report, lang: Lang, team: boolean): ReportSection {
  const heading = t(lang, 'report.kpis');
  if (report.kpis.length === 0)
    return { heading, blocks: [{ kind: 'note', text: t(lang, 'report.noKpis') }] };
  const who = (name: string): ReportCell[] => (team ? [{ text: name }] : []);
  const whoColumn = team ? [t(lang, 'report.assistant')] : [];
  const summary: ReportBlock = {
    kind: 'table',
    columns: [
      t(lang, 'report.kpi'),
      ...whoColumn,
      t(lang, 'report.periodsMet'),
      t(lang, 'report.shareMet'),
      t(lang, 'report.trend'),
      t(lang, 'report.latest'),
    ],
    rows: report.kpis.map((kpi) => {
      const latest = kpi.periods[kpi.periods.length - 1];
      return [
        { text: `${kpi.kpiId} · ${kpi.name}` },
        ...who(kpi.ownerName),
        {
          text: kpi.problem
            ? DASH
            : t(lang, 'report.metOf', { met: kpi.met, closed: kpi.closedPeriods }),
          number: true,
        },
        { text: formatShare(lang, kpi.shareMet), number: true },
        { text: kpi.trend ? t(lang, TREND_KEYS[kpi.trend]) : DASH },
        kpi.problem
          ? { text: render(lang, kpi.problem) }
          : latest
            ? { text: t(lang, `status.${latest.status}`), status: latest.status }
            : { text: DASH },
      ];
    }),
  };
  const detail: ReportBlock = {
    kind: 'table',
    columns: [
      t(lang, 'report.kpi'),
      ...whoColumn,
      t(lang, 'report.period'),
      t(lang, 'report.actual'),
      t(lang, 'report.target'),
      t(lang, 'report.status'),
    ],
    rows: report.kpis.flatMap((kpi) =>
      kpi.periods.map((period) => [
        { text: `${kpi.kpiId} · ${kpi.name}` },
        ...who(kpi.ownerName),
        { text: period.key },
        { text: formatFigure(lang, period.actual), number: true },
        { text: `${formatFigure(lang, period.target)} ${kpi.unit}`.trim(), number: true },
        { text: t(lang, `status.${period.status}`), status: period.status },
      ]),
    ),
  };
  return { heading, blocks: detail.rows.length > 0 ? [summary, detail] : [summary] };
}

function checkInFacts(lang: Lang, counts: CheckInCounts): ReportBlock {
  return {
    kind: 'facts',
    items: [
      { label: t(lang, 'report.held'), value: String(counts.held) },
      { label: t(lang, 'report.missed'), value: String(counts.missed) },
      { label: t(lang, 'report.cancelled'), value: String(counts.cancelled) },
      { label: t(lang, 'report.planned'), value: String(counts.planned) },
      { label: t(lang, 'report.mood'), value: formatFigure(lang, counts.averageMood) },
    ],
  };
}

function feedbackSection(report: Report, lang: Lang, team: boolean): ReportSection {
  const { received, given, lines } = report.feedback;
  const row = (label: string, pick: (c: KindCounts) => number): ReportCell[] => [
    { text: label },
    { text: String(pick(received)), number: true },
    { text: String(pick(given)), number: true },
  ];
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      columns: [t(lang, 'report.kind'), t(lang, 'report.received'), t(lang, 'report.given')],
      rows: [
        ...KINDS.map((kind) => row(choiceWord(lang, 'feedbackKind', kind), (c) => c[kind])),
        row(t(lang, 'report.total'), (c) => c.total),
      ],
    },
  ];
  if (!team) {
    blocks.push(
      lines.length === 0
        ? { kind: 'note', text: t(lang, 'report.noFeedback') }
        : {
            kind: 'list',
            items: lines.map((line) =>
              [
                line.date === null ? DASH : isoDay(line.date),
                line.kind ? choiceWord(lang, 'feedbackKind', line.kind) : DASH,
                `${line.from || DASH} → ${line.to || DASH}`,
                line.kpi,
                line.text,
              ]
                .filter((part) => part !== '')
                .join(' · '),
            ),
          },
    );
  }
  return { heading: t(lang, 'report.feedback'), blocks };
}

function actionFacts(lang: Lang, counts: ActionCounts): ReportBlock {
  return {
    kind: 'facts',
    items: [
      { label: t(lang, 'report.opened'), value: String(counts.opened) },
      { label: t(lang, 'report.closed'), value: String(counts.closed) },
      { label: t(lang, 'report.overdue'), value: String(counts.overdue) },
    ],
  };
}

function actionSection(report: Report, lang: Lang, team: boolean): ReportSection {
  const blocks = [actionFacts(lang, report.actions)];
  if (!team && report.actions.overdueItems.length > 0) {
    blocks.push({
      kind: 'list',
      items: report.actions.overdueItems.map((item) =>
        t(lang, 'report.overdueLine', {
          id: item.id,
          action: item.action,
          due: item.due === null ? DASH : isoDay(item.due),
        }),
      ),
    });
  }
  return { heading: t(lang, 'report.actions'), blocks };
}

function peopleSection(report: Report, lang: Lang): ReportSection {
  const n = (value: number): ReportCell => ({ text: String(value), number: true });
  return {
    heading: t(lang, 'report.people'),
    blocks: [
      {
        kind: 'table',
        columns: [
          t(lang, 'report.assistant'),
          t(lang, 'report.periodsMet'),
          t(lang, 'report.shareMet'),
          t(lang, 'report.held'),
          t(lang, 'report.missed'),
          t(lang, 'report.received'),
          t(lang, 'report.given'),
          t(lang, 'report.opened'),
          t(lang, 'report.closed'),
          t(lang, 'report.overdue'),
        ],
        rows: report.people.map((person) => [
          { text: person.name },
          {
            text: t(lang, 'report.metOf', { met: person.met, closed: person.closedPeriods }),
            number: true,
          },
          { text: formatShare(lang, person.shareMet), number: true },
          n(person.checkIns.held),
          n(person.checkIns.missed),
          n(person.feedbackReceived),
          n(person.feedbackGiven),
          n(person.actions.opened),
          n(person.actions.closed),
          n(person.actions.overdue),
        ]),
      },
    ],
  };
}
