/**
 * A person typing a row in the middle of everyone's scripts: one step of the schedule. The values
 * go in as that person (a protected cell throws Apps Script's message), into the first empty row
 * as it is at that moment — what the person sees — and the edit event is built as
 * emulator/typing.ts builds it for a block (no value/oldValue). The triggers it fires become
 * executions of their own.
 */
import { AuthMode } from '../enums';
import type { Emulator } from '../index';
import type { Runtime } from '../runtime';
import { User } from '../user';
import type { ExecutionSpec } from './execution';

export interface Typed {
  /** The row typed into (1-based). */
  row: number;
  /** The trigger runs the edit starts: the simple onEdit, then each installable on-edit trigger. */
  runs: ExecutionSpec[];
}

export function typeRow(
  emu: Emulator,
  rt: Runtime,
  actor: number,
  step: { user: string; sheet: string; values: unknown[] },
): Typed {
  const sheet = emu.spreadsheet.getSheetByName(step.sheet);
  if (!sheet) throw new Error(`No sheet named ${step.sheet}`);
  const row = sheet.getLastRow() + 1;
  const width = step.values.length;
  // A person at the bottom of a full sheet adds rows first (Sheets offers "Add 1000 more rows").
  if (row > sheet.getMaxRows())
    rt.scoped({ user: rt.state.owner }, () => sheet.insertRowsAfter(sheet.getMaxRows(), 1000));
  const range = sheet.getRange(row, 1, 1, width);
  rt.scoped({ user: step.user }, () => range.setValues([step.values]));

  const eventRange = Object.assign(range, {
    rowStart: row,
    rowEnd: row,
    columnStart: 1,
    columnEnd: width,
  });
  const event = {
    authMode: AuthMode.LIMITED,
    range: rt.expose(eventRange),
    source: rt.expose(emu.spreadsheet),
    user: rt.expose(new User(step.user)),
  };
  const runs: ExecutionSpec[] = [];
  if (typeof (rt.context as Record<string, unknown>).onEdit === 'function') {
    runs.push({
      fn: 'onEdit',
      args: [event],
      user: step.user,
      authMode: 'LIMITED',
      inTrigger: false,
      actor,
    });
  }
  for (const trigger of emu.triggers.filter((t) => t.type === 'ON_EDIT')) {
    runs.push({
      fn: trigger.handler,
      args: [{ ...event, authMode: AuthMode.FULL, triggerUid: trigger.id }],
      user: trigger.owner,
      authMode: 'FULL',
      inTrigger: true,
      actor,
    });
  }
  return { row, runs };
}
