/**
 * `npm run demo`: the terminal summary of the compiled add-on on the example
 * workbook, with no Google account: the KPI table through the custom
 * functions, the Dashboard, and an assistant's check-in agenda and
 * performance report. The first run executes "Set up tracker with example
 * data" and adds six weeks of work for the example team; the workbook is kept
 * in .local/workbook.json (shared with `npm start`, the playground) and
 * reloaded by the next run (`-- --reset` starts over, `-- --lang da` gives a
 * Danish workbook). Last, the Outbox of a simulated Friday (27 Nov 2026) of
 * hourly reminder runs in dry run, on a copy of the workbook.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exampleLogRows, logTabRows } from './lib/generate';
import { simulatedFriday, tableLines } from './lib/simulatedFriday';
import { appendRows, EXAMPLE_OPTIONS, loadAddon, type Addon } from './lib/addon';
import { DIST } from './lib/addon';
import { createEmulator } from '../emulator';
import { reportText } from '../src/engine/feedback/reportMail';
import type { AgendaView, CheckInContext, Reply, ReportContext, ReportView } from '../src/ui/api';

const STATE_FILE = path.resolve(__dirname, '../.local/workbook.json');
const args = process.argv.slice(2);
const reset = args.includes('--reset');
const lang = args[args.indexOf('--lang') + 1] === 'da' && args.includes('--lang') ? 'da' : 'en';

function freshWorkbook(): Addon {
  const addon = loadAddon({ locale: lang === 'da' ? 'da_DK' : 'en_US' });
  addon.gas.setUpTrackerWithExamples();
  const logName =
    addon.emu.spreadsheet
      .getSheets()
      .find((s) => s.getName() === 'Log')
      ?.getName() ?? 'Log';
  const rows = exampleLogRows(addon.emu.clock.now(), EXAMPLE_OPTIONS.timeZone as string);
  appendRows(addon.emu, logName, logTabRows(rows));
  addon.gas.setUpTracker(); // writes Check and SMART for the new rows and seeds the ID counters
  return addon;
}

function savedWorkbook(): Addon | null {
  if (reset || !fs.existsSync(STATE_FILE)) return null;
  try {
    const emu = createEmulator({
      ...EXAMPLE_OPTIONS,
      state: fs.readFileSync(STATE_FILE, 'utf8'),
      now: new Date(),
    });
    return { emu, gas: emu.load(DIST) };
  } catch (error) {
    console.warn(`Could not read ${STATE_FILE} (${String(error)}); starting over.`);
    return null;
  }
}

function main(): void {
  const saved = savedWorkbook();
  const { emu, gas } = saved ?? freshWorkbook();
  const ss = emu.spreadsheet;
  console.log(
    `KPI Loop on "${ss.getName()}" (${ss.getSpreadsheetTimeZone()}, ${ss.getSpreadsheetLocale()}), ${saved ? 'reloaded from' : 'created in'} ${path.relative(process.cwd(), STATE_FILE)}`,
  );
  console.log(`Now: ${new Date(emu.clock.now()).toISOString()}\n`);
  for (const toast of emu.ui.toasts) console.log(`Toast: ${toast.message}`);

  const kpiSheet = ss
    .getSheets()
    .find((s) => s.getDeveloperMetadata().some((m) => m.getValue() === 'kpis'));
  const kpiRows = kpiSheet ? emu.sheetValues(kpiSheet.getName()).slice(1) : [];
  const ids = kpiRows.map((row) => [row[0]]).filter(([id]) => id !== '');
  // One call per formula over the whole range, as a sheet would do with =KPI_STATUS(A2:A11).
  emu.resetCalls();
  const statuses = gas.KPI_STATUS(ids) as unknown[][];
  const callsForOneRange = emu.totalCalls();
  const actuals = gas.KPI_ACTUAL(ids) as unknown[][];
  const targets = gas.KPI_TARGET(ids) as unknown[][];
  const progress = gas.KPI_PROGRESS(ids) as unknown[][];
  const smart = gas.SMART_CHECK(ids) as unknown[][];
  const table = kpiRows
    .filter((row) => row[0] !== '')
    .map((row, i) => ({
      id: String(row[0]),
      kpi: String(row[1]),
      owner: String(row[2]),
      actual: format(actuals[i]?.[0]),
      target: format(targets[i]?.[0]),
      progress:
        typeof progress[i]?.[0] === 'number'
          ? `${Math.round((progress[i]?.[0] as number) * 100)}%`
          : '',
      status: String(statuses[i]?.[0] ?? ''),
      smart: String(smart[i]?.[0] ?? ''),
    }));
  printTable(table);
  console.log(
    `\nKPI_STATUS over all ${ids.length} KPIs: ${callsForOneRange} service calls (one read per tab).`,
  );
  printDashboard({ emu, gas });
  printAgendaAndReport({ emu, gas }, 'priya@example.com');

  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, emu.serialize());
  console.log('');
  for (const line of simulatedFriday(emu.serialize())) console.log(line);
}

/** Dashboard: refresh, as the manager would run it from the menu, then its blocks as text. */
function printDashboard({ emu, gas }: Addon): void {
  emu.resetCalls();
  emu.run(() => gas.refreshDashboard());
  const calls = emu.totalCalls();
  const sheet = emu.spreadsheet
    .getSheets()
    .find((s) => s.getDeveloperMetadata().some((m) => m.getValue() === 'dashboard'));
  if (!sheet) return;
  const values = emu.sheetValues(sheet.getName());
  console.log(`\n${String(values[0]?.[0] ?? '')}  (${calls} service calls)`);
  let block: unknown[][] = [];
  const flush = (): void => {
    if (block.length > 1) {
      // The first 11 columns: the sparkline and its history columns are for the sheet, not a terminal.
      const header = (block[0] as unknown[]).slice(0, 11).map(String);
      printTable(
        block
          .slice(1)
          .map((row) =>
            Object.fromEntries(header.map((h, i) => [h, format(row[i])]).filter(([h]) => h !== '')),
          ),
      );
      console.log('');
    } else if (block.length === 1) console.log(String(block[0]?.[0] ?? ''));
    block = [];
  };
  for (const row of values.slice(2)) {
    if (row.every((cell) => cell === '')) flush();
    else if (row.filter((cell) => cell !== '').length === 1 && block.length === 0)
      console.log(`\n${String(row[0])}`);
    else block.push(row);
  }
  flush();
}

