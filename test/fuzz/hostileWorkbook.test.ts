/**
 * The hostile workbooks behind the fuzzer's slow cases (issue 7), written
 * out by hand and driven through the compiled add-on: a 50,000-character
 * Owner, an action due in 1900, KPIs started in 1900, someone away until
 * 9999-12-31, a period serial no sheet can hold, a reporting line 2,000
 * people long. Each test asserts what a person sees; how long it takes is
 * measured by `npm run bench`, never here.
 */
import {
  appendRows,
  column,
  day,
  setUpExampleWorkbook,
  workedExampleRows,
  type Addon,
} from '../support/addon';

const METTE = 'mette@example.com';
const PRIYA = 'priya@example.com';
const JUAN = 'juan@example.com';

/** Sets cells of the rows whose `keyHeader` cell is `key`, by header. */
function edit(
  addon: Addon,
  tab: string,
  keyHeader: string,
  key: string,
  cells: Record<string, unknown>,
): void {
  const values = addon.emu.sheetValues(tab);
  const header = (values[0] ?? []) as string[];
  const rows = values.filter((row, r) => r > 0 && row[header.indexOf(keyHeader)] === key);
  if (rows.length === 0) throw new Error(`No ${tab} row with ${keyHeader} ${key}`);
  for (const row of rows) {
    for (const [name, value] of Object.entries(cells)) row[header.indexOf(name)] = value;
  }
  addon.emu.setSheetValues(tab, values);
}

/** Appends rows given by header. */
function append(addon: Addon, tab: string, records: Array<Record<string, unknown>>): void {
  const header = (addon.emu.sheetValues(tab)[0] ?? []) as string[];
  appendRows(
    addon.emu,
    tab,
    records.map((record) => header.map((h) => (h in record ? record[h] : ''))),
  );
}

function custom(addon: Addon, name: string, ...args: unknown[]): unknown {
  return addon.emu.asUser(METTE, () =>
    addon.emu.run(() => addon.emu.withAuthMode('CUSTOM_FUNCTION', () => addon.gas[name](...args))),
  );
}

function call<T>(addon: Addon, user: string, work: () => T): T {
  return addon.emu.asUser(user, () => addon.emu.run(work));
}

/** Monday-to-Friday days from `from` to `to`, both included, counted one by one. */
function weekdays(from: string, to: string): number {
  let count = 0;
  for (
    let t = Date.parse(`${from}T00:00:00Z`);
    t <= Date.parse(`${to}T00:00:00Z`);
    t += 86_400_000
  ) {
    const weekday = new Date(t).getUTCDay();
    if (weekday >= 1 && weekday <= 5) count++;
  }
  return count;
}

test('a KPI whose Owner is 50,000 characters: the SMART column and SMART_CHECK name it, cut short', () => {
  const addon = setUpExampleWorkbook();
  edit(addon, 'KPIs', 'KPI ID', 'K1', { Owner: 'x'.repeat(50_000) });
  call(addon, METTE, () => addon.gas.refreshDashboard());
  const smart = String(column(addon, 'KPIs', 'SMART')[0]);
  expect(smart).toMatch(/^S: Owner "x{100,}…?" is not an e-mail address/);
  expect(smart.length).toBeLessThan(1_200);
  expect(custom(addon, 'SMART_CHECK', [['K1']])).toEqual([[smart]]);
  // The other KPIs are read as before.
  expect(column(addon, 'KPIs', 'SMART').slice(1)).toContain('OK');
});

test("an open action due on 1 Jan 1900: Mette's reminder counts every working day Juan has let pass since", () => {
  const addon = setUpExampleWorkbook({ mailQuota: 100 });
  append(addon, 'Actions', [
    {
      'Action ID': 'A900',
      Created: day('2026-11-02'),
      Owner: JUAN,
      Action: 'Send the audit',
      Due: day('1900-01-01'),
      Status: 'Open',
    },
  ]);
  call(addon, METTE, () => addon.gas.sendRemindersNow());
  // Thursday 12:00 in Copenhagen is 19:00 in Manila: Juan's Thursday hours are over.
  const toMette = addon.emu.mail.sent.filter((mail) => mail.to === METTE);
  const text = toMette.map((mail) => String(mail.body)).join('\n');
  expect(text).toContain(
    `Juan dela Cruz: overdue for ${weekdays('1900-01-02', '2026-11-26')} working days`,
  );
});

