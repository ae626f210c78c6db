import { buildSnapshot } from '../../src/engine/snapshot';
import { kpiStatus } from '../../src/engine/formulas';
import {
  day,
  exampleWeekLog,
  goalValues,
  kpiValues,
  LOG_HEADER,
  LOG_HEADER_DA,
  logValues,
  settingsFor,
  teamValues,
  workbook,
} from './fixtures';

describe('a snapshot of the workbook', () => {
  it('builds from no tabs at all without throwing, and knows nothing', () => {
    const snapshot = buildSnapshot(
      { team: null, goals: null, kpis: null, log: null, targets: null },
      settingsFor(),
      'DMY',
      day('2026-11-26'),
    );
    expect(snapshot.kpis.kpis).toEqual([]);
    expect(snapshot.team.members).toEqual([]);
    expect(snapshot.log.checks).toEqual([]);
    expect(snapshot.columns.log).toEqual({});
  });

  it('builds from tabs holding only their header row', () => {
    const header = (values: unknown[][]) => values.slice(0, 1);
    const snapshot = buildSnapshot(
      {
        team: header(teamValues()),
        goals: header(goalValues()),
        kpis: header(kpiValues()),
        log: [LOG_HEADER],
        targets: [[]],
      },
      settingsFor(),
      'DMY',
      day('2026-11-26'),
    );
    expect(snapshot.kpis.kpis).toEqual([]);
    expect(snapshot.columns.kpis.kpiId).toBe(0);
  });

  it('remembers where the SMART and Check columns are, to write them back', () => {
    const withSmart = kpiValues().map((row, i) => [...row, i === 0 ? 'SMART' : '']);
    const snapshot = buildSnapshot(
      {
        team: teamValues(),
        goals: goalValues(),
        kpis: withSmart,
        log: logValues([], LOG_HEADER),
        targets: null,
      },
      settingsFor(),
      'DMY',
      day('2026-11-26'),
    );
    expect(snapshot.columns.kpis.smart).toBe(20);
    expect(snapshot.columns.log.check).toBe(9);
  });

  it('reads a Log with Danish headers in an English sheet and the other way round', () => {
    const danishHeaders = buildSnapshot(
      {
        team: teamValues(),
        goals: goalValues(),
        kpis: kpiValues('da'),
        log: logValues(exampleWeekLog(), LOG_HEADER_DA),
        targets: null,
      },
      settingsFor({ lang: 'en' }),
      'DMY',
      day('2026-11-26'),
    );
    const english = workbook({ log: exampleWeekLog() });
    expect(danishHeaders.log.entries.map((e) => [e.kpiId, e.value])).toEqual(
      english.snapshot.log.entries.map((e) => [e.kpiId, e.value]),
    );
    expect(kpiStatus({ ...english, snapshot: danishHeaders }, 'K1', '', '')).toBe('At risk');
  });
});
