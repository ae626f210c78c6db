/** @jest-environment jsdom */
import type { Reply } from '../../../src/ui/api';
import { createBridge, type ScriptRunner } from '../../../src/ui/pages/shared/bridge';
import { el, messageArea } from '../../../src/ui/pages/shared/dom';
import { field, textInput } from '../../../src/ui/pages/shared/fields';
import { submitWith, type OneAtATime, type SubmitSteps } from '../../../src/ui/pages/shared/submit';
import { settle } from './fixtures';

const ATTACK = '<img src=x onerror=alert(1)>';

/** A server call that answers only when the test says so. */
function pending<T>(): { promise: Promise<Reply<T>>; answer: (reply: Reply<T>) => void } {
  let answer: (reply: Reply<T>) => void = () => undefined;
  const promise = new Promise<Reply<T>>((resolve) => (answer = resolve));
  return { promise, answer };
}

/** A form with a Value and a Note field, a Save button and its messages, in the document. */
function page() {
  const value = textInput();
  const note = el('textarea');
  const save = el('button', { type: 'submit' }, 'Save');
  const messages = messageArea();
  const form = el(
    'form',
    { novalidate: true },
    field('value', 'Value', value),
    field('note', 'Note', note),
    save,
    messages.element,
  );
  document.body.replaceChildren(form);
  const busy = (): [string, boolean, string | null] => [
    save.textContent ?? '',
    save.disabled,
    save.getAttribute('aria-busy'),
  ];
  const alert = (): string => form.querySelector('[role="alert"]')?.textContent ?? '';
  const status = (): string => form.querySelector('[role="status"]')?.textContent ?? '';
  return { form, value, note, save, messages, busy, alert, status };
}

type Values = { value: string; note: string };

/** The listener under test for the page's form, with `overrides` in place of the usual steps. */
function submitting(
  p: ReturnType<typeof page>,
  overrides: Partial<SubmitSteps<Values, string>> = {},
): (event: Event) => void {
  return submitWith(p.form, p.messages, 'en', {
    button: p.save,
    read: () => ({ value: p.value.value, note: p.note.value }),
    send: () => Promise.resolve({ ok: true, value: 'Saved.' }),
    saved: (message) => p.messages.status(message),
    ...overrides,
  });
}

