/**
 * Injection suite (issue 7, item 3; PRODUCT section 8): user text from every
 * sidebar field goes into cells as text, never a formula, and into e-mail
 * HTML escaped.
 */
import { setUpExampleWorkbook, type Addon } from '../support/addon';

const METTE = 'mette@example.com';
const PRIYA = 'priya@example.com';
const TABS = ['KPIs', 'Log', 'Targets', 'Check-ins', 'Feedback', 'Actions'];

const PAYLOADS = [
  '=HYPERLINK("http://evil","x")',
  '+1+2',
  '-3+4',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
];

const as = <T>(addon: Addon, user: string, work: () => T): T =>
  addon.emu.asUser(user, () => addon.emu.run(work));

/** Cells holding a formula the add-on wrote, outside the sheet's own formula columns. */
function formulas(addon: Addon): string[] {
  return TABS.flatMap((tab) =>
    addon.emu
      .sheetFormulas(tab)
      .flatMap((row, r) => row.map((f, c) => (f ? `${tab}!R${r + 1}C${c + 1}: ${f}` : '')))
      .filter(Boolean),
  );
}

/** Every cell of the tabs, as text, to find where a payload landed. */
const cells = (addon: Addon): string[] =>
  TABS.flatMap((tab) => addon.emu.sheetValues(tab).flat().map(String));

/** A payload is kept as the person wrote it, possibly behind a neutralising quote or space. */
const keptAsText = (addon: Addon, payload: string): boolean =>
  cells(addon).some((cell) => cell.includes(payload.trim().replace(/^[\t\r\n]+/, '')));

describe.each(PAYLOADS)('user text %j', (payload) => {
  test('from every sidebar field is stored as text, never as a formula', () => {
    const addon = setUpExampleWorkbook();
    const before = formulas(addon);
    const replies = [
      as(addon, PRIYA, () =>
        addon.gas.saveLogEntry({
          kpiId: 'K1',
          date: '2026-11-26',
          value: '3',
          note: payload,
          link: '',
        }),
      ),
      as(addon, PRIYA, () =>
        addon.gas.giveFeedback({
          to: METTE,
          kind: 'Praise',
          kpi: '',
          checkInId: '',
          text: payload,
        }),
      ),
      as(addon, PRIYA, () => addon.gas.answerUpwardQuestion({ kind: 'Suggestion', text: payload })),
      as(addon, PRIYA, () =>
        addon.gas.updateAction({ actionId: 'A2', status: 'In progress', followUp: payload }),
      ),
      as(addon, METTE, () =>
        addon.gas.recordCheckIn({
          assistant: PRIYA,
          checkInId: '',
          summary: payload,
          mood: '4',
          feedback: [{ from: 'manager', kind: 'Praise', kpi: '', text: payload }],
          actions: [{ owner: PRIYA, action: payload, due: '2026-12-10', kpi: '' }],
          actionUpdates: [],
          next: { cadence: 'Weekly', date: '2026-12-03', time: '10:00', meetingLink: '' },
        }),
      ),
    ];
    expect(replies.map((r) => (r.ok ? 'ok' : r.message))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(formulas(addon)).toEqual(before);
    expect(keptAsText(addon, payload)).toBe(true);
    const link = as(addon, PRIYA, () =>
      addon.gas.saveLogEntry({
        kpiId: 'K1',
        date: '2026-11-26',
        value: '3',
        note: '',
        link: payload,
      }),
    );
    expect(link).toMatchObject({ ok: false, field: 'link' });
    expect(formulas(addon)).toEqual(before);
  });

  test('in a KPI name, measure and unit is stored as text', () => {
    const addon = setUpExampleWorkbook();
    const before = formulas(addon);
    const ctx = as(addon, METTE, () => addon.gas.getKpiEditorContext());
    const draft = {
      ...ctx.value.kpis[0],
      id: '',
      name: `${payload} posts`,
      measure: payload,
      unit: payload,
    };
    const reply = as(addon, METTE, () => addon.gas.saveKpi({ draft, reason: payload }));
    expect(reply.ok ? 'ok' : reply.message).toBe('ok');
    expect(formulas(addon)).toEqual(before);
  });

  test('reaches an e-mailed report escaped, never as markup', () => {
    const addon = setUpExampleWorkbook();
    as(addon, PRIYA, () =>
      addon.gas.giveFeedback({ to: METTE, kind: 'Praise', kpi: '', checkInId: '', text: payload }),
    );
    as(addon, PRIYA, () => addon.gas.answerUpwardQuestion({ kind: 'Suggestion', text: payload }));
    const reply = as(addon, METTE, () =>
      addon.gas.emailReport({
        assistant: PRIYA,
        unit: 'week',
        from: '2026-W48',
        to: '2026-W48',
        recipient: METTE,
      }),
    );
    expect(reply.ok ? 'ok' : reply.message).toBe('ok');
    const html = addon.emu.mail.sent.map((m) => m.htmlBody ?? '').join('\n');
    expect(html).not.toMatch(/<img src=x|<script>alert/);
  });
});
