import { buildAgenda, kpiReport } from '../../../src/engine/feedback/agenda';
import { headers } from '../../../src/engine/i18n/vocabulary';
import { buildFeedbackLoop, type FeedbackLoop } from '../../../src/engine/snapshot';
import type { Email, Kpi, KpiId } from '../../../src/engine/types';
import {
  addRow,
  dateCell,
  day,
  editRow,
  JUAN,
  kpiValues,
  logRow,
  METTE,
  momentAt,
  PRIYA,
  workbook,
} from '../fixtures';

type Cells = Record<string, unknown>;

/** Check-ins, Feedback and Actions tabs as getValues() gives them, from rows by English header. */
function loopOf(
  snapshot: ReturnType<typeof workbook>['snapshot'],
  tabs: { checkIns?: Cells[]; feedback?: Cells[]; actions?: Cells[] },
): FeedbackLoop {
  const values = (tab: 'checkIns' | 'feedback' | 'actions', rows: Cells[] = []): unknown[][] =>
    rows.reduce<unknown[][]>((acc, row) => addRow(acc, row), [headers('en', tab)]);
  return buildFeedbackLoop(
    {
      checkIns: values('checkIns', tabs.checkIns),
      feedback: values('feedback', tabs.feedback),
      actions: values('actions', tabs.actions),
    },
    snapshot,
    'DMY',
  );
}

const checkIn = (id: string, date: string, status: string, extra: Cells = {}): Cells => ({
  'Check-in ID': id,
  Assistant: PRIYA,
  Manager: METTE,
  Cadence: 'Weekly',
  Date: dateCell(date),
  Status: status,
  ...extra,
});

const feedback = (
  id: string,
  date: string,
  from: string,
  to: string,
  extra: Cells = {},
): Cells => ({
  'Feedback ID': id,
  Date: dateCell(date),
  From: from,
  To: to,
  Direction: from === PRIYA && to === METTE ? 'Upward' : from === METTE ? 'Downward' : 'Peer',
  Kind: 'Praise',
  Text: `${id} text`,
  ...extra,
});

const action = (id: string, source: string, status: string, extra: Cells = {}): Cells => ({
  'Action ID': id,
  Owner: PRIYA,
  Action: `${id} action`,
  Source: source,
  Due: dateCell('2026-11-20'),
  Status: status,
  ...extra,
});

const ids = (list: Array<{ id: string } | { action: { id: string } }>): string[] =>
  list.map((x) => ('action' in x ? x.action.id : x.id));

