/**
 * The hourly time-driven trigger (PRODUCT section 7). An add-on may have one
 * trigger of each kind per user and document, at most hourly, and each
 * account sees only its own triggers: these functions act on the running
 * account's triggers of this document and nobody else's.
 */

function ownTriggers(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).filter(
    (trigger) => trigger.getHandlerFunction() === handler,
  );
}

export function hasHourlyTrigger(handler: string): boolean {
  return ownTriggers(handler).length > 0;
}

/** Installs the trigger unless this account already has it: installing twice makes no second one. */
export function ensureHourlyTrigger(handler: string): void {
  if (hasHourlyTrigger(handler)) return;
  ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
}

/** Removes this account's triggers for `handler`; returns how many there were. */
export function removeOwnTriggers(handler: string): number {
  const triggers = ownTriggers(handler);
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  return triggers.length;
}
