/**
 * Long hostile cells (issue 7: the fuzzer's slow workbooks). A 50,000-character
 * Owner made every read of the KPIs tab take seconds through a backtracking
 * pattern; these pin what such cells read as, and the readers are now single
 * passes (npm run bench measures speed, not these tests).
 */
import { readEmail } from '../../../src/engine/records/cells';
import { readKpis, readQualifier } from '../../../src/engine/records/kpis';
import { readWorkDays, readWorkHours } from '../../../src/engine/records/team';
import { toTable } from '../../../src/engine/records/table';
import type { CellContext } from '../../../src/engine/records/cells';
import { smartOf } from '../../../src/engine/formulas';
import { editRow, kpiValues, one, workbook } from '../fixtures';

const EN: CellContext = { lang: 'en', timeZone: 'Europe/Copenhagen', dateOrder: 'DMY' };
const LONG = 50_000;

describe('e-mail addresses', () => {
  it('reads a name with the address in angle brackets, and the first bracket that holds something', () => {
    expect(readEmail('Mette Jensen <Mette@Example.com>')).toEqual({
      ok: true,
      value: 'mette@example.com',
    });
    expect(readEmail('<> Mette <mette@example.com>')).toEqual({
      ok: true,
      value: 'mette@example.com',
    });
    expect(readEmail(`${'x'.repeat(LONG)} <mette@example.com>`)).toEqual({
      ok: true,
      value: 'mette@example.com',
    });
  });

  it('refuses what is no address, however long', () => {
    for (const text of [
      '<'.repeat(LONG),
      '@'.repeat(LONG),
      'x'.repeat(LONG),
      `a@${'b.'.repeat(LONG / 2)} x`,
      `a@b${'.'.repeat(LONG)} x`,
      'mette@example',
      'mette@.com',
      'mette@example.',
      '@example.com',
      'me tte@example.com',
      'mette@exa@mple.com',
      'Mette <mette@example.com',
    ]) {
      expect(readEmail(text).ok).toBe(false);
    }
  });

  it('takes a long domain with many dots as an address', () => {
    const address = `a@${'b.'.repeat(LONG / 2)}c`;
    expect(readEmail(address)).toEqual({ ok: true, value: address });
  });
});

describe('a KPI owner cell of 50,000 characters', () => {
  const kpis = editRow(kpiValues(), 'K1', { Owner: 'x'.repeat(LONG) });

  it('has no owner and keeps the cell as unreadable', () => {
    const k1 = readKpis(toTable('kpis', kpis), EN).byId.get('K1');
    expect(k1?.owners).toEqual([]);
    expect(k1?.unreadable.owners).toHaveLength(LONG);
  });

  it('is named in the SMART check, cut to 1,000 characters', () => {
    const text = String(one(smartOf(workbook({ kpis }), 'K1')));
    expect(text).toMatch(/^S: Owner "x+…?" is not an e-mail address/);
    expect(text.length).toBeLessThan(1_200);
  });

  it('still finds the addresses among names, commas and brackets', () => {
    const values = editRow(kpiValues(), 'K1', {
      Owner: `Priya Sharma <priya@example.com>; ${' '.repeat(LONG)}juan@example.com`,
    });
    expect(readKpis(toTable('kpis', values), EN).byId.get('K1')?.owners).toEqual([
      'priya@example.com',
      'juan@example.com',
    ]);
  });
});

describe('conditions, work days and work hours with long runs of spaces', () => {
  const spaces = ' '.repeat(LONG);

  it('reads a qualifier with spaces after the sign, and refuses one with a line break', () => {
    expect(readQualifier(`>=${spaces}1200`, EN)).toEqual({ op: '>=', value: 1200 });
    expect(readQualifier(`>=${spaces}x\ny`, EN)).toBeNull();
    expect(readQualifier(`>= 12\n00`, EN)).toBeNull();
    expect(readQualifier(`>=${spaces}`, EN)).toBeNull();
  });

  it('reads "Mon - Fri" with any spaces around the dash, and nothing from spaces alone', () => {
    const monFri = [true, true, true, true, true, false, false];
    expect(readWorkDays(`Mon${spaces}-${spaces}Fri`)).toEqual(monFri);
    expect(readWorkDays(`Mon – Wed, Fri`)).toEqual([true, true, true, false, true, false, false]);
    expect(readWorkDays(`x${spaces}y`)).toBeNull();
    expect(readWorkDays(`=${spaces}x`)).toBeNull();
  });

  it('reads "09:00 - 17:00" with any spaces around the dash', () => {
    expect(readWorkHours(`09:00${spaces}-${spaces}17:00`, EN)).toEqual({
      start: 540,
      end: 1020,
    });
    expect(readWorkHours(`09:00${spaces}17:00`, EN)).toBeNull();
    expect(readWorkHours(`09:00 - 12:00 - 17:00`, EN)).toBeNull();
  });
});
