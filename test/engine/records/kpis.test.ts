import {
  findKpis,
  formatQualifier,
  passesQualifier,
  readGoals,
  readKpis,
  readQualifier,
  readTargets,
} from '../../../src/engine/records/kpis';
import { toTable } from '../../../src/engine/records/table';
import type { CellContext } from '../../../src/engine/records/cells';
import type { Kpi } from '../../../src/engine/types';
import {
  addRow,
  dateCell,
  day,
  editRow,
  goalValues,
  kpiValues,
  sampleCsv,
  TARGETS_HEADER,
} from '../fixtures';

const EN: CellContext = { lang: 'en', timeZone: 'Europe/Copenhagen', dateOrder: 'DMY' };
const DA: CellContext = { ...EN, lang: 'da' };

const catalogue = (values: unknown[][], ctx: CellContext = EN) =>
  readKpis(toTable('kpis', values), ctx);
const kpi = (values: unknown[][], id: string, ctx: CellContext = EN): Kpi => {
  const found = catalogue(values, ctx).byId.get(id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

/** What a KPI means, leaving out the words that are language-specific (name, measure, unit). */
const meaning = (k: Kpi) => ({
  id: k.id,
  owners: k.owners,
  goalId: k.goalId,
  taskType: k.taskType,
  aggregation: k.aggregation,
  direction: k.direction,
  target: k.target,
  period: k.period,
  dueTime: k.dueTime,
  qualifier: k.qualifier,
  numeratorId: k.numeratorId,
  denominatorId: k.denominatorId,
  riskBand: k.riskBand,
  baseline: k.baseline,
  start: k.start,
  reviewBy: k.reviewBy,
  state: k.state,
  unreadable: k.unreadable,
});

describe('reading the KPIs tab', () => {
  it('reads the ten example KPIs with every field', () => {
    const read = catalogue(kpiValues());
    expect(read.kpis.map((k) => k.id)).toEqual([
      'K1',
      'K2',
      'K3',
      'K4',
      'K5',
      'K6',
      'K7',
      'K8',
      'K9',
      'K10',
    ]);
    expect(meaning(kpi(kpiValues(), 'K6'))).toEqual({
      id: 'K6',
      owners: ['juan@example.com'],
      goalId: 'G3',
      taskType: 'Administration',
      aggregation: 'On-time',
      direction: 'At least',
      target: 100,
      period: 'Week',
      dueTime: 16 * 60,
      qualifier: null,
      numeratorId: null,
      denominatorId: null,
      riskBand: 0.1,
      baseline: null,
      start: day('2026-11-02'),
      reviewBy: day('2026-12-31'),
      state: 'Active',
      unreadable: {},
    });
    expect(kpi(kpiValues(), 'K7').qualifier).toEqual({ op: '>=', value: 1200 });
    expect(kpi(kpiValues(), 'K10')).toMatchObject({
      aggregation: 'Ratio',
      numeratorId: 'K9',
      denominatorId: 'K8',
    });
  });

  it('reads the Danish sample to the same KPIs as the English one', () => {
    const en = catalogue(kpiValues('en'), EN).kpis.map(meaning);
    const da = catalogue(kpiValues('da'), DA).kpis.map(meaning);
    expect(da).toEqual(en);
    expect(catalogue(kpiValues('da'), DA).byId.get('K10')?.name).toBe('Konverteringsrate');
  });

  it('reads the sample files as plain text too, as if every cell were typed', () => {
    const en = catalogue(sampleCsv('kpis.csv'), EN).kpis.map(meaning);
    const da = catalogue(sampleCsv('kpis.da.csv'), DA).kpis.map(meaning);
    expect(en).toEqual(catalogue(kpiValues('en'), EN).kpis.map(meaning));
    expect(da).toEqual(en);
  });

  it('reads a Danish decimal target and a Danish date typed as text', () => {
    const values = editRow(kpiValues('da'), 'K3', { Mål: '3,5', Start: '02.11.2026' });
    expect(kpi(values, 'K3', DA)).toMatchObject({ target: 3.5, start: day('2026-11-02') });
  });

  it('uses the default risk band when a KPI leaves it blank, and reads 0.2 and 20 as 20 %', () => {
    let values = editRow(kpiValues(), 'K1', { 'Risk band': '' });
    values = editRow(values, 'K2', { 'Risk band': 0.2 });
    values = editRow(values, 'K3', { 'Risk band': 20 });
    const read = readKpis(toTable('kpis', values), EN, 0.15);
    expect(read.byId.get('K1')?.riskBand).toBe(0.15);
    expect(read.byId.get('K2')?.riskBand).toBeCloseTo(0.2, 12);
    expect(read.byId.get('K3')?.riskBand).toBeCloseTo(0.2, 12);
  });

  it('keeps what it could not read, for the SMART check to name', () => {
    const values = editRow(kpiValues(), 'K1', {
      Aggregation: 'Total',
      Target: 'fifteen',
      Period: 'Yearly',
      'Due time': '25:00',
      Qualifier: 'big ones',
      Owner: 'priya',
      Status: 'Sleeping',
    });
    const k1 = kpi(values, 'K1');
    expect(k1).toMatchObject({
      aggregation: null,
      target: null,
      period: null,
      dueTime: null,
      qualifier: null,
      owners: [],
    });
    expect(k1.unreadable).toEqual({
      aggregation: 'Total',
      target: 'fifteen',
      period: 'Yearly',
      dueTime: '25:00',
      qualifier: 'big ones',
      owners: 'priya',
      state: 'Sleeping',
    });
    expect(k1.state).toBe('Active');
  });

  it('reads several owners, separated by commas or semicolons, each once', () => {
    const values = editRow(kpiValues(), 'K1', {
      Owner: 'priya@example.com; Juan@example.com, priya@example.com',
    });
    expect(kpi(values, 'K1').owners).toEqual(['priya@example.com', 'juan@example.com']);
    const spaced = editRow(kpiValues(), 'K1', { Owner: 'priya@example.com juan@example.com' });
    expect(kpi(spaced, 'K1').owners).toEqual(['priya@example.com', 'juan@example.com']);
  });

  it('reads an Owner written with a name, as people paste it from mail', () => {
    const values = editRow(kpiValues(), 'K1', { Owner: 'Priya Sharma <priya@example.com>' });
    const k1 = kpi(values, 'K1');
    expect(k1.owners).toEqual(['priya@example.com']);
    expect(k1.unreadable).toEqual({});
  });

  it('keeps the first row of a repeated KPI ID, skips rows without an ID, and reads Paused and Retired', () => {
    let values = addRow(kpiValues(), {
      'KPI ID': 'k1',
      KPI: 'Duplicate',
      Owner: 'juan@example.com',
    });
    values = addRow(values, { KPI: 'No ID yet', Owner: 'juan@example.com' });
    values = editRow(values, 'K2', { Status: 'Paused' });
    values = editRow(values, 'K3', { Status: 'Udgået' });
    const read = catalogue(values);
    expect(read.kpis).toHaveLength(10);
    expect(read.byId.get('K1')?.name).toBe('Approved posts');
    expect(read.rows).toHaveLength(12);
    expect(read.rows[11]).toBeNull();
    expect(read.byId.get('K2')?.state).toBe('Paused');
    expect(read.byId.get('K3')?.state).toBe('Retired');
  });

  it('points Numerator and Denominator KPIs at the KPIs whatever case was typed', () => {
    const values = editRow(kpiValues(), 'K10', { 'Numerator KPI': 'k9', 'Denominator KPI': 'k8' });
    expect(kpi(values, 'K10')).toMatchObject({ numeratorId: 'K9', denominatorId: 'K8' });
  });
});

describe('finding KPIs by ID or name', () => {
  const read = catalogue(kpiValues());

  it('finds a KPI by ID in any case, or by its name in any case and spacing', () => {
    expect(findKpis(read, 'k7').map((k) => k.id)).toEqual(['K7']);
    expect(findKpis(read, '  seo   ARTICLES ').map((k) => k.id)).toEqual(['K7']);
    expect(findKpis(read, 'E-mail reply time').map((k) => k.id)).toEqual(['K3']);
    expect(findKpis(read, 'Leads')).toEqual([]);
    expect(findKpis(read, '')).toEqual([]);
  });

  it('finds every KPI of a shared name', () => {
    const values = addRow(kpiValues(), {
      'KPI ID': 'K11',
      KPI: 'Approved posts',
      Owner: 'ana@example.com',
    });
    expect(findKpis(catalogue(values), 'approved posts').map((k) => k.id)).toEqual(['K1', 'K11']);
  });
});

describe('qualifiers', () => {
  it('reads conditions like ">= 1200" in both languages', () => {
    expect(readQualifier('>= 1200', EN)).toEqual({ op: '>=', value: 1200 });
    expect(readQualifier('≥1.200', DA)).toEqual({ op: '>=', value: 1200 });
    expect(readQualifier('>=1,200', EN)).toEqual({ op: '>=', value: 1200 });
    expect(readQualifier('< 4,5', DA)).toEqual({ op: '<', value: 4.5 });
    expect(readQualifier('!= 0', EN)).toEqual({ op: '<>', value: 0 });
    expect(readQualifier('=> 3', EN)).toEqual({ op: '>=', value: 3 });
    expect(readQualifier('', EN)).toBeNull();
    expect(readQualifier('at least 1200', EN)).toBeNull();
    expect(readQualifier('>= many', EN)).toBeNull();
  });

  it('lets an entry count only when its value passes', () => {
    const atLeast = { op: '>=', value: 1200 } as const;
    expect(passesQualifier(atLeast, 1200)).toBe(true);
    expect(passesQualifier(atLeast, 1100)).toBe(false);
    expect(passesQualifier({ op: '>', value: 1200 }, 1200)).toBe(false);
    expect(passesQualifier({ op: '<=', value: 4 }, 4)).toBe(true);
    expect(passesQualifier({ op: '<', value: 4 }, 4)).toBe(false);
    expect(passesQualifier({ op: '=', value: 4 }, 4)).toBe(true);
    expect(passesQualifier({ op: '<>', value: 4 }, 4)).toBe(false);
    expect(formatQualifier(atLeast)).toBe('>= 1200');
  });
});

describe('Goals and Targets', () => {
  it('reads goal IDs in any case', () => {
    const goals = readGoals(toTable('goals', goalValues()));
    expect([...goals.keys()]).toEqual(['G1', 'G2', 'G3', 'G4', 'G5']);
    expect(goals.get('G4')?.name).toBe('Organic traffic from content');
  });

  it('reads the target history oldest first, leaving out unreadable rows', () => {
    const targets = readTargets(
      toTable('targets', [
        TARGETS_HEADER,
        ['K1', dateCell('2026-11-16'), 20, 'mette@example.com', 'More clients'],
        ['k1', dateCell('2026-11-02'), 15, 'KPI Loop', 'Initial target'],
        ['K1', 'someday', 30, '', ''],
        ['K1', dateCell('2026-11-20'), 'lots', '', ''],
        ['', dateCell('2026-11-20'), 10, '', ''],
        ['K3', '09.11.2026', '3,5', '', ''],
      ]),
      DA,
    );
    expect(targets.get('K1')?.map((c) => [c.validFrom, c.target])).toEqual([
      [day('2026-11-02'), 15],
      [day('2026-11-16'), 20],
    ]);
    expect(targets.get('K3')?.map((c) => [c.validFrom, c.target])).toEqual([
      [day('2026-11-09'), 3.5],
    ]);
  });
});
