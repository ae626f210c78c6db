import vm from 'node:vm';
import {
  isBlank,
  isDate,
  readBoolean,
  readDay,
  readEmail,
  readFraction,
  readInstant,
  readMinuteOfDay,
  readNumber,
  readText,
  type CellContext,
} from '../../../src/engine/records/cells';
import { dateCell, day, timeCell } from '../fixtures';

const DANISH: CellContext = { lang: 'da', timeZone: 'Europe/Copenhagen', dateOrder: 'DMY' };
const BRITISH: CellContext = { lang: 'en', timeZone: 'Europe/Copenhagen', dateOrder: 'DMY' };
const AMERICAN: CellContext = { lang: 'en', timeZone: 'America/Bogota', dateOrder: 'MDY' };

const value = <T>(
  reading: { ok: true; value: T } | { ok: false; empty: boolean },
): T | 'bad' | 'empty' => (reading.ok ? reading.value : reading.empty ? 'empty' : 'bad');

describe('empty cells and text', () => {
  it('treats "", null, undefined and spaces as empty, but not 0 or FALSE', () => {
    expect(['', null, undefined, '   '].every(isBlank)).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
    expect(readText('  Priya  ')).toBe('Priya');
    expect(readText(12)).toBe('12');
    expect(readText('')).toBe('');
    expect(readText(new Date(NaN))).toBe('');
  });

  it('recognises Date cells, also from another script context', () => {
    expect(isDate(new Date())).toBe(true);
    expect(isDate(vm.runInNewContext('new Date(0)'))).toBe(true);
    expect(isDate('2026-11-27')).toBe(false);
    expect(isDate(46352)).toBe(false);
    expect(isDate(null)).toBe(false);
  });
});

describe('numbers', () => {
  it('takes number cells as they are, and refuses NaN and Infinity', () => {
    expect(value(readNumber(1.5, 'en'))).toBe(1.5);
    expect(value(readNumber(0, 'da'))).toBe(0);
    expect(value(readNumber(NaN, 'en'))).toBe('bad');
    expect(value(readNumber(Infinity, 'en'))).toBe('bad');
    expect(value(readNumber('', 'en'))).toBe('empty');
  });

  it('reads Danish decimal commas and thousands points: "1,5" is 1.5, "1.200" is 1200', () => {
    expect(value(readNumber('1,5', 'da'))).toBe(1.5);
    expect(value(readNumber('1.200', 'da'))).toBe(1200);
    expect(value(readNumber('1.200,5', 'da'))).toBe(1200.5);
    expect(value(readNumber('12.345.678', 'da'))).toBe(12345678);
    expect(value(readNumber('1,200', 'da'))).toBe(1.2);
    expect(value(readNumber('-3,25', 'da'))).toBe(-3.25);
  });

  it('reads English thousands commas and decimal points: "1,200" is 1200, "1.5" is 1.5', () => {
    expect(value(readNumber('1,200', 'en'))).toBe(1200);
    expect(value(readNumber('1,200.5', 'en'))).toBe(1200.5);
    expect(value(readNumber('1.5', 'en'))).toBe(1.5);
    expect(value(readNumber('12,345,678', 'en'))).toBe(12345678);
    // A lone comma that cannot be thousands is a decimal comma typed in an English sheet.
    expect(value(readNumber('1,5', 'en'))).toBe(1.5);
  });

  it('reads spaces, non-breaking spaces and a percent sign around a number', () => {
    expect(value(readNumber(' 1 200 ', 'da'))).toBe(1200);
    expect(value(readNumber('1\u00a0200', 'da'))).toBe(1200);
    expect(value(readNumber('10%', 'en'))).toBe(10);
    expect(value(readNumber('11,4 %', 'da'))).toBe(11.4);
    expect(value(readNumber('1e3', 'en'))).toBe(1000);
  });

  it('refuses text that is not a number', () => {
    for (const text of ['abc', '12abc', '1.2.3', 'NaN', 'Infinity', '=1+1', '1,2,3', '--1', '.']) {
      expect(value(readNumber(text, 'en'))).toBe('bad');
    }
    expect(value(readNumber(true, 'en'))).toBe('bad');
    expect(value(readNumber(new Date(), 'en'))).toBe('bad');
  });

  it('reads a risk band as a fraction: "10%", 0.1 (a percent cell) and 10 all mean 10 %', () => {
    expect(value(readFraction('10%', 'en'))).toBeCloseTo(0.1, 12);
    expect(value(readFraction(0.1, 'en'))).toBeCloseTo(0.1, 12);
    expect(value(readFraction(10, 'en'))).toBeCloseTo(0.1, 12);
    expect(value(readFraction('12,5 %', 'da'))).toBeCloseTo(0.125, 12);
    expect(value(readFraction('150%', 'en'))).toBe('bad');
    expect(value(readFraction(-0.1, 'en'))).toBe('bad');
  });
});

