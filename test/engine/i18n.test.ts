import { da } from '../../src/engine/i18n/da';
import { en, type MessageKey } from '../../src/engine/i18n/en';
import { langFromLocale, render, t } from '../../src/engine/i18n/messages';
import {
  CHOICES,
  choiceWord,
  choiceWords,
  headers,
  normalizeWord,
  readChoice,
  TAB_IDS,
  TAB_SCHEMAS,
  tabName,
  type ChoiceList,
  type Words,
} from '../../src/engine/i18n/vocabulary';
import { STATUSES } from '../../src/engine/types';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('the message catalogues', () => {
  it('have the same keys in English and Danish', () => {
    expect(Object.keys(da).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the same {placeholders} for every key', () => {
    const mismatched = (Object.keys(en) as MessageKey[]).filter(
      (key) => placeholders(en[key]).join() !== placeholders(da[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('have no empty message, and no Danish message left in English by mistake', () => {
    const keys = Object.keys(en) as MessageKey[];
    expect(keys.filter((key) => en[key].trim() === '' || da[key].trim() === '')).toEqual([]);
    // Short words that are the same in both languages (OK, S, M, …, KPI Loop) are fine.
    const same = keys.filter((key) => en[key] === da[key] && en[key].split(' ').length > 2);
    expect(same).toEqual([]);
  });

  it('give the status words of PRODUCT section 4 in both languages', () => {
    expect(STATUSES.map((s) => t('en', `status.${s}`))).toEqual([
      'On track',
      'At risk',
      'Off track',
      'Met',
      'Missed',
      'No data',
    ]);
    expect(STATUSES.map((s) => t('da', `status.${s}`))).toEqual([
      'På sporet',
      'I risiko',
      'Bagud',
      'Nået',
      'Ikke nået',
      'Ingen data',
    ]);
  });

  it('fill in placeholders, leave unknown ones visible, and write Danish decimals with a comma', () => {
    expect(t('en', 'fn.kpiNotFound', { kpi: 'Leads' })).toBe('KPI "Leads" not found');
    expect(t('en', 'fn.kpiNotFound')).toBe('KPI "{kpi}" not found');
    expect(t('en', 'check.negative', { value: -2.5 })).toBe('Value -2.5 is negative');
    expect(t('da', 'check.negative', { value: -2.5 })).toBe('Værdien -2,5 er negativ');
  });

  it('render a reason inside a message in the same language', () => {
    const problem = {
      key: 'fn.kpiIncomplete' as const,
      params: { kpi: 'K1', reason: 'smart.unitMissing' },
    };
    expect(render('en', problem)).toBe('KPI "K1" cannot be evaluated: Unit is missing');
    expect(render('da', problem)).toBe('KPI "K1" kan ikke beregnes: Enhed mangler');
  });

  it('follow the spreadsheet locale: Danish for da and da_DK, English otherwise', () => {
    expect(langFromLocale('da_DK')).toBe('da');
    expect(langFromLocale('da')).toBe('da');
    expect(langFromLocale('en_US')).toBe('en');
    expect(langFromLocale('de_DE')).toBe('en');
    expect(langFromLocale('')).toBe('en');
  });
});

describe('the workbook vocabulary', () => {
  const lists = Object.keys(CHOICES) as ChoiceList[];

  it('reads every choice word back, in English and in Danish', () => {
    for (const list of lists) {
      for (const value of Object.keys(CHOICES[list])) {
        for (const lang of ['en', 'da'] as const) {
          const written = choiceWord(lang, list, value as never);
          expect([list, written, readChoice(list, written)]).toEqual([list, written, value]);
        }
      }
    }
  });

  it('reads choice words whatever their case, spacing and hyphens', () => {
    expect(readChoice('aggregation', 'on time')).toBe('On-time');
    expect(readChoice('aggregation', 'TIL  TIDEN')).toBe('On-time');
    expect(readChoice('direction', 'højst')).toBe('At most');
    expect(readChoice('period', '14 dage')).toBe('Fortnight');
    expect(readChoice('kpiState', 'pause')).toBe('Paused');
    expect(readChoice('aggregation', 'Total')).toBeNull();
    expect(readChoice('aggregation', '')).toBeNull();
  });

  it('never gives two values of one list the same word', () => {
    for (const list of lists) {
      const seen = new Map<string, string>();
      for (const [value, words] of Object.entries(CHOICES[list]) as [string, Words][]) {
        for (const w of new Set([value, ...words].map(normalizeWord))) {
          expect([list, w, seen.get(w) ?? value]).toEqual([list, w, value]);
          seen.set(w, value);
        }
      }
    }
  });

  it('never gives two columns of one tab the same header, in either language', () => {
    for (const tab of TAB_IDS) {
      const seen = new Map<string, string>();
      for (const [field, words] of Object.entries(TAB_SCHEMAS[tab].columns) as [string, Words][]) {
        for (const w of new Set(words.map(normalizeWord))) {
          expect([tab, w, seen.get(w) ?? field]).toEqual([tab, w, field]);
          seen.set(w, field);
        }
      }
    }
  });

  it("lists choices and headers in the reader's language", () => {
    expect(choiceWords('da', 'period')).toEqual(['Dag', 'Uge', '14 dage', 'Måned']);
    expect(choiceWords('en', 'direction')).toEqual(['At least', 'At most']);
    expect(headers('da', 'log')).toEqual([
      'Post-ID',
      'Dato',
      'Assistent',
      'KPI',
      'Værdi',
      'Note',
      'Link',
      'Registreret',
      'Registreret af',
      'Kontrol',
    ]);
    expect(tabName('da', 'kpis')).toBe("KPI'er");
    expect(tabName('en', 'targets')).toBe('Targets');
  });
});
