/**
 * Dates far from today in the workbook (issue 7: the fuzzer's slow cases):
 * an action due in 1900, KPIs that started in 1900, someone away until
 * 9999-12-31. The reminders still say the right number of working days;
 * they are counted, not walked day by day (npm run bench measures speed).
 */
import { at, dateCell, editRow, kpiValues } from '../fixtures';
import { quietWeek } from './scenarios';
import { PEOPLE, planAt, teamLog, teamWith, weekdaysFrom } from './support';

const { mette, juan, ana } = PEOPLE;
const CPH = 'Europe/Copenhagen';

/** Monday-to-Friday days from `from` to `to`, both included, counted one by one over ISO dates. */
function weekdaysFromTo(from: string, to: string): number {
  let count = 0;
  for (
    let t = Date.parse(`${from}T00:00:00Z`);
    t <= Date.parse(`${to}T00:00:00Z`);
    t += 86_400_000
  ) {
    const weekday = new Date(t).getUTCDay();
    if (weekday >= 1 && weekday <= 5) count++;
  }
  return count;
}

const linesTo = (scenario: Parameters<typeof planAt>[0], wall: string, email: string): string[] =>
  planAt(scenario, at(wall, CPH).getTime())
    .filter((message) => message.recipient === email)
    .flatMap((message) => message.items.map((item) => item.line));

describe('an action due in 1900 that is still open', () => {
  const scenario = quietWeek({
    actions: [
      {
        'Action ID': 'A1',
        Owner: juan,
        Action: 'Send the audit',
        Due: dateCell('1900-01-01'),
        Status: 'Open',
      },
    ],
  });

  it("tells the manager every working day it is overdue, up to Juan's Thursday", () => {
    // Friday 08:30 in Copenhagen is 15:30 in Manila: Juan's Friday hours (to 17:00) are not over yet.
    const days = weekdaysFromTo('1900-01-02', '2026-11-26');
    expect(days).toBe(33108);
    expect(linesTo(scenario, '2026-11-27 08:30', mette)).toEqual([
      `Juan dela Cruz: overdue for ${days} working days (due Mon 1 Jan 1900): Send the audit`,
    ]);
  });

  it('counts the Friday too once his hours in Manila are over', () => {
    // 10:00 in Copenhagen is 17:00 in Manila.
    const days = weekdaysFromTo('1900-01-02', '2026-11-27');
    expect(linesTo(scenario, '2026-11-27 10:00', mette)).toEqual([
      `Juan dela Cruz: overdue for ${days} working days (due Mon 1 Jan 1900): Send the audit`,
    ]);
  });

  it('leaves out the days Juan was away', () => {
    const away = quietWeek({
      ...scenario,
      team: teamWith({ [juan]: { 'Away until': dateCell('2026-11-20') } }),
    });
    // Back on Monday 23 Nov: Monday to Thursday are the working days overdue he was there for.
    expect(linesTo(away, '2026-11-27 08:30', mette)).toEqual([
      'Juan dela Cruz: overdue for 4 working days (due Mon 1 Jan 1900): Send the audit',
    ]);
  });
});

describe('KPIs that started in 1900', () => {
  it("count an assistant's silence from their start: every working day since", () => {
    const scenario = quietWeek({
      log: teamLog(weekdaysFrom('2026-11-16', 15), {
        juanSkips: [],
        anaLogs: () => false,
        priyaPostsPerDay: 3,
      }),
      kpis: ['K8', 'K9', 'K10'].reduce(
        (values, id) => editRow(values, id, { Start: dateCell('1900-01-01') }),
        kpiValues(),
      ),
    });
    // 08:30 in Copenhagen is 02:30 in Bogota: Ana's Thursday is her last day that is over.
    const days = weekdaysFromTo('1900-01-01', '2026-11-25');
    expect(linesTo(scenario, '2026-11-26 08:30', mette)).toContain(
      `Ana Silva has logged nothing for ${days} working days`,
    );
  });
});

describe('someone away until 9999-12-31', () => {
  it('gets no reminders and is not reported silent', () => {
    const scenario = quietWeek({
      team: teamWith({ [ana]: { 'Away until': dateCell('9999-12-31') } }),
      log: teamLog(weekdaysFrom('2026-11-16', 15), {
        juanSkips: [],
        anaLogs: () => false,
        priyaPostsPerDay: 3,
      }),
    });
    const messages = planAt(scenario, at('2026-11-27 16:00', CPH).getTime());
    expect(messages.filter((message) => message.recipient === ana)).toEqual([]);
    expect(
      messages.flatMap((message) => message.items).filter((item) => item.subject === ana),
    ).toEqual([]);
  });
});
