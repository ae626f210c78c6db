import { column, setUpExampleWorkbook, type Addon } from '../support/addon';

function asManager<T>(addon: Addon, work: () => T): T {
  return addon.emu.asUser('mette@example.com', () => addon.emu.run(work));
}

const custom = (addon: Addon, name: string, ...args: unknown[]): unknown =>
  addon.emu.run(() => addon.emu.withAuthMode('CUSTOM_FUNCTION', () => addon.gas[name](...args)));

describe('KPI editor: the server side of the sidebar', () => {
  test('gives a manager the KPIs as drafts, the team, goals, templates and choices', () => {
    const addon = setUpExampleWorkbook();
    const reply = asManager(addon, () => addon.gas.getKpiEditorContext());
    expect(reply.ok).toBe(true);
    const context = reply.value;
    expect(context.kpis).toHaveLength(10);
    expect(context.kpis[0]).toMatchObject({
      id: 'K1',
      name: 'Approved posts',
      target: '15',
      start: '2026-11-02',
      riskBand: '10%',
    });
    expect(context.team.map((m: { email: string }) => m.email)).toContain('juan@example.com');
    expect(context.goals.map((g: { id: string }) => g.id)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5']);
    expect(context.templates.map((t: { taskType: string }) => t.taskType)).toEqual([
      'Social media',
      'Customer service',
      'Administration',
      'Content',
      'Lead generation',
    ]);
    expect(context.templates[0].drafts[0]).toMatchObject({
      id: '',
      owner: '',
      name: 'Approved posts',
      start: '2026-11-26',
    });
    expect(context.choices.aggregation).toContain('On-time');
  });

  test('an assistant gets a polite refusal, and the server refuses a save too', () => {
    const addon = setUpExampleWorkbook();
    const asPriya = <T>(work: () => T): T =>
      addon.emu.asUser('priya@example.com', () => addon.emu.run(work));
    expect(asPriya(() => addon.gas.getKpiEditorContext())).toEqual({
      ok: false,
      message: 'Only managers can change KPIs.',
    });
    const draft = asManager(addon, () => addon.gas.getKpiEditorContext()).value.kpis[0];
    expect(
      asPriya(() => addon.gas.saveKpi({ draft: { ...draft, target: '1' }, reason: 'easier' })),
    ).toEqual({
      ok: false,
      message: 'Only managers can change KPIs.',
    });
    expect(column(addon, 'KPIs', 'Target')[0]).toBe(15);
  });

  test('a new KPI from a template gets the next ID, its row and its SMART check', () => {
    const addon = setUpExampleWorkbook();
    const template = asManager(addon, () => addon.gas.getKpiEditorContext()).value.templates[3]
      .drafts[0];
    const reply = asManager(addon, () =>
      addon.gas.saveKpi({
        draft: { ...template, owner: 'juan@example.com', goalId: 'G4' },
        reason: '',
      }),
    );
    expect(reply).toMatchObject({ ok: true, value: { id: 'K11', created: true, smart: 'OK' } });
    expect(column(addon, 'KPIs', 'KPI ID').at(-1)).toBe('K11');
    expect(column(addon, 'KPIs', 'Owner').at(-1)).toBe('juan@example.com');
    expect(column(addon, 'KPIs', 'Target').at(-1)).toBe(3);
    expect(column(addon, 'KPIs', 'Start').at(-1)).toBeInstanceOf(Date);
    expect(column(addon, 'KPIs', 'SMART').at(-1)).toBe('OK');
  });

  test('a KPI saved with gaps is kept, and its SMART check says what is missing', () => {
    const addon = setUpExampleWorkbook();
    const draft = {
      ...asManager(addon, () => addon.gas.getKpiEditorContext()).value.templates[0].drafts[0],
    };
    const reply = asManager(addon, () =>
      addon.gas.saveKpi({
        draft: { ...draft, owner: 'juan@example.com', goalId: 'G9', reviewBy: '' },
        reason: '',
      }),
    );
    expect(reply.value.smart).toBe('R: Goal G9 is not in Goals; T: Review by is missing');
  });

  test('a target change needs a reason, then goes to Targets so past weeks keep the old target', () => {
    const addon = setUpExampleWorkbook();
    const k1 = asManager(addon, () => addon.gas.getKpiEditorContext()).value.kpis[0];
    const refused = asManager(addon, () =>
      addon.gas.saveKpi({ draft: { ...k1, target: '20' }, reason: ' ' }),
    );
    expect(refused).toEqual({
      ok: false,
      field: 'reason',
      message: 'Say why the target changes: it is kept in Targets.',
    });
    expect(column(addon, 'KPIs', 'Target')[0]).toBe(15);

    const saved = asManager(addon, () =>
      addon.gas.saveKpi({ draft: { ...k1, target: '20' }, reason: 'More clients' }),
    );
    expect(saved.value).toMatchObject({ targetChanged: true, created: false });
    expect(saved.value.message).toBe(
      'KPI K1 saved. Target changed from 15 to 20; past periods keep 15.',
    );
    expect(column(addon, 'KPIs', 'Target')[0]).toBe(20);
    expect(column(addon, 'Targets', 'Reason').at(-1)).toBe('More clients');
    expect(custom(addon, 'KPI_TARGET', 'K1', '2026-W47')).toBe(15);
    expect(custom(addon, 'KPI_TARGET', 'K1')).toBe(20);
  });

  test('user text starting with = or carrying a <script> is stored as text', () => {
    const addon = setUpExampleWorkbook();
    const k2 = asManager(addon, () => addon.gas.getKpiEditorContext()).value.kpis[1];
    const name = '=HYPERLINK("http://evil","<script>alert(1)</script>")';
    asManager(addon, () => addon.gas.saveKpi({ draft: { ...k2, name }, reason: '' }));
    expect(column(addon, 'KPIs', 'KPI')[1]).toBe(name);
    expect(addon.emu.sheetFormulas('KPIs').flat().filter(Boolean)).toEqual([]);
    expect(custom(addon, 'KPI_TARGET', name)).toBe(48);
  });

  test('a KPI deleted meanwhile is reported, not recreated', () => {
    const addon = setUpExampleWorkbook();
    const k1 = asManager(addon, () => addon.gas.getKpiEditorContext()).value.kpis[0];
    const reply = asManager(addon, () =>
      addon.gas.saveKpi({ draft: { ...k1, id: 'K404' }, reason: '' }),
    );
    expect(reply).toEqual({
      ok: false,
      message: 'KPI K404 is no longer in the KPIs tab: reload the editor.',
    });
  });

  test('while another process holds the lock nothing is written', () => {
    const addon = setUpExampleWorkbook();
    const k1 = asManager(addon, () => addon.gas.getKpiEditorContext()).value.kpis[0];
    addon.emu.holdDocumentLock('other@example.com');
    const reply = asManager(addon, () =>
      addon.gas.saveKpi({ draft: { ...k1, target: '30' }, reason: 'why not' }),
    );
    expect(reply.ok).toBe(false);
    expect(column(addon, 'KPIs', 'Target')[0]).toBe(15);
  });
});