describe('dates', () => {
  it('reads a date cell as its calendar day in the spreadsheet zone', () => {
    expect(value(readDay(dateCell('2026-11-27'), BRITISH))).toBe(day('2026-11-27'));
    // Midnight in Copenhagen is still the day before in UTC: the zone decides.
    expect(dateCell('2026-11-27').toISOString()).toBe('2026-11-26T23:00:00.000Z');
    expect(value(readDay(dateCell('2026-07-01', 'America/Bogota'), AMERICAN))).toBe(
      day('2026-07-01'),
    );
    expect(value(readDay(new Date(NaN), BRITISH))).toBe('bad');
  });

  it('reads dates typed as text: ISO, Danish with dots or dashes', () => {
    expect(value(readDay('2026-11-27', BRITISH))).toBe(day('2026-11-27'));
    expect(value(readDay('2026-1-5', BRITISH))).toBe(day('2026-01-05'));
    expect(value(readDay('27.11.2026', DANISH))).toBe(day('2026-11-27'));
    expect(value(readDay('27-11-2026', DANISH))).toBe(day('2026-11-27'));
    expect(value(readDay('5.1.2026', DANISH))).toBe(day('2026-01-05'));
  });

  it('reads slashed dates in the sheet order: 11/27/2026 in en_US, 27/11/2026 elsewhere', () => {
    expect(value(readDay('11/27/2026', AMERICAN))).toBe(day('2026-11-27'));
    expect(value(readDay('27/11/2026', BRITISH))).toBe(day('2026-11-27'));
    expect(value(readDay('11/27/2026', BRITISH))).toBe('bad');
    expect(value(readDay('27/11/2026', AMERICAN))).toBe('bad');
    expect(value(readDay('03/04/2026', AMERICAN))).toBe(day('2026-03-04'));
    expect(value(readDay('03/04/2026', BRITISH))).toBe(day('2026-04-03'));
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    for (const text of [
      '2026-02-29',
      '31.04.2026',
      '2100-02-29',
      'yesterday',
      '2026/11/27',
      '27.11.26',
    ]) {
      expect(value(readDay(text, DANISH))).toBe('bad');
    }
    expect(value(readDay('2028-02-29', DANISH))).toBe(day('2028-02-29'));
    expect(value(readDay(46352, DANISH))).toBe('bad');
    expect(value(readDay('', DANISH))).toBe('empty');
  });

  it('reads a Logged at moment from a date-time cell or ISO text with a zone', () => {
    const moment = new Date('2026-11-26T10:29:00Z');
    expect(value(readInstant(moment))).toBe(moment.getTime());
    expect(value(readInstant('2026-11-26T15:59:00+05:30'))).toBe(moment.getTime());
    expect(value(readInstant('2026-11-26T10:29:00Z'))).toBe(moment.getTime());
    // Without a zone the moment is unknown.
    expect(value(readInstant('2026-11-26T10:29:00'))).toBe('bad');
    expect(value(readInstant('26.11.2026 10:29'))).toBe('bad');
    expect(value(readInstant(new Date(NaN)))).toBe('bad');
  });
});

