/**
 * The Outbox of a simulated Friday (27 Nov 2026, the weekly digest's day) for a workbook, in dry
 * run: on a copy of the workbook, the manager turns dry run on in Settings and "Reminders: send
 * now" runs at every hour of the day, as the hourly trigger would. `npm start` and `npm run demo`
 * print it; nothing is sent and the workbook given is not changed.
 */
import { createEmulator } from '../../emulator';
import { TAB_SCHEMAS } from '../../src/engine/i18n/vocabulary';
import { formatMinute, isoDay, localTime } from '../../src/engine/time/calendar';
import type { Reply, SettingsContext } from '../../src/ui/api';
import { DIST, EXAMPLE_OPTIONS } from './addon';

const FRIDAY = Date.UTC(2026, 10, 26, 23, 0); // Fri 27 Nov 2026 00:00 in Copenhagen
const HOUR_MS = 3_600_000;

/** Rows of text as a table: a header in capitals, columns padded to their widest cell. */
export function tableLines(rows: ReadonlyArray<Record<string, string>>): string[] {
  if (rows.length === 0) return [];
  const keys = Object.keys(rows[0] as Record<string, string>);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [
    line(keys.map((k) => k.toUpperCase())),
    ...rows.map((row) => line(keys.map((k) => row[k] ?? ''))),
  ];
}

/** The lines to print: a heading, then the Outbox's due time, recipient, channel, rule, subject and status. */
export function simulatedFriday(state: string): string[] {
  const emu = createEmulator({ ...EXAMPLE_OPTIONS, state, now: FRIDAY });
  const gas = emu.load(DIST);
  const manager = String(EXAMPLE_OPTIONS.owner);
  const asManager = <T>(work: () => T): T => emu.asUser(manager, () => emu.run(work));
  const settings = asManager(() => gas.getSettingsContext()) as Reply<SettingsContext>;
  const saved = settings.ok
    ? (asManager(() =>
        gas.saveSettings({ ...settings.value.values, dryRun: true }),
      ) as Reply<SettingsContext>)
    : settings;
  if (!saved.ok) return [`Simulated Friday: ${saved.message}`];
  emu.resetCalls();
  for (let hour = 0; hour < 24; hour++) {
    emu.clock.set(FRIDAY + hour * HOUR_MS);
    emu.endExecution();
    asManager(() => gas.sendRemindersNow());
  }
  const calls = emu.totalCalls();
  const sheet = emu.spreadsheet
    .getSheets()
    .find((s) => s.getDeveloperMetadata().some((m) => m.getValue() === 'outbox'));
  const [header = [], ...rows] = sheet ? emu.sheetValues(sheet.getName()) : [];
  const zone = emu.spreadsheet.getSpreadsheetTimeZone();
  const columns = TAB_SCHEMAS.outbox.columns;
  const shown = [
    columns.dueAt,
    columns.recipient,
    columns.channel,
    columns.rule,
    columns.subject,
    columns.status,
  ].map((words) => ({
    title: words[0],
    at: header.findIndex((h) => (words as readonly string[]).includes(String(h))),
  }));
  const cell = (value: unknown): string => {
    if (!(value instanceof Date)) return String(value ?? '');
    const local = localTime(value.getTime(), zone);
    return `${isoDay(local.day)} ${formatMinute(local.minute)}`;
  };
  return [
    `Outbox of a simulated Friday 27 Nov 2026, hourly runs in dry run (${zone}; ${rows.length} messages, ${calls} service calls over 24 runs)`,
    ...tableLines(
      rows.map((row) => Object.fromEntries(shown.map((c) => [c.title, cell(row[c.at])]))),
    ),
  ];
}
