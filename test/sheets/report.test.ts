import {
  appendRows,
  day,
  logRow,
  setUpExampleWorkbook,
  workedExampleRows,
  type Addon,
} from '../support/addon';

const PRIYA = 'priya@example.com';
const JUAN = 'juan@example.com';
const METTE = 'mette@example.com';
const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://evil","click")';

const as = <T>(addon: Addon, email: string, work: () => T): T =>
  addon.emu.asUser(email, () => addon.emu.run(work));

const custom = (addon: Addon, name: string, ...args: unknown[]): unknown =>
  addon.emu.run(() => addon.emu.withAuthMode('CUSTOM_FUNCTION', () => addon.gas[name](...args)));

/** A tab's name, found as the add-on finds it: by its developer metadata. */
function tabName(addon: Addon, id: string): string {
  const sheet = addon.emu.spreadsheet
    .getSheets()
    .find((s) => s.getDeveloperMetadata().some((m) => m.getValue() === id));
  if (!sheet) throw new Error(`no ${id} tab`);
  return sheet.getName();
}

/** Rows given by header, appended below a tab's last row. */
function addRecords(addon: Addon, id: string, records: Array<Record<string, unknown>>): void {
  const name = tabName(addon, id);
  const header = addon.emu.sheetValues(name)[0] as string[];
  appendRows(
    addon.emu,
    name,
    records.map((record) => header.map((h) => (h in record ? record[h] : ''))),
  );
}

/**
 * Three weeks of Priya's posts before the worked example's week, and a
 * check-in history, feedback and actions of this test's own (the example
 * data's are cleared, so the counts below are this test's).
 */
function exampleHistory(addon: Addon): void {
  for (const id of ['checkIns', 'feedback', 'actions']) {
    const name = tabName(addon, id);
    addon.emu.setSheetValues(name, addon.emu.sheetValues(name).slice(0, 1));
  }
  appendRows(addon.emu, tabName(addon, 'log'), [
    logRow(day('2026-11-04'), PRIYA, 'K1', 16),
    logRow(day('2026-11-11'), PRIYA, 'K1', 12),
    logRow(day('2026-11-18'), PRIYA, 'K1', 15),
    logRow(day('2026-11-11'), PRIYA, 'K2', 40),
    ...workedExampleRows(),
  ]);
  addRecords(addon, 'checkIns', [
    {
      'Check-in ID': 'C1',
      Assistant: PRIYA,
      Manager: METTE,
      Date: day('2026-11-05'),
      Status: 'Held',
      Mood: 4,
    },
    {
      'Check-in ID': 'C2',
      Assistant: PRIYA,
      Manager: METTE,
      Date: day('2026-11-12'),
      Status: 'Missed',
    },
    {
      'Check-in ID': 'C3',
      Assistant: PRIYA,
      Manager: METTE,
      Date: day('2026-11-19'),
      Status: 'Held',
      Mood: 3,
    },
  ]);
  addRecords(addon, 'feedback', [
    {
      'Feedback ID': 'F1',
      Date: day('2026-11-05'),
      From: METTE,
      To: PRIYA,
      Kind: 'Praise',
      Text: 'Great posts',
    },
    {
      'Feedback ID': 'F2',
      Date: day('2026-11-19'),
      From: PRIYA,
      To: METTE,
      Kind: 'Blocker',
      Text: XSS,
    },
    {
      'Feedback ID': 'F3',
      Date: day('2026-11-20'),
      From: METTE,
      To: PRIYA,
      Kind: 'Suggestion',
      Text: FORMULA,
    },
  ]);
  addRecords(addon, 'actions', [
    {
      'Action ID': 'A1',
      Created: day('2026-11-05'),
      Owner: PRIYA,
      Action: 'Batch posts',
      Due: day('2026-11-12'),
      Status: 'Done',
      'Done on': day('2026-11-11'),
    },
    {
      'Action ID': 'A2',
      Created: day('2026-11-19'),
      Owner: PRIYA,
      Action: 'Ask for briefs',
      Due: day('2026-11-24'),
      Status: 'Open',
    },
  ]);
}

const lastFourWeeks = { unit: 'Week', from: '2026-W45', to: '2026-W48' } as const;

