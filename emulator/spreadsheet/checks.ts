/** Argument checks worded as Apps Script words them. */
import type { Runtime } from '../runtime';
import type { Box } from '../state';

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `${value.length > 0 ? typeName(value[0]) : 'Object'}[]`;
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

/** "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues." */
export function signatureMismatch(rt: Runtime, method: string, args: unknown[]): never {
  return rt.fail(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

export function checkBox(
  rt: Runtime,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): Box {
  if (row < 1) rt.fail('The starting row of the range is too small.');
  if (column < 1) rt.fail('The starting column of the range is too small.');
  if (numRows < 1) rt.fail('The number of rows in the range must be at least 1.');
  if (numColumns < 1) rt.fail('The number of columns in the range must be at least 1.');
  return { row, column, numRows, numColumns };
}

/** A block of data must match the range exactly (wording checked against scripts that catch it). */
export function checkShape(rt: Runtime, method: string, data: unknown, box: Box): unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row)))
    signatureMismatch(rt, method, [data]);
  const rows = data as unknown[][];
  if (rows.length !== box.numRows) {
    rt.fail(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${box.numRows}.`,
    );
  }
  for (const row of rows) {
    if (row.length !== box.numColumns) {
      rt.fail(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${box.numColumns}.`,
      );
    }
  }
  return rows;
}
