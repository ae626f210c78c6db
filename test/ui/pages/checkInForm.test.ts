import {
  actionMeta,
  changedUpdates,
  controlOf,
  feedbackMeta,
  periodLine,
  recordInput,
  safeLink,
  slotLines,
  trendLabel,
  validateRecord,
  validateSchedule,
  type RecordValues,
} from '../../../src/ui/pages/checkIn/form';
import { actionView, agendaView, feedbackView } from './feedbackLoopFixtures';

const TODAY = '2026-11-26';

function values(over: Partial<RecordValues> = {}): RecordValues {
  return {
    summary: 'Good week',
    mood: '4',
    feedback: [],
    actions: [],
    updates: [],
    next: { cadence: 'Weekly', date: '2026-12-03', time: '10:00', meetingLink: '' },
    ...over,
  };
}

const update = (over = {}) => ({
  prefix: 'carried-0',
  actionId: 'A2',
  status: 'In progress',
  followUp: 'Two lists',
  was: { status: 'In progress', followUp: 'Two lists' },
  ...over,
});

describe('the agenda as text', () => {
  test("gives the check-in on the manager's clock and on the assistant's", () => {
    const slot = agendaView().upcoming!;
    expect(slotLines(slot, 'Priya Sharma', 'en')).toEqual([
      '2026-12-01 10:00 (Europe/Copenhagen)',
      '2026-12-01 14:30 for Priya Sharma (Asia/Kolkata)',
      'Cadence: Weekly',
    ]);
    expect(slotLines({ ...slot, assistantZone: 'Europe/Copenhagen' }, 'Mette', 'da')).toEqual([
      '2026-12-01 10:00 (Europe/Copenhagen)',
      'Kadence: Weekly',
    ]);
  });

  test('gives each period actual against target in the reader’s numbers', () => {
    const kpi = agendaView().kpis[0]!;
    const period = { ...kpi.periods[0]!, actual: 1234.5 };
    expect(periodLine(kpi, period, 'en')).toBe('2026-W47: 1,234.5 of 15 posts');
    expect(periodLine(kpi, period, 'da')).toBe('2026-W47: 1.234,5 af 15 posts');
    expect(periodLine(kpi, { ...kpi.periods[1]!, actual: null }, 'en')).toBe(
      '2026-W48 so far: – of 15 posts',
    );
    expect([trendLabel('up', 'en'), trendLabel('flat', 'da'), trendLabel(null, 'en')]).toEqual([
      'trend: up',
      'tendens: uændret',
      '',
    ]);
  });

  test('says who owns an action, when it is due and where it was agreed', () => {
    expect(actionMeta(actionView(), 'en')).toBe(
      'Priya Sharma · due 2026-11-17, overdue · agreed at the check-in of 2026-11-10 · K2',
    );
    expect(actionMeta(actionView({ overdue: false, sourceDate: '', kpi: '' }), 'da')).toBe(
      'Priya Sharma · frist 2026-11-17',
    );
    expect(feedbackMeta(feedbackView())).toBe(
      '2026-11-25 · Juan dela Cruz → Priya Sharma · Praise',
    );
  });

  test('makes a link only of a web address', () => {
    expect(safeLink(' https://meet.google.com/x ')).toBe('https://meet.google.com/x');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('meet.google.com/x')).toBeNull();
  });
});

describe('recording a check-in', () => {
  const problems = (v: RecordValues, lang: 'en' | 'da' = 'en') =>
    validateRecord(v, TODAY, lang).map((p) => [p.field, p.message]);

  test('finds nothing wrong with a summary and a next date ahead', () => {
    expect(problems(values())).toEqual([]);
  });

  test('asks for a summary, text for feedback, and a described, owned, future action', () => {
    expect(
      problems(
        values({
          summary: ' ',
          feedback: [{ prefix: 'fb-0', from: 'manager', kind: 'Praise', kpi: '', text: '' }],
          actions: [{ prefix: 'new-1', action: '', owner: '', due: '2026-11-20', kpi: '' }],
        }),
      ),
    ).toEqual([
      ['summary', 'Write a short summary of the check-in.'],
      ['fb-0-text', 'Write the feedback.'],
      ['new-1-action', 'Describe the action.'],
      ['new-1-owner', 'Choose a person.'],
      ['new-1-due', 'The due date 2026-11-20 has passed.'],
    ]);
  });

  test('needs a note to drop an action, and a next check-in after today, in Danish too', () => {
    expect(
      problems(
        values({
          updates: [update({ status: 'Dropped', followUp: '' })],
          next: { cadence: 'Weekly', date: TODAY, time: '25:00', meetingLink: 'ftp://x' },
        }),
        'da',
      ),
    ).toEqual([
      ['carried-0-followUp', 'Skriv i opfølgningsnoten, hvorfor handlingen droppes.'],
      ['nextDate', 'Næste opfølgning skal ligge efter i dag (2026-11-26).'],
      ['nextTime', '"25:00" er ikke et tidspunkt som 09:30.'],
      ['nextLink', 'Linket skal begynde med http:// eller https://'],
    ]);
  });

  test('sends only the carried actions that changed, trimmed', () => {
    const input = recordInput(
      'priya@example.com',
      'C8',
      values({
        summary: ' Good ',
        updates: [update(), update({ prefix: 'carried-1', actionId: 'A5', status: 'Done' })],
      }),
    );
    expect(input.summary).toBe('Good');
    expect(input.checkInId).toBe('C8');
    expect(input.actionUpdates).toEqual([
      { actionId: 'A5', status: 'Done', followUp: 'Two lists' },
    ]);
    expect(changedUpdates([update({ followUp: 'Two lists ' })])).toEqual([]);
  });

  test('finds the control of a server refusal by the order rows were sent', () => {
    const v = values({
      feedback: [{ prefix: 'fb-3', from: 'manager', kind: 'Praise', kpi: '', text: 'x' }],
      actions: [
        { prefix: 'new-5', action: 'a', owner: 'x', due: '2026-12-01', kpi: '' },
        { prefix: 'new-7', action: 'b', owner: 'x', due: '2026-12-01', kpi: 'K9' },
      ],
      updates: [update(), update({ prefix: 'carried-1', status: 'Done' })],
    });
    expect(controlOf('action-1-kpi', v)).toBe('new-7-kpi');
    expect(controlOf('feedback-0-text', v)).toBe('fb-3-text');
    expect(controlOf('update-0-followUp', v)).toBe('carried-1-followUp');
    expect(controlOf('summary', v)).toBe('summary');
    expect(controlOf('action-4-kpi', v)).toBeNull();
    expect(controlOf(undefined, v)).toBeNull();
  });
});

describe('scheduling', () => {
  test('needs a date from today on, a time like 09:30 and a web link', () => {
    expect(
      validateSchedule(
        { cadence: 'Weekly', date: '2026-11-25', time: '9.30', meetingLink: 'x' },
        TODAY,
        'en',
      ).map((p) => [p.field, p.message]),
    ).toEqual([
      ['schedule-date', '2026-11-25 has passed: choose 2026-11-26 or later.'],
      ['schedule-time', '"9.30" is not a time like 09:30.'],
      ['schedule-meetingLink', 'The link must start with http:// or https://'],
    ]);
    expect(
      validateSchedule({ cadence: 'Weekly', date: TODAY, time: '', meetingLink: '' }, TODAY, 'en'),
    ).toEqual([]);
  });
});
