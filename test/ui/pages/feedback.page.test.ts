/** @jest-environment jsdom */
import { startFeedback } from '../../../src/ui/pages/feedback/view';
import { directionHint, validateFeedback } from '../../../src/ui/pages/feedback/form';
import { fakeServer, settle } from './fixtures';
import { feedbackContext, XSS } from './feedbackLoopFixtures';

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const text = (selector: string): string => $(selector).textContent ?? '';

async function open(server: ReturnType<typeof fakeServer>): Promise<void> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startFeedback(root, server.call, { lang: 'en' });
}

function fill(id: string, value: string): void {
  const control = $<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('the Give feedback sidebar', () => {
  test('shows the direction as soon as the person is picked', async () => {
    await open(fakeServer({ getFeedbackContext: () => ({ ok: true, value: feedbackContext() }) }));
    expect(Array.from($<HTMLSelectElement>('#to').options).map((o) => o.text)).toEqual([
      'Choose…',
      'Mette Jensen',
      'Juan dela Cruz',
    ]);
    fill('to', 'mette@example.com');
    expect(text('#to-hint')).toBe('Direction: Upward');
    fill('to', 'juan@example.com');
    expect(text('#to-hint')).toBe('Direction: Peer');
  });

  test('sends the feedback and clears the text; refusals land at their field', async () => {
    let refuse = true;
    const server = fakeServer({
      getFeedbackContext: () => ({ ok: true, value: feedbackContext() }),
      giveFeedback: () =>
        refuse
          ? { ok: false, field: 'kpi', message: 'Unknown KPI "K9"' }
          : {
              ok: true,
              value: {
                id: 'F8',
                direction: 'Upward',
                message: 'Feedback to Mette Jensen saved (Upward).',
              },
            },
    });
    await open(server);
    fill('to', 'mette@example.com');
    fill('kind', 'Suggestion');
    fill('kpi', 'K1');
    fill('checkInId', 'C8');
    fill('text', ' A shared calendar ');
    $<HTMLFormElement>('form').requestSubmit();
    await settle();
    expect(server.calls[1]).toEqual([
      'giveFeedback',
      [
        {
          to: 'mette@example.com',
          kind: 'Suggestion',
          kpi: 'K1',
          checkInId: 'C8',
          text: 'A shared calendar',
        },
      ],
    ]);
    expect(text('#kpi-error')).toBe('Unknown KPI "K9"');
    refuse = false;
    $<HTMLFormElement>('form').requestSubmit();
    await settle();
    expect(text('[role="status"].message')).toBe('Feedback to Mette Jensen saved (Upward).');
    expect($<HTMLTextAreaElement>('#text').value).toBe('');
  });

  test('asks for a person, a kind and text before sending anything', async () => {
    const server = fakeServer({
      getFeedbackContext: () => ({ ok: true, value: feedbackContext() }),
    });
    await open(server);
    $<HTMLFormElement>('form').requestSubmit();
    expect(text('#to-error')).toBe('Choose a person.');
    expect(text('#kind-error')).toBe('Choose the kind of feedback.');
    expect(text('#text-error')).toBe('Write the feedback.');
    expect(server.calls).toHaveLength(1);
  });

  test('lists feedback to me as text and acknowledges it', async () => {
    const server = fakeServer({
      getFeedbackContext: () => ({ ok: true, value: feedbackContext() }),
      acknowledgeFeedback: () => ({
        ok: true,
        value: { id: 'F4', message: 'Acknowledged: Mette Jensen can see you have read it.' },
      }),
    });
    await open(server);
    expect(document.querySelector('img')).toBeNull();
    const items = Array.from(document.querySelectorAll('section .item'));
    expect(items.map((item) => item.querySelectorAll('p')[1]?.textContent)).toEqual([
      'Thanks for covering the inbox.',
      XSS,
    ]);
    expect(items[1]?.querySelector('p')?.textContent).toBe(
      '2026-11-25 · from Mette Jensen · Constructive',
    );
    (items[1]?.querySelector('button') as HTMLButtonElement).click();
    await settle();
    expect(server.calls[1]).toEqual(['acknowledgeFeedback', [{ feedbackId: 'F4' }]]);
    expect(document.querySelectorAll('section .item')).toHaveLength(1);
    expect(text('[role="status"].message')).toBe(
      'Acknowledged: Mette Jensen can see you have read it.',
    );
  });

  test('speaks Danish, and says when everything is acknowledged', async () => {
    await open(
      fakeServer({
        getFeedbackContext: () => ({ ok: true, value: feedbackContext({ lang: 'da', inbox: [] }) }),
      }),
    );
    expect(text('#inbox-title')).toBe('Feedback til dig');
    expect(text('section p')).toBe('Du har kvitteret for al feedback, du har fået.');
    expect(text('button.action')).toBe('Send feedback');
  });
});

describe('the Give feedback form', () => {
  test('has no direction to show before a person is picked', () => {
    expect(directionHint(feedbackContext(), '')).toBe('');
  });

  test('finds nothing wrong with a person, a kind and text', () => {
    expect(
      validateFeedback(
        { to: 'juan@example.com', kind: 'Praise', kpi: '', checkInId: '', text: 'Thanks' },
        'en',
      ),
    ).toEqual([]);
  });
});
