/**
 * What the planner hands the dispatcher: one message per person per run,
 * keyed so that nothing goes out twice, in the workbook's language, with an
 * HTML part in which no user text can become markup; and the preview of the
 * next runs.
 */
import { itemKey, itemKeysOf, messageKey, outboxKeys } from '../../../src/engine/reminders/keys';
import { dueBy, planReminders, previewPlan } from '../../../src/engine/reminders/plan';
import type { OutboxStatus } from '../../../src/engine/reminders/types';
import { CHOICES } from '../../../src/engine/i18n/vocabulary';
import { at, dateCell, editRow, kpiValues, timeCell } from '../fixtures';
import { exampleWeek } from './scenarios';
import { HOUR, inputAt, PEOPLE, planAt, SHEET_URL, teamWith } from './support';

const { mette, priya, juan } = PEOPLE;
const OUTBOX_STATUSES = Object.keys(CHOICES.outboxStatus) as OutboxStatus[];
const CPH = 'Europe/Copenhagen';
const KOLKATA = 'Asia/Kolkata';

describe('Outbox keys', () => {
  const item = { rule: 'actionDue' as const, recipient: juan, subject: 'A1', period: '2026-11-24' };

  it('name an item by rule, recipient, subject and period', () => {
    expect(itemKey(item)).toBe('actionDue|juan@example.com|A1|2026-11-24');
  });

  it("list a message's items, and split back into them", () => {
    const other = { ...item, rule: 'actionOverdue' as const, subject: 'A2' };
    const key = messageKey([item, other]);
    expect(key).toBe(
      'actionDue|juan@example.com|A1|2026-11-24;actionOverdue|juan@example.com|A2|2026-11-24',
    );
    expect(itemKeysOf(key)).toEqual([itemKey(item), itemKey(other)]);
  });

  it('keep a separator typed into an ID from breaking a key apart', () => {
    expect(itemKeysOf(itemKey({ ...item, subject: 'A|1;2' }))).toEqual([
      'actionDue|juan@example.com|A_1_2|2026-11-24',
    ]);
  });

  it('turn Outbox rows into item keys with their status', () => {
    const keys = outboxKeys([
      { key: 'a|x|1|p;b|x|2|p', status: 'Sent' },
      { key: 'c|y|3|p', status: 'Failed' },
    ]);
    expect(Object.fromEntries(keys)).toEqual({
      'a|x|1|p': 'Sent',
      'b|x|2|p': 'Sent',
      'c|y|3|p': 'Failed',
    });
  });
});

describe('planning twice', () => {
  const scenario = exampleWeek();
  // Thursday 26 Nov, 08:30 in Copenhagen: Mette is due three reminders at once.
  const now = at('2026-11-26 08:30', CPH).getTime();
  const first = planAt(scenario, now);

  it.each(OUTBOX_STATUSES)(
    'plans nothing again whose key is in the Outbox as %s',
    (status: OutboxStatus) => {
      const outbox = outboxKeys(first.map((message) => ({ key: message.key, status })));
      expect(planAt(scenario, now, outbox)).toEqual([]);
      expect(planAt(scenario, now + HOUR / 2, outbox)).toEqual([]);
    },
  );

  it('returns nothing new at any hour of the week once the first plan is in the Outbox', () => {
    const outbox = new Map<string, OutboxStatus>();
    const from = Date.UTC(2026, 10, 22, 12); // Sunday noon UTC: Monday has begun in Manila
    let planned = 0;
    for (let hour = 0; hour < 6 * 24; hour++) {
      const at = from + hour * HOUR;
      const plan = planAt(scenario, at, outbox);
      planned += plan.length;
      const after = new Map(outbox);
      for (const message of plan)
        for (const key of itemKeysOf(message.key)) after.set(key, 'Queued');
      expect([new Date(at).toISOString(), planAt(scenario, at, after)]).toEqual([
        new Date(at).toISOString(),
        [],
      ]);
      for (const message of dueBy(plan, at))
        for (const key of itemKeysOf(message.key)) outbox.set(key, 'Sent');
    }
    expect(planned).toBeGreaterThan(0);
  });
});

