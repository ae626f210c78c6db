/** @jest-environment jsdom */
import type { KpiSaveInput, Reply, KpiEditorContext } from '../../../src/ui/api';
import { startKpiEditor } from '../../../src/ui/pages/kpiEditor/view';
import { createBridge } from '../../../src/ui/pages/shared/bridge';
import { draft, editorContext, fakeServer, settle } from './fixtures';

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const text = (selector: string): string => $(selector).textContent ?? '';
const hidden = (id: string): boolean =>
  ($(`#${id}`).closest('.field') as HTMLElement).hidden === true;

/** Typing into a control: the form listens for input events. */
function type(id: string, value: string): void {
  const control = $<HTMLInputElement | HTMLSelectElement>(`#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}
function choose(id: string, value: string): void {
  const control = $<HTMLSelectElement>(`#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

async function open(context: Reply<KpiEditorContext>, save?: (input: KpiSaveInput) => unknown) {
  const server = fakeServer({
    getKpiEditorContext: () => context,
    ...(save ? { saveKpi: save as never } : {}),
  });
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startKpiEditor(root, server.call, { lang: 'en' });
  return server;
}

const smartLines = (): string[] =>
  Array.from(document.querySelectorAll('.smart li')).map((li) => li.textContent ?? '');

describe('the KPI editor sidebar', () => {
  it('tells an assistant politely that only managers change KPIs, and shows nothing else', async () => {
    await open({ ok: false, message: 'Only managers can change KPIs.' });
    expect(text('main')).toBe('Only managers can change KPIs.');
    expect($('main p').getAttribute('role')).toBe('status');
    expect(document.querySelector('form, select, input, button')).toBeNull();
  });

  it('offers to try again when the spreadsheet could not be reached', async () => {
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await startKpiEditor(root, createBridge({ lang: () => 'en', runner: () => undefined }), {
      lang: 'en',
    });
    expect(text('[role="alert"]')).toBe(
      'Could not reach the spreadsheet. Check your connection and try again.',
    );
    expect(text('button')).toBe('Try again');
  });

  it('runs the SMART check live, from failing letters to OK, as a new KPI is filled in', async () => {
    await open({ ok: true, value: editorContext() });
    expect(new Set(smartLines().map((line) => line[0]))).toEqual(new Set(['S', 'M', 'R', 'T']));
    expect($('.smart abbr').getAttribute('title')).toBe('Specific');

    type('name', 'Approved posts');
    type('measure', 'Posts approved by the client');
    choose('owner', 'priya@example.com');
    choose('aggregation', 'Sum');
    choose('direction', 'At least');
    type('target', '15');
    type('unit', 'posts');
    choose('goalId', 'G1');
    expect(smartLines()).toEqual(['T: Period is missing', 'T: Review by is missing']);
    choose('period', 'Week');
    type('reviewBy', '2026-12-31');
    expect(smartLines()).toEqual([]);
    expect(text('.smart')).toBe(
      'OK The KPI is specific, measurable, achievable, relevant and time-bound.',
    );
  });

  it('shows Numerator and Denominator KPI for a ratio, and Due time for On-time', async () => {
    await open({ ok: true, value: editorContext() });
    expect([hidden('numeratorKpi'), hidden('dueTime')]).toEqual([true, true]);
    choose('aggregation', 'Ratio');
    expect([hidden('numeratorKpi'), hidden('denominatorKpi'), hidden('dueTime')]).toEqual([
      false,
      false,
      true,
    ]);
    choose('aggregation', 'On-time');
    expect([hidden('numeratorKpi'), hidden('dueTime')]).toEqual([true, false]);
  });

  it('fills the form from an existing KPI and from a template', async () => {
    await open({ ok: true, value: editorContext() });
    choose('pick', 'K8');
    expect([
      $<HTMLInputElement>('#name').value,
      $<HTMLSelectElement>('#owner').value,
      $<HTMLSelectElement>('#goalId').value,
    ]).toEqual(['Qualified leads', 'ana@example.com', 'G5']);
    choose('template', '0:0');
    expect([
      $<HTMLSelectElement>('#pick').value,
      $<HTMLInputElement>('#target').value,
      $<HTMLSelectElement>('#taskType').value,
      $<HTMLSelectElement>('#owner').value,
    ]).toEqual(['', '50', 'Lead generation', 'ana@example.com']);
  });

  it('asks for a reason when an existing KPI’s target changes, and sends it with the draft', async () => {
    const saves: KpiSaveInput[] = [];
    const server = await open({ ok: true, value: editorContext() }, (input) => {
      saves.push(input);
      return {
        ok: true,
        value: {
          id: 'K1',
          created: false,
          targetChanged: true,
          smart: 'OK',
          message: 'KPI K1 saved. Target changed from 15 to 20; past periods keep 15.',
        },
      };
    });
    choose('pick', 'K1');
    expect(hidden('reason')).toBe(true);
    type('target', '20');
    expect(hidden('reason')).toBe(false);
    expect(text('#reason-hint')).toContain('The target was 15.');

    $<HTMLFormElement>('form').requestSubmit();
    expect(text('#reason-error')).toBe('Say why the target changes.');
    expect(document.activeElement?.id).toBe('reason');
    expect(server.calls).toHaveLength(1);

    type('reason', 'The client doubled the posting plan');
    $<HTMLFormElement>('form').requestSubmit();
    await settle();
    expect(saves).toEqual([
      { draft: draft({ target: '20' }), reason: 'The client doubled the posting plan' },
    ]);
    expect(text('[role="status"]')).toBe(
      'KPI K1 saved. Target changed from 15 to 20; past periods keep 15.SMART: OK',
    );
    // Saved: 20 is now the KPI's target, so no reason is asked for any more.
    expect(hidden('reason')).toBe(true);
  });

  it('keeps a Start typed as text in the sheet: the check quotes it, a save sends it back, a picked date replaces it', async () => {
    const saves: KpiSaveInput[] = [];
    const context = editorContext('en', {
      kpis: [draft({ start: 'soon', reviewBy: '31/02/2026' })],
    });
    await open({ ok: true, value: context }, (input) => {
      saves.push(input);
      return {
        ok: true,
        value: { id: 'K1', created: false, targetChanged: false, smart: '', message: 'Saved.' },
      };
    });
    choose('pick', 'K1');
    expect($<HTMLInputElement>('#start').value).toBe(''); // a date picker cannot show "soon"
    expect(smartLines()).toEqual([
      'T: Start "soon" cannot be read as a date (write it as 2026-11-27)',
      'T: Review by "31/02/2026" cannot be read as a date (write it as 2026-11-27)',
    ]);
    $<HTMLFormElement>('form').requestSubmit();
    await settle();
    expect(saves[0]?.draft).toMatchObject({ start: 'soon', reviewBy: '31/02/2026' });

    type('reviewBy', '2026-12-31');
    expect(smartLines()).toEqual([
      'T: Start "soon" cannot be read as a date (write it as 2026-11-27)',
    ]);
  });

  it('adds a new KPI to the list once saved and shows the SMART column it got', async () => {
    await open({ ok: true, value: editorContext() }, () => ({
      ok: true,
      value: {
        id: 'K11',
        created: true,
        targetChanged: false,
        smart: 'R: Goal ID is empty',
        message: 'KPI K11 created.',
      },
    }));
    type('name', '<img src=x onerror=alert(1)>');
    $<HTMLFormElement>('form').requestSubmit();
    await settle();
    expect(text('[role="status"]')).toBe('KPI K11 created.SMART: R: Goal ID is empty');
    expect($<HTMLSelectElement>('#pick').value).toBe('K11');
    expect($<HTMLSelectElement>('#pick').selectedOptions[0]?.text).toBe(
      'K11 · <img src=x onerror=alert(1)>',
    );
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows the server’s refusal next to the field it names', async () => {
    await open({ ok: true, value: editorContext() }, () => ({
      ok: false,
      message: 'Give the KPI a name.',
      field: 'name',
    }));
    type('name', 'x');
    $<HTMLFormElement>('form').requestSubmit();
    await settle();
    expect(text('#name-error')).toBe('Give the KPI a name.');
  });
});
