import { seededRandom } from '../../../emulator/utilities';
import { buildSnapshot } from '../../../src/engine/snapshot';
import { en } from '../../../src/engine/i18n/en';
import { render, t } from '../../../src/engine/i18n/messages';
import { kpiActual, kpiStatus, kpiTrend } from '../../../src/engine/formulas';
import { checkLogRow, type RowCheck } from '../../../src/engine/records/log';
import { toTable } from '../../../src/engine/records/table';
import type { Lang } from '../../../src/engine/types';
import {
  addRow,
  ANA,
  at,
  dateCell,
  day,
  JUAN,
  kpiValues,
  momentAt,
  LOG_HEADER,
  logRow,
  PRIYA,
  workbook,
} from '../fixtures';

/** The Check column's text for each Log row, as the add-on writes it. */
function checkTexts(rows: unknown[][], lang: Lang = 'en', kpis = kpiValues(lang)): string[] {
  const { snapshot } = workbook({ log: rows, lang, kpis });
  return snapshot.log.checks.map((check) => checkText(check, lang));
}

function checkText(check: RowCheck, lang: Lang): string {
  if (check.ok === 'blank') return '';
  return check.ok ? t(lang, 'check.ok') : render(lang, check.problem);
}

const MON = '2026-11-23';
const loggedAt = at('2026-11-23 15:00', 'Asia/Kolkata');

/** One row per reason a Log row is not counted, with the Check text it must get. */
const BAD_ROWS: Array<[keyof typeof en, unknown[], string]> = [
  ['check.missingDate', logRow('', PRIYA, 'K1', 3), 'Date is missing'],
  ['check.badDate', logRow('yesterday', PRIYA, 'K1', 3), 'Date "yesterday" is not a date'],
  ['check.futureDate', logRow('2026-11-27', PRIYA, 'K1', 3), 'Date 2026-11-27 is in the future'],
  ['check.missingAssistant', logRow(MON, '', 'K1', 3), 'Assistant is missing'],
  [
    'check.unknownAssistant',
    logRow(MON, 'bob@example.com', 'K1', 3),
    'Assistant "bob@example.com" is not in Team',
  ],
  ['check.missingKpi', logRow(MON, PRIYA, '', 3), 'KPI is missing'],
  ['check.unknownKpi', logRow(MON, PRIYA, 'Leads', 3), 'Unknown KPI "Leads"'],
  ['check.notOwner', logRow(MON, JUAN, 'K1', 3), 'Juan dela Cruz does not own KPI K1'],
  [
    'check.ambiguousKpi',
    logRow(MON, JUAN, 'Approved posts', 3),
    'KPI "Approved posts" is not one of Juan dela Cruz\'s KPIs',
  ],
  [
    'check.ratioKpi',
    logRow(MON, ANA, 'K10', 11),
    'KPI K10 is a ratio: log its numerator and denominator KPIs instead',
  ],
  ['check.missingValue', logRow(MON, PRIYA, 'K1', ''), 'Value is missing'],
  ['check.notANumber', logRow(MON, PRIYA, 'K1', 'three'), 'Value "three" is not a number'],
  ['check.negative', logRow(MON, PRIYA, 'K1', -2), 'Value -2 is negative'],
  ['check.tooLarge', logRow(MON, PRIYA, 'K1', 5e12), 'Value 5000000000000 is too large'],
  ['check.qualifier', logRow(MON, PRIYA, 'K7', 1100), 'Not counted: value must be >= 1200'],
];

/** Two KPIs named "Approved posts", neither Juan's: naming it cannot pick one. */
const WITH_SECOND_APPROVED_POSTS = addRow(kpiValues(), {
  'KPI ID': 'K11',
  KPI: 'Approved posts',
  Owner: ANA,
  'Goal ID': 'G1',
  Aggregation: 'Sum',
  Direction: 'At least',
  Target: 10,
  Period: 'Week',
});

