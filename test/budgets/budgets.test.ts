/**
 * Apps Script's time limits at the size of issue 7: 100,000 Log rows and 500 assistants, every
 * service call costing what Google's published and widely measured figures say
 * (emulator/costs.ts), the 6-minute execution and 30-second custom-function limits on. Each
 * operation finishes within its limit, or stops safely and finishes on the next run. The times
 * asserted are the emulator's modelled time, never the machine's.
 */
import { APPS_SCRIPT_LIMITS, APPS_SCRIPT_TIME } from '../../emulator/costs';
import { runtimeOf } from '../../emulator/runtime';
import { t } from '../../src/engine/i18n/messages';
import type { Addon } from '../support/addon';
import { ASSISTANTS, bigWorkbook, everyoneOwesAnEntry, MANAGER } from './workbook';

const { executionLimitMs, customFunctionLimitMs } = APPS_SCRIPT_LIMITS;
const HOUR = 3_600_000;
const STATUSES = ['On track', 'At risk', 'Off track', 'Met', 'Missed', 'No data'];

let addon: Addon;
beforeAll(() => {
  addon = bigWorkbook({ ...APPS_SCRIPT_TIME, mailQuota: 1500 });
}, 600_000);

/** fn as one execution starting now; its modelled time. */
function timed(fn: () => void): number {
  const { emu } = addon;
  emu.endExecution();
  const start = emu.clock.now();
  emu.run(fn);
  return emu.clock.now() - start;
}

/** Queued and due by now: what the next run must send. */
const waiting = (row: Record<string, unknown>): boolean =>
  row.Status === 'Queued' && (row['Due at'] as Date).getTime() <= addon.emu.clock.now();

function outbox(): Array<Record<string, unknown>> {
  const [header = [], ...rows] = addon.emu.sheetValues('Outbox');
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

describe('At 100,000 Log rows and 500 assistants, under Apps Script’s modelled time', () => {
  test('=KPI_STATUS over all 500 KPIs answers every one within the 30-second custom-function limit', () => {
    const { emu } = addon;
    emu.setSheetValues('Checks', [[`=KPI_STATUS(KPIs!A2:A${ASSISTANTS + 1})`]]);
    expect(emu.formulaError('Checks', 'A1')).toBeNull();
    const answers = emu.sheetValues('Checks').map((row) => String(row[0]));
    expect(answers).toHaveLength(ASSISTANTS);
    expect(answers.filter((answer) => !STATUSES.includes(answer))).toEqual([]);
    expect(runtimeOf(emu.globals).lastCustomFunctionMs).toBeLessThan(customFunctionLimitMs);
    expect(emu.customFunctionCalls['Range.getValues']).toBe(5); // one read per tab
    emu.setSheetValues('Checks', [['']]); // the refresh below would run it again
  });

  test('Dashboard: refresh rewrites the Dashboard within the 6-minute limit', () => {
    const { emu, gas } = addon;
    const ms = timed(() => gas.refreshDashboard());
    expect(ms).toBeLessThan(executionLimitMs);
    expect(emu.ui.toasts.map((toast) => toast.message)).toContain(
      t('en', 'dashboard.refreshed', { kpis: ASSISTANTS, formulas: 0 }),
    );
  });

  test('500 reminders due at once: each hourly run stops before the limit, the next goes on, nothing is sent twice', () => {
    const { emu, gas } = addon;
    everyoneOwesAnEntry(addon);
    expect(emu.run(() => gas.setReminderTrigger({ on: true, takeOver: false })).ok).toBe(true);
    const trigger = emu.triggers.find(
      (tr) => tr.handler === 'runReminders' && tr.owner === MANAGER,
    );
    const runs: number[] = [];
    while (runs.length < 4 && (runs.length === 0 || outbox().some(waiting))) {
      runs.push(timed(() => emu.fireTrigger(trigger?.id ?? '')));
      emu.clock.advance(HOUR);
    }
    expect(runs.filter((ms) => ms >= executionLimitMs)).toEqual([]);
    expect(runs.length).toBeGreaterThan(1); // the first run stopped early and the next went on
    const rows = outbox();
    expect(rows.length).toBeGreaterThanOrEqual(ASSISTANTS);
    const keys = rows.map((row) => String(row['Reminder key']));
    expect(new Set(keys).size).toBe(keys.length);
    const sent = rows.filter((row) => row.Status === 'Sent');
    expect(emu.mail.sent).toHaveLength(sent.length);
    expect(new Set(emu.mail.sent.map((mail) => mail.to)).size).toBe(sent.length);
    // None is left Sending, Unknown or Queued past its time: each went out, waits for its
    // recipient's working hours, or was dropped once its day was over (no longer due).
    const stale = t('en', 'outbox.stale');
    const dropped = (row: Record<string, unknown>) =>
      row.Status === 'Skipped' && row.Error === stale;
    const later = (row: Record<string, unknown>) => row.Status === 'Queued' && !waiting(row);
    const unsent = rows.filter((row) => row.Status !== 'Sent');
    expect(unsent.filter((row) => !dropped(row) && !later(row))).toEqual([]);
  });
});