describe('a planned message', () => {
  const scenario = exampleWeek();
  const now = at('2026-11-26 08:30', CPH).getTime();
  const messages = planAt(scenario, now);
  const toMette = messages.find((message) => message.recipient === mette);

  it('batches everything one person is due into one message, keyed by its items', () => {
    expect(messages.filter((message) => message.recipient === mette)).toHaveLength(1);
    // Yesterday's KPI review, not sent yet (nothing was), rides along: it stays due until read.
    expect(toMette?.items.map((item) => item.rule)).toEqual([
      'checkInTomorrow',
      'actionOverdue',
      'silentAssistant',
      'kpiReview',
    ]);
    expect(toMette?.key).toBe(messageKey(toMette?.items ?? []));
    expect(toMette?.title).toBe('KPI Loop: 4 reminders');
    expect(toMette).toMatchObject({ channel: 'Email', lang: 'en', dueAt: now });
  });

  it('has a plain-text part with a greeting, a heading per rule and the link to the spreadsheet', () => {
    expect(toMette?.text.split('\n')[0]).toBe('Hi Mette Jensen,');
    expect(toMette?.text).toContain(
      '\nNothing logged\n- Ana Silva has logged nothing for 2 working days (last entry Mon 23 Nov)\n',
    );
    expect(toMette?.text.endsWith(`Open the tracker: ${SHEET_URL}`)).toBe(true);
  });

  it('has an HTML part with the same lines and a link to the spreadsheet', () => {
    // Whitespace between tags does not show in a mail reader.
    const html = toMette?.html.replace(/>\s+/g, '>').replace(/\s+</g, '<');
    expect(html).toContain(
      '<li>Ana Silva has logged nothing for 2 working days (last entry Mon 23 Nov)</li>',
    );
    expect(html).toContain(`<a href="${SHEET_URL}">Open the tracker</a>`);
    expect(html).toContain('<a href="https://meet.google.com/kpi-loop">Meeting link</a>');
  });

  it("goes on the recipient's own channel", () => {
    const juanMessage = planAt(scenario, at('2026-11-24 09:00', 'Asia/Manila').getTime()).find(
      (message) => message.recipient === juan,
    );
    expect(juanMessage?.channel).toBe('Google Chat');
  });
});

describe('in a Danish workbook', () => {
  const scenario = exampleWeek({ lang: 'da', kpis: kpiValues('da') });

  it('speaks Danish, with Danish dates and decimal commas', () => {
    const priyaMessage = planAt(scenario, at('2026-11-25 14:00', KOLKATA).getTime()).find(
      (message) => message.recipient === priya,
    );
    expect(priyaMessage?.title).toBe('KPI Loop-påmindelse: Bagud i forhold til tempoet');
    expect(priyaMessage?.items[0]?.line).toBe(
      'Godkendte opslag: 3 af 15 opslag, 2 arbejdsdage tilbage',
    );
    expect(priyaMessage?.text.split('\n')[0]).toBe('Hej Priya Sharma,');
    expect(priyaMessage?.html).toContain('>Åbn regnearket</a>');

    const juanMessage = planAt(scenario, at('2026-11-25 15:00', 'Asia/Manila').getTime()).find(
      (message) => message.recipient === juan,
    );
    expect(juanMessage?.items[0]?.line).toBe(
      'Daglig rapport kl. 16: ingen registrering for ons. 25. nov. endnu, frist kl. 16:00',
    );
    const fridayJuan = planAt(scenario, at('2026-11-27 12:30', 'Asia/Manila').getTime()).find(
      (message) => message.recipient === juan,
    );
    expect(fridayJuan?.items[0]?.line).toBe('Daglig rapport kl. 16: 75 %, under målet på 100 %');
  });

  it('writes the weekly digest in Danish', () => {
    // What was due earlier went out earlier: the 16:00 run has the digest alone.
    const earlier = planAt(scenario, at('2026-11-27 15:00', CPH).getTime());
    const outbox = outboxKeys(earlier.map((m) => ({ key: m.key, status: 'Sent' as const })));
    const digest = planAt(scenario, at('2026-11-27 16:00', CPH).getTime(), outbox).find(
      (message) => message.recipient === mette,
    );
    expect(digest?.title).toBe('KPI Loop-ugeoversigt, uge 2026-W48');
    expect(digest?.text).toContain(
      "Uge 2026-W48: 4 KPI'er bagud, 2 åbne handlinger (1 over fristen)",
    );
    expect(digest?.text).toContain('Teamets scorekort');
  });
});

