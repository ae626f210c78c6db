/**
 * Made-up but plausible Log rows, from a seeded random generator so every
 * run gives the same workbook: six weeks of work for the example team
 * (npm start) and synthetic teams of any size (npm run bench).
 */
import { headers } from '../../src/engine/i18n/vocabulary';
import {
  dayFromDate,
  instantAt,
  localDay,
  weekdayOf,
  isoDay,
} from '../../src/engine/time/calendar';
import { seededRandom } from '../../emulator/utilities';

/** The emulator's seeded generator (mulberry32): generated workbooks repeat run after run. */
export { seededRandom };

export interface LogRow {
  date: Date;
  assistant: string;
  kpi: string;
  value: number | '';
  loggedAt: Date;
}

interface KpiShape {
  id: string;
  owner: string;
  timeZone: string;
  /** Entries a working day, and their value. */
  daily: (random: () => number) => Array<{ value: number | ''; minute: number }>;
}

const between = (random: () => number, low: number, high: number): number =>
  Math.round((low + random() * (high - low)) * 10) / 10;
const whole = (random: () => number, low: number, high: number): number =>
  Math.floor(low + random() * (high - low + 1));

/** How the example team's ten KPIs are fed, day by day (times in each owner's zone). */
export const EXAMPLE_KPI_SHAPES: KpiShape[] = [
  {
    id: 'K1',
    owner: 'priya@example.com',
    timeZone: 'Asia/Kolkata',
    daily: (r) => [{ value: whole(r, 2, 4), minute: 17 * 60 }],
  },
  {
    id: 'K2',
    owner: 'priya@example.com',
    timeZone: 'Asia/Kolkata',
    daily: (r) => [{ value: between(r, 24, 60), minute: 17 * 60 + 5 }],
  },
  {
    id: 'K3',
    owner: 'juan@example.com',
    timeZone: 'Asia/Manila',
    daily: (r) => [{ value: between(r, 2.5, 5.5), minute: 16 * 60 + 30 }],
  },
  {
    id: 'K4',
    owner: 'juan@example.com',
    timeZone: 'Asia/Manila',
    daily: (r) => [{ value: whole(r, 82, 100), minute: 16 * 60 + 35 }],
  },
  {
    id: 'K5',
    owner: 'juan@example.com',
    timeZone: 'Asia/Manila',
    daily: (r) => [{ value: r() < 0.8 ? 100 : whole(r, 96, 99), minute: 16 * 60 + 40 }],
  },
  {
    id: 'K6',
    owner: 'juan@example.com',
    timeZone: 'Asia/Manila',
    daily: (r) => [{ value: '', minute: whole(r, 14 * 60 + 30, 16 * 60 + 20) }],
  },
  {
    id: 'K7',
    owner: 'priya@example.com',
    timeZone: 'Asia/Kolkata',
    daily: (r) => (r() < 0.7 ? [{ value: whole(r, 900, 2100), minute: 15 * 60 }] : []),
  },
  {
    id: 'K8',
    owner: 'ana@example.com',
    timeZone: 'America/Bogota',
    daily: (r) => [{ value: whole(r, 7, 12), minute: 17 * 60 }],
  },
  {
    id: 'K9',
    owner: 'ana@example.com',
    timeZone: 'America/Bogota',
    daily: (r) => [{ value: whole(r, 0, 2), minute: 17 * 60 + 10 }],
  },
];

/**
 * Rows for every working day (Mon-Fri) from `weeks` weeks back up to now,
 * leaving out entries whose logging time is still ahead.
 */
export function exampleLogRows(now: number, sheetTimeZone: string, weeks = 6, seed = 48): LogRow[] {
  const random = seededRandom(seed);
  const today = localDay(now, sheetTimeZone);
  const rows: LogRow[] = [];
  for (let day = today - weeks * 7; day <= today; day++) {
    if (weekdayOf(day) > 4) continue;
    for (const shape of EXAMPLE_KPI_SHAPES) {
      for (const { value, minute } of shape.daily(random)) {
        const loggedAt = instantAt(day, minute, shape.timeZone);
        if (loggedAt > now) continue;
        rows.push({
          date: new Date(instantAt(day, 0, sheetTimeZone)),
          assistant: shape.owner,
          kpi: shape.id,
          value,
          loggedAt: new Date(loggedAt),
        });
      }
    }
  }
  return rows;
}

