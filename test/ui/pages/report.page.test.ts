/** @jest-environment jsdom */
import type { ReportContext, ReportInput, ReportMailInput, Reply } from '../../../src/ui/api';
import { startReport } from '../../../src/ui/pages/report/view';
import { fakeServer, settle } from './fixtures';
import { reportContext, reportDocumentFixture, XSS } from './reportFixtures';

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const text = (selector: string): string => $(selector).textContent ?? '';

function choose(id: string, value: string): void {
  const control = $<HTMLSelectElement>(`#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

const shown = () => ({ ok: true as const, value: { document: reportDocumentFixture() } as never });

async function open(
  context: Reply<ReportContext>,
  handlers: {
    getReport?: (input: ReportInput) => unknown;
    emailReport?: (input: ReportMailInput) => unknown;
  } = {},
) {
  const server = fakeServer({
    getReportContext: () => context,
    getReport: (handlers.getReport ?? shown) as never,
    ...(handlers.emailReport ? { emailReport: handlers.emailReport as never } : {}),
  });
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startReport(root, server.call, { lang: 'en' });
  return server;
}

async function showReport(): Promise<void> {
  $<HTMLFormElement>('form').requestSubmit();
  await settle();
}

describe('the Report dialog', () => {
  it('tells someone outside Team why there is no report, and shows nothing else', async () => {
    await open({ ok: false, message: 'You are not in the Team tab yet.' });
    expect(text('main')).toBe('You are not in the Team tab yet.');
    expect(document.querySelector('form, select, button')).toBeNull();
  });

  it('opens on the whole team and the last four weeks, with no e-mail to send yet', async () => {
    await open({ ok: true, value: reportContext() });
    expect($<HTMLSelectElement>('#assistant').value).toBe('');
    expect($<HTMLSelectElement>('#from').value).toBe('2026-W45');
    expect($<HTMLSelectElement>('#to').value).toBe('2026-W48');
    expect(($('.mail') as HTMLElement).hidden).toBe(true);
    expect(($('.report') as HTMLElement).hidden).toBe(true);
  });

  it('switches the period lists between weeks and months', async () => {
    await open({ ok: true, value: reportContext() });
    choose('unit', 'Month');
    expect(Array.from($<HTMLSelectElement>('#to').options).map((o) => o.value)).toEqual([
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect([$<HTMLSelectElement>('#from').value, $<HTMLSelectElement>('#to').value]).toEqual([
      '2026-09',
      '2026-11',
    ]);
  });

  it('shows the report the server made, with user text as text', async () => {
    const asked: ReportInput[] = [];
    await open(
      { ok: true, value: reportContext() },
      {
        getReport: (input) => {
          asked.push(input);
          return shown();
        },
      },
    );
    choose('assistant', 'priya@example.com');
    await showReport();
    expect(asked).toEqual([
      { assistant: 'priya@example.com', unit: 'Week', from: '2026-W45', to: '2026-W48' },
    ]);
    expect(text('.report h1')).toBe('Performance report: Priya Sharma');
    expect(Array.from(document.querySelectorAll('.report h2')).map((h) => h.textContent)).toEqual([
      'KPIs',
      'Check-ins',
      'Feedback',
      'Actions',
    ]);
    expect(text('.report td')).toBe(`K1 · ${XSS}`);
    expect(text('.report .chip-warn')).toBe('At risk');
    expect(text('.report li')).toBe(`2026-11-19 · Blocker · ${XSS}`);
    expect(document.querySelector('img')).toBeNull();
    expect(($('.mail') as HTMLElement).hidden).toBe(false);
  });

  it('e-mails the report on the screen to the chosen person, not what the controls say since', async () => {
    const sent: ReportMailInput[] = [];
    await open(
      { ok: true, value: reportContext() },
      {
        emailReport: (input) => {
          sent.push(input);
          return { ok: true, value: { recipient: input.recipient, message: 'Sent to Priya.' } };
        },
      },
    );
    await showReport();
    choose('from', '2026-W44');
    choose('recipient', 'priya@example.com');
    $<HTMLButtonElement>('.mail button').click();
    await settle();
    expect(sent).toEqual([
      {
        assistant: '',
        unit: 'Week',
        from: '2026-W45',
        to: '2026-W48',
        recipient: 'priya@example.com',
      },
    ]);
    expect(text('.mail [role="status"]')).toBe('Sent to Priya.');
  });

  it('says why the e-mail was not sent', async () => {
    await open(
      { ok: true, value: reportContext() },
      {
        emailReport: () => ({
          ok: false,
          message: 'The e-mail quota for today is used up, so the report was not sent.',
        }),
      },
    );
    await showReport();
    $<HTMLButtonElement>('.mail button').click();
    await settle();
    expect(text('.mail [role="alert"]')).toBe(
      'The e-mail quota for today is used up, so the report was not sent.',
    );
  });

  it('asks for From before To without calling the server, and shows the server’s refusals', async () => {
    const server = await open(
      { ok: true, value: reportContext() },
      {
        getReport: () => ({ ok: false, message: 'You can see your own performance report only.' }),
      },
    );
    choose('from', '2026-W48');
    choose('to', '2026-W45');
    await showReport();
    expect(text('#from-error')).toBe('From must be the same as or before To.');
    expect(document.activeElement?.id).toBe('from');
    expect(server.calls.map(([name]) => name)).toEqual(['getReportContext']);

    choose('from', '2026-W45');
    choose('to', '2026-W48');
    await showReport();
    expect(text('[role="alert"]')).toBe('You can see your own performance report only.');
  });
});
