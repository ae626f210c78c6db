/**
 * Each rule of PRODUCT section 7's table on its own, at fixed clocks: it
 * fires when it should, and only then. The workbook is the example team's
 * quiet week 2026-W48 (everyone on pace) plus the one reason each test adds.
 */
import { dueBy } from '../../../src/engine/reminders/plan';
import type { OutboxStatus, PlannedMessage } from '../../../src/engine/reminders/types';
import { itemKeysOf } from '../../../src/engine/reminders/keys';
import { buildDashboard } from '../../../src/engine/dashboard';
import { addRow, at, dateCell, day, editRow, kpiValues, timeCell } from '../fixtures';
import { exampleWeek, quietWeek } from './scenarios';
import {
  inputAt,
  loggedRow,
  PEOPLE,
  planAt,
  teamLog,
  teamWith,
  weekdaysFrom,
  type Scenario,
} from './support';

const { mette, priya, juan, ana } = PEOPLE;
const KOLKATA = 'Asia/Kolkata';
const MANILA = 'Asia/Manila';
const BOGOTA = 'America/Bogota';
const CPH = 'Europe/Copenhagen';

const NAMES: Record<string, string> = {
  [mette]: 'Mette',
  [priya]: 'Priya',
  [juan]: 'Juan',
  [ana]: 'Ana',
};

/** The items planned at a wall-clock time in a zone, as `rule who subject period`. */
function itemsAt(
  scenario: Scenario,
  wall: string,
  zone: string,
  outbox?: Map<string, OutboxStatus>,
): string[] {
  return planAt(scenario, at(wall, zone).getTime(), outbox).flatMap((message) =>
    message.items.map(
      (item) =>
        `${item.rule} ${NAMES[item.recipient] ?? item.recipient} ${item.subject} ${item.period}`,
    ),
  );
}

/** Only the items of one rule. */
function ruleAt(rule: string, scenario: Scenario, wall: string, zone: string): string[] {
  return itemsAt(scenario, wall, zone).filter((line) => line.startsWith(`${rule} `));
}

function messageTo(messages: PlannedMessage[], email: string): PlannedMessage | undefined {
  return messages.find((message) => message.recipient === email);
}

const log = (options: Parameters<typeof teamLog>[1]) =>
  teamLog(weekdaysFrom('2026-11-16', 15), options);

