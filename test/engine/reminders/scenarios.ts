/**
 * The example team's weeks the reminder tests run through: who logs what
 * and when, their check-ins, actions and feedback, with exactly one reason
 * for each rule to fire.
 */
import { dateCell, editRow, kpiValues, timeCell } from '../fixtures';
import { PEOPLE, teamLog, weekdaysFrom, type Scenario } from './support';

const { mette, priya, juan, ana } = PEOPLE;

/**
 * Week 2026-W48 (Mon 23 – Sun 29 Nov 2026), with the week before it logged
 * in full:
 * - Priya logs one approved post a day: behind pace on Wednesday and Friday;
 * - Juan skips his 16:00 daily report on Wednesday: a missing entry that
 *   day, and his on-time share falls behind by Friday;
 * - Ana logs nothing on Tuesday and Wednesday: behind pace, and silent;
 * - Post turnaround (K2) was to be reviewed by Tuesday 24 Nov;
 * - check-ins: Priya on Friday 27 at 10:00 and Ana on Monday 30 at 15:00
 *   (Mette's clock), Juan's on Thursday cancelled;
 * - actions: Juan's was due Monday 23 and is still open (overdue, and
 *   escalated to Mette after two working days), Priya's is due Friday 27,
 *   Ana's is done.
 */
export function exampleWeek(overrides: Partial<Scenario> = {}): Scenario {
  return {
    kpis: editRow(kpiValues(), 'K2', { 'Review by': dateCell('2026-11-24') }),
    log: teamLog(weekdaysFrom('2026-11-16', 14), {
      juanSkips: ['2026-11-25'],
      anaLogs: (date) => date !== '2026-11-24' && date !== '2026-11-25',
    }),
    checkIns: [
      {
        'Check-in ID': 'C1',
        Assistant: priya,
        Manager: mette,
        Cadence: 'Weekly',
        Date: dateCell('2026-11-27'),
        Time: timeCell('10:00'),
        'Meeting link': 'https://meet.google.com/kpi-loop',
        Status: 'Planned',
      },
      {
        'Check-in ID': 'C2',
        Assistant: ana,
        Manager: mette,
        Cadence: 'Weekly',
        Date: dateCell('2026-11-30'),
        Time: timeCell('15:00'),
        Status: 'Planned',
      },
      {
        'Check-in ID': 'C3',
        Assistant: juan,
        Manager: mette,
        Cadence: 'Weekly',
        Date: dateCell('2026-11-26'),
        Time: timeCell('09:00'),
        Status: 'Cancelled',
      },
    ],
    actions: [
      {
        'Action ID': 'A1',
        Created: dateCell('2026-11-16'),
        Owner: juan,
        Action: 'Fix the daily report template',
        Due: dateCell('2026-11-23'),
        Status: 'Open',
      },
      {
        'Action ID': 'A2',
        Created: dateCell('2026-11-16'),
        Owner: priya,
        Action: 'Draft the December content calendar',
        Due: dateCell('2026-11-27'),
        Status: 'In progress',
      },
      {
        'Action ID': 'A3',
        Created: dateCell('2026-11-16'),
        Owner: ana,
        Action: 'Clean the lead list',
        Due: dateCell('2026-11-24'),
        Status: 'Done',
      },
    ],
    feedback: [
      {
        'Feedback ID': 'F1',
        Date: dateCell('2026-11-24'),
        From: priya,
        To: mette,
        Direction: 'Upward',
        Kind: 'Suggestion',
        Text: 'Could we batch approvals on Tuesdays?',
      },
    ],
    ...overrides,
  };
}

/**
 * The two weeks around the end of summer time in Copenhagen (Sunday 25 Oct
 * 2026, 03:00 → 02:00): Mon 19 Oct – Sun 1 Nov, the KPIs started early in
 * October. Kolkata, Manila and Bogota keep their offsets, so Mette's
 * working hours move one hour later in UTC and everyone else's do not.
 */
export function dstWeeks(): Scenario {
  let kpis = kpiValues();
  for (const id of ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10']) {
    kpis = editRow(kpis, id, { Start: dateCell('2026-10-05') });
  }
  return {
    kpis,
    log: teamLog(weekdaysFrom('2026-10-12', 21), {
      juanSkips: ['2026-10-22', '2026-10-27'],
      anaLogs: (date) => !['2026-10-20', '2026-10-21', '2026-10-28', '2026-10-29'].includes(date),
    }),
    checkIns: [
      // Reminded on Friday 23 Oct, summer time; held on Monday 26, winter time.
      {
        'Check-in ID': 'C10',
        Assistant: ana,
        Manager: mette,
        Date: dateCell('2026-10-26'),
        Time: timeCell('15:00'),
        Status: 'Planned',
      },
      // Reminded on Monday 26 Oct, the first working day of winter time.
      {
        'Check-in ID': 'C11',
        Assistant: priya,
        Manager: mette,
        Date: dateCell('2026-10-27'),
        Time: timeCell('10:00'),
        Status: 'Planned',
      },
    ],
    actions: [
      {
        'Action ID': 'A10',
        Owner: juan,
        Action: 'Send the October accuracy audit',
        Due: dateCell('2026-10-23'),
        Status: 'Open',
      },
    ],
  };
}

/**
 * The same team in the same week with nothing to remind anyone of: everyone
 * on pace, every daily report in by 14:00, no check-ins, actions or reviews
 * due. Each rule's test adds the one thing that makes it fire.
 */
export function quietWeek(overrides: Partial<Scenario> = {}): Scenario {
  return {
    log: teamLog(weekdaysFrom('2026-11-16', 15), {
      juanSkips: [],
      anaLogs: () => true,
      priyaPostsPerDay: 3,
    }),
    ...overrides,
  };
}
