/** Rows and columns moving: cells, and everything anchored to them, follow. */
import type { Box, Grid, SheetBox, SheetState } from '../state';
import { deleteColumns, deleteRows, insertColumns, insertRows } from './grid';
import type { Workbook } from './workbook';

export type Axis = 'row' | 'column';

export function intersects(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

/** Where a span [start, start+count) lands after `delta` rows/columns are inserted at `at` (delta > 0)
 * or removed from `at` on (delta < 0); null when nothing of it is left. */
export function shiftSpan(
  start: number,
  count: number,
  at: number,
  delta: number,
): [number, number] | null {
  if (delta > 0)
    return start >= at
      ? [start + delta, count]
      : start + count > at
        ? [start, count + delta]
        : [start, count];
  const removedEnd = at - delta; // exclusive
  const before = Math.max(0, Math.min(removedEnd, start) - at);
  const overlap = Math.max(0, Math.min(start + count, removedEnd) - Math.max(start, at));
  return count - overlap > 0 ? [start - before, count - overlap] : null;
}

function shiftBox(box: SheetBox, sheetId: number, axis: Axis, at: number, delta: number): boolean {
  if (box.sheetId !== sheetId) return true;
  const [startKey, countKey] =
    axis === 'row' ? (['row', 'numRows'] as const) : (['column', 'numColumns'] as const);
  const moved = shiftSpan(box[startKey], box[countKey], at, delta);
  if (!moved) return false;
  [box[startKey], box[countKey]] = moved;
  return true;
}

/** Inserts (count > 0) or deletes (count < 0) rows or columns at `at` (1-based), moving everything
 * anchored to them: cells, row/column metadata, protected and named ranges, rules, charts.
 * Formula references are not rewritten. */
export function shiftSheet(
  wb: Workbook,
  sheet: SheetState,
  axis: Axis,
  at: number,
  count: number,
): void {
  const removed = Math.abs(count);
  const gone: Box =
    axis === 'row'
      ? { row: at, column: 1, numRows: removed, numColumns: sheet.maxColumns }
      : { row: 1, column: at, numRows: sheet.maxRows, numColumns: removed };
  wb.assertCanEdit(sheet, count > 0 ? null : gone);
  const grids = Object.values(sheet.layers) as Array<Grid<unknown>>;
  for (const grid of grids) {
    if (axis === 'row') (count > 0 ? insertRows : deleteRows)(grid, at - 1, Math.abs(count));
    else (count > 0 ? insertColumns : deleteColumns)(grid, at - 1, Math.abs(count));
  }
  if (axis === 'row') sheet.maxRows += count;
  else sheet.maxColumns += count;
  const s = wb.state;
  s.metadata = s.metadata.filter((m) => {
    const loc = m.location;
    if (loc.type !== (axis === 'row' ? 'ROW' : 'COLUMN') || loc.sheetId !== sheet.id) return true;
    const moved = shiftSpan(loc.start, loc.count, at, count);
    if (moved) [loc.start, loc.count] = moved;
    return moved !== null;
  });
  const keep = (box: SheetBox) => shiftBox(box, sheet.id, axis, at, count);
  s.protections = s.protections.filter((p) => p.type === 'SHEET' || keep(p.box));
  for (const p of s.protections) p.unprotected = p.unprotected.filter(keep);
  s.namedRanges = s.namedRanges.filter((n) => keep(n.box));
  for (const rule of sheet.conditionalFormats) rule.ranges = rule.ranges.filter(keep);
  sheet.conditionalFormats = sheet.conditionalFormats.filter((rule) => rule.ranges.length > 0);
  for (const chart of sheet.charts) chart.ranges = chart.ranges.filter(keep);
}