describe('the Check column of the Log', () => {
  it('has a test row for every reason in the catalogue', () => {
    const reasons = Object.keys(en).filter((key) => key.startsWith('check.') && key !== 'check.ok');
    expect(BAD_ROWS.map(([key]) => key).sort()).toEqual(reasons.sort());
  });

  it.each(BAD_ROWS)('%s: the row is marked with its reason and not counted', (key, row, text) => {
    const { snapshot } = workbook({ log: [row], kpis: WITH_SECOND_APPROVED_POSTS });
    const [check] = snapshot.log.checks;
    expect(check).toMatchObject({ ok: false, problem: { key } });
    expect(checkText(check as RowCheck, 'en')).toBe(text);
    expect(snapshot.log.entries).toEqual([]);
  });

  it('marks a good row OK and counts it', () => {
    expect(checkTexts([logRow(MON, PRIYA, 'K1', 3, loggedAt)])).toEqual(['OK']);
    const { snapshot } = workbook({ log: [logRow(MON, PRIYA, 'K1', 3, loggedAt)] });
    expect(snapshot.log.entries).toEqual([
      {
        entryId: expect.stringMatching(/^E\d+$/),
        date: day(MON),
        assistant: PRIYA,
        kpiId: 'K1',
        value: 3,
        loggedAt: loggedAt.getTime(),
      },
    ]);
  });

  it('writes nothing for a blank row, nor for one with only a note', () => {
    const noteOnly = ['', '', '', '', '', 'remember to log', 'https://example.com', '', '', ''];
    expect(checkTexts([Array(10).fill(''), noteOnly])).toEqual(['', '']);
  });

  it('gives the reasons in Danish in a Danish sheet', () => {
    const rows = [
      logRow('2026-11-27', PRIYA, 'K1', 3),
      logRow(MON, 'bob@example.com', 'K1', 3),
      logRow(MON, PRIYA, 'K1', 'tre'),
      logRow(MON, PRIYA, 'K7', 1100),
      logRow(MON, PRIYA, 'K1', '2,5'),
      logRow(MON, PRIYA, 'K1', '-2,5'),
    ];
    expect(checkTexts(rows, 'da')).toEqual([
      'Datoen 2026-11-27 ligger i fremtiden',
      'Assistenten "bob@example.com" er ikke på Team',
      'Værdien "tre" er ikke et tal',
      'Tæller ikke med: værdien skal være >= 1200',
      'OK',
      'Værdien -2,5 er negativ',
    ]);
  });

  it('explains why an 1,100-word article does not count toward SEO articles, and counts the 1,250-word one', () => {
    const rows = [logRow(MON, PRIYA, 'K7', 1100), logRow(MON, PRIYA, 'K7', '1,250')];
    expect(checkTexts(rows)).toEqual(['Not counted: value must be >= 1200', 'OK']);
  });

  it('reads the assistant by name or by "Name <e-mail>", and the KPI by ID or name', () => {
    const rows = [
      logRow(MON, 'Priya Sharma', 'approved posts', 3),
      logRow(MON, 'Priya Sharma <PRIYA@example.com>', 'k1', 2),
    ];
    expect(checkTexts(rows)).toEqual(['OK', 'OK']);
  });

  it('picks, among KPIs sharing a name, the one the assistant owns', () => {
    const { snapshot } = workbook({
      kpis: WITH_SECOND_APPROVED_POSTS,
      log: [logRow(MON, ANA, 'Approved posts', 4), logRow(MON, PRIYA, 'Approved posts', 5)],
    });
    expect(snapshot.log.entries.map((e) => [e.assistant, e.kpiId, e.value])).toEqual([
      [ANA, 'K11', 4],
      [PRIYA, 'K1', 5],
    ]);
  });

  it('reads dates typed as text in the sheet order', () => {
    const rows = [logRow('23.11.2026', PRIYA, 'K1', 1), logRow('11/23/2026', PRIYA, 'K1', 1)];
    const british = workbook({ log: rows, dateOrder: 'DMY' }).snapshot.log.checks;
    const american = workbook({ log: rows, dateOrder: 'MDY' }).snapshot.log.checks;
    expect(british.map((c) => c.ok)).toEqual([true, false]);
    expect(american.map((c) => c.ok)).toEqual([true, true]);
  });

  it('counts a row of a Count KPI without a Qualifier as one, value or not', () => {
    const kpis = addRow(kpiValues(), {
      'KPI ID': 'K12',
      KPI: 'Calls',
      Owner: JUAN,
      Aggregation: 'Count',
      Direction: 'At least',
      Target: 5,
      Period: 'Week',
    });
    const { snapshot } = workbook({
      kpis,
      log: [logRow(MON, JUAN, 'K12', ''), logRow(MON, JUAN, 'K12', 2)],
    });
    expect(snapshot.log.checks.map((c) => c.ok)).toEqual([true, true]);
    expect(snapshot.log.entries.map((e) => e.value)).toEqual([null, 2]);
  });

  it('takes an On-time report without a value: it is judged by when it came in', () => {
    const { snapshot } = workbook({
      log: [logRow(MON, JUAN, 'K6', '', at('2026-11-23 15:00', 'Asia/Manila'))],
    });
    expect(snapshot.log.checks.map((c) => c.ok)).toEqual([true]);
    expect(checkTexts([logRow(MON, JUAN, 'K6', 'done')])).toEqual(['Value "done" is not a number']);
  });

  it('checks one typed row on its own as the edit trigger does', () => {
    const { snapshot } = workbook();
    const table = toTable('log', [LOG_HEADER, logRow(MON, PRIYA, 'K1', 'x')]);
    const check = checkLogRow(table, table.rows[0] as unknown[], {
      lang: 'en',
      timeZone: 'Europe/Copenhagen',
      dateOrder: 'DMY',
      team: snapshot.team,
      kpis: snapshot.kpis,
      today: day('2026-11-26'),
    });
    expect(check).toEqual({
      ok: false,
      problem: { key: 'check.notANumber', params: { value: 'x' } },
    });
  });
});

