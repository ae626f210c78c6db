import {
  addCadence,
  checkInInstant,
  nextInRhythm,
  sweepMissed,
  withMissed,
} from '../../../src/engine/feedback/schedule';
import { headers } from '../../../src/engine/i18n/vocabulary';
import { buildFeedbackLoop } from '../../../src/engine/snapshot';
import {
  addRow,
  at,
  dateCell,
  day,
  editRow,
  JUAN,
  METTE,
  PRIYA,
  teamValues,
  timeCell,
  workbook,
} from '../fixtures';

function checkInsOf(rows: Array<Record<string, unknown>>, team = teamValues()) {
  const { snapshot } = workbook({ team });
  const values = rows.reduce<unknown[][]>(
    (acc, row) => addRow(acc, row),
    [headers('en', 'checkIns')],
  );
  return {
    snapshot,
    checkIns: buildFeedbackLoop(
      { checkIns: values, feedback: null, actions: null },
      snapshot,
      'DMY',
    ).checkIns,
  };
}

const planned = (id: string, assistant: string, date: string, extra = {}) => ({
  'Check-in ID': id,
  Assistant: assistant,
  Manager: METTE,
  Cadence: 'Weekly',
  Date: dateCell(date),
  Time: timeCell('10:00'),
  Status: 'Planned',
  ...extra,
});

describe('the cadence of check-ins', () => {
  test('weekly and biweekly step by 7 and 14 days; monthly keeps the day of the month', () => {
    expect(addCadence(day('2026-11-26'), 'Weekly')).toBe(day('2026-12-03'));
    expect(addCadence(day('2026-11-26'), 'Biweekly')).toBe(day('2026-12-10'));
    expect(addCadence(day('2026-11-26'), 'Monthly')).toBe(day('2026-12-26'));
    expect(addCadence(day('2026-12-15'), 'Monthly')).toBe(day('2027-01-15'));
  });

  test('a check-in on the 31st moves to the last day of a shorter month, and 29 February exists in 2028', () => {
    expect(addCadence(day('2027-01-31'), 'Monthly')).toBe(day('2027-02-28'));
    expect(addCadence(day('2028-01-31'), 'Monthly')).toBe(day('2028-02-29'));
    expect(addCadence(day('2026-12-31'), 'Monthly', -1)).toBe(day('2026-11-30'));
  });

  test('the next date in a rhythm is the first on or after a day', () => {
    expect(nextInRhythm(day('2026-11-03'), 'Weekly', day('2026-11-26'))).toBe(day('2026-12-01'));
    expect(nextInRhythm(day('2026-11-03'), 'Biweekly', day('2026-11-17'))).toBe(day('2026-11-17'));
    expect(nextInRhythm(day('2026-10-31'), 'Monthly', day('2026-12-01'))).toBe(day('2026-12-31'));
  });

  test('a check-in happens at its time on the manager’s clock', () => {
    const { snapshot, checkIns } = checkInsOf([planned('C1', PRIYA, '2026-12-01')]);
    expect(checkInInstant(checkIns[0]!, snapshot.team, 'Europe/Copenhagen')).toBe(
      at('2026-12-01 10:00').getTime(),
    );
  });
});

describe('missed check-ins', () => {
  test('a planned check-in whose day has passed with no record becomes Missed, and the next is planned in its rhythm', () => {
    const { snapshot, checkIns } = checkInsOf([
      planned('C1', PRIYA, '2026-11-24', { 'Meeting link': 'https://meet.example.com/p' }),
      planned('C2', JUAN, '2026-11-26'),
    ]);
    const sweep = sweepMissed(
      checkIns,
      snapshot.team,
      at('2026-11-26 12:00').getTime(),
      'Europe/Copenhagen',
    );
    expect(sweep.missed.map((c) => c.id)).toEqual(['C1']);
    expect(sweep.planned).toEqual([
      {
        assistant: PRIYA,
        manager: METTE,
        cadence: 'Weekly',
        date: day('2026-12-01'),
        time: 10 * 60,
        meetingLink: 'https://meet.example.com/p',
      },
    ]);
    expect(withMissed(checkIns, sweep).map((c) => c.status)).toEqual(['Missed', 'Planned']);
  });

  test("the day passes in the manager's time zone", () => {
    const team = editRow(teamValues(), 'Mette Jensen', { 'Time zone': 'Asia/Manila' });
    const { snapshot, checkIns } = checkInsOf([planned('C1', PRIYA, '2026-11-26')], team);
    // 18:00 in Copenhagen is 01:00 on Friday in Manila: Mette's Thursday is over.
    const evening = at('2026-11-26 18:00').getTime();
    expect(sweepMissed(checkIns, snapshot.team, evening, 'Europe/Copenhagen').missed).toHaveLength(
      1,
    );
    const inCopenhagen = checkInsOf([planned('C1', PRIYA, '2026-11-26')]);
    expect(
      sweepMissed(inCopenhagen.checkIns, inCopenhagen.snapshot.team, evening, 'Europe/Copenhagen')
        .missed,
    ).toHaveLength(0);
  });

  test('a check-in recorded by hand but left Planned is not missed; nor is a held or cancelled one', () => {
    const { snapshot, checkIns } = checkInsOf([
      planned('C1', PRIYA, '2026-11-17', { Summary: 'Talked about posts' }),
      planned('C2', PRIYA, '2026-11-10', { Status: 'Held' }),
      planned('C3', PRIYA, '2026-11-03', { Status: 'Cancelled' }),
    ]);
    const sweep = sweepMissed(
      checkIns,
      snapshot.team,
      at('2026-11-26 12:00').getTime(),
      'Europe/Copenhagen',
    );
    expect(sweep).toEqual({ missed: [], planned: [] });
  });

  test('an assistant who still has a planned check-in ahead gets no second one', () => {
    const { snapshot, checkIns } = checkInsOf([
      planned('C1', PRIYA, '2026-11-24'),
      planned('C2', PRIYA, '2026-11-17'),
      planned('C3', PRIYA, '2026-12-01'),
    ]);
    const sweep = sweepMissed(
      checkIns,
      snapshot.team,
      at('2026-11-26 12:00').getTime(),
      'Europe/Copenhagen',
    );
    expect(sweep.missed.map((c) => c.id)).toEqual(['C1', 'C2']);
    expect(sweep.planned).toEqual([]);
  });
});
