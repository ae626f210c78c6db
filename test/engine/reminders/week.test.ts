/**
 * A simulated week for the example team (Mette in Copenhagen, Priya in
 * Kolkata +05:30, Juan in Manila, Ana in Bogota), the planner run every hour
 * as the trigger would: what reaches whom, when, in their own time.
 */
import { itemKeysOf } from '../../../src/engine/reminders/keys';
import type { TeamMember } from '../../../src/engine/types';
import { dateCell } from '../fixtures';
import { dstWeeks, exampleWeek } from './scenarios';
import {
  inputAt,
  inWorkingHours,
  localStamp,
  PEOPLE,
  simulate,
  teamWith,
  type Delivery,
  type Scenario,
} from './support';

const { mette, priya, juan, ana } = PEOPLE;

/** Sunday 22 Nov 2026 00:00 UTC: before anyone's Monday has begun. */
const W48_FROM = Date.UTC(2026, 10, 22, 0);
const WEEK_HOURS = 8 * 24;

function teamOf(scenario: Scenario) {
  return inputAt(scenario, W48_FROM).snapshot.team;
}

/** Each delivery as its recipient sees it: `who · local due time · item keys`. */
function seen(scenario: Scenario, sent: Delivery[]): string[] {
  const team = teamOf(scenario);
  return sent.map(({ message }) => {
    const member = team.byEmail.get(message.recipient) as TeamMember;
    const items = message.items.map((item) => `${item.rule} ${item.subject} ${item.period}`);
    return `${member.name.split(' ')[0]} · ${localStamp(member, message.dueAt)} · ${items.join(' + ')}`;
  });
}