/** Log rows as the Log tab holds them, in the column order setup writes (English headers). */
export function logTabRows(rows: readonly LogRow[], firstId = 1): unknown[][] {
  const order = headers('en', 'log');
  return rows.map((row, i) => {
    const byHeader: Record<string, unknown> = {
      'Entry ID': `E${firstId + i}`,
      Date: row.date,
      Assistant: row.assistant,
      KPI: row.kpi,
      Value: row.value,
      Note: '',
      Link: '',
      'Logged at': row.loggedAt,
      'Logged by': row.assistant,
      Check: 'OK',
    };
    return order.map((header) => byHeader[header] ?? '');
  });
}

export interface SyntheticWorkbook {
  team: unknown[][];
  goals: unknown[][];
  kpis: unknown[][];
  log: unknown[][];
  targets: unknown[][];
}

const AGGREGATION_MIX = [
  'Sum',
  'Sum',
  'Count',
  'Average',
  'Average',
  'Min',
  'Max',
  'Latest',
  'Sum',
  'On-time',
];

/**
 * A team of `assistants` people with `kpisEach` weekly KPIs each and `logRows`
 * Log rows spread over the current and the 8 previous weeks.
 */
export function syntheticWorkbook(
  logRows: number,
  now: number,
  sheetTimeZone: string,
  assistants = 50,
  kpisEach = 10,
  seed = 7,
): SyntheticWorkbook {
  const random = seededRandom(seed);
  const zones = [
    'Asia/Manila',
    'Asia/Kolkata',
    'America/Bogota',
    'Europe/Copenhagen',
    'Africa/Nairobi',
  ];
  const start = new Date(instantAt(dayFromDate(2026, 1, 5), 0, sheetTimeZone));
  const team: unknown[][] = [headers('en', 'team')];
  team.push([
    'Manager',
    'manager@example.com',
    'Manager',
    '',
    sheetTimeZone,
    'Mon-Fri',
    '08:00-16:00',
    'Email',
    '',
    true,
  ]);
  const kpis: unknown[][] = [headers('en', 'kpis')];
  const kpiIds: Array<{ id: string; owner: string }> = [];
  for (let a = 0; a < assistants; a++) {
    const email = `assistant${a + 1}@example.com`;
    team.push([
      `Assistant ${a + 1}`,
      email,
      'Assistant',
      'manager@example.com',
      zones[a % zones.length],
      'Mon-Fri',
      '09:00-17:00',
      'Email',
      '',
      true,
    ]);
    for (let k = 0; k < kpisEach; k++) {
      const id = `K${a * kpisEach + k + 1}`;
      const aggregation = AGGREGATION_MIX[k % AGGREGATION_MIX.length] as string;
      kpis.push([
        id,
        `KPI ${k + 1}`,
        email,
        'G1',
        'Administration',
        'Things done',
        aggregation,
        'At least',
        aggregation === 'On-time' ? 90 : 20,
        aggregation === 'On-time' ? '%' : 'items',
        'Week',
        aggregation === 'On-time' ? '16:00' : '',
        '',
        '',
        '',
        '10%',
        '',
        start,
        new Date(instantAt(dayFromDate(2027, 6, 30), 0, sheetTimeZone)),
        'Active',
        '',
      ]);
      kpiIds.push({ id, owner: email });
    }
  }
  const today = localDay(now, sheetTimeZone);
  const firstDay = today - 8 * 7 - weekdayOf(today);
  const span = today - firstDay + 1;
  const log: unknown[][] = [headers('en', 'log')];
  for (let i = 0; i < logRows; i++) {
    const { id, owner } = kpiIds[Math.floor(random() * kpiIds.length)] as {
      id: string;
      owner: string;
    };
    const day = firstDay + Math.floor(random() * span);
    const loggedAt = instantAt(day, 9 * 60 + Math.floor(random() * 9 * 60), sheetTimeZone);
    log.push([
      `E${i + 1}`,
      new Date(instantAt(day, 0, sheetTimeZone)),
      owner,
      id,
      whole(random, 1, 9),
      '',
      '',
      new Date(Math.min(loggedAt, now)),
      owner,
      'OK',
    ]);
  }
  return {
    team,
    goals: [headers('en', 'goals'), ['G1', 'Run the business', 'manager@example.com', '', '']],
    kpis,
    log,
    targets: [headers('en', 'targets')],
  };
}

