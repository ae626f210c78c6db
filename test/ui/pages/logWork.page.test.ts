/** @jest-environment jsdom */
import type { LogSaved } from '../../../src/ui/api';
import { startLogWork } from '../../../src/ui/pages/logWork/view';
import { ARTICLES, fakeServer, logWorkContext, POSTS, settle } from './fixtures';

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const text = (selector: string): string => $(selector).textContent ?? '';

async function open(server: ReturnType<typeof fakeServer>): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startLogWork(root, server.call, { lang: 'en' });
  return root;
}

function fill(id: string, value: string): void {
  const control = $<HTMLInputElement | HTMLSelectElement>(`#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

const SAVED: LogSaved = {
  entryId: 'E42',
  kpi: { ...POSTS, actual: 14, status: 'On track', statusKey: 'On track' },
  message: 'Saved. Approved posts: 14 of 15 posts — On track.',
};

describe('the Log work sidebar', () => {
  it('lists the person’s own KPIs, names shown as text, with today as the latest date', async () => {
    const hostile = { ...ARTICLES, name: '<img src=x onerror=alert(1)>' };
    await open(
      fakeServer({
        getLogWorkContext: () => ({ ok: true, value: logWorkContext({ kpis: [POSTS, hostile] }) }),
      }),
    );
    const options = Array.from($<HTMLSelectElement>('#kpi').options).map((o) => [o.value, o.text]);
    expect(options).toEqual([
      ['', 'Choose a KPI…'],
      ['K1', 'Approved posts (posts)'],
      ['K7', '<img src=x onerror=alert(1)> (articles)'],
    ]);
    expect(document.querySelector('img')).toBeNull();
    expect([$<HTMLInputElement>('#date').value, $<HTMLInputElement>('#date').max]).toEqual([
      '2026-11-26',
      '2026-11-26',
    ]);
    expect($<HTMLInputElement>('#value').inputMode).toBe('decimal');
    for (const id of ['kpi', 'date', 'value', 'note', 'link'])
      expect(document.querySelector(`label[for="${id}"]`)).not.toBeNull();
  });

  it('shows the chosen KPI’s actual, target and status, and when its value is optional', async () => {
    await open(fakeServer({ getLogWorkContext: () => ({ ok: true, value: logWorkContext() }) }));
    fill('kpi', 'K1');
    expect(text('.kpi-summary')).toContain('This period so far: 11 posts');
    expect(text('.kpi-summary')).toContain('Target: 15 posts');
    expect($('.kpi-summary .chip').className).toBe('chip chip-warn');
    expect(text('label[for="value"]')).toBe('Value (posts)');
    fill('kpi', 'K7');
    expect(text('label[for="value"]')).toBe('Value (articles) (optional)');
  });

  it('picks the only KPI when there is one', async () => {
    await open(
      fakeServer({
        getLogWorkContext: () => ({ ok: true, value: logWorkContext({ kpis: [POSTS] }) }),
      }),
    );
    expect($<HTMLSelectElement>('#kpi').value).toBe('K1');
    expect(text('.kpi-summary')).toContain('Target: 15 posts');
  });

  it('says so when the person has no active KPIs', async () => {
    await open(
      fakeServer({ getLogWorkContext: () => ({ ok: true, value: logWorkContext({ kpis: [] }) }) }),
    );
    expect(document.querySelector('form')).toBeNull();
    expect(text('main')).toBe('You have no active KPIs to log. Ask your manager to add one.');
  });

  it('shows each problem next to its field, in the workbook’s language, without calling the server', async () => {
    const server = fakeServer({
      getLogWorkContext: () => ({ ok: true, value: logWorkContext({ lang: 'da' }) }),
    });
    await open(server);
    fill('date', '2026-12-01');
    fill('value', 'mange');
    $<HTMLFormElement>('form').requestSubmit();
    expect(text('#kpi-error')).toBe('Vælg den KPI, du har arbejdet på.');
    expect(text('#date-error')).toBe(
      '2026-12-01 ligger i fremtiden. Registrér arbejde udført 2026-11-26 eller tidligere.',
    );
    expect(text('#value-error')).toBe('"mange" er ikke et tal. Skriv et tal som 3,5.');
    expect(text('[role="alert"]')).toBe('Nogle felter skal rettes: se beskeden under hvert felt.');
    expect(document.activeElement?.id).toBe('kpi');
    expect(server.calls.map(([name]) => name)).toEqual(['getLogWorkContext']);
  });

  it('saves the entry, shows the KPI’s new status and clears value, note and link', async () => {
    const server = fakeServer({
      getLogWorkContext: () => ({ ok: true, value: logWorkContext() }),
      saveLogEntry: () => ({ ok: true, value: SAVED }),
    });
    await open(server);
    fill('kpi', 'K1');
    fill('value', '3');
    fill('note', 'Three client posts');
    fill('link', 'https://docs.example.com/p');
    $<HTMLFormElement>('form').requestSubmit();
    expect($<HTMLButtonElement>('button.action').disabled).toBe(true);
    await settle();
    expect(server.calls[1]).toEqual([
      'saveLogEntry',
      [
        {
          kpiId: 'K1',
          date: '2026-11-26',
          value: '3',
          note: 'Three client posts',
          link: 'https://docs.example.com/p',
        },
      ],
    ]);
    expect(text('[role="status"]')).toContain('Saved. Approved posts: 14 of 15 posts — On track.');
    expect($('[role="status"] .chip').className).toBe('chip chip-good');
    expect(text('[role="status"] .chip')).toBe('On track');
    expect(text('.kpi-summary')).toContain('This period so far: 14 posts');
    expect(['value', 'note', 'link'].map((id) => $<HTMLInputElement>(`#${id}`).value)).toEqual([
      '',
      '',
      '',
    ]);
    expect([$<HTMLInputElement>('#date').value, $<HTMLSelectElement>('#kpi').value]).toEqual([
      '2026-11-26',
      'K1',
    ]);
    expect($<HTMLButtonElement>('button.action').disabled).toBe(false);
  });

  it('shows the server’s refusal next to the field it names', async () => {
    await open(
      fakeServer({
        getLogWorkContext: () => ({ ok: true, value: logWorkContext() }),
        saveLogEntry: () => ({
          ok: false,
          message: 'priya@example.com does not own KPI K1',
          field: 'kpi',
        }),
      }),
    );
    fill('kpi', 'K1');
    fill('value', '3');
    $<HTMLFormElement>('form').requestSubmit();
    await settle();
    expect(text('#kpi-error')).toBe('priya@example.com does not own KPI K1');
    expect($('#kpi').getAttribute('aria-invalid')).toBe('true');
    expect($<HTMLInputElement>('#value').value).toBe('3');
  });

  it('shows a refusal without a field as an alert', async () => {
    await open(
      fakeServer({
        getLogWorkContext: () => ({ ok: true, value: logWorkContext() }),
        saveLogEntry: () => ({ ok: false, message: 'Someone else is saving right now.' }),
      }),
    );
    fill('kpi', 'K1');
    fill('value', '3');
    $<HTMLFormElement>('form').requestSubmit();
    await settle();
    expect(text('[role="alert"]')).toBe('Someone else is saving right now.');
  });

  it('shows why it cannot open, such as not being in Team', async () => {
    await open(
      fakeServer({
        getLogWorkContext: () => ({
          ok: false,
          message: 'You are not in the Team tab yet: ask your manager to add x@example.com.',
        }),
      }),
    );
    expect(text('[role="alert"]')).toBe(
      'You are not in the Team tab yet: ask your manager to add x@example.com.',
    );
    expect(document.querySelector('form')).toBeNull();
  });
});