describe('Missing entry', () => {
  const skipsWednesday = quietWeek({
    log: log({ juanSkips: ['2026-11-25'], anaLogs: () => true, priyaPostsPerDay: 3 }),
  });

  it('reminds Juan at 15:00 Manila, an hour before his 16:00 report is due, when it is not in', () => {
    expect(ruleAt('missingEntry', skipsWednesday, '2026-11-25 14:59', MANILA)).toEqual([]);
    const messages = planAt(skipsWednesday, at('2026-11-25 15:00', MANILA).getTime());
    expect(messageTo(messages, juan)?.items.map((i) => i.line)).toEqual([
      'Daily report by 16:00: no entry for Wed 25 Nov yet, due by 16:00',
    ]);
    expect(messageTo(messages, juan)?.dueAt).toBe(at('2026-11-25 15:00', MANILA).getTime());
  });

  it('says nothing on a day whose report is already in', () => {
    expect(ruleAt('missingEntry', skipsWednesday, '2026-11-24 16:30', MANILA)).toEqual([]);
  });

  it('takes the lead time from the settings', () => {
    const earlier = { ...skipsWednesday, settings: { missingEntryLeadMinutes: 120 } };
    expect(ruleAt('missingEntry', earlier, '2026-11-25 13:59', MANILA)).toEqual([]);
    expect(ruleAt('missingEntry', earlier, '2026-11-25 14:00', MANILA)).toEqual([
      'missingEntry Juan K6 2026-11-25',
    ]);
  });

  describe('a daily KPI without a due time', () => {
    const withDaily = (start = '2026-11-02') =>
      quietWeek({
        kpis: addRow(kpiValues(), {
          'KPI ID': 'K11',
          KPI: 'Calls made',
          Owner: ana,
          'Goal ID': 'G5',
          Aggregation: 'Sum',
          Direction: 'At least',
          Target: 20,
          Unit: 'calls',
          Period: 'Day',
          Start: dateCell(start),
          'Review by': dateCell('2026-12-31'),
          Status: 'Active',
        }),
      });

    it("reminds at 15:00 in the assistant's own time", () => {
      expect(ruleAt('missingEntry', withDaily(), '2026-11-25 14:59', BOGOTA)).toEqual([]);
      expect(ruleAt('missingEntry', withDaily(), '2026-11-25 15:00', BOGOTA)).toEqual([
        'missingEntry Ana K11 2026-11-25',
      ]);
    });

    it('says nothing on a weekend or before the KPI started', () => {
      expect(ruleAt('missingEntry', withDaily(), '2026-11-28 16:00', BOGOTA)).toEqual([]);
      expect(ruleAt('missingEntry', withDaily('2026-11-26'), '2026-11-25 16:00', BOGOTA)).toEqual(
        [],
      );
    });
  });

  describe('a report due after working hours (19:00 for Juan, who stops at 17:00)', () => {
    const kpis = editRow(kpiValues(), 'K6', { 'Due time': timeCell('19:00') });
    const late = quietWeek({
      kpis,
      log: log({ juanSkips: ['2026-11-25'], anaLogs: () => true, priyaPostsPerDay: 3 }),
    });

    it('is held until his working hours begin the next morning', () => {
      const now = at('2026-11-25 18:00', MANILA).getTime();
      const message = messageTo(planAt(late, now), juan);
      expect(message?.dueAt).toBe(at('2026-11-26 08:00', MANILA).getTime());
      expect(dueBy(planAt(late, now), now)).toEqual([]);
      const morning = at('2026-11-26 08:00', MANILA).getTime();
      expect(messageTo(dueBy(planAt(late, morning), morning), juan)?.items[0]?.line).toBe(
        'Daily report by 16:00: no entry for Wed 25 Nov yet, due by 19:00',
      );
    });

    it('is dropped when the report came in overnight', () => {
      const loggedLate = {
        ...late,
        log: [...(late.log ?? []), loggedRow('2026-11-25', juan, 'K6', 1, '21:00', MANILA)],
      };
      expect(ruleAt('missingEntry', loggedLate, '2026-11-26 08:00', MANILA)).toEqual([]);
    });

    it('goes out at once when quiet hours are turned off', () => {
      const loud = { ...late, settings: { quietHoursRespectWorkHours: false } };
      const now = at('2026-11-25 18:00', MANILA).getTime();
      expect(messageTo(planAt(loud, now), juan)?.dueAt).toBe(now);
    });
  });
});

describe('Behind pace', () => {
  const behind = quietWeek({
    log: log({ juanSkips: [], anaLogs: () => true, priyaPostsPerDay: 1 }),
  });

  it('tells an assistant who is off track on the middle and the last working day, mid-way through her hours', () => {
    expect(ruleAt('behindPace', behind, '2026-11-25 13:59', KOLKATA)).toEqual([]);
    expect(ruleAt('behindPace', behind, '2026-11-25 14:00', KOLKATA)).toEqual([
      'behindPace Priya K1 2026-11-25',
    ]);
    const friday = planAt(behind, at('2026-11-27 14:00', KOLKATA).getTime());
    expect(messageTo(friday, priya)?.items.map((i) => i.line)).toEqual([
      'Approved posts: 5 of 15 posts, and today is the last working day',
    ]);
  });

  it('says nothing on the other days, however far behind', () => {
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-26']) {
      expect([day, ruleAt('behindPace', behind, `${day} 17:00`, KOLKATA)]).toEqual([day, []]);
    }
  });

  it('says nothing to an assistant on pace', () => {
    expect(ruleAt('behindPace', quietWeek(), '2026-11-25 17:00', KOLKATA)).toEqual([]);
  });

  it('tells how far over a limit a lower-is-better KPI is', () => {
    const slow = quietWeek({
      log: [
        ...(quietWeek().log ?? []).filter((row) => !(row[2] === juan && row[3] === 'K3')),
        loggedRow('2026-11-23', juan, 'K3', 5, '09:00', MANILA),
      ],
    });
    const messages = planAt(slow, at('2026-11-25 12:30', MANILA).getTime());
    expect(messageTo(messages, juan)?.items.map((i) => i.line)).toEqual([
      'E-mail reply time: 5 hours, over the limit of 4 hours',
    ]);
  });

  it('checks a monthly KPI on the middle (16 Nov) and the last (30 Nov) of its 21 working days', () => {
    const monthly = quietWeek({
      kpis: addRow(kpiValues(), {
        'KPI ID': 'K12',
        KPI: 'Newsletter sign-ups',
        Owner: priya,
        'Goal ID': 'G1',
        Aggregation: 'Sum',
        Direction: 'At least',
        Target: 100,
        Unit: 'sign-ups',
        Period: 'Month',
        Start: dateCell('2026-11-02'),
        'Review by': dateCell('2026-12-31'),
        Status: 'Active',
      }),
    });
    const checked = ['2026-11-13', '2026-11-16', '2026-11-17', '2026-11-27', '2026-11-30'].filter(
      (day) =>
        ruleAt('behindPace', monthly, `${day} 15:00`, KOLKATA).some((line) =>
          line.includes(' K12 '),
        ),
    );
    expect(checked).toEqual(['2026-11-16', '2026-11-30']);
  });

  it('checks at the time the settings give', () => {
    const morning = { ...behind, settings: { behindPaceTime: 10 * 60 + 30 } };
    expect(ruleAt('behindPace', morning, '2026-11-25 10:29', KOLKATA)).toEqual([]);
    expect(ruleAt('behindPace', morning, '2026-11-25 10:30', KOLKATA)).toEqual([
      'behindPace Priya K1 2026-11-25',
    ]);
  });
});