export { isoDay };

export interface SyntheticTeam extends SyntheticWorkbook {
  checkIns: unknown[][];
  feedback: unknown[][];
  actions: unknown[][];
}

/**
 * A team of `people` for the reminder bench: one manager for every ten (the
 * first is `firstManager`, the sheet's owner), each assistant in one of five
 * zones with three KPIs (two weekly, one daily with a Due time), a few Log
 * rows this week, a check-in planned in the coming days and an action due
 * around now (some overdue, some away).
 */
export function syntheticTeam(
  people: number,
  now: number,
  sheetTimeZone: string,
  firstManager = 'mette@example.com',
  seed = 11,
): SyntheticTeam {
  const random = seededRandom(seed);
  const zones = [
    'Asia/Manila',
    'Asia/Kolkata',
    'America/Bogota',
    'Europe/Copenhagen',
    'Africa/Nairobi',
  ];
  const today = localDay(now, sheetTimeZone);
  const monday = today - weekdayOf(today);
  const date = (day: number): Date => new Date(instantAt(day, 0, sheetTimeZone));
  const start = date(dayFromDate(2026, 1, 5));
  const team: unknown[][] = [headers('en', 'team')];
  const kpis: unknown[][] = [headers('en', 'kpis')];
  const log: unknown[][] = [headers('en', 'log')];
  const checkIns: unknown[][] = [headers('en', 'checkIns')];
  const actions: unknown[][] = [headers('en', 'actions')];
  let manager = firstManager;
  for (let p = 0; p < people; p++) {
    const zone = zones[p % zones.length] as string;
    if (p % 10 === 0) {
      if (p > 0) manager = `manager${p / 10 + 1}@example.com`;
      team.push([
        `Manager ${p / 10 + 1}`,
        manager,
        'Manager',
        '',
        sheetTimeZone,
        'Mon-Fri',
        '08:00-16:00',
        'Email',
        '',
        true,
      ]);
      continue;
    }
    const email = `person${p + 1}@example.com`;
    const away = random() < 0.03 ? date(today + 3) : '';
    team.push([
      `Person ${p + 1}`,
      email,
      'Assistant',
      manager,
      zone,
      'Mon-Fri',
      '09:00-17:00',
      'Email',
      away,
      true,
    ]);
    for (let k = 0; k < 3; k++) {
      const id = `K${p * 3 + k + 1}`;
      const daily = k === 2;
      kpis.push([
        id,
        `KPI ${k + 1}`,
        email,
        'G1',
        'Administration',
        'Things done',
        daily ? 'Count' : 'Sum',
        'At least',
        daily ? 2 : 20,
        'items',
        daily ? 'Day' : 'Week',
        daily ? '15:00' : '',
        '',
        '',
        '',
        '10%',
        '',
        start,
        date(today + (k === 0 && random() < 0.2 ? 5 : 200)),
        'Active',
        '',
      ]);
      for (let day = monday; day < today; day++) {
        if (random() < 0.3) continue; // some days nothing is logged: silent, behind pace
        const loggedAt = instantAt(day, 10 * 60 + Math.floor(random() * 6 * 60), zone);
        log.push([
          `E${log.length}`,
          date(day),
          email,
          id,
          whole(random, 1, 6),
          '',
          '',
          new Date(loggedAt),
          email,
          'OK',
        ]);
      }
    }
    checkIns.push([
      `C${checkIns.length}`,
      email,
      manager,
      'Weekly',
      date(today + 1 + (p % 5)),
      '10:00',
      '',
      'Planned',
      '',
      '',
      '',
    ]);
    const due = today - 4 + Math.floor(random() * 7);
    actions.push([
      `A${actions.length}`,
      date(monday - 7),
      email,
      `Follow up ${p + 1}`,
      `K${p * 3 + 1}`,
      '',
      date(due),
      random() < 0.5 ? 'Open' : 'In progress',
      '',
      '',
    ]);
  }
  return {
    team,
    goals: [headers('en', 'goals'), ['G1', 'Run the business', firstManager, '', '']],
    kpis,
    log,
    targets: [headers('en', 'targets')],
    checkIns,
    feedback: [headers('en', 'feedback')],
    actions,
  };
}
