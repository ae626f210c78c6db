import { parseCsv } from '../../../src/engine/records/csv';
import { cellOf, findColumns, isBlankRow, toTable } from '../../../src/engine/records/table';
import { fields, headers } from '../../../src/engine/i18n/vocabulary';
import { sampleCsv } from '../fixtures';

describe('CSV sample files', () => {
  it('reads quoted fields, doubled quotes, commas inside quotes and CRLF line ends', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '', '3'],
    ]);
    expect(parseCsv('x\n"multi\nline",y')).toEqual([['x'], ['multi\nline', 'y']]);
  });

  it('reads the shared samples: four people, five goals, ten KPIs in each language', () => {
    expect(sampleCsv('team.csv')).toHaveLength(5);
    expect(sampleCsv('goals.csv')).toHaveLength(6);
    expect(sampleCsv('kpis.csv')).toHaveLength(11);
    expect(sampleCsv('kpis.da.csv')).toHaveLength(11);
    for (const rows of [sampleCsv('kpis.csv'), sampleCsv('kpis.da.csv')]) {
      expect(new Set(rows.map((row) => row.length))).toEqual(new Set([20]));
    }
  });
});

describe('columns found by header', () => {
  it('finds every column of every sample in English and in Danish', () => {
    const en = findColumns('kpis', sampleCsv('kpis.csv')[0] as string[]);
    const da = findColumns('kpis', sampleCsv('kpis.da.csv')[0] as string[]);
    expect(da).toEqual(en);
    expect(Object.keys(en)).toHaveLength(20);
    expect(Object.keys(findColumns('team', sampleCsv('team.csv')[0] as string[]))).toHaveLength(10);
  });

  it('still finds a column after it was moved, and ignores columns it does not know', () => {
    const table = toTable('log', [
      ['My notes', 'Value', 'KPI', 'Assistant', 'Date'],
      ['x', 3, 'K1', 'priya@example.com', '2026-11-23'],
    ]);
    expect(table.columns).toEqual({ value: 1, kpi: 2, assistant: 3, date: 4 });
    expect(cellOf(table, table.rows[0] as unknown[], 'kpi')).toBe('K1');
    // A column the tab lacks reads as an empty cell.
    expect(cellOf(table, table.rows[0] as unknown[], 'loggedAt')).toBe('');
  });

  it('matches headers whatever their case, spacing and hyphens', () => {
    expect(findColumns('kpis', ['kpi id', ' DUE  TIME ', 'Numerator-KPI', 'review_by'])).toEqual({
      kpiId: 0,
      dueTime: 1,
      numeratorKpi: 2,
      reviewBy: 3,
    });
  });

  it('uses the first of two columns with the same header', () => {
    expect(findColumns('log', ['Value', 'Value'])).toEqual({ value: 0 });
  });

  it('reads back the headers setup writes, in both languages, for every tab', () => {
    for (const tab of [
      'team',
      'goals',
      'kpis',
      'log',
      'targets',
      'checkIns',
      'feedback',
      'actions',
      'outbox',
    ] as const) {
      for (const lang of ['en', 'da'] as const) {
        const columns = findColumns(tab, headers(lang, tab));
        expect(Object.keys(columns).sort()).toEqual([...fields(tab)].sort());
      }
    }
  });

  it('treats a row of empty cells as blank, but not one holding 0 or FALSE', () => {
    expect(isBlankRow(['', '', null, undefined])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
    expect(isBlankRow([false])).toBe(false);
  });
});