describe('Check-in tomorrow', () => {
  const checkIn = (cells: Record<string, unknown>) =>
    quietWeek({
      checkIns: [
        {
          'Check-in ID': 'C1',
          Assistant: juan,
          Manager: mette,
          Date: dateCell('2026-11-27'),
          Time: timeCell('09:00'),
          'Meeting link': 'https://meet.google.com/juan',
          Status: 'Planned',
          ...cells,
        },
      ],
    });

  it("reminds both on the working day before, at the start of each one's hours, each in their own time", () => {
    // 09:00 Friday in Copenhagen is 16:00 Friday in Manila.
    expect(ruleAt('checkInTomorrow', checkIn({}), '2026-11-26 07:59', MANILA)).toEqual([]);
    const juanMessage = messageTo(
      planAt(checkIn({}), at('2026-11-26 08:00', MANILA).getTime()),
      juan,
    );
    expect(juanMessage?.text).toContain(
      'Check-in with Mette Jensen on Fri 27 Nov at 16:00 your time',
    );
    expect(juanMessage?.text).toContain('Meeting link: https://meet.google.com/juan');
    expect(juanMessage?.text).toContain('Daily report by 16:00: On track');
    const metteMessage = messageTo(
      planAt(checkIn({}), at('2026-11-26 08:30', CPH).getTime()),
      mette,
    );
    expect(metteMessage?.items.map((i) => i.line)).toEqual([
      'Check-in with Juan dela Cruz on Fri 27 Nov at 09:00 your time',
    ]);
  });

  it("carries the agenda's headlines: KPI statuses, open actions, what the assistant asked for", () => {
    const priyaMessage = messageTo(
      planAt(exampleWeek(), at('2026-11-26 09:30', KOLKATA).getTime()),
      priya,
    );
    expect(priyaMessage?.text.split('\n').slice(2, 10)).toEqual([
      'Check-in coming up',
      '- Check-in with Mette Jensen on Fri 27 Nov at 14:30 your time',
      '    · Approved posts: Off track',
      '    · Post turnaround: On track',
      '    · SEO articles: On track',
      '    · Open action: Draft the December content calendar, due Fri 27 Nov',
      '    · Priya Sharma asks: Could we batch approvals on Tuesdays?',
      '  Meeting link: https://meet.google.com/kpi-loop',
    ]);
  });

  it('reminds of a Monday check-in on the Friday before', () => {
    const monday = checkIn({ Date: dateCell('2026-11-30') });
    expect(ruleAt('checkInTomorrow', monday, '2026-11-27 08:00', MANILA)).toEqual([
      'checkInTomorrow Juan C1 2026-11-30',
    ]);
    expect(ruleAt('checkInTomorrow', monday, '2026-11-29 10:00', MANILA)).toEqual([]);
  });

  it('says nothing of a cancelled or held check-in, nor of a row without an ID yet', () => {
    for (const cells of [{ Status: 'Cancelled' }, { Status: 'Held' }, { 'Check-in ID': '' }]) {
      expect(ruleAt('checkInTomorrow', checkIn(cells), '2026-11-26 10:00', MANILA)).toEqual([]);
    }
  });

  it('without a Time, names only the day', () => {
    const messages = planAt(checkIn({ Time: '' }), at('2026-11-26 10:00', MANILA).getTime());
    expect(messageTo(messages, juan)?.items[0]?.line).toBe(
      'Check-in with Mette Jensen on Fri 27 Nov',
    );
  });
});

