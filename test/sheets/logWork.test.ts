import { column, setUpExampleWorkbook, type Addon } from '../support/addon';

const PRIYA = 'priya@example.com';

function asPriya<T>(addon: Addon, work: () => T): T {
  return addon.emu.asUser(PRIYA, () => addon.emu.run(work));
}

const entry = (over: Record<string, string> = {}) => ({
  kpiId: 'K1',
  date: '2026-11-26',
  value: '3',
  note: '',
  link: '',
  ...over,
});

describe('Log work: the server side of the sidebar', () => {
  test("lists the caller's own active KPIs with today in their time zone", () => {
    const addon = setUpExampleWorkbook();
    const reply = asPriya(addon, () => addon.gas.getLogWorkContext());
    expect(reply.ok).toBe(true);
    expect(reply.value.user).toEqual({
      email: PRIYA,
      name: 'Priya Sharma',
      timeZone: 'Asia/Kolkata',
    });
    expect(reply.value.today).toBe('2026-11-26');
    expect(reply.value.kpis.map((k: { id: string }) => k.id)).toEqual(['K1', 'K2', 'K7']);
    expect(reply.value.kpis[2]).toMatchObject({
      id: 'K7',
      valueOptional: false,
      aggregation: 'Count',
    });
  });

  test("saving an entry appends one Log row and answers with the KPI's new actual and status", () => {
    const addon = setUpExampleWorkbook();
    const reply = asPriya(addon, () =>
      addon.gas.saveLogEntry(entry({ value: '12', note: "Week's batch" })),
    );
    expect(reply).toMatchObject({
      ok: true,
      value: { entryId: 'E1', kpi: { actual: 12, status: 'On track' } },
    });
    expect(reply.value.message).toBe('Saved. Approved posts: 12 of 15 posts — On track.');
    expect(column(addon, 'Log', 'Entry ID')).toEqual(['E1']);
    expect(column(addon, 'Log', 'Assistant')).toEqual([PRIYA]);
    expect(column(addon, 'Log', 'Value')).toEqual([12]);
    expect(column(addon, 'Log', 'Check')).toEqual(['OK']);
    expect(column(addon, 'Log', 'Logged by')).toEqual([PRIYA]);
  });

  test.each([
    [{ value: 'lots' }, 'value', 'Value "lots" is not a number'],
    [{ value: '' }, 'value', 'Value is missing'],
    [{ value: '-2' }, 'value', 'Value -2 is negative'],
    [{ date: '2026-11-30' }, 'date', 'Date 2026-11-30 is in the future'],
    [{ date: '30/02/2026' }, 'date', 'Date "30/02/2026" is not a date'],
    [{ kpiId: 'K99' }, 'kpiId', 'Unknown KPI "K99"'],
    [{ kpiId: 'K3' }, 'kpiId', 'Priya Sharma does not own KPI K3'],
    [{ link: 'javascript:alert(1)' }, 'link', 'The link must start with http:// or https://'],
  ])(
    'a bad entry is refused with its own message and nothing is written (%#)',
    (over, field, message) => {
      const addon = setUpExampleWorkbook();
      const reply = asPriya(addon, () => addon.gas.saveLogEntry(entry(over)));
      expect(reply).toEqual({ ok: false, field, message });
      expect(addon.emu.sheetValues('Log')).toHaveLength(1);
    },
  );

  test('a Danish workbook answers in Danish', () => {
    const addon = setUpExampleWorkbook({ locale: 'da_DK' });
    const reply = asPriya(addon, () => addon.gas.saveLogEntry(entry({ value: 'mange' })));
    expect(reply.message).toBe('Værdien "mange" er ikke et tal');
    const saved = asPriya(addon, () => addon.gas.saveLogEntry(entry({ value: '2,5' })));
    expect(saved.value.kpi.actual).toBe(2.5);
  });

  test('a note or link starting with = is stored as text, never as a formula', () => {
    const addon = setUpExampleWorkbook();
    asPriya(addon, () =>
      addon.gas.saveLogEntry(entry({ note: '=IMPORTRANGE("x","y")', value: '1' })),
    );
    asPriya(addon, () => addon.gas.saveLogEntry(entry({ note: '+1 more', value: '1' })));
    expect(column(addon, 'Log', 'Note')).toEqual(['=IMPORTRANGE("x","y")', '+1 more']);
    expect(addon.emu.sheetFormulas('Log').flat().filter(Boolean)).toEqual([]);
  });

  test('someone not in Team is told so, and cannot write', () => {
    const addon = setUpExampleWorkbook();
    const reply = addon.emu.asUser('stranger@example.com', () =>
      addon.emu.run(() => addon.gas.saveLogEntry(entry())),
    );
    expect(reply).toEqual({
      ok: false,
      message: 'You are not in the Team tab yet: ask your manager to add stranger@example.com.',
    });
    expect(addon.emu.sheetValues('Log')).toHaveLength(1);
  });

  test('while another save holds the lock nothing is written and the person is asked to try again', () => {
    const addon = setUpExampleWorkbook();
    addon.emu.holdDocumentLock('juan@example.com');
    const reply = asPriya(addon, () => addon.gas.saveLogEntry(entry()));
    expect(reply).toEqual({
      ok: false,
      message: 'Someone else is saving right now. Nothing was saved; please try again in a moment.',
    });
    expect(addon.emu.sheetValues('Log')).toHaveLength(1);
  });

  test('the served sidebar is the static page: no user text is rendered into it by the server', () => {
    const addon = setUpExampleWorkbook();
    asPriya(addon, () => addon.gas.showLogWork());
    const sidebar = addon.emu.ui.sidebars.at(-1);
    expect(sidebar?.title).toBe('Log work');
    expect(sidebar?.content).not.toContain('priya@example.com');
    expect(sidebar?.content).toContain('<script>');
  });
});
