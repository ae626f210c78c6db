/** @jest-environment jsdom */
import { startCheckIn } from '../../../src/ui/pages/checkIn/view';
import { fakeServer, settle } from './fixtures';
import {
  actionView,
  agendaView,
  checkInContext,
  FORMULA,
  JUAN,
  ownCheckInContext,
  XSS,
} from './feedbackLoopFixtures';

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const text = (selector: string): string => $(selector).textContent ?? '';

async function open(server: ReturnType<typeof fakeServer>): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startCheckIn(root, server.call, { lang: 'en' });
  return root;
}

function fill(selector: string, value: string): void {
  const control = $<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

const button = (label: string): HTMLButtonElement => {
  const found = Array.from(document.querySelectorAll('button')).find(
    (b) => b.textContent === label,
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
};

describe('the Check-in sidebar', () => {
  test('shows a manager the agenda: KPIs since the last check-in, carried actions, feedback and the upward answer', async () => {
    await open(fakeServer({ getCheckInContext: () => ({ ok: true, value: checkInContext() }) }));
    expect(Array.from($<HTMLSelectElement>('#assistant').options).map((o) => o.text)).toEqual([
      'Priya Sharma',
      'Juan dela Cruz',
    ]);
    const agenda = text('.agenda');
    expect(agenda).toContain('2026-12-01 10:00 (Europe/Copenhagen)');
    expect(agenda).toContain('2026-12-01 14:30 for Priya Sharma (Asia/Kolkata)');
    expect(agenda).toContain('2026-W47: 12 of 15 posts');
    expect(agenda).toContain('2026-W48 so far: 11 of 15 posts');
    expect(agenda).toContain('Approved posts · trend: down');
    expect(agenda).toContain('Send a morning list of briefs');
    expect(agenda).toContain('due 2026-11-17, overdue · agreed at the check-in of 2026-11-10');
    expect(agenda).toContain('Thanks for covering the inbox.');
    expect(agenda).toContain('What Priya Sharma needs from you');
    expect(agenda).toContain('A shared content calendar, please.');
    expect($<HTMLAnchorElement>('.agenda a').href).toBe('https://meet.google.com/kpi-loop-priya');
    expect(document.querySelector('form.record')).not.toBeNull();
    expect(document.querySelector('form.answer')).toBeNull();
  });

  test('shows HTML and formula-looking text as plain text, and a javascript: link as text only', async () => {
    const context = checkInContext({
      agenda: agendaView({
        lastCheckIn: { id: 'C6', date: '2026-11-24', mood: 4, summary: FORMULA },
        actions: [actionView({ action: XSS })],
        upwardAnswers: [],
        feedback: [],
        upcoming: { ...agendaView().upcoming!, meetingLink: 'javascript:alert(1)' },
      }),
    });
    await open(fakeServer({ getCheckInContext: () => ({ ok: true, value: context }) }));
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.agenda a')).toBeNull();
    expect(text('.agenda')).toContain('javascript:alert(1)');
    expect(text('.agenda')).toContain(FORMULA);
    expect(text('.agenda .action')).toContain(XSS);
    expect(document.querySelector('legend')?.textContent).toBe(`A2 ${XSS}`);
  });

  test('a manager switching assistant loads that agenda', async () => {
    const server = fakeServer({ getCheckInContext: () => ({ ok: true, value: checkInContext() }) });
    await open(server);
    fill('#assistant', JUAN.email);
    await settle();
    expect(server.calls.map(([name, args]) => [name, args])).toEqual([
      ['getCheckInContext', []],
      ['getCheckInContext', [{ assistant: JUAN.email }]],
    ]);
  });

  test('records the check-in with feedback, new actions, carried-action updates and the next date', async () => {
    const server = fakeServer({
      getCheckInContext: () => ({ ok: true, value: checkInContext() }),
      recordCheckIn: () => ({
        ok: true,
        value: {
          checkInId: 'C8',
          nextCheckInId: 'C9',
          feedbackIds: ['F8'],
          actionIds: ['A6'],
          message: 'Check-in with Priya Sharma saved. Next check-in: 2026-12-03.',
        },
      }),
    });
    await open(server);
    fill('#summary', ' Good week ');
    fill('#mood', '4');
    fill('#carried-0-status', 'Done');
    button('Add feedback').click();
    fill('#fb-0-from', 'assistant');
    fill('#fb-0-kind', 'Blocker');
    fill('#fb-0-text', 'Need the guidelines');
    button('Add an action').click();
    fill('#new-1-action', 'Share the guidelines');
    fill('#new-1-owner', 'mette@example.com');
    fill('#new-1-due', '2026-11-30');
    fill('#new-1-kpi', 'K1');
    $<HTMLFormElement>('form.record').requestSubmit();
    await settle();
    expect(server.calls[1]).toEqual([
      'recordCheckIn',
      [
        {
          assistant: 'priya@example.com',
          checkInId: 'C8',
          summary: 'Good week',
          mood: '4',
          feedback: [{ from: 'assistant', kind: 'Blocker', kpi: '', text: 'Need the guidelines' }],
          actions: [
            {
              action: 'Share the guidelines',
              owner: 'mette@example.com',
              due: '2026-11-30',
              kpi: 'K1',
            },
          ],
          actionUpdates: [{ actionId: 'A2', status: 'Done', followUp: 'Two lists sent so far.' }],
          next: { cadence: 'Weekly', date: '2026-12-03', time: '10:00', meetingLink: '' },
        },
      ],
    ]);
    await settle();
    expect(server.calls[2]).toEqual(['getCheckInContext', [{ assistant: 'priya@example.com' }]]);
    expect(text('[role="status"].message')).toBe(
      'Check-in with Priya Sharma saved. Next check-in: 2026-12-03.',
    );
  });

  test('shows what is missing at each field without calling the server', async () => {
    const server = fakeServer({ getCheckInContext: () => ({ ok: true, value: checkInContext() }) });
    await open(server);
    fill('#carried-0-status', 'Dropped');
    fill('#carried-0-followUp', '');
    button('Add an action').click();
    fill('#nextDate', '2026-11-26');
    $<HTMLFormElement>('form.record').requestSubmit();
    expect(text('#summary-error')).toBe('Write a short summary of the check-in.');
    expect(text('#carried-0-followUp-error')).toBe(
      'Say in the follow-up note why the action is dropped.',
    );
    expect(text('#new-0-action-error')).toBe('Describe the action.');
    expect(text('#new-0-due-error')).toBe('Choose when the action is due.');
    expect(text('#nextDate-error')).toBe('The next check-in must be after today (2026-11-26).');
    expect(document.activeElement?.id).toBe('summary');
    expect(server.calls).toHaveLength(1);
  });

  test("puts the server's refusal at the row it names, whatever rows were removed", async () => {
    const server = fakeServer({
      getCheckInContext: () => ({ ok: true, value: checkInContext() }),
      recordCheckIn: () => ({ ok: false, field: 'action-0-kpi', message: 'Unknown KPI "K99"' }),
    });
    await open(server);
    fill('#summary', 'Fine');
    button('Add an action').click();
    button('Add an action').click();
    $<HTMLButtonElement>('[data-field="new-0-action"] ~ button').click();
    fill('#new-1-action', 'Call back');
    fill('#new-1-due', '2026-12-01');
    $<HTMLFormElement>('form.record').requestSubmit();
    await settle();
    expect(text('#new-1-kpi-error')).toBe('Unknown KPI "K99"');
    expect(text('[role="alert"]')).toBe('Some fields need a change: see the message under each.');
  });

  test('an assistant sees their agenda, answers the upward question and updates their own action', async () => {
    const server = fakeServer({
      getCheckInContext: () => ({ ok: true, value: ownCheckInContext() }),
      answerUpwardQuestion: () => ({
        ok: true,
        value: {
          id: 'F8',
          message: 'Your answer is on the agenda of your next check-in with Mette Jensen.',
        },
      }),
      updateAction: () => ({
        ok: true,
        value: { action: actionView({ status: 'Done' }), message: 'Action A2 is now Done.' },
      }),
    });
    await open(server);
    expect(document.querySelector('#assistant')).toBeNull();
    expect(document.querySelector('form.record')).toBeNull();
    expect(text('#question-title')).toBe('What do you need from Mette Jensen?');
    fill('#answer-kind', 'Blocker');
    fill('#answer-text', ' Access to Canva ');
    $<HTMLFormElement>('form.answer').requestSubmit();
    await settle();
    expect(server.calls[1]).toEqual([
      'answerUpwardQuestion',
      [{ kind: 'Blocker', text: 'Access to Canva' }],
    ]);
    await settle();
    fill('#mine-A2-status', 'Dropped');
    fill('#mine-A2-followUp', '');
    $<HTMLFormElement>('#mine-A2-status').form?.requestSubmit();
    expect(text('#mine-A2-followUp-error')).toBe(
      'Say in the follow-up note why the action is dropped.',
    );
    fill('#mine-A2-status', 'Done');
    $<HTMLFormElement>('#mine-A2-status').form?.requestSubmit();
    await settle();
    expect(server.calls.at(-2)).toEqual([
      'updateAction',
      [{ actionId: 'A2', status: 'Done', followUp: '' }],
    ]);
  });

  test('speaks Danish in a Danish workbook', async () => {
    await open(
      fakeServer({
        getCheckInContext: () => ({ ok: true, value: checkInContext({ lang: 'da' }) }),
      }),
    );
    expect(text('#record-title')).toBe('Registrér opfølgningen');
    expect(text('.agenda')).toContain('2026-W47: 12 af 15 posts');
    expect(text('.agenda')).toContain('tendens: ned');
    expect(document.documentElement.lang).toBe('da');
  });

  test('shows why it cannot open, such as an assistant asking for someone else', async () => {
    await open(
      fakeServer({
        getCheckInContext: () => ({ ok: false, message: 'You can open only your own check-in.' }),
      }),
    );
    expect(text('[role="alert"]')).toBe('You can open only your own check-in.');
  });
});