describe('times of day', () => {
  it('reads 16:00 typed as text in the usual ways', () => {
    for (const text of ['16:00', '16.00', '4 PM', '4pm', ' 16:00 ']) {
      expect(value(readMinuteOfDay(text, BRITISH))).toBe(16 * 60);
    }
    expect(value(readMinuteOfDay('12 AM', BRITISH))).toBe(0);
    expect(value(readMinuteOfDay('12:30 PM', BRITISH))).toBe(12 * 60 + 30);
    expect(value(readMinuteOfDay('09:05', BRITISH))).toBe(9 * 60 + 5);
  });

  it('refuses times that are not times', () => {
    for (const text of ['16', '24:00', '16:60', '13 PM', 'noon', '1600']) {
      expect(value(readMinuteOfDay(text, BRITISH))).toBe('bad');
    }
  });

  it('reads a time cell (30 Dec 1899 at 16:00 in the sheet zone) as 16:00', () => {
    expect(value(readMinuteOfDay(timeCell('16:00'), BRITISH))).toBe(16 * 60);
    expect(
      value(
        readMinuteOfDay(timeCell('08:30', 'Asia/Manila'), { ...BRITISH, timeZone: 'Asia/Manila' }),
      ),
    ).toBe(8 * 60 + 30);
  });

  it('reads a time cell right in zones whose 1899 offset had seconds (Bogota, Kolkata)', () => {
    // Sheets builds time cells on 30 Dec 1899, when Bogota kept local mean time (-4:56:16)
    // and India Madras time (+5:21:10).
    expect(value(readMinuteOfDay(timeCell('16:00', 'America/Bogota'), AMERICAN))).toBe(16 * 60);
    const kolkata = { ...BRITISH, timeZone: 'Asia/Kolkata' };
    expect(value(readMinuteOfDay(timeCell('16:00', 'Asia/Kolkata'), kolkata))).toBe(16 * 60);
    expect(value(readMinuteOfDay(timeCell('09:30', 'Asia/Kolkata'), kolkata))).toBe(9 * 60 + 30);
  });

  it('reads a time as a fraction of a day, as a number-formatted time cell holds it', () => {
    expect(value(readMinuteOfDay(2 / 3, BRITISH))).toBe(16 * 60);
    expect(value(readMinuteOfDay(0.5, BRITISH))).toBe(12 * 60);
    expect(value(readMinuteOfDay(1.5, BRITISH))).toBe('bad');
  });
});

describe('e-mails and booleans', () => {
  it('reads an address with or without a name, in any case', () => {
    expect(value(readEmail('Priya Sharma <Priya@Example.com>'))).toBe('priya@example.com');
    expect(value(readEmail(' PRIYA@example.com '))).toBe('priya@example.com');
    expect(value(readEmail('"Sharma, Priya" <priya@example.com>'))).toBe('priya@example.com');
    expect(value(readEmail('Priya Sharma'))).toBe('bad');
    expect(value(readEmail('priya@example'))).toBe('bad');
    expect(value(readEmail('priya @example.com'))).toBe('bad');
    expect(value(readEmail(''))).toBe('empty');
  });

  it('reads checkboxes and yes/no words in English and Danish', () => {
    expect(value(readBoolean(true))).toBe(true);
    expect(value(readBoolean(false))).toBe(false);
    for (const yes of ['TRUE', 'yes', 'Ja', 'SAND', 'x', '1'])
      expect(value(readBoolean(yes))).toBe(true);
    for (const no of ['FALSE', 'No', 'nej', 'falsk', '0'])
      expect(value(readBoolean(no))).toBe(false);
    expect(value(readBoolean(0))).toBe(false);
    expect(value(readBoolean(2))).toBe(true);
    expect(value(readBoolean('maybe'))).toBe('bad');
    expect(value(readBoolean(''))).toBe('empty');
  });
});