describe('Action due and overdue', () => {
  const action = (cells: Record<string, unknown>, settings?: Scenario['settings']) =>
    quietWeek({
      actions: [
        {
          'Action ID': 'A1',
          Owner: juan,
          Action: 'Send the audit',
          Due: dateCell('2026-11-24'),
          Status: 'Open',
          ...cells,
        },
      ],
      ...(settings ? { settings } : {}),
    });

  it('tells the owner the working day before it is due, at the start of their hours', () => {
    expect(ruleAt('actionDue', action({}), '2026-11-23 07:59', MANILA)).toEqual([]);
    expect(ruleAt('actionDue', action({}), '2026-11-23 08:00', MANILA)).toEqual([
      'actionDue Juan A1 2026-11-24',
    ]);
    expect(ruleAt('actionDue', action({}), '2026-11-24 08:00', MANILA)).toEqual([]);
  });

  it('tells the owner the first working day after it was due, and their manager after two more', () => {
    expect(ruleAt('actionOverdue', action({}), '2026-11-24 16:00', MANILA)).toEqual([]);
    expect(ruleAt('actionOverdue', action({}), '2026-11-25 08:00', MANILA)).toEqual([
      'actionOverdue Juan A1 2026-11-24',
    ]);
    // Overdue Wednesday and Thursday: Mette hears when Juan's Friday begins (01:00 in Copenhagen), at 08:30 hers.
    const thursday = planAt(action({}), at('2026-11-26 16:00', CPH).getTime());
    expect(messageTo(thursday, mette)).toBeUndefined();
    const friday = planAt(action({}), at('2026-11-27 08:30', CPH).getTime());
    expect(messageTo(friday, mette)?.items.map((i) => i.line)).toEqual([
      'Juan dela Cruz: overdue for 2 working days (due Tue 24 Nov): Send the audit',
    ]);
  });

  it('escalates with the owner when the grace is 0', () => {
    const now = at('2026-11-25 08:30', CPH).getTime();
    expect(
      messageTo(planAt(action({}, { escalationGraceWorkingDays: 0 }), now), mette),
    ).toBeDefined();
  });

  it('is not lost when no run reached the owner that morning: it goes out in their next working hours', () => {
    expect(ruleAt('actionOverdue', action({}), '2026-11-26 10:00', MANILA)).toEqual([
      'actionOverdue Juan A1 2026-11-24',
    ]);
  });

  it('says nothing of a done or dropped action', () => {
    for (const Status of ['Done', 'Dropped']) {
      expect(itemsAt(action({ Status }), '2026-11-27 10:00', MANILA)).toEqual([]);
    }
  });

  it('sends nothing to an owner who is not in Team', () => {
    expect(itemsAt(action({ Owner: 'stranger@example.org' }), '2026-11-25 10:00', MANILA)).toEqual(
      [],
    );
  });
});

