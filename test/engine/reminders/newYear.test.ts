/**
 * Dates in reminders around New Year: a date in another year than the
 * recipient's today says its year ("Fri 1 Jan 2027" read on 31 December),
 * one in the same year stays short ("Fri 27 Nov"), in English and Danish.
 */
import { formatDate } from '../../../src/engine/reminders/content';
import { outboxKeys } from '../../../src/engine/reminders/keys';
import type { PlannedMessage } from '../../../src/engine/reminders/types';
import { at, dateCell, day, kpiValues, timeCell } from '../fixtures';
import { PEOPLE, planAt, teamLog, weekdaysFrom, type Scenario } from './support';

const { mette, juan } = PEOPLE;
const CPH = 'Europe/Copenhagen';
const MANILA = 'Asia/Manila';

/** Everyone logs every working day from 14 Dec 2026 into January (a run sees what was logged by then). */
function aroundNewYear(overrides: Partial<Scenario> = {}): Scenario {
  return {
    log: teamLog(weekdaysFrom('2026-12-14', 22), {
      juanSkips: [],
      anaLogs: () => true,
      priyaPostsPerDay: 3,
    }),
    ...overrides,
  };
}

const openAction = (id: string, due: string, text: string): Record<string, unknown> => ({
  'Action ID': id,
  Owner: juan,
  Action: text,
  Due: dateCell(due),
  Status: 'Open',
});

/** The lines one person is sent for one rule at a wall-clock time in a zone. */
function linesOf(scenario: Scenario, rule: string, email: string, wall: string, zone: string) {
  return planAt(scenario, at(wall, zone).getTime())
    .filter((message) => message.recipient === email)
    .flatMap((message) => message.items)
    .filter((item) => item.rule === rule)
    .map((item) => item.line);
}

const messageTo = (messages: PlannedMessage[], email: string): PlannedMessage | undefined =>
  messages.find((message) => message.recipient === email);

describe('a date as a reminder writes it', () => {
  it('is short within the reader’s year and says the year otherwise, in English and Danish', () => {
    const today = day('2026-12-28');
    expect(formatDate('en', day('2026-11-27'), today)).toBe('Fri 27 Nov');
    expect(formatDate('en', day('2027-01-04'), today)).toBe('Mon 4 Jan 2027');
    expect(formatDate('en', day('1900-01-01'), today)).toBe('Mon 1 Jan 1900');
    expect(formatDate('da', day('2026-11-27'), today)).toBe('fre. 27. nov.');
    expect(formatDate('da', day('2027-01-04'), today)).toBe('man. 4. jan. 2027');
    expect(formatDate('en', day('2026-12-30'), day('2027-01-04'))).toBe('Wed 30 Dec 2026');
  });
});

describe('reminders read in late December', () => {
  const scenario = (lang: 'en' | 'da' = 'en') =>
    aroundNewYear({
      lang,
      kpis: kpiValues(lang),
      actions: [openAction('A1', '2027-01-01', 'Send the audit')],
    });

  it('announce an action due on New Year’s Day with its year', () => {
    // Thursday 31 Dec at 08:00 in Manila is the start of Juan's working day before it.
    expect(linesOf(scenario(), 'actionDue', juan, '2026-12-31 08:00', MANILA)).toEqual([
      'Due Fri 1 Jan 2027: Send the audit',
    ]);
    expect(linesOf(scenario('da'), 'actionDue', juan, '2026-12-31 08:00', MANILA)).toEqual([
      'Frist fre. 1. jan. 2027: Send the audit',
    ]);
  });

  it("name a check-in on New Year's Day and the agenda's actions with their year", () => {
    const withCheckIn = aroundNewYear({
      checkIns: [
        {
          'Check-in ID': 'C1',
          Assistant: juan,
          Manager: mette,
          Cadence: 'Weekly',
          Date: dateCell('2027-01-01'),
          Time: timeCell('09:00'),
          Status: 'Planned',
        },
      ],
      actions: [
        openAction('A1', '2027-01-04', 'Send the audit'),
        openAction('A2', '2026-12-30', 'Clean the inbox'),
      ],
    });
    const text = messageTo(
      planAt(withCheckIn, at('2026-12-31 08:00', MANILA).getTime()),
      juan,
    )?.text;
    expect(text).toContain('Check-in with Mette Jensen on Fri 1 Jan 2027 at 16:00 your time');
    expect(text).toContain('Open action: Send the audit, due Mon 4 Jan 2027');
    // This year's date stays short beside it.
    expect(text).toContain('Open action: Clean the inbox, overdue since Wed 30 Dec');
  });

  it("list next year's due dates with their year in the weekly digest", () => {
    const digestWeek = aroundNewYear({
      actions: [
        openAction('A1', '2027-01-04', 'Send the audit'),
        openAction('A2', '1900-01-01', 'File the 1899 accounts'),
        openAction('A3', '2026-12-28', 'Clean the inbox'),
      ],
    });
    // What fell due earlier went out earlier: the 16:00 run has the digest alone.
    const earlier = planAt(digestWeek, at('2026-12-25 15:00', CPH).getTime());
    const outbox = outboxKeys(earlier.map((m) => ({ key: m.key, status: 'Sent' as const })));
    const digest = messageTo(
      planAt(digestWeek, at('2026-12-25 16:00', CPH).getTime(), outbox),
      mette,
    );
    const lines = digest?.text.split('\n') ?? [];
    const actions = lines.slice(
      lines.indexOf('  Open actions') + 1,
      lines.indexOf('  Open actions') + 4,
    );
    expect(actions).toEqual([
      '    · Juan dela Cruz: File the 1899 accounts, overdue since Mon 1 Jan 1900',
      '    · Juan dela Cruz: Clean the inbox, due Mon 28 Dec',
      '    · Juan dela Cruz: Send the audit, due Mon 4 Jan 2027',
    ]);
  });
});

describe('reminders read in the new year', () => {
  it("tell the manager of last year's overdue action with its year, and this year's short", () => {
    const scenario = aroundNewYear({
      actions: [openAction('A1', '2026-12-30', 'Send the audit')],
    });
    // Overdue Thursday 31 Dec and Friday 1 Jan: Juan hears on Thursday, in the same year as the date.
    expect(linesOf(scenario, 'actionOverdue', juan, '2026-12-31 08:00', MANILA)).toEqual([
      'Overdue since Wed 30 Dec: Send the audit',
    ]);
    // Mette hears when Juan's Monday begins, in 2027.
    expect(linesOf(scenario, 'actionOverdue', mette, '2027-01-04 08:30', CPH)).toEqual([
      'Juan dela Cruz: overdue for 2 working days (due Wed 30 Dec 2026): Send the audit',
    ]);
  });
});