describe('the check-in agenda', () => {
  test('carries an action agreed at the first check-in to the second, and drops it once it is Done at the third', () => {
    const first = action('A1', 'C1', 'Open');
    const beforeSecond = [
      checkIn('C1', '2026-11-10', 'Held'),
      checkIn('C2', '2026-11-17', 'Planned'),
    ];
    const checkIns = [
      checkIn('C1', '2026-11-10', 'Held'),
      checkIn('C2', '2026-11-17', 'Held'),
      checkIn('C3', '2026-11-24', 'Planned'),
    ];
    // Before the second check-in.
    const second = workbook({ now: '2026-11-17 09:00' });
    const atSecond = buildAgenda(
      second.snapshot,
      loopOf(second.snapshot, { checkIns: beforeSecond, actions: [first] }),
      PRIYA as Email,
      second.moment,
    );
    expect([atSecond.lastHeld?.id, atSecond.upcoming?.id]).toEqual(['C1', 'C2']);
    expect(atSecond.actions.map((a) => [a.action.id, a.source?.id, a.overdue])).toEqual([
      ['A1', 'C1', false],
    ]);
    // At the third, still open: carried again, now overdue.
    const third = workbook({ now: '2026-11-24 09:00' });
    const carried = buildAgenda(
      third.snapshot,
      loopOf(third.snapshot, { checkIns, actions: [action('A1', 'C1', 'In progress')] }),
      PRIYA as Email,
      third.moment,
    );
    expect(carried.lastHeld?.id).toBe('C2');
    expect(carried.upcoming?.id).toBe('C3');
    expect(carried.actions.map((a) => [a.action.id, a.overdue])).toEqual([['A1', true]]);
    // Closed at the third: gone from every later agenda.
    const closed = buildAgenda(
      third.snapshot,
      loopOf(third.snapshot, {
        checkIns,
        actions: [action('A1', 'C1', 'Done', { 'Done on': dateCell('2026-11-24') })],
      }),
      PRIYA as Email,
      third.moment,
    );
    expect(closed.actions).toEqual([]);
  });

  test("carries the manager's own actions from the assistant's check-ins, and no one else's", () => {
    const { snapshot, moment } = workbook();
    const agenda = buildAgenda(
      snapshot,
      loopOf(snapshot, {
        checkIns: [checkIn('C1', '2026-11-17', 'Held')],
        actions: [
          action('A1', 'C1', 'Open', { Owner: METTE }),
          action('A2', '', 'Open', { Owner: JUAN }),
          action('A3', '', 'Dropped', { 'Follow-up': 'No longer needed' }),
          action('A4', '', 'Open', { Due: dateCell('2026-11-18') }),
        ],
      }),
      PRIYA as Email,
      moment,
    );
    expect(ids(agenda.actions)).toEqual(['A4', 'A1']);
  });

  test('lists feedback given and received since the last held check-in, the upward answers apart', () => {
    const { snapshot, moment } = workbook();
    const agenda = buildAgenda(
      snapshot,
      loopOf(snapshot, {
        checkIns: [checkIn('C1', '2026-11-17', 'Held'), checkIn('C2', '2026-11-30', 'Planned')],
        feedback: [
          feedback('F1', '2026-11-10', METTE, PRIYA), // before the last check-in
          feedback('F2', '2026-11-17', METTE, PRIYA, { 'Check-in ID': 'C1' }), // discussed at it
          feedback('F3', '2026-11-20', JUAN, PRIYA), // received since
          feedback('F4', '2026-11-21', PRIYA, JUAN), // given since
          feedback('F5', '2026-11-22', JUAN, METTE), // not about Priya
          feedback('F6', '2026-11-25', PRIYA, METTE, {
            Kind: 'Blocker',
            'Check-in ID': 'C2',
          }),
          feedback('F7', '2026-11-25', PRIYA, METTE, { Kind: 'Praise' }),
        ],
      }),
      PRIYA as Email,
      moment,
    );
    expect(agenda.since).toBe(day('2026-11-17'));
    expect(ids(agenda.feedback)).toEqual(['F3', 'F4', 'F7']);
    expect(ids(agenda.upwardAnswers)).toEqual(['F6']);
  });

  test('reports each KPI for the periods since the last check-in, with the trend of closed periods', () => {
    const { snapshot, moment } = workbook({
      log: [
        logRow('2026-11-04', PRIYA, 'K1', 10),
        logRow('2026-11-11', PRIYA, 'K1', 16),
        logRow('2026-11-18', PRIYA, 'K1', 12),
        logRow('2026-11-24', PRIYA, 'K1', 11),
      ],
    });
    const loop = loopOf(snapshot, { checkIns: [checkIn('C1', '2026-11-12', 'Held')] });
    const agenda = buildAgenda(snapshot, loop, PRIYA as Email, moment);
    const posts = agenda.kpis.find((k) => k.kpi.id === 'K1');
    expect(
      posts?.periods.map((p) => [p.period.key, p.closed, p.actual, p.target, p.status]),
    ).toEqual([
      ['2026-W46', true, 16, 15, 'Met'],
      ['2026-W47', true, 12, 15, 'Missed'],
      ['2026-W48', false, 11, 15, 'At risk'],
    ]);
    expect(posts?.trend).toBe('down');
    expect(agenda.kpis.map((k) => k.kpi.id)).toEqual(['K1', 'K2', 'K7']);
  });

  test('before any check-in, reports the current period and the one before', () => {
    const { snapshot, moment } = workbook();
    const posts = snapshot.kpis.byId.get('K1') as Kpi;
    const report = kpiReport(snapshot, posts, PRIYA as Email, null, moment);
    expect(report.periods.map((p) => p.period.key)).toEqual(['2026-W47', '2026-W48']);
  });

  test('never reports periods before the KPI started, nor more than eight', () => {
    const { snapshot, moment } = workbook({ now: '2027-03-01 12:00' });
    const posts = snapshot.kpis.byId.get('K1') as Kpi;
    expect(
      kpiReport(snapshot, posts, PRIYA as Email, day('2026-10-01'), moment).periods,
    ).toHaveLength(8);
    const early = workbook({ now: '2026-11-04 12:00' });
    const started = kpiReport(
      early.snapshot,
      early.snapshot.kpis.byId.get('K1') as Kpi,
      PRIYA as Email,
      day('2026-10-01'),
      early.moment,
    );
    expect(started.periods.map((p) => p.period.key)).toEqual(['2026-W45']);
  });

  test('says why a KPI cannot be judged instead of reporting it', () => {
    const kpis = editRow(kpiValues(), 'K1', { Target: '' });
    const { snapshot, moment } = workbook({ kpis });
    const report = kpiReport(
      snapshot,
      snapshot.kpis.byId.get('K1' as KpiId) as Kpi,
      PRIYA as Email,
      null,
      moment,
    );
    expect(report.periods).toEqual([]);
    expect(report.problem?.key).toBe('fn.kpiIncomplete');
  });

  test("lists the assistant's KPIs whose Review by has passed", () => {
    const kpis = editRow(kpiValues(), 'K2', { 'Review by': dateCell('2026-11-20') });
    const { snapshot, moment } = workbook({ kpis });
    const agenda = buildAgenda(snapshot, loopOf(snapshot, {}), PRIYA as Email, moment);
    expect(agenda.reviewDue.map((k) => k.id)).toEqual(['K2']);
    const juans = buildAgenda(snapshot, loopOf(snapshot, {}), JUAN as Email, moment);
    expect(juans.reviewDue).toEqual([]);
  });

  test("the next check-in is the earliest planned one from today in the manager's zone", () => {
    const { snapshot } = workbook();
    const loop = loopOf(snapshot, {
      checkIns: [
        checkIn('C1', '2026-11-25', 'Planned'),
        checkIn('C2', '2026-11-26', 'Planned'),
        checkIn('C3', '2026-12-03', 'Planned'),
      ],
    });
    // 00:30 on Fri 27 Nov in Copenhagen is still Thursday in Bogota, but Mette's zone decides.
    const late = buildAgenda(snapshot, loop, PRIYA as Email, momentAt('2026-11-27 00:30'));
    expect(late.upcoming?.id).toBe('C3');
    const thursday = buildAgenda(snapshot, loop, PRIYA as Email, momentAt('2026-11-26 23:30'));
    expect(thursday.upcoming?.id).toBe('C2');
  });
});