describe('Silent assistant', () => {
  // Ana's last entry is on Friday 20 Nov.
  const silent = quietWeek({
    log: log({ juanSkips: [], anaLogs: (date) => date <= '2026-11-20', priyaPostsPerDay: 3 }),
  });

  it('tells the manager when the second silent working day ends, not counting the weekend', () => {
    // Tuesday 18:00 in Bogota is Wednesday 00:00 in Copenhagen: Mette hears at 08:30.
    expect(ruleAt('silentAssistant', silent, '2026-11-24 17:59', BOGOTA)).toEqual([]);
    const night = at('2026-11-24 18:00', BOGOTA).getTime();
    const held = messageTo(planAt(silent, night), mette);
    expect(held?.dueAt).toBe(at('2026-11-25 08:30', CPH).getTime());
    expect(held?.items.map((i) => i.line)).toEqual([
      'Ana Silva has logged nothing for 2 working days (last entry Fri 20 Nov)',
    ]);
  });

  it('tells once per silence', () => {
    const sent = planAt(silent, at('2026-11-25 08:30', CPH).getTime());
    const outbox = new Map<string, OutboxStatus>(
      sent.flatMap((message) => itemKeysOf(message.key).map((key) => [key, 'Sent' as const])),
    );
    expect(
      planAt(silent, at('2026-11-27 10:00', CPH).getTime(), outbox).flatMap((m) => m.items),
    ).toEqual([]);
  });

  it("counts a new assistant's silence from the start of her KPIs", () => {
    const newcomer = quietWeek({
      log: log({ juanSkips: [], anaLogs: () => false, priyaPostsPerDay: 3 }),
      kpis: ['K8', 'K9', 'K10'].reduce(
        (values, id) => editRow(values, id, { Start: dateCell('2026-11-23') }),
        kpiValues(),
      ),
    });
    expect(ruleAt('silentAssistant', newcomer, '2026-11-25 08:30', CPH)).toEqual([
      'silentAssistant Mette ana@example.com 2026-11-23',
    ]);
    expect(ruleAt('silentAssistant', newcomer, '2026-11-24 08:30', CPH)).toEqual([]);
  });
});

describe('Weekly digest', () => {
  it('reaches each manager on Friday at 16:00 their time, and not before', () => {
    expect(ruleAt('weeklyDigest', quietWeek(), '2026-11-27 15:59', CPH)).toEqual([]);
    expect(ruleAt('weeklyDigest', quietWeek(), '2026-11-27 16:00', CPH)).toEqual([
      'weeklyDigest Mette team 2026-W48',
    ]);
  });

  it('follows the digest day and time of the settings', () => {
    const thursdayMorning = quietWeek({ settings: { digestDay: 3, digestTime: 9 * 60 } });
    expect(ruleAt('weeklyDigest', thursdayMorning, '2026-11-26 09:00', CPH)).toEqual([
      'weeklyDigest Mette team 2026-W48',
    ]);
  });

  it('lists the scorecard, off-track KPIs, open actions, feedback and check-ins of her team only', () => {
    const scenario = quietWeek({
      team: [
        ...teamWith({}),
        [
          'Søren Holm',
          'soren@example.com',
          'Manager',
          '',
          'Europe/Copenhagen',
          'Mon-Fri',
          '08:00-16:00',
          'Email',
          '',
          true,
        ],
      ],
      actions: [
        {
          'Action ID': 'A1',
          Owner: juan,
          Action: 'Send the audit',
          Due: dateCell('2026-11-24'),
          Status: 'Open',
        },
        { 'Action ID': 'A2', Owner: priya, Action: 'Plan December', Status: 'Open' },
      ],
      feedback: [
        {
          'Feedback ID': 'F1',
          Date: dateCell('2026-11-25'),
          From: ana,
          To: mette,
          Kind: 'Blocker',
          Text: 'The CRM is down',
        },
        {
          'Feedback ID': 'F2',
          Date: dateCell('2026-11-13'),
          From: ana,
          To: mette,
          Kind: 'Praise',
          Text: 'Last week',
        },
      ],
      checkIns: [
        {
          'Check-in ID': 'C1',
          Assistant: juan,
          Manager: mette,
          Date: dateCell('2026-11-24'),
          Status: 'Held',
        },
      ],
    });
    const messages = planAt(scenario, at('2026-11-27 16:00', CPH).getTime());
    expect(messageTo(messages, 'soren@example.com')).toBeUndefined(); // Søren has no team
    // Batched with the escalation of Juan's overdue action, which falls due in the same run.
    expect(messageTo(messages, mette)?.text.split('\n').slice(2)).toEqual([
      'Action overdue',
      '- Juan dela Cruz: overdue for 3 working days (due Tue 24 Nov): Send the audit',
      '',
      'Weekly digest',
      '- Week 2026-W48: 0 KPIs off track, 2 open actions (1 overdue)',
      '  Team scorecard',
      '    · Priya Sharma: 3 of 3 KPIs on track or met',
      '    · Juan dela Cruz: 4 of 4 KPIs on track or met',
      '    · Ana Silva: 3 of 3 KPIs on track or met',
      '  KPIs off track',
      '    · None',
      '  Open actions',
      '    · Juan dela Cruz: Send the audit, overdue since Tue 24 Nov',
      '    · Priya Sharma: Plan December',
      '  Feedback received this week',
      '    · Ana Silva to Mette Jensen (Blocker): The CRM is down',
      '  Check-ins this week',
      '    · Check-in with Juan dela Cruz, Tue 24 Nov: Held',
      '',
      'Open the tracker: https://docs.google.com/spreadsheets/d/kpi-loop-test/edit',
    ]);
  });
});