describe('a simulated week for the example team, planned every hour', () => {
  const scenario = exampleWeek();
  const sent = simulate(scenario, W48_FROM, WEEK_HOURS);

  it('sends each rule exactly when it should, to whom it should, in their own time', () => {
    expect(seen(scenario, sent).sort()).toEqual(
      [
        'Juan · Tue 24 08:00 · actionOverdue A1 2026-11-23',
        'Juan · Wed 25 15:00 · missingEntry K6 2026-11-25',
        'Juan · Fri 27 12:30 · behindPace K6 2026-11-27',
        'Priya · Wed 25 14:00 · behindPace K1 2026-11-25',
        'Priya · Thu 26 09:30 · checkInTomorrow C1 2026-11-27 + actionDue A2 2026-11-27',
        'Priya · Fri 27 14:00 · behindPace K1 2026-11-27',
        'Ana · Wed 25 13:30 · behindPace K8 2026-11-25 + behindPace K9 2026-11-25',
        'Ana · Fri 27 09:00 · checkInTomorrow C2 2026-11-30',
        'Ana · Fri 27 13:30 · behindPace K8 2026-11-27 + behindPace K9 2026-11-27',
        'Mette · Wed 25 08:30 · kpiReview K2 2026-11-24',
        'Mette · Thu 26 08:30 · checkInTomorrow C1 2026-11-27 + actionOverdue A1 2026-11-23 + silentAssistant ana@example.com 2026-11-24',
        'Mette · Fri 27 08:30 · checkInTomorrow C2 2026-11-30',
        'Mette · Fri 27 16:00 · weeklyDigest team 2026-W48',
      ].sort(),
    );
  });

  it("lands every message in its recipient's working hours, on the local day it names", () => {
    const team = teamOf(scenario);
    for (const { message, runAt } of sent) {
      const member = team.byEmail.get(message.recipient) as TeamMember;
      expect([message.recipient, inWorkingHours(member, message.dueAt)]).toEqual([
        message.recipient,
        true,
      ]);
      expect([message.recipient, inWorkingHours(member, runAt)]).toEqual([message.recipient, true]);
      const localMidnights = Math.floor(
        (message.dueAt + offsetOf(member, message.dueAt)) / 86_400_000,
      );
      expect(message.localDay).toBe(localMidnights);
    }
  });

  it('gives each person at most one message per run, on their own channel', () => {
    const perRun = new Set(sent.map(({ runAt, message }) => `${runAt} ${message.recipient}`));
    expect(perRun.size).toBe(sent.length);
    const channels = new Map(sent.map(({ message }) => [message.recipient, message.channel]));
    expect(Object.fromEntries(channels)).toEqual({
      [juan]: 'Google Chat',
      [priya]: 'Email',
      [ana]: 'Slack',
      [mette]: 'Email',
    });
  });

  it('never sends an item twice in the week', () => {
    const keys = sent.flatMap(({ message }) => itemKeysOf(message.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('tells the assistant the pace in numbers: "3 of 15 posts, 2 working days left"', () => {
    const priyaWednesday = sent.find(
      ({ message }) => message.recipient === priya && message.items[0]?.rule === 'behindPace',
    );
    expect(priyaWednesday?.message.items[0]?.line).toBe(
      'Approved posts: 3 of 15 posts, 2 working days left',
    );
  });
});

/** Minutes east of UTC in the member's zone, from Intl's own offset name (not the engine's). */
function offsetOf(member: TeamMember, instant: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: member.timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

describe('the weeks around the Copenhagen change to winter time (25 Oct 2026)', () => {
  const scenario = dstWeeks();
  const from = Date.UTC(2026, 9, 18, 0); // Sunday 18 Oct
  const sent = simulate(scenario, from, 15 * 24);
  const team = teamOf(scenario);
  const to = (email: string) => sent.filter(({ message }) => message.recipient === email);

  it('lands every message in working hours on both sides of the change', () => {
    expect(sent.length).toBeGreaterThan(10);
    for (const { message, runAt } of sent) {
      const member = team.byEmail.get(message.recipient) as TeamMember;
      expect([localStamp(member, message.dueAt), inWorkingHours(member, message.dueAt)]).toEqual([
        localStamp(member, message.dueAt),
        true,
      ]);
      expect(inWorkingHours(member, runAt)).toBe(true);
    }
  });

  it("sends Mette's digest at 16:00 her time both Fridays: 14:00 UTC in summer time, 15:00 UTC after", () => {
    const digests = to(mette).filter(({ message }) =>
      message.items.some((item) => item.rule === 'weeklyDigest'),
    );
    expect(digests.map(({ message }) => new Date(message.dueAt).toISOString())).toEqual([
      '2026-10-23T14:00:00.000Z',
      '2026-10-30T15:00:00.000Z',
    ]);
  });

  it("reminds of a check-in held after the change on the Friday before, at the start of each one's hours", () => {
    const c10 = sent
      .filter(({ message }) => message.items.some((item) => item.subject === 'C10'))
      .map(({ message }) => [
        message.recipient,
        localStamp(team.byEmail.get(message.recipient) as TeamMember, message.dueAt),
        new Date(message.dueAt).toISOString(),
      ]);
    expect(c10.sort()).toEqual([
      [ana, 'Fri 23 09:00', '2026-10-23T14:00:00.000Z'],
      [mette, 'Fri 23 08:30', '2026-10-23T06:30:00.000Z'],
    ]);
    const anaC10 = to(ana).find(({ message }) => message.items.some((i) => i.subject === 'C10'));
    // 15:00 in Copenhagen on Monday 26 Oct (winter time, UTC+1) is 09:00 in Bogota.
    expect(anaC10?.message.items[0]?.line).toBe(
      'Check-in with Mette Jensen on Mon 26 Oct at 09:00 your time',
    );
  });

  it("keeps Mette's mornings at 08:30 her time after the change: 07:30 UTC, an hour later than before", () => {
    const c11 = to(mette).find(({ message }) => message.items.some((i) => i.subject === 'C11'));
    expect(c11 && localStamp(team.byEmail.get(mette) as TeamMember, c11.message.dueAt)).toBe(
      'Mon 26 08:30',
    );
    expect(c11 && new Date(c11.message.dueAt).toISOString()).toBe('2026-10-26T07:30:00.000Z');
  });

  it('reminds Juan of his missing report at 15:00 Manila on the day he skipped it, before and after', () => {
    const missing = to(juan)
      .filter(({ message }) => message.items.some((item) => item.rule === 'missingEntry'))
      .map(({ message }) => localStamp(team.byEmail.get(juan) as TeamMember, message.dueAt));
    expect(missing).toEqual(['Thu 22 15:00', 'Tue 27 15:00']);
  });
});

describe('people who are away', () => {
  // Ana is away until Wednesday 25 Nov, Priya until Thursday 26 Nov.
  const scenario = exampleWeek({
    team: teamWith({
      [ana]: { 'Away until': dateCell('2026-11-25') },
      [priya]: { 'Away until': dateCell('2026-11-26') },
    }),
  });
  const sent = simulate(scenario, W48_FROM, WEEK_HOURS);
  const team = teamOf(scenario);

  it('get nothing on a day they are away, and nothing about it afterwards', () => {
    for (const { message } of sent) {
      const member = team.byEmail.get(message.recipient) as TeamMember;
      if (member.awayUntil !== null) expect(message.localDay).toBeGreaterThan(member.awayUntil);
    }
    expect(
      seen(scenario, sent)
        .filter((line) => /^(Ana|Priya)/.test(line))
        .sort(),
    ).toEqual([
      'Ana · Fri 27 09:00 · checkInTomorrow C2 2026-11-30',
      'Ana · Fri 27 13:30 · behindPace K8 2026-11-27 + behindPace K9 2026-11-27',
      'Priya · Fri 27 14:00 · behindPace K1 2026-11-27',
    ]);
  });

  it('do not count as silent while away', () => {
    const silent = sent.flatMap(({ message }) =>
      message.items.filter((item) => item.rule === 'silentAssistant'),
    );
    expect(silent).toEqual([]);
  });

  it('still leave their manager the reminders that are hers', () => {
    expect(seen(scenario, sent).filter((line) => line.startsWith('Mette'))).toContain(
      'Mette · Fri 27 16:00 · weeklyDigest team 2026-W48',
    );
  });
});
