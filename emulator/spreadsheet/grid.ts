/** Sparse 2-D layers (0-based): read, write, and shift when rows or columns move. */
import type { Grid } from '../state';

export function cellOf<T>(grid: Grid<T>, row: number, column: number): T | undefined {
  const value = grid[row]?.[column];
  return value === null ? undefined : value;
}

export function setCell<T>(grid: Grid<T>, row: number, column: number, value: T | undefined): void {
  let line = grid[row];
  if (value === undefined) {
    if (line && column < line.length) line[column] = undefined;
    return;
  }
  if (!line) {
    line = [];
    grid[row] = line;
  }
  line[column] = value;
}

function spliceIn<T>(list: T[], at: number, count: number): void {
  if (at < list.length) list.splice(at, 0, ...(new Array(count) as T[]));
}

export function insertRows<T>(grid: Grid<T>, at: number, count: number): void {
  spliceIn(grid, at, count);
}

export function deleteRows<T>(grid: Grid<T>, at: number, count: number): void {
  grid.splice(at, count);
}

export function insertColumns<T>(grid: Grid<T>, at: number, count: number): void {
  for (const line of grid) if (line) spliceIn(line, at, count);
}

export function deleteColumns<T>(grid: Grid<T>, at: number, count: number): void {
  for (const line of grid) if (line) line.splice(at, count);
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** Index of the last row holding anything, or -1. */
export function lastRowIndex(grid: Grid<unknown>): number {
  for (let r = grid.length - 1; r >= 0; r--) {
    const line = grid[r];
    if (line && line.some((value) => !isEmpty(value))) return r;
  }
  return -1;
}

/** Index of the last column holding anything, or -1. */
export function lastColumnIndex(grid: Grid<unknown>): number {
  let last = -1;
  for (const line of grid) {
    if (!line) continue;
    for (let c = line.length - 1; c > last; c--) {
      if (!isEmpty(line[c])) {
        last = c;
        break;
      }
    }
  }
  return last;
}