describe('Report: the dialog and its server side', () => {
  test('the menu item opens an 800 × 600 dialog', () => {
    const addon = setUpExampleWorkbook();
    as(addon, METTE, () => addon.gas.showReport());
    expect(addon.emu.ui.dialogs.at(-1)).toMatchObject({
      title: 'Performance report',
      width: 800,
      height: 600,
      modal: true,
    });
  });

  test('a manager may report on the whole team or anyone, over the last four weeks by default', () => {
    const addon = setUpExampleWorkbook();
    const reply = as(addon, METTE, () => addon.gas.getReportContext());
    expect(reply.ok).toBe(true);
    expect(reply.value.defaults).toEqual({ assistant: '', ...lastFourWeeks });
    expect(reply.value.people.map((p: { email: string }) => p.email)).toEqual([
      PRIYA,
      JUAN,
      'ana@example.com',
    ]);
    expect(reply.value.weeks.at(-1)).toEqual({ key: '2026-W48', label: '2026-W48 · 2026-11-23' });
    expect(reply.value.months.at(-1)).toEqual({ key: '2026-11', label: '2026-11' });
  });

  test('the report figures for each week are the ones the formulas give for that week', () => {
    const addon = setUpExampleWorkbook();
    exampleHistory(addon);
    const reply = as(addon, METTE, () =>
      addon.gas.getReport({ assistant: PRIYA, ...lastFourWeeks }),
    );
    expect(reply.ok).toBe(true);
    const kpis = reply.value.report.kpis as Array<{
      kpiId: string;
      periods: Array<{ key: string; actual: number | null; target: number; status: string }>;
    }>;
    expect(kpis.map((k) => k.kpiId)).toEqual(['K1', 'K2', 'K7']);
    for (const kpi of kpis) {
      expect(kpi.periods).toHaveLength(4);
      for (const p of kpi.periods) {
        expect([kpi.kpiId, p.key, p.actual ?? '', p.target, p.status]).toEqual([
          kpi.kpiId,
          p.key,
          custom(addon, 'KPI_ACTUAL', kpi.kpiId, p.key, PRIYA),
          custom(addon, 'KPI_TARGET', kpi.kpiId, p.key, PRIYA),
          custom(addon, 'KPI_STATUS', kpi.kpiId, p.key, PRIYA),
        ]);
      }
    }
    expect(reply.value.report.kpis[0]).toMatchObject({ met: 2, closedPeriods: 3, trend: 'worse' });
    expect(reply.value.report.checkIns).toMatchObject({ held: 2, missed: 1 });
    expect(reply.value.report.feedback.received).toMatchObject({ Praise: 1, Suggestion: 1 });
    expect(reply.value.report.actions).toMatchObject({ opened: 2, closed: 1, overdue: 1 });
    expect(reply.value.document.title).toBe('Performance report: Priya Sharma');
  });

  test('an assistant gets their own report and nobody else’s, nor the team’s', () => {
    const addon = setUpExampleWorkbook();
    exampleHistory(addon);
    const context = as(addon, PRIYA, () => addon.gas.getReportContext());
    expect(context.value.manager).toBe(false);
    expect(context.value.people).toEqual([{ email: PRIYA, name: 'Priya Sharma' }]);
    expect(context.value.defaults.assistant).toBe(PRIYA);

    const own = as(addon, PRIYA, () => addon.gas.getReport({ assistant: PRIYA, ...lastFourWeeks }));
    expect(own.ok).toBe(true);
    const refusal = { ok: false, message: 'You can see your own performance report only.' };
    for (const assistant of [JUAN, 'Juan dela Cruz', '']) {
      expect(as(addon, PRIYA, () => addon.gas.getReport({ assistant, ...lastFourWeeks }))).toEqual(
        refusal,
      );
      expect(
        as(addon, PRIYA, () =>
          addon.gas.emailReport({ assistant, ...lastFourWeeks, recipient: PRIYA }),
        ),
      ).toEqual(refusal);
    }
    expect(addon.emu.mail.sent).toEqual([]);
  });

  test('someone outside Team is told so, and a range the other way round is refused', () => {
    const addon = setUpExampleWorkbook();
    expect(as(addon, 'stranger@example.com', () => addon.gas.getReportContext())).toEqual({
      ok: false,
      message: 'You are not in the Team tab yet: ask your manager to add stranger@example.com.',
    });
    expect(
      as(addon, METTE, () =>
        addon.gas.getReport({ assistant: '', unit: 'Week', from: '2026-W48', to: '2026-W45' }),
      ),
    ).toEqual({
      ok: false,
      field: 'from',
      message: 'The first period must come before the last.',
    });
  });

  test('the e-mail has an HTML and a plain-text part, and user text stays inert in both', () => {
    const addon = setUpExampleWorkbook();
    exampleHistory(addon);
    const reply = as(addon, METTE, () =>
      addon.gas.emailReport({ assistant: PRIYA, ...lastFourWeeks, recipient: '' }),
    );
    expect(reply).toEqual({
      ok: true,
      value: { recipient: METTE, message: 'The report was sent to mette@example.com.' },
    });
    const [mail] = addon.emu.mail.sent;
    expect(mail).toMatchObject({
      to: METTE,
      subject: 'Performance report: Priya Sharma (2026-W45 to 2026-W48)',
      name: 'KPI Loop',
    });
    expect(mail?.htmlBody).toContain('<table');
    expect(mail?.htmlBody).not.toContain('<img');
    expect(mail?.htmlBody).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(mail?.htmlBody).toContain('=HYPERLINK(&#34;http://evil&#34;,&#34;click&#34;)');
    expect(mail?.body).toContain(XSS);
    expect(mail?.body).toContain(FORMULA);
    expect(mail?.body).not.toContain('<table');
    expect(mail?.body).toContain('Performance report: Priya Sharma\n===');
  });

  test('a KPI name that looks like markup or a formula is escaped in the e-mail too', () => {
    const addon = setUpExampleWorkbook();
    const draft = as(addon, METTE, () => addon.gas.getKpiEditorContext()).value.kpis[0];
    as(addon, METTE, () => addon.gas.saveKpi({ draft: { ...draft, name: XSS }, reason: '' }));
    as(addon, METTE, () =>
      addon.gas.emailReport({ assistant: PRIYA, ...lastFourWeeks, recipient: PRIYA }),
    );
    const [mail] = addon.emu.mail.sent;
    expect(mail?.to).toBe(PRIYA);
    expect(mail?.htmlBody).not.toContain('<img');
    expect(mail?.htmlBody).toContain('K1 · &#60;img src=x onerror=alert(1)&#62;');
    expect(mail?.body).toContain(`K1 · ${XSS}`);
  });

  test('an assistant may send their report to themself or their manager, not to a colleague', () => {
    const addon = setUpExampleWorkbook();
    const recipients = as(addon, PRIYA, () => addon.gas.getReportContext()).value.recipients;
    expect(recipients.map((p: { email: string }) => p.email)).toEqual([PRIYA, METTE]);
    expect(
      as(addon, PRIYA, () =>
        addon.gas.emailReport({ assistant: PRIYA, ...lastFourWeeks, recipient: JUAN }),
      ),
    ).toEqual({
      ok: false,
      field: 'recipient',
      message: 'The report cannot be sent to juan@example.com.',
    });
    expect(
      as(addon, PRIYA, () =>
        addon.gas.emailReport({ assistant: PRIYA, ...lastFourWeeks, recipient: METTE }),
      ).ok,
    ).toBe(true);
    expect(addon.emu.mail.sent.map((m) => m.to)).toEqual([METTE]);
  });

  test('with the day’s mail quota used up, nothing is sent and the person is told why', () => {
    const addon = setUpExampleWorkbook();
    addon.emu.mail.setRemaining(0);
    const reply = as(addon, METTE, () =>
      addon.gas.emailReport({ assistant: '', ...lastFourWeeks, recipient: METTE }),
    );
    expect(reply).toEqual({
      ok: false,
      message:
        'The e-mail quota for today is used up, so the report was not sent. Try again tomorrow.',
    });
    expect(addon.emu.mail.sent).toEqual([]);
  });

  test('a Danish workbook gets a Danish report and e-mail', () => {
    const addon = setUpExampleWorkbook({ locale: 'da_DK' });
    exampleHistory(addon);
    const reply = as(addon, METTE, () =>
      addon.gas.getReport({ assistant: PRIYA, unit: 'Month', from: '2026-11', to: '2026-11' }),
    );
    expect(reply.value.document.title).toBe('Præstationsrapport: Priya Sharma');
    expect(reply.value.document.sections.map((s: { heading: string }) => s.heading)).toEqual([
      "KPI'er",
      'Opfølgninger',
      'Feedback',
      'Handlinger',
    ]);
    const detail = reply.value.document.sections[0].blocks[1];
    expect(detail.columns).toEqual(['KPI', 'Periode', 'Faktisk', 'Mål', 'Status']);
    expect(detail.rows[0].map((c: { text: string }) => c.text)).toEqual([
      'K1 · Godkendte opslag',
      '2026-W45',
      '16',
      '15 opslag',
      'Nået',
    ]);
    as(addon, METTE, () =>
      addon.gas.emailReport({
        assistant: PRIYA,
        unit: 'Month',
        from: '2026-11',
        to: '2026-11',
        recipient: METTE,
      }),
    );
    expect(addon.emu.mail.sent[0]?.subject).toBe(
      'Præstationsrapport: Priya Sharma (2026-11 til 2026-11)',
    );
    expect(addon.emu.mail.sent[0]?.body).toContain('Måned 2026-11 til 2026-11');
  });

  test('a team report makes the same number of service calls at 10 and 500 Log rows', () => {
    const callsFor = (extraRows: number): number => {
      const addon = setUpExampleWorkbook();
      exampleHistory(addon);
      const rows = Array.from({ length: extraRows }, (_, i) =>
        logRow(day(`2026-11-${String(2 + (i % 20)).padStart(2, '0')}`), PRIYA, 'K1', 1),
      );
      appendRows(addon.emu, tabName(addon, 'log'), rows);
      addon.emu.resetCalls();
      const reply = as(addon, METTE, () =>
        addon.gas.getReport({ assistant: '', ...lastFourWeeks }),
      );
      expect(reply.ok).toBe(true);
      return addon.emu.totalCalls();
    };
    expect(callsFor(500)).toBe(callsFor(0));
  });
});