test('KPIs started on 1 Jan 1900 and an assistant away until 9999-12-31: the worked example reads as it should', () => {
  const addon = setUpExampleWorkbook();
  appendRows(addon.emu, 'Log', workedExampleRows());
  const kpiIds = (column(addon, 'KPIs', 'KPI ID') as string[]).filter(Boolean);
  for (const id of kpiIds) edit(addon, 'KPIs', 'KPI ID', id, { Start: day('1900-01-01') });
  // PRODUCT section 4's worked example: 11 of 15 posts by Thursday, expected 12 → At risk.
  expect(custom(addon, 'KPI_STATUS', [['K1'], ['K3']])).toEqual([['At risk'], ['At risk']]);

  // Priya away from today to the end of time: Monday to Wednesday are all the week's
  // working days she has, so 15 were expected by now and 11 is Off track.
  edit(addon, 'Team', 'Email', PRIYA, { 'Away until': day('9999-12-31') });
  expect(custom(addon, 'KPI_STATUS', [['K1'], ['K3']])).toEqual([['Off track'], ['At risk']]);
  call(addon, METTE, () => addon.gas.refreshDashboard());
  const dashboard = addon.emu.sheetValues('Dashboard').map((row) => row.join(' | '));
  expect(dashboard.find((row) => row.includes('Approved posts'))).toContain('Off track');
});

test('a period serial no sheet can hold is said to be no date, not answered "No data"', () => {
  const addon = setUpExampleWorkbook();
  expect(custom(addon, 'KPI_STATUS', [['K1']], 1e15)).toEqual([
    ['Period "1000000000000000" is not a date or a key like 2026-W48'],
  ]);
  expect(custom(addon, 'KPI_SCORE', [[PRIYA]], -1e9)).toEqual([
    ['Period "-1000000000" is not a date or a key like 2026-W48'],
  ]);
  // The last date Sheets has, 31 Dec 9999 (serial 2958465), is still a period.
  expect(custom(addon, 'KPI_TARGET', [['K1']], 2958465)).toEqual([[15]]);
});

test('a reporting line 2,000 people long under Mette: she can open everyone, and feedback up the line is Upward', () => {
  const addon = setUpExampleWorkbook();
  const people = Array.from({ length: 2000 }, (_, i) => `p${i}@example.com`);
  append(
    addon,
    'Team',
    people.map((email, i) => ({
      Name: `P${i}`,
      Email: email,
      Role: i % 2 === 0 ? 'Assistant' : 'Manager',
      Manager: i === 0 ? METTE : people[i - 1],
    })),
  );
  const context = call(addon, METTE, () => addon.gas.getCheckInContext()) as {
    ok: boolean;
    value: { assistants: Array<{ email: string }> };
  };
  expect(context.ok).toBe(true);
  const picked = context.value.assistants.map((p) => p.email);
  expect(picked).toHaveLength(2003);
  expect(new Set(picked)).toEqual(new Set([PRIYA, JUAN, 'ana@example.com', ...people]));

  const last = people[1999] as string;
  const feedback = call(addon, last, () => addon.gas.getFeedbackContext()) as {
    ok: boolean;
    value: { people: Array<{ email: string; direction: string }> };
  };
  expect(feedback.ok).toBe(true);
  const direction = new Map(feedback.value.people.map((p) => [p.email, p.direction]));
  expect(direction.get(METTE)).toBe('Upward');
  expect(direction.get(people[0] as string)).toBe('Upward');
  // p1999 is a manager with no line to Priya: a manager to an assistant is Downward.
  expect(direction.get(PRIYA)).toBe('Downward');
});
