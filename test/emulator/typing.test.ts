import { ASSISTANT, BUNDLE, OWNER, newEmulator } from './helpers';

function typing() {
  const emu = newEmulator();
  const gas = emu.load(BUNDLE);
  emu.setSheetValues('Log', [['Date', 'KPI', 'Value']]);
  const edits = () => gas.Edits_ as Array<Record<string, unknown>>;
  return { emu, gas, edits };
}

describe('emu.typeInto', () => {
  test('writes as typing does and runs onEdit in LIMITED mode with the documented event', () => {
    const { emu, edits } = typing();
    emu.setSheetValues('Log', [
      ['Date', 'KPI', 'Value'],
      ['', '', 3],
    ]);
    const runs = emu.typeInto('Log', 'C2', [['4']], { user: ASSISTANT });
    expect(emu.sheetValues('Log')[1]).toEqual(['', '', 4]);
    expect(runs).toEqual({ simple: 'simple C2', installable: [] });
    expect(edits()).toEqual([
      {
        kind: 'simple',
        authMode: 'LIMITED',
        keys: ['authMode', 'oldValue', 'range', 'source', 'user', 'value'],
        a1: 'C2',
        corners: [2, 3, 2, 3],
        source: 'Team KPIs',
        user: ASSISTANT,
        runAs: ASSISTANT,
        value: '4',
        oldValue: '3',
        triggerUid: undefined,
      },
    ]);
  });

  test('a block edit has neither value nor oldValue', () => {
    const { emu, edits } = typing();
    emu.typeInto('Log', 'A2', [['2026-11-26', 'K1', 3]]);
    expect(edits()[0]).toMatchObject({
      a1: 'A2:C2',
      corners: [2, 1, 2, 3],
      keys: ['authMode', 'range', 'source', 'user'],
      user: OWNER,
    });
  });

  test('oldValue only when the cell had content, value only when it has some now', () => {
    const { emu, edits } = typing();
    emu.typeInto('Log', 'B2', [['K1']]);
    emu.typeInto('Log', 'B2', [['']]);
    expect(edits().map((e) => [e.value, e.oldValue, (e.keys as string[]).join()])).toEqual([
      ['K1', undefined, 'authMode,range,source,user,value'],
      [undefined, 'K1', 'authMode,oldValue,range,source,user'],
    ]);
  });

  test('values reach the event as text: booleans as TRUE, dates as their serial number', () => {
    const { emu, edits } = typing();
    emu.typeInto('Log', 'C2', [[true]]);
    emu.typeInto('Log', 'A2', [['1899-12-31']]);
    expect(edits().map((e) => e.value)).toEqual(['TRUE', '1']);
  });

  test("a protected cell throws Apps Script's message; nothing is written and no trigger runs", () => {
    const { emu, edits } = typing();
    const ss = emu.globals.SpreadsheetApp.getActive();
    ss.getRange('Log!A1:C1').protect().removeEditor(ASSISTANT);
    ss.addEditor(ASSISTANT);
    expect(() => emu.typeInto('Log', 'A1', [['x']], { user: ASSISTANT })).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    expect(emu.sheetValues('Log')[0]).toEqual(['Date', 'KPI', 'Value']);
    expect(edits()).toEqual([]);
  });

  test('installable on-edit triggers run after the simple one, as their owner, in FULL mode', () => {
    const { emu, edits } = typing();
    const trigger = emu.asUser(ASSISTANT, () =>
      emu.globals.ScriptApp.newTrigger('onEditInstalled')
        .forSpreadsheet(emu.globals.SpreadsheetApp.getActive())
        .onEdit()
        .create(),
    );
    const id = trigger.getUniqueId();
    const runs = emu.typeInto('Log', 'B2', [['K1']]);
    expect(runs).toEqual({ simple: 'simple B2', installable: [`installable ${id}`] });
    expect(edits().map((e) => [e.kind, e.authMode, e.runAs, e.user, e.triggerUid])).toEqual([
      ['simple', 'LIMITED', OWNER, OWNER, undefined],
      ['installable', 'FULL', ASSISTANT, OWNER, id],
    ]);
  });

  test('the simple trigger may not reach outside the document; the error comes after all ran', () => {
    const { emu, edits } = typing();
    emu.globals.ScriptApp.newTrigger('onEditInstalled')
      .forSpreadsheet(emu.globals.SpreadsheetApp.getActive())
      .onEdit()
      .create();
    expect(() => emu.typeInto('Log', 'B2', [['mail']])).toThrow(
      'You do not have permission to call MailApp.sendEmail',
    );
    expect(edits().map((e) => e.kind)).toEqual(['simple', 'installable']);
    expect(emu.mail.sent).toEqual([]);
  });

  test('each trigger run is its own execution, with its own time limit', () => {
    const emu = newEmulator({
      executionLimitMs: 1000,
      costPerCallMs: (name) => (name === 'Spreadsheet.getName' ? 600 : 0),
    });
    emu.load(BUNDLE);
    // One getName (600 ms) per run: two runs in one execution would pass the limit.
    emu.typeInto('Sheet1', 'A1', [['a']]);
    expect(() => emu.typeInto('Sheet1', 'A1', [['b']])).not.toThrow();
  });

  test("the typing is not a service call; the trigger's calls are counted", () => {
    const { emu } = typing();
    emu.resetCalls();
    emu.typeInto('Log', 'B2', [['K1']]);
    expect(emu.calls['Range.setValues']).toBeUndefined();
    expect(emu.calls['Range.getA1Notation']).toBe(2);
    expect(emu.calls['Spreadsheet.getName']).toBe(1);
  });

  test('without an onEdit in the bundle only the cells change', () => {
    const emu = newEmulator();
    expect(emu.typeInto('Sheet1', 'A1', [['+1']])).toEqual({ simple: undefined, installable: [] });
    expect(emu.sheetValues('Sheet1')).toEqual([[1]]);
  });
});