/** One assistant's check-in agenda and performance report, as their manager opens them. */
function printAgendaAndReport({ emu, gas }: Addon, assistant: string): void {
  const manager = String(EXAMPLE_OPTIONS.owner);
  const asManager = <T>(work: () => T): T => emu.asUser(manager, () => emu.run(work));
  emu.resetCalls();
  const checkIn = asManager(() => gas.getCheckInContext({ assistant })) as Reply<CheckInContext>;
  const agendaCalls = emu.totalCalls();
  if (!checkIn.ok) console.log(`\nCheck-in agenda: ${checkIn.message}`);
  else if (checkIn.value.agenda) printAgenda(checkIn.value.agenda, agendaCalls);

  const context = asManager(() => gas.getReportContext()) as Reply<ReportContext>;
  if (!context.ok) {
    console.log(`\nReport: ${context.message}`);
    return;
  }
  emu.resetCalls();
  const report = asManager(() =>
    gas.getReport({ ...context.value.defaults, assistant }),
  ) as Reply<ReportView>;
  const reportCalls = emu.totalCalls();
  if (!report.ok) console.log(`\nReport: ${report.message}`);
  else console.log(`\n${reportText(report.value.document)}\n(${reportCalls} service calls)`);
}

function printAgenda(agenda: AgendaView, calls: number): void {
  const who = agenda.assistant.name || agenda.assistant.email;
  console.log(`\nCheck-in agenda: ${who}  (${calls} service calls)`);
  if (agenda.lastCheckIn)
    console.log(
      `Last check-in ${agenda.lastCheckIn.date} (mood ${agenda.lastCheckIn.mood ?? '–'}): ${agenda.lastCheckIn.summary}`,
    );
  if (agenda.upcoming)
    console.log(
      `Next check-in ${agenda.upcoming.date} ${agenda.upcoming.time} (${agenda.upcoming.managerZone}), ` +
        `${agenda.upcoming.assistantDate} ${agenda.upcoming.assistantTime} (${agenda.upcoming.assistantZone})`,
    );
  console.log('');
  printTable(
    agenda.kpis.map((kpi) => {
      const now = kpi.periods[kpi.periods.length - 1];
      return {
        kpi: `${kpi.id} ${kpi.name}`,
        periods: kpi.periods.map((p) => `${p.key} ${format(p.actual ?? '–')}`).join(', '),
        target: now ? format(now.target) : '',
        status: kpi.problem || now?.status || '',
        trend: kpi.trend ?? '',
      };
    }),
  );
  const list = (title: string, lines: string[]): void => {
    if (lines.length === 0) return;
    console.log(`\n${title}`);
    for (const line of lines) console.log(`  - ${line}`);
  };
  list(
    'Open actions',
    agenda.actions.map(
      (a) =>
        `${a.id} ${a.action} (due ${a.due || '–'}, ${a.statusLabel}${a.overdue ? ', overdue' : ''})`,
    ),
  );
  list(
    'Feedback since the last check-in',
    agenda.feedback.map((f) => `${f.date} ${f.kindLabel} ${f.from.name} → ${f.to.name}: ${f.text}`),
  );
  list(
    'What they need from their manager',
    agenda.upwardAnswers.map((f) => `${f.date} ${f.kindLabel}: ${f.text}`),
  );
  list(
    'KPIs due for review',
    agenda.reviewDue.map((r) => `${r.id} ${r.name} (review by ${r.reviewBy})`),
  );
}

function format(value: unknown): string {
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return String(value ?? '');
}

function printTable(rows: Array<Record<string, string>>): void {
  for (const line of tableLines(rows)) console.log(line);
}

main();
