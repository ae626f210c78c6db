import { ASSISTANT, BUNDLE, OWNER, newEmulator } from './helpers';

describe('ScriptApp triggers', () => {
  test('an hourly trigger is installed for the user who creates it', () => {
    const emu = newEmulator();
    const { ScriptApp } = emu.globals;
    const trigger = ScriptApp.newTrigger('onTick').timeBased().everyHours(1).create();
    expect(emu.triggers).toEqual([
      { id: trigger.getUniqueId(), handler: 'onTick', type: 'CLOCK', everyHours: 1, owner: OWNER },
    ]);
    expect([trigger.getEventType(), trigger.getTriggerSource()]).toEqual([
      ScriptApp.EventType.CLOCK,
      ScriptApp.TriggerSource.CLOCK,
    ]);
  });

  test('an add-on cannot install a second trigger of the same type for the same user', () => {
    const { ScriptApp } = newEmulator().globals;
    ScriptApp.newTrigger('onTick').timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('onTick').timeBased().everyHours(2).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
  });

  test('each user sees and deletes only their own triggers', () => {
    const emu = newEmulator();
    const { ScriptApp } = emu.globals;
    ScriptApp.newTrigger('onTick').timeBased().everyHours(1).create();
    emu.asUser(ASSISTANT, () => ScriptApp.newTrigger('onTick').timeBased().everyHours(1).create());
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    emu.asUser(ASSISTANT, () =>
      ScriptApp.getProjectTriggers().forEach((t) => ScriptApp.deleteTrigger(t)),
    );
    expect(emu.triggers.map((t) => t.owner)).toEqual([OWNER]);
  });

  test('add-on time-driven triggers may not run more often than hourly', () => {
    const { ScriptApp } = newEmulator().globals;
    expect(() => ScriptApp.newTrigger('onTick').timeBased().everyMinutes(5)).toThrow(
      'once an hour',
    );
  });

  test('a fired trigger runs as its owner, without a UI, and releases its locks', () => {
    const emu = newEmulator();
    const gas = emu.load(BUNDLE);
    const trigger = emu.asUser(ASSISTANT, () =>
      emu.globals.ScriptApp.newTrigger('onTick').timeBased().everyHours(1).create(),
    );
    expect(() => emu.fireTrigger(trigger.getUniqueId())).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(emu.logs).toEqual([`tick ${trigger.getUniqueId()} as ${ASSISTANT}`]);
    expect(gas.Fixture_).toEqual({ version: 1 });
  });
});
