/**
 * emu.typeInto: a person types into cells, and Sheets runs the edit triggers for it.
 *
 * The values are written as setValues writes them (values.ts), as that person, so a protected cell
 * throws Apps Script's protection message and nothing is written. Then, each as its own execution
 * (locks released after):
 * - the bundle's global onEdit, if any: the simple trigger, in AuthMode.LIMITED as the typist;
 * - each installable on-edit trigger (ScriptApp.newTrigger(fn).forSpreadsheet(ss).onEdit()), in
 *   creation order: its handler as its owner, in FULL mode, without UI (as emu.fireTrigger).
 * A handler that throws does not stop the others (Sheets runs them independently); the first error
 * is thrown once all have run. The result holds what each handler returned.
 *
 * The event object is built as documented for Edit
 * (https://developers.google.com/apps-script/guides/triggers/events): authMode, range (a counted
 * Range), source (the Spreadsheet), user (a User), value and oldValue only for a one-cell edit —
 * oldValue only when the cell had content, value only when it has content now (a formula's result)
 * — and triggerUid only for installable triggers. Not in the documentation but seen in real events and used by scripts:
 * the range carries rowStart, rowEnd, columnStart and columnEnd, and value/oldValue are strings
 * ("TRUE" for a ticked checkbox, scripts compare `e.value === "TRUE"`); the emulator writes numbers
 * with JavaScript's String() and dates as their serial number, which public reports describe but
 * the documentation does not confirm.
 */
import { AuthMode } from './enums';
import type { Runtime } from './runtime';
import { boxOf, parseA1 } from './spreadsheet/a1';
import { checkShape } from './spreadsheet/checks';
import { cellOf } from './spreadsheet/grid';
import { dateToSerial } from './spreadsheet/values';
import type { Views } from './spreadsheet/views';
import type { CellValue, TriggerState } from './state';
import { User } from './user';

export interface TypeIntoOptions {
  /** Who types; default: the emulator's current user. */
  user?: string;
}

export interface EditTriggerRuns {
  /** What the simple onEdit returned (undefined when the bundle has none). */
  simple: unknown;
  /** What each installable on-edit trigger's handler returned, in creation order. */
  installable: unknown[];
}

type Handler = (e: Record<string, unknown>) => unknown;

/** Runs an installed trigger's handler as its owner, in FULL mode, as one execution, without UI. */
export function runInstalledTrigger(
  rt: Runtime,
  trigger: TriggerState,
  event: Record<string, unknown>,
): unknown {
  const handler = (rt.context as Record<string, unknown>)[trigger.handler];
  if (typeof handler !== 'function') throw new Error(`No runnable trigger ${trigger.id}`);
  const e = { ...event, authMode: AuthMode.FULL, triggerUid: trigger.id };
  try {
    return rt.scoped({ user: trigger.owner, authMode: 'FULL', inTrigger: true }, () =>
      (handler as Handler)(e),
    );
  } finally {
    rt.endExecution();
  }
}

/** value/oldValue as the event carries them: text. */
function eventText(value: CellValue | undefined, timeZone: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return String(dateToSerial(value, timeZone));
  return String(value);
}

export function typeInto(
  views: Views,
  sheetName: string,
  a1: string,
  values: unknown[][],
  options: TypeIntoOptions = {},
): EditTriggerRuns {
  const wb = views.wb;
  const rt = wb.rt;
  const sheet = wb.sheetNamed(sheetName);
  const ref = parseA1(a1);
  if (!sheet) throw new Error(`No sheet named ${sheetName}`);
  if (!ref || ref.sheetName !== null) throw new Error(`Not an A1 reference in the tab: ${a1}`);
  const corner = boxOf(ref, sheet.maxRows, sheet.maxColumns);
  const width = Array.isArray(values[0]) ? values[0].length : 0;
  if (width === 0) throw new Error('emu.typeInto needs at least one value');
  const box = { row: corner.row, column: corner.column, numRows: values.length, numColumns: width };
  const rows = checkShape(rt, 'emu.typeInto', values, box);
  const user = options.user ?? rt.user;
  const single = box.numRows === 1 && box.numColumns === 1;
  const at = (layer: typeof sheet.layers.values) => cellOf(layer, box.row - 1, box.column - 1);
  const before = single ? at(sheet.layers.values) : undefined;
  rt.scoped({ user }, () => wb.write(sheet, box, rows));

  const range = Object.assign(views.range(sheet, box), {
    rowStart: box.row,
    rowEnd: box.row + box.numRows - 1,
    columnStart: box.column,
    columnEnd: box.column + box.numColumns - 1,
  });
  const event: Record<string, unknown> = {
    authMode: AuthMode.LIMITED,
    range: rt.expose(range),
    source: rt.expose(views.spreadsheet),
    user: rt.expose(new User(user)),
  };
  const timeZone = wb.state.timeZone;
  const value = single ? eventText(at(sheet.layers.values), timeZone) : undefined;
  const oldValue = eventText(before, timeZone);
  if (value !== undefined) event.value = value;
  if (oldValue !== undefined) event.oldValue = oldValue;

  const errors: unknown[] = [];
  const attempt = (run: () => unknown): unknown => {
    try {
      return run();
    } catch (error) {
      errors.push(error);
      return undefined;
    }
  };
  const onEdit = (rt.context as Record<string, unknown>).onEdit;
  const simple =
    typeof onEdit === 'function'
      ? attempt(() => {
          try {
            return rt.scoped({ user, authMode: 'LIMITED' }, () => (onEdit as Handler)(event));
          } finally {
            rt.endExecution();
          }
        })
      : undefined;
  const installable = wb.state.triggers
    .filter((t) => t.type === 'ON_EDIT')
    .map((trigger) => attempt(() => runInstalledTrigger(rt, trigger, event)));
  if (errors.length > 0) throw errors[0];
  return { simple, installable };
}