describe('the weekly digest and the Dashboard', () => {
  it('agree on the scorecard and the KPIs off track', () => {
    const scenario = exampleWeek();
    const now = at('2026-11-27 16:00', CPH).getTime();
    const { snapshot } = inputAt(scenario, now);
    const dashboard = buildDashboard(snapshot, { now, today: day('2026-11-27') });
    const digest = messageTo(planAt(scenario, now), mette)?.text ?? '';
    for (const row of dashboard.scorecard) {
      expect(digest).toContain(
        `· ${row.name}: ${row.onTrackOrMet} of ${row.activeKpis} KPIs on track or met`,
      );
    }
    const offTrack = dashboard.rows.filter((row) => row.status === 'Off track');
    expect(offTrack.length).toBeGreaterThan(0);
    for (const row of offTrack) expect(digest).toContain(`· ${row.ownerName}, ${row.kpi.name}: `);
    expect(digest.match(/ KPIs off track,/g)).toHaveLength(1);
    expect(digest).toContain(`Week 2026-W48: ${offTrack.length} KPIs off track`);
  });
});

describe('KPI review due', () => {
  const review = quietWeek({
    kpis: editRow(kpiValues(), 'K4', { 'Review by': dateCell('2026-11-24') }),
  });

  it("tells the owner's manager the morning after Review by, not on the day itself", () => {
    expect(ruleAt('kpiReview', review, '2026-11-24 15:00', CPH)).toEqual([]);
    expect(ruleAt('kpiReview', review, '2026-11-25 08:29', CPH)).toEqual([]);
    const messages = planAt(review, at('2026-11-25 08:30', CPH).getTime());
    expect(messageTo(messages, mette)?.items.map((i) => i.line)).toEqual([
      'Customer satisfaction (Juan dela Cruz): review was due by Tue 24 Nov',
    ]);
  });

  it('tells once per Review by date, and again when a new date passes', () => {
    const first = planAt(review, at('2026-11-25 08:30', CPH).getTime());
    const outbox = new Map<string, OutboxStatus>(
      first.flatMap((m) => itemKeysOf(m.key).map((key) => [key, 'Sent' as const])),
    );
    expect(ruleAt('kpiReview', review, '2026-11-26 09:00', CPH)).toEqual([
      'kpiReview Mette K4 2026-11-24',
    ]);
    expect(
      planAt(review, at('2026-11-26 09:00', CPH).getTime(), outbox).flatMap((m) => m.items),
    ).toEqual([]);
    const moved = {
      ...review,
      kpis: editRow(kpiValues(), 'K4', { 'Review by': dateCell('2026-11-25') }),
    };
    expect(
      planAt(moved, at('2026-11-26 09:00', CPH).getTime(), outbox).flatMap((m) =>
        m.items.map((i) => i.period),
      ),
    ).toEqual(['2026-11-25']);
  });
});

describe('every rule', () => {
  it('stays silent when turned off in the settings', () => {
    const off = quietWeek({
      settings: { enabled: { weeklyDigest: false } as never },
    });
    expect(itemsAt(off, '2026-11-27 16:00', CPH)).toEqual([]);
  });

  it('leaves out people who are not active in Team, as recipients and as subjects', () => {
    const scenario = quietWeek({
      team: teamWith({ [ana]: { Active: false } }),
      log: log({ juanSkips: [], anaLogs: () => false, priyaPostsPerDay: 3 }),
    });
    for (const day of ['2026-11-25', '2026-11-26', '2026-11-27']) {
      const lines = itemsAt(scenario, `${day} 15:00`, BOGOTA).concat(
        itemsAt(scenario, `${day} 09:00`, CPH),
      );
      expect(lines.filter((line) => line.includes('Ana') || line.includes(ana))).toEqual([]);
    }
  });
});