describe('sending a form', () => {
  it('sends once while the server works, however often Save is pressed', async () => {
    const p = page();
    const calls: Values[] = [];
    let call = pending<string>();
    p.form.addEventListener(
      'submit',
      submitting(p, { send: (values) => (calls.push(values), call.promise) }),
    );
    p.value.value = '3';
    p.form.requestSubmit();
    p.form.requestSubmit();
    p.save.click();
    await settle();
    expect(calls).toEqual([{ value: '3', note: '' }]);

    call.answer({ ok: true, value: 'Saved.' });
    await settle();
    expect(p.status()).toBe('Saved.');
    call = pending<string>();
    p.form.requestSubmit();
    expect(calls).toHaveLength(2);
  });

  it('shows the button busy while the server works, and gives it back when the answer is yes', async () => {
    const p = page();
    const call = pending<string>();
    p.form.addEventListener('submit', submitting(p, { send: () => call.promise }));
    p.form.requestSubmit();
    expect(p.busy()).toEqual(['Saving…', true, 'true']);
    call.answer({ ok: true, value: 'Saved.' });
    await settle();
    expect(p.busy()).toEqual(['Save', false, 'false']);
  });

  it('gives the button back and says why when the spreadsheet cannot be reached', async () => {
    const p = page();
    let fail: (error: unknown) => void = () => undefined;
    const run: ScriptRunner = {
      withSuccessHandler: () => run,
      withFailureHandler: (handler) => ((fail = handler), run),
      saveLogEntry: () => undefined,
    };
    const call = createBridge({ lang: () => 'en', runner: () => run });
    p.form.addEventListener(
      'submit',
      submitting(p, {
        send: (values) =>
          call('saveLogEntry', { kpiId: 'K1', date: '2026-11-26', link: '', ...values }).then(
            (reply): Reply<string> => (reply.ok ? { ok: true, value: reply.value.message } : reply),
          ),
      }),
    );
    p.form.requestSubmit();
    expect(p.busy()).toEqual(['Saving…', true, 'true']);
    fail(new Error('The network connection was lost'));
    await settle();
    expect(p.busy()).toEqual(['Save', false, 'false']);
    expect(p.alert()).toBe('Could not reach the spreadsheet. Check your connection and try again.');
  });

  it('gives the button back when the server refuses, and takes a second try', async () => {
    const p = page();
    let answers = 0;
    p.form.addEventListener(
      'submit',
      submitting(p, {
        send: () =>
          Promise.resolve(
            ++answers === 1
              ? { ok: false, message: 'Someone else is saving right now.' }
              : { ok: true, value: 'Saved.' },
          ),
      }),
    );
    p.form.requestSubmit();
    await settle();
    expect([p.busy(), p.alert()]).toEqual([
      ['Save', false, 'false'],
      'Someone else is saving right now.',
    ]);
    p.form.requestSubmit();
    await settle();
    expect([answers, p.alert(), p.status()]).toEqual([2, '', 'Saved.']);
  });

  it('shows the page’s own problems at their fields and sends nothing', async () => {
    const p = page();
    const calls: Values[] = [];
    p.form.addEventListener(
      'submit',
      submitting(p, {
        problems: (values) =>
          values.value === '' ? [{ field: 'value', message: 'Type a value.' }] : [],
        send: (values) => (calls.push(values), Promise.resolve({ ok: true, value: 'Saved.' })),
      }),
    );
    p.form.requestSubmit();
    await settle();
    expect(calls).toEqual([]);
    expect(document.getElementById('value-error')?.textContent).toBe('Type a value.');
    expect(p.alert()).toBe('Some fields need a change: see the message under each.');
    expect(document.activeElement).toBe(p.value);
    expect(p.busy()).toEqual(['Save', false, null]);

    p.value.value = '3';
    p.form.requestSubmit();
    await settle();
    expect(calls).toHaveLength(1);
    expect(document.getElementById('value-error')?.textContent).toBe('');
    expect(p.value.hasAttribute('aria-invalid')).toBe(false);
  });

  it('puts a refusal naming a field at that field, as the form calls it', async () => {
    const p = page();
    p.form.addEventListener(
      'submit',
      submitting(p, {
        send: () =>
          Promise.resolve({ ok: false, field: 'comment', message: 'The note is too long.' }),
        fieldOf: (serverField) => (serverField === 'comment' ? 'note' : null),
      }),
    );
    p.form.requestSubmit();
    await settle();
    expect(document.getElementById('note-error')?.textContent).toBe('The note is too long.');
    expect(p.note.getAttribute('aria-invalid')).toBe('true');
    expect(p.alert()).toBe('Some fields need a change: see the message under each.');
    expect(document.activeElement).toBe(p.note);
  });

  it('shows a refusal’s HTML as text, also one naming a field the form lacks', async () => {
    const p = page();
    p.form.addEventListener(
      'submit',
      submitting(p, {
        send: () => Promise.resolve({ ok: false, field: 'kpi', message: ATTACK }),
        fieldOf: (serverField) => serverField,
      }),
    );
    p.form.requestSubmit();
    await settle();
    expect(p.alert()).toBe(ATTACK);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('[aria-invalid]')).toBeNull();
  });

  it('says a refusal the page’s own way when it has one', async () => {
    const p = page();
    p.form.addEventListener(
      'submit',
      submitting(p, {
        send: () => Promise.resolve({ ok: false, field: 'value', message: 'Too late.' }),
        refused: (refusal, values) => p.messages.alert(`${values.value}: ${refusal.message}`),
      }),
    );
    p.value.value = '3';
    p.form.requestSubmit();
    await settle();
    expect(p.alert()).toBe('3: Too late.');
    expect(p.value.hasAttribute('aria-invalid')).toBe(false);
  });

  it('does nothing while there is nothing to send', async () => {
    const p = page();
    p.messages.status('Saved earlier.');
    const sent: Values[] = [];
    p.form.addEventListener(
      'submit',
      submitting(p, {
        read: () => null,
        send: (values) => (sent.push(values), Promise.resolve({ ok: true, value: 'Saved.' })),
      }),
    );
    p.form.requestSubmit();
    await settle();
    expect([sent, p.status(), p.busy()]).toEqual([[], 'Saved earlier.', ['Save', false, null]]);
  });

  it('lets one button wait for another that shares its flag, each busy with its own words', async () => {
    const p = page();
    const other = el('button', { type: 'button' }, 'Send');
    document.body.append(other);
    const oneAtATime: OneAtATime = { sending: false };
    const call = pending<string>();
    const names: string[] = [];
    p.form.addEventListener(
      'submit',
      submitting(p, {
        busyLabel: 'Building…',
        oneAtATime,
        send: () => (names.push('show'), call.promise),
      }),
    );
    other.addEventListener(
      'click',
      submitting(p, {
        button: other,
        oneAtATime,
        send: () => (names.push('send'), Promise.resolve({ ok: true, value: 'Sent.' })),
      }),
    );
    p.form.requestSubmit();
    other.click();
    expect([names, p.busy(), other.disabled]).toEqual([
      ['show'],
      ['Building…', true, 'true'],
      false,
    ]);
    call.answer({ ok: true, value: 'Shown.' });
    await settle();
    other.click();
    await settle();
    expect([names, p.status()]).toEqual([['show', 'send'], 'Sent.']);
  });

  it('clears the errors of the last try where it is told to, beyond the form', async () => {
    const p = page();
    const outside = field('pick', 'Pick', el('select'));
    document.body.prepend(outside);
    const pick = outside.querySelector('select') as HTMLSelectElement;
    pick.setAttribute('aria-invalid', 'true');
    p.form.addEventListener('submit', submitting(p, { clearErrorsIn: document.body }));
    p.form.requestSubmit();
    await settle();
    expect(pick.hasAttribute('aria-invalid')).toBe(false);
  });
});
