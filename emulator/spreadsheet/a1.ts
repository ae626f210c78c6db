/** A1 notation: parsing "'Log'!A2:C", "B:B", "2:3", and writing boxes back. */
import type { Box } from '../state';

/** Ranges made from "2:3" or "B:B" cover whole rows or columns; Sheets treats them differently
 * (getA1Notation, developer metadata), so a range remembers how it was made. */
export type RangeKind = 'cells' | 'rows' | 'columns';

export interface A1 {
  sheetName: string | null;
  startRow: number | null;
  endRow: number | null;
  startColumn: number | null;
  endColumn: number | null;
  kind: RangeKind;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** "'Team KPIs'!A1" → ['Team KPIs', 'A1']; "A1" → [null, 'A1']. */
export function splitSheetName(text: string): [string | null, string] {
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
  if (quoted) return [(quoted[1] ?? '').replace(/''/g, "'"), quoted[2] ?? ''];
  const plain = /^([^!'"]+)!(.*)$/.exec(text);
  if (plain) return [plain[1] ?? null, plain[2] ?? ''];
  return [null, text];
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

export function parseA1(text: string): A1 | null {
  const [sheetName, ref] = splitSheetName(text.trim());
  const [first, second, extra] = ref.split(':');
  if (extra !== undefined || first === undefined) return null;
  const a = PART.exec(first);
  const b = second === undefined ? a : PART.exec(second);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) return null;
  const col = (m: RegExpExecArray) => (m[1] ? columnNumber(m[1]) : null);
  const row = (m: RegExpExecArray) => (m[2] ? Number(m[2]) : null);
  const parsed: A1 = {
    sheetName,
    startRow: row(a),
    endRow: row(b),
    startColumn: col(a),
    endColumn: col(b),
    kind: 'cells',
  };
  if (parsed.startColumn === null && parsed.endColumn === null) parsed.kind = 'rows';
  else if (parsed.startRow === null && parsed.endRow === null) parsed.kind = 'columns';
  // "A" alone, "A1:B" style mixes other than an open end ("A2:B" = to the last row) are not ranges.
  if (second === undefined && parsed.kind !== 'cells') return null;
  if ((parsed.startColumn === null) !== (parsed.endColumn === null)) return null;
  if (parsed.startRow === null && parsed.kind === 'cells') return null;
  return parsed;
}

/** The box an A1 reference covers on a sheet of the given size (open ends reach its edge). */
export function boxOf(a1: A1, maxRows: number, maxColumns: number): Box {
  const rows = [a1.startRow ?? 1, a1.endRow ?? maxRows];
  const columns = [a1.startColumn ?? 1, a1.endColumn ?? maxColumns];
  const top = Math.min(rows[0] ?? 1, rows[1] ?? 1);
  const left = Math.min(columns[0] ?? 1, columns[1] ?? 1);
  return {
    row: top,
    column: left,
    numRows: Math.abs((rows[1] ?? 1) - (rows[0] ?? 1)) + 1,
    numColumns: Math.abs((columns[1] ?? 1) - (columns[0] ?? 1)) + 1,
  };
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function boxA1(box: Box, kind: RangeKind = 'cells'): string {
  const lastRow = box.row + box.numRows - 1;
  const lastColumn = box.column + box.numColumns - 1;
  if (kind === 'rows') return `${box.row}:${lastRow}`;
  if (kind === 'columns') return `${columnLetters(box.column)}:${columnLetters(lastColumn)}`;
  if (box.numRows === 1 && box.numColumns === 1) return cellA1(box.row, box.column);
  return `${cellA1(box.row, box.column)}:${cellA1(lastRow, lastColumn)}`;
}

/** Sheet names that are not plain words are quoted in A1, as Sheets writes them. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
