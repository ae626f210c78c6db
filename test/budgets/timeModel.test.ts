/**
 * The emulator's model of Apps Script time (emulator/costs.ts, emulator/runtime.ts): what a call
 * costs, and the 30-second limit of a custom function, which is its own execution.
 */
import path from 'node:path';
import { createEmulator } from '../../emulator';
import { appsScriptCost, CELL_MS, SPREADSHEET_CALL_MS } from '../../emulator/costs';
import { runtimeOf } from '../../emulator/runtime';

const BUNDLE = path.join(__dirname, '..', 'emulator', 'fixtures', 'bundle');
const NOW = new Date('2026-11-26T11:00:00Z');

function emulator(costPerCallMs: (name: string) => number) {
  const emu = createEmulator({ now: NOW, costPerCallMs, customFunctionLimitMs: 30_000 });
  emu.load(BUNDLE);
  emu.setSheetValues('Log', [['Date'], ['2026-11-26'], ['2026-11-27']]);
  return emu;
}

describe("Apps Script's time, modelled", () => {
  test('a block read or write costs a call plus a little per cell; a reference costs next to nothing', () => {
    expect(appsScriptCost('Range.getValues', { cells: 100_000 })).toBe(
      SPREADSHEET_CALL_MS + 100_000 * CELL_MS,
    );
    expect(appsScriptCost('Range.setValues', { cells: 0 })).toBe(SPREADSHEET_CALL_MS);
    expect(appsScriptCost('Sheet.getRange', { cells: 0 })).toBeLessThan(SPREADSHEET_CALL_MS);
    expect(appsScriptCost('MailApp.sendEmail', { cells: 0 })).toBeGreaterThan(SPREADSHEET_CALL_MS);
  });

  test('the emulator charges a read by the cells it returns', () => {
    const emu = createEmulator({ now: NOW, costPerCallMs: appsScriptCost });
    emu.setSheetValues(
      'Log',
      Array.from({ length: 1000 }, (_, i) => [i, i, i, i, i]),
    );
    const range = emu.globals.SpreadsheetApp.getActive().getSheetByName('Log')?.getDataRange();
    emu.resetCalls();
    range?.getValues();
    expect(emu.elapsedModelledMs).toBe(SPREADSHEET_CALL_MS + 5000 * CELL_MS);
  });

  test('a custom function past 30 s shows Apps Script’s error in its cell; the script’s clock does not move', () => {
    const emu = emulator(() => 10_000); // four calls: 40 s
    emu.setSheetValues('Sheet1', [['=COUNT_ROWS("Log")']]);
    expect(emu.sheetValues('Sheet1')[0]?.[0]).toBe('#ERROR!');
    expect(emu.formulaError('Sheet1', 'A1')).toBe('Exceeded maximum execution time');
    expect(emu.clock.now()).toBe(NOW.getTime());
  });

  test('each custom function has 30 s of its own', () => {
    const emu = emulator(() => 7_000); // four calls: 28 s each
    emu.setSheetValues('Sheet1', [['=COUNT_ROWS("Log")', '=COUNT_ROWS("Log")']]);
    expect(emu.sheetValues('Sheet1')).toEqual([[3, 3]]);
    expect(runtimeOf(emu.globals).lastCustomFunctionMs).toBe(28_000);
  });
});