describe('a Log full of garbage', () => {
  const WEEKS = ['2026-W46', '2026-W47', '2026-W48'];
  const random = seededRandom(20261126);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  /** Valid rows: each assistant's own KPIs over three weeks, up to today (Thu 26 Nov). */
  function validRows(): unknown[][] {
    const rows: unknown[][] = [];
    const own: Array<[string, string, () => unknown]> = [
      [PRIYA, 'K1', () => 1 + Math.floor(random() * 4)],
      [PRIYA, 'K2', () => 20 + Math.floor(random() * 40)],
      [PRIYA, 'K7', () => 1200 + Math.floor(random() * 800)],
      [JUAN, 'K3', () => Math.round(random() * 80) / 10],
      [JUAN, 'K4', () => 70 + Math.floor(random() * 31)],
      [JUAN, 'K5', () => 90 + Math.floor(random() * 11)],
      [JUAN, 'K6', () => 1],
      [ANA, 'K8', () => 5 + Math.floor(random() * 10)],
      [ANA, 'K9', () => Math.floor(random() * 3)],
    ];
    for (let d = day('2026-11-09'); d <= day('2026-11-26'); d++) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const weekday = new Date(d * 86_400_000).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (const [who, kpi, value] of own) {
        const zone =
          who === PRIYA ? 'Asia/Kolkata' : who === JUAN ? 'Asia/Manila' : 'America/Bogota';
        const time = `${String(13 + Math.floor(random() * 5)).padStart(2, '0')}:${random() < 0.5 ? '00' : '30'}`;
        rows.push(logRow(iso, who, kpi, value(), at(`${iso} ${time}`, zone)));
      }
    }
    return rows;
  }

  const OWNER_OF: Record<string, string> = {
    K1: PRIYA,
    K2: PRIYA,
    K7: PRIYA,
    K3: JUAN,
    K4: JUAN,
    K5: JUAN,
    K6: JUAN,
    K8: ANA,
    K9: ANA,
    K10: ANA,
  };

  const corruptions: Array<(row: unknown[]) => void> = [
    (row) =>
      (row[4] = pick([
        'lots',
        'ten',
        '12abc',
        '1.2.3',
        '=SUM(A1:A3)',
        'NaN',
        'Infinity',
        true,
        '#N/A',
      ])),
    (row) => (row[3] = pick(['K99', 'Leads', '=K1', 'KPI 1', '@K1', 'K1K1'])),
    (row) =>
      (row[2] = pick([
        'bob@example.com',
        'Bob',
        '=priya@example.com',
        'Priya',
        '+45 1234',
        'priya@',
      ])),
    (row) =>
      (row[1] = pick([
        '2026-13-01',
        '31.02.2026',
        'yesterday',
        '26/11',
        '=TODAY()',
        new Date(NaN),
        46352,
        true,
      ])),
    (row) =>
      (row[1] = pick([dateCell('2026-11-27'), dateCell('2027-01-01'), '2026-12-24', '30.11.2026'])),
    (row) => row.fill(''),
    (row) => (row[4] = pick([1e13, '1e15', 9.9e300, Infinity, NaN, -1, '-3', -0.5, '-1,5'])),
    (row) => {
      row[2] = ANA;
      row[3] = 'K10';
    },
    (row) => {
      row[2] = PRIYA;
      row[3] = 'K7';
      row[4] = pick([0, 1199, '1.100', 800]);
    },
    (row) => (row[2] = OWNER_OF[String(row[3])] === PRIYA ? JUAN : PRIYA),
    // An On-time report needs no value (it is judged by when it came in): give it text instead.
    (row) => (row[4] = row[3] === 'K6' ? 'done' : ''),
    (row) => {
      row[1] = '';
      row[5] = '=HYPERLINK("http://evil")';
    },
  ];

  function garbageRows(count: number, from: unknown[][]): unknown[][] {
    const rows: unknown[][] = [];
    for (let i = 0; i < count; i++) {
      const row = [...pick(from)];
      row[0] = pick([`G${i}`, '', `=ROW()`]);
      row[7] = pick([row[7], 'now', '', new Date(NaN), '=NOW()']);
      pick(corruptions)(row);
      rows.push(row);
    }
    return rows;
  }

  const valid = validRows();
  const garbage = garbageRows(400, valid);
  const mixed: unknown[][] = [];
  for (let i = 0, g = 0; i < valid.length || g < garbage.length;) {
    if (g < garbage.length && (i >= valid.length || random() < 0.6))
      mixed.push(garbage[g++] as unknown[]);
    else mixed.push(valid[i++] as unknown[]);
  }

  it('never throws while reading it, and counts no garbage row', () => {
    expect(() => workbook({ log: mixed })).not.toThrow();
    const { snapshot } = workbook({ log: mixed });
    expect(snapshot.log.checks).toHaveLength(mixed.length);
    const counted = snapshot.log.checks.filter((check) => check.ok === true);
    expect(counted).toHaveLength(valid.length);
    // Every garbage row has a reason (or is blank), in both languages.
    for (const lang of ['en', 'da'] as const) {
      const texts = checkTexts(garbage, lang);
      expect(texts.filter((text) => text === 'OK')).toEqual([]);
      expect(texts.filter((text) => /\{\w+\}/.test(text))).toEqual([]);
    }
  });

  it('shows the same figures as the valid rows alone', () => {
    const clean = workbook({ log: valid });
    const dirty = workbook({ log: mixed });
    const kpis = [['K1'], ['K2'], ['K3'], ['K4'], ['K5'], ['K6'], ['K7'], ['K8'], ['K9'], ['K10']];
    for (const period of [...WEEKS, '']) {
      const cleanActuals = kpiActual(clean, kpis, period, '');
      expect(kpiActual(dirty, kpis, period, '')).toEqual(cleanActuals);
      expect(kpiStatus(dirty, kpis, period, '')).toEqual(kpiStatus(clean, kpis, period, ''));
      if (period === '2026-W47') {
        // The comparison means something: every KPI has a figure that week.
        expect(
          (cleanActuals as unknown[][]).flat().filter((v) => typeof v === 'number'),
        ).toHaveLength(10);
      }
    }
    expect(kpiTrend(dirty, kpis, 4, '')).toEqual(kpiTrend(clean, kpis, 4, ''));
  });
});

