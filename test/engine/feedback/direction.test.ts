import {
  directionsFrom,
  feedbackDirection,
  managersAbove,
  reportsUnder,
} from '../../../src/engine/feedback/direction';
import type { Email } from '../../../src/engine/types';
import { addRow, editRow, JUAN, METTE, PRIYA, teamValues, workbook } from '../fixtures';

const LARS = 'lars@example.com' as Email;
const OLE = 'ole@example.com' as Email;

/** The example team with a team lead between Mette and a new assistant, Ole. */
function deeperTeam() {
  let team = addRow(teamValues(), {
    Name: 'Lars Holm',
    Email: LARS,
    Role: 'Manager',
    Manager: METTE,
    'Time zone': 'Europe/Copenhagen',
  });
  team = addRow(team, { Name: 'Ole Berg', Email: OLE, Role: 'Assistant', Manager: LARS });
  return workbook({ team }).snapshot.team;
}

const direction = (team: ReturnType<typeof deeperTeam>, from: string, to: string) =>
  feedbackDirection(team, from as Email, to as Email);

describe('which way feedback goes', () => {
  test('to your manager is Upward, to your report Downward, between colleagues Peer', () => {
    const team = workbook().snapshot.team;
    expect(direction(team, PRIYA, METTE)).toBe('Upward');
    expect(direction(team, METTE, PRIYA)).toBe('Downward');
    expect(direction(team, PRIYA, JUAN)).toBe('Peer');
  });

  test('follows the reporting line further up and down', () => {
    const team = deeperTeam();
    expect(managersAbove(team, OLE)).toEqual([LARS, METTE]);
    expect(direction(team, OLE, METTE)).toBe('Upward');
    expect(direction(team, METTE, OLE)).toBe('Downward');
    expect(direction(team, LARS, METTE)).toBe('Upward');
  });

  test("without a line between them, a manager to another manager's assistant is Downward", () => {
    const team = deeperTeam();
    expect(direction(team, LARS, PRIYA)).toBe('Downward');
    expect(direction(team, PRIYA, LARS)).toBe('Upward');
    expect(direction(team, OLE, JUAN)).toBe('Peer');
  });

  test('a loop in the Manager column ends the walk', () => {
    const team = workbook({
      team: editRow(teamValues(), 'Mette Jensen', { Manager: PRIYA }),
    }).snapshot.team;
    expect(managersAbove(team, PRIYA as Email)).toEqual([METTE]);
    expect(direction(team, PRIYA, METTE)).toBe('Upward');
  });

  test('a reporting line 2,000 people long: everyone is below the top, and the walk ends in a loop', () => {
    let values = teamValues();
    const people = Array.from({ length: 2000 }, (_, i) => `p${i}@example.com` as Email);
    people.forEach((email, i) => {
      values = addRow(values, {
        Name: `P${i}`,
        Email: email,
        Role: 'Assistant',
        Manager: i === 0 ? METTE : people[i - 1],
      });
    });
    const team = workbook({ team: values }).snapshot.team;
    const last = people[1999] as Email;
    expect(managersAbove(team, last)).toHaveLength(2000);
    expect(reportsUnder(team, METTE as Email).size).toBe(2003); // Priya, Juan, Ana and the line
    expect(reportsUnder(team, people[1000] as Email).size).toBe(999);
    expect(reportsUnder(team, last).size).toBe(0);
    const fromTop = directionsFrom(team, METTE as Email);
    expect(fromTop(last)).toBe('Downward');
    expect(direction(team, last, METTE)).toBe('Upward');
    expect(direction(team, people[5] as string, people[10] as string)).toBe('Downward');
    expect(direction(team, people[10] as string, PRIYA)).toBe('Peer');

    const looped = workbook({ team: editRow(values, 'Mette Jensen', { Manager: last }) }).snapshot
      .team;
    expect(managersAbove(looped, METTE as Email)).toHaveLength(2000);
    expect(reportsUnder(looped, METTE as Email).size).toBe(2003);
    expect(reportsUnder(looped, last).has(METTE as Email)).toBe(true);
  });
});
