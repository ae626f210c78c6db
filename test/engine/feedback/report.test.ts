import {
  buildReport,
  recentPeriods,
  reportRange,
  trendOf,
  type ReportRange,
} from '../../../src/engine/feedback/report';
import { reportDocument } from '../../../src/engine/feedback/reportDocument';
import { reportHtml, reportText } from '../../../src/engine/feedback/reportMail';
import { html } from '../../../src/engine/html';
import { kpiActual, kpiStatus, kpiTarget } from '../../../src/engine/formulas';
import { headers } from '../../../src/engine/i18n/vocabulary';
import { buildFeedbackLoop } from '../../../src/engine/snapshot';
import type { Email } from '../../../src/engine/types';
import {
  addRow,
  ANA,
  dateCell,
  editRow,
  exampleWeekLog,
  JUAN,
  kpiValues,
  logRow,
  METTE,
  one,
  PRIYA,
  workbook,
} from '../fixtures';

const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://evil","click")';

/** Priya's posts: 16, 12, 15 in W45-W47 (Met, Missed, Met) and W48's 11 so far; turnaround 40, 50, 30 hours. */
function log(): unknown[][] {
  return [
    logRow('2026-11-04', PRIYA, 'K1', 16),
    logRow('2026-11-11', PRIYA, 'K1', 12),
    logRow('2026-11-18', PRIYA, 'K1', 15),
    logRow('2026-11-04', PRIYA, 'K2', 40),
    logRow('2026-11-11', PRIYA, 'K2', 50),
    logRow('2026-11-18', PRIYA, 'K2', 30),
    logRow('2026-11-11', JUAN, 'K3', 3),
    ...exampleWeekLog(),
  ];
}

function feedbackLoopValues() {
  let checkIns: unknown[][] = [headers('en', 'checkIns')];
  const checkIn = (id: string, who: string, date: string, status: string, mood: unknown = '') => {
    checkIns = addRow(checkIns, {
      'Check-in ID': id,
      Assistant: who,
      Manager: METTE,
      Cadence: 'Weekly',
      Date: dateCell(date),
      Status: status,
      Mood: mood,
    });
  };
  checkIn('C1', PRIYA, '2026-11-05', 'Held', 4);
  checkIn('C2', PRIYA, '2026-11-12', 'Missed');
  checkIn('C3', PRIYA, '2026-11-19', 'Held', 3);
  checkIn('C4', PRIYA, '2026-11-26', 'Planned');
  checkIn('C5', 'Priya Sharma', '2026-11-20', 'Planned'); // its day passed with no record
  checkIn('C6', JUAN, '2026-11-19', 'Held', 5);
  checkIn('C7', PRIYA, '2026-10-29', 'Held', 1); // before the range

  let feedback: unknown[][] = [headers('en', 'feedback')];
  const give = (id: string, date: string, from: string, to: string, kind: string, text: string) => {
    feedback = addRow(feedback, {
      'Feedback ID': id,
      Date: dateCell(date),
      From: from,
      To: to,
      Kind: kind,
      KPI: 'K1',
      Text: text,
    });
  };
  give('F1', '2026-11-05', METTE, PRIYA, 'Praise', 'Great posts this week');
  give('F2', '2026-11-19', PRIYA, METTE, 'Blocker', XSS);
  give('F3', '2026-10-20', METTE, PRIYA, 'Constructive', 'Before the range');
  give('F4', '2026-11-12', METTE, JUAN, 'Constructive', 'Shorter replies');

  let actions: unknown[][] = [headers('en', 'actions')];
  const act = (
    id: string,
    created: string,
    owner: string,
    due: string,
    status: string,
    done = '',
  ) => {
    actions = addRow(actions, {
      'Action ID': id,
      Created: dateCell(created),
      Owner: owner,
      Action: `${id}: ${FORMULA}`,
      Due: dateCell(due),
      Status: status,
      'Done on': done ? dateCell(done) : '',
    });
  };
  act('A1', '2026-11-05', PRIYA, '2026-11-12', 'Done', '2026-11-11');
  act('A2', '2026-11-19', PRIYA, '2026-11-24', 'Open');
  act('A3', '2026-11-19', PRIYA, '2026-12-03', 'In progress');
  act('A4', '2026-10-01', PRIYA, '2026-10-10', 'Dropped', '2026-10-12');
  act('A5', '2026-11-10', ANA, '2026-11-13', 'Open');
  return { checkIns, feedback, actions };
}

function setUp(kpis = kpiValues()) {
  const ctx = workbook({ log: log(), kpis });
  const loop = buildFeedbackLoop(feedbackLoopValues(), ctx.snapshot, 'DMY');
  const range = (reportRange('Week', '2026-W45', '2026-W48', 0) as { range: ReportRange }).range;
  return { ...ctx, loop, range };
}