describe('user text in a message', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const scenario = exampleWeek({
    kpis: editRow(editRow(kpiValues(), 'K1', { KPI: evil, Unit: '<b>posts</b>' }), 'K2', {
      'Review by': dateCell('2026-11-24'),
    }),
    team: teamWith({ [priya]: { Name: 'Priya "P" & <i>Co</i>' } }),
    checkIns: [
      {
        'Check-in ID': 'C1',
        Assistant: priya,
        Manager: mette,
        Date: dateCell('2026-11-27'),
        Time: timeCell('10:00'),
        'Meeting link': 'javascript:alert(1)',
        Status: 'Planned',
      },
    ],
    actions: [
      {
        'Action ID': 'A2',
        Owner: priya,
        Action: '<script>alert("x")</script>',
        Due: dateCell('2026-11-27'),
        Status: 'Open',
      },
    ],
  });
  const spreadsheetUrl = 'https://docs.google.com/spreadsheets/d/x"onmouseover="alert(1)';

  const plan = (wall: string, zone: string) =>
    planReminders({ ...inputAt(scenario, at(wall, zone).getTime()), spreadsheetUrl });

  it('is escaped in the HTML part: a KPI called <img src=x onerror=alert(1)> stays text', () => {
    const priyaMessage = plan('2026-11-25 14:00', KOLKATA).find((m) => m.recipient === priya);
    expect(priyaMessage?.html).toContain(
      '&#60;img src=x onerror=alert(1)&#62;: 3 of 15 &#60;b&#62;posts&#60;/b&#62;',
    );
    expect(priyaMessage?.html).not.toMatch(/<img|<b>|onmouseover="/);
    expect(priyaMessage?.html).toContain('Priya &#34;P&#34; &#38; &#60;i&#62;Co&#60;/i&#62;');
    expect(priyaMessage?.text).toContain(`${evil}: 3 of 15 <b>posts</b>`);
    expect(priyaMessage?.title).toBe('KPI Loop reminder: Behind pace');
  });

  it('never becomes a link unless it is an http(s) address, nor a script', () => {
    const thursday = plan('2026-11-26 09:30', KOLKATA).find((m) => m.recipient === priya);
    expect(thursday?.html).not.toContain('javascript:');
    expect(thursday?.text).not.toContain('javascript:');
    expect(thursday?.html).not.toMatch(/<script|<img|<i>/);
    expect(thursday?.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(thursday?.html).toContain(
      '<a href="https://docs.google.com/spreadsheets/d/x&#34;onmouseover=&#34;alert(1)">',
    );
  });
});

describe('the preview of the next runs', () => {
  it('shows what each hourly run would send, to whom and when, each item once', () => {
    const from = Date.UTC(2026, 10, 25, 0); // Wednesday 25 Nov, 00:00 UTC
    const preview = previewPlan(inputAt(exampleWeek(), from), 24);
    expect(
      preview.map((run) => [
        new Date(run.at).toISOString().slice(11, 16),
        run.messages.map(
          (m) =>
            `${m.recipient.split('@')[0]}: ${m.items.map((i) => `${i.rule} ${i.subject}`).join(', ')}`,
        ),
      ]),
    ).toEqual([
      ['00:00', ['juan: actionOverdue A1']],
      ['07:00', ['juan: missingEntry K6']],
      ['08:00', ['mette: kpiReview K2']],
      ['09:00', ['priya: behindPace K1']],
      ['19:00', ['ana: behindPace K8, behindPace K9']],
    ]);
    const keys = preview.flatMap((run) => run.messages.flatMap((m) => itemKeysOf(m.key)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves out what the Outbox already holds', () => {
    const from = Date.UTC(2026, 10, 25, 0);
    const outbox = outboxKeys([
      { key: 'actionOverdue|juan@example.com|A1|2026-11-23', status: 'Sent' },
    ]);
    const preview = previewPlan({ ...inputAt(exampleWeek(), from), outbox }, 8);
    expect(preview[0]?.messages.map((m) => m.items[0]?.rule)).toEqual(['missingEntry']);
  });
});