describe("today is each assistant's own today", () => {
  // Thu 26 Nov 2026 20:00 in Copenhagen is already Fri 27 Nov 03:00 in Manila.
  const lateThursday = momentAt('2026-11-26 20:00');
  const rows = [logRow('2026-11-27', JUAN, 'K3', 3), logRow('2026-11-27', PRIYA, 'K1', 3)];

  test('an assistant in Manila may log Friday while Copenhagen is still on Thursday', () => {
    const { values, snapshot } = workbook({ log: rows, now: '2026-11-26 20:00' });
    const withNow = buildSnapshot(
      values,
      snapshot.settings,
      'DMY',
      lateThursday.today,
      lateThursday.now,
    );
    expect(withNow.log.checks.map((c) => checkText(c, 'en'))).toEqual([
      'OK',
      // Kolkata is at 00:30 on Friday too…
      'OK',
    ]);
  });

  test("a day beyond every zone's today is still in the future", () => {
    const { values, snapshot } = workbook({
      log: [logRow('2026-11-28', JUAN, 'K3', 3)],
      now: '2026-11-26 20:00',
    });
    const withNow = buildSnapshot(
      values,
      snapshot.settings,
      'DMY',
      lateThursday.today,
      lateThursday.now,
    );
    expect(checkText(withNow.log.checks[0] as RowCheck, 'en')).toBe(
      'Date 2026-11-28 is in the future',
    );
  });
});
