/**
 * A tab's values with its columns found by header, in English or Danish,
 * so that moved, renamed-to-the-other-language or added columns do not
 * break anything (PRODUCT section 3).
 */
import {
  normalizeWord,
  TAB_SCHEMAS,
  type FieldOf,
  type TabId,
  type Words,
} from '../i18n/vocabulary';

export interface Table<T extends TabId> {
  tab: T;
  /** Data rows below the header, as read. */
  rows: unknown[][];
  /** 0-based column of each field found in the header. */
  columns: Partial<Record<FieldOf<T>, number>>;
}

const matchers = new Map<TabId, Map<string, string>>();

function headerMatcher(tab: TabId): Map<string, string> {
  let matcher = matchers.get(tab);
  if (!matcher) {
    matcher = new Map();
    for (const [field, words] of Object.entries(TAB_SCHEMAS[tab].columns) as [string, Words][]) {
      for (const w of words) matcher.set(normalizeWord(w), field);
    }
    matchers.set(tab, matcher);
  }
  return matcher;
}

export function findColumns<T extends TabId>(
  tab: T,
  header: readonly unknown[],
): Partial<Record<FieldOf<T>, number>> {
  const matcher = headerMatcher(tab);
  const columns: Partial<Record<FieldOf<T>, number>> = {};
  header.forEach((text, index) => {
    const field = matcher.get(normalizeWord(String(text ?? ''))) as FieldOf<T> | undefined;
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

/** The first row is the header; `values` is what getValues() returned. */
export function toTable<T extends TabId>(tab: T, values: readonly unknown[][]): Table<T> {
  return { tab, rows: values.slice(1) as unknown[][], columns: findColumns(tab, values[0] ?? []) };
}

export function emptyTable<T extends TabId>(tab: T): Table<T> {
  return { tab, rows: [], columns: {} };
}

/** A cell by field; '' when the tab has no such column, as an empty cell reads. */
export function cellOf<T extends TabId>(
  table: Table<T>,
  row: readonly unknown[],
  field: FieldOf<T>,
): unknown {
  const index = table.columns[field];
  return index === undefined ? '' : (row[index] ?? '');
}

export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((cell) => cell === '' || cell === null || cell === undefined);
}