describe('the report range', () => {
  it('runs from the first day of the first week or month to the last day of the last', () => {
    const weeks = reportRange('Week', '2026-W45', '2026-W48', 0);
    expect(weeks).toMatchObject({ ok: true, range: { from: '2026-W45', to: '2026-W48' } });
    const months = reportRange('Month', '2026-09', '2026-11', 0);
    expect(months.ok && [months.range.start, months.range.end]).toEqual([20697, 20787]);
  });

  it('refuses a month key for weeks, a backwards range and more than a year', () => {
    expect(reportRange('Week', '2026-11', '2026-W48', 0)).toEqual({
      ok: false,
      problem: { key: 'report.badPeriod', params: { period: '2026-11' } },
    });
    expect(reportRange('Week', '2026-W48', '2026-W45', 0)).toMatchObject({
      problem: { key: 'report.rangeBackwards' },
    });
    expect(reportRange('Month', '2025-11', '2026-11', 0)).toMatchObject({
      problem: { key: 'report.rangeTooLong' },
    });
  });

  it('offers the last weeks up to this one, oldest first', () => {
    expect(recentPeriods('Week', 20783, 4, 0).map((p) => p.key)).toEqual([
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
  });
});

describe('the performance report of one assistant', () => {
  const { snapshot, moment, loop, range, dateOrder } = setUp();
  const report = buildReport(snapshot, loop, moment, { assistant: PRIYA as Email, range });

  it('gives each KPI per week the very actual, target and status the formulas give', () => {
    const ctx = { snapshot, moment, dateOrder };
    expect(report.kpis.map((k) => k.kpiId)).toEqual(['K1', 'K2', 'K7']);
    for (const kpi of report.kpis) {
      expect(kpi.periods.map((p) => p.key)).toEqual([
        '2026-W45',
        '2026-W46',
        '2026-W47',
        '2026-W48',
      ]);
      for (const period of kpi.periods) {
        const actual = one(kpiActual(ctx, kpi.kpiId, period.key, PRIYA));
        expect([kpi.kpiId, period.key, period.actual ?? '']).toEqual([
          kpi.kpiId,
          period.key,
          actual,
        ]);
        expect(period.target).toBe(one(kpiTarget(ctx, kpi.kpiId, period.key, PRIYA)));
        expect(period.status).toBe(one(kpiStatus(ctx, kpi.kpiId, period.key, PRIYA)));
      }
    }
  });

  it('counts the closed weeks met and reads the trend in the KPI’s direction', () => {
    const [posts, turnaround] = report.kpis;
    expect(posts?.periods.map((p) => p.status)).toEqual(['Met', 'Missed', 'Met', 'At risk']);
    expect([posts?.met, posts?.closedPeriods, posts?.shareMet]).toEqual([2, 3, 2 / 3]);
    expect(posts?.trend).toBe('worse'); // 16 → 15 posts
    expect(turnaround?.trend).toBe('better'); // 40 → 30 hours, at most 48
  });

  it('counts check-ins held and missed, a planned one whose day passed as missed', () => {
    expect(report.checkIns).toEqual({
      held: 2,
      missed: 2,
      cancelled: 0,
      planned: 1,
      averageMood: 3.5,
    });
  });

  it('counts feedback received and given by kind, and lists its texts', () => {
    expect(report.feedback.received).toMatchObject({ Praise: 1, total: 1 });
    expect(report.feedback.given).toMatchObject({ Blocker: 1, total: 1 });
    expect(report.feedback.lines.map((l) => [l.received, l.from, l.to, l.text])).toEqual([
      [true, 'Mette Jensen', 'Priya Sharma', 'Great posts this week'],
      [false, 'Priya Sharma', 'Mette Jensen', XSS],
    ]);
  });

  it('counts actions opened, closed and overdue, and names the overdue ones', () => {
    expect(report.actions).toMatchObject({ opened: 3, closed: 1, overdue: 1 });
    expect(report.actions.overdueItems.map((a) => a.id)).toEqual(['A2']);
  });

  it('lists the KPIs due for review', () => {
    const kpis = editRow(kpiValues(), 'K2', { 'Review by': dateCell('2026-11-20') });
    const due = setUp(kpis);
    const withReview = buildReport(due.snapshot, due.loop, due.moment, {
      assistant: PRIYA as Email,
      range: due.range,
    });
    expect(withReview.dueForReview).toEqual([
      { kpiId: 'K2', name: 'Post turnaround', reviewBy: 20777 },
    ]);
  });
});

describe('the performance report of the whole team', () => {
  const { snapshot, moment, loop, range } = setUp();
  const report = buildReport(snapshot, loop, moment, { assistant: null, range });

  it('covers every assistant’s KPIs and adds up check-ins, feedback and actions', () => {
    expect(report.kpis).toHaveLength(10);
    expect(report.checkIns.held).toBe(3);
    expect(report.feedback.received).toMatchObject({ Praise: 1, Constructive: 1, total: 2 });
    expect(report.actions).toMatchObject({ opened: 4, closed: 1, overdue: 2 });
    expect(report.feedback.lines).toEqual([]);
  });

  it('has one line per assistant', () => {
    expect(
      report.people.map((p) => [p.email, p.checkIns.held, p.feedbackReceived, p.actions.overdue]),
    ).toEqual([
      [PRIYA, 2, 1, 1],
      [JUAN, 1, 1, 0],
      [ANA, 0, 0, 1],
    ]);
  });
});

describe('the trend', () => {
  const closed = (actuals: Array<number | null>) =>
    actuals.map((actual, i) => ({
      key: `k${i}` as never,
      start: i,
      end: i,
      closed: true,
      actual,
      target: 1,
      status: 'Met' as const,
    }));

  it('needs two closed periods with data', () => {
    expect(trendOf({ direction: 'At least' }, closed([5, null]))).toBeNull();
    expect(trendOf({ direction: 'At least' }, closed([5, null, 5]))).toBe('steady');
    expect(trendOf({ direction: 'At most' }, closed([5, 7]))).toBe('worse');
  });
});

describe('the report as words, HTML and plain text', () => {
  const kpis = editRow(kpiValues(), 'K1', { KPI: FORMULA });
  const { snapshot, moment, loop, range } = setUp(kpis);
  const report = buildReport(snapshot, loop, moment, { assistant: PRIYA as Email, range });

  it('reads as a report in English', () => {
    const doc = reportDocument(report, 'en');
    expect(doc.title).toBe('Performance report: Priya Sharma');
    expect(doc.subtitle).toBe(
      'Weeks 2026-W45 to 2026-W48 (2026-11-02 – 2026-11-29) · as of 2026-11-26 12:00 (Europe/Copenhagen)',
    );
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'KPIs',
      'Check-ins',
      'Feedback',
      'Actions',
    ]);
    const summary = doc.sections[0]?.blocks[0];
    expect(summary?.kind === 'table' && summary.rows[0]?.map((c) => c.text)).toEqual([
      `K1 · ${FORMULA}`,
      '2 of 3',
      '67%',
      'Worsening',
      'At risk',
    ]);
  });

  it('reads as a report in Danish, with decimal commas', () => {
    const doc = reportDocument(report, 'da');
    expect(doc.title).toBe('Præstationsrapport: Priya Sharma');
    expect(doc.sections.map((s) => s.heading)).toEqual([
      "KPI'er",
      'Opfølgninger',
      'Feedback',
      'Handlinger',
    ]);
    const text = reportText(doc);
    expect(text).toContain('Gennemsnitligt humør (1-5): 3,5');
    expect(text).toContain('2 af 3');
    expect(text).toContain('Ikke nået');
  });

  it('escapes every user text in the HTML and keeps it as it is in the plain text', () => {
    const doc = reportDocument(report, 'en');
    const page = reportHtml(doc);
    expect(page).not.toContain('<img');
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page).toContain('K1 · =HYPERLINK(&#34;http://evil&#34;,&#34;click&#34;)');
    const text = reportText(doc);
    expect(text).toContain(XSS);
    expect(text).toContain(`K1 · ${FORMULA}`);
    expect(text).toContain(`A2 · due 2026-11-24 · A2: ${FORMULA}`);
  });

  it('names a KPI that cannot be judged and why, and gives a team report its people', () => {
    const broken = setUp(editRow(kpiValues(), 'K7', { Target: '' }));
    const team = buildReport(broken.snapshot, broken.loop, broken.moment, {
      assistant: null,
      range: broken.range,
    });
    const doc = reportDocument(team, 'en');
    expect(doc.title).toBe('Performance report: the whole team');
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'KPIs',
      'Check-ins',
      'Feedback',
      'Actions',
      'Per assistant',
    ]);
    const summary = doc.sections[0]?.blocks[0];
    const k7 = summary?.kind === 'table' ? summary.rows[2]?.map((c) => c.text) : [];
    expect(k7).toEqual([
      'K7 · SEO articles',
      'Priya Sharma',
      '–',
      '–',
      '–',
      'KPI "SEO articles" cannot be evaluated: Target is missing',
    ]);
  });

  it('lets only its own templates through unescaped', () => {
    const name = '"><script>x</script>';
    expect(html`<td title="${name}">${[html`<b>${name}</b>`, 1]}</td>`.html).toBe(
      '<td title="&#34;&#62;&#60;script&#62;x&#60;/script&#62;"><b>&#34;&#62;&#60;script&#62;x&#60;/script&#62;</b>1</td>',
    );
  });
});
