import {
  entryInput,
  kpiOptionLabel,
  kpiSummary,
  logFieldOf,
  statusLabel,
  validateLogEntry,
  withSavedKpi,
  type LogFormValues,
} from '../../../src/ui/pages/logWork/form';
import { ARTICLES, POSTS } from './fixtures';

const TODAY = '2026-11-26';
const KPIS = [POSTS, ARTICLES];

function values(overrides: Partial<LogFormValues> = {}): LogFormValues {
  return { kpi: 'K1', date: TODAY, value: '3', note: '', link: '', ...overrides };
}

const problemsOf = (v: LogFormValues, lang: 'en' | 'da' = 'en') =>
  validateLogEntry(v, KPIS, TODAY, lang).map((p) => [p.field, p.message]);

describe('checking a Log work entry before it is sent', () => {
  it('finds nothing wrong with a KPI, today and a number', () => {
    expect(problemsOf(values())).toEqual([]);
  });

  it('asks for a KPI when none is chosen, in English and Danish', () => {
    expect(problemsOf(values({ kpi: '' }))).toEqual([['kpi', 'Choose the KPI you worked on.']]);
    expect(problemsOf(values({ kpi: '' }), 'da')).toEqual([
      ['kpi', 'Vælg den KPI, du har arbejdet på.'],
    ]);
  });

  it('refuses a date in the future and says until when work can be logged', () => {
    expect(problemsOf(values({ date: '2026-11-27' }))).toEqual([
      ['date', '2026-11-27 is in the future. Log work done on 2026-11-26 or earlier.'],
    ]);
    expect(problemsOf(values({ date: '2026-11-27' }), 'da')).toEqual([
      [
        'date',
        '2026-11-27 ligger i fremtiden. Registrér arbejde udført 2026-11-26 eller tidligere.',
      ],
    ]);
  });

  it('accepts yesterday and today, and refuses a date that does not exist or is missing', () => {
    expect(problemsOf(values({ date: '2026-11-25' }))).toEqual([]);
    expect(problemsOf(values({ date: '2026-02-30' }))).toEqual([
      ['date', '"2026-02-30" is not a date. Enter it as year-month-day, such as 2026-11-27.'],
    ]);
    expect(problemsOf(values({ date: '' }), 'da')).toEqual([
      ['date', 'Angiv datoen for arbejdet.'],
    ]);
  });

  it('refuses a value that is not a number, in each language', () => {
    expect(problemsOf(values({ value: 'eleven' }))).toEqual([
      ['value', '"eleven" is not a number. Enter a number such as 3.5.'],
    ]);
    expect(problemsOf(values({ value: 'elleve' }), 'da')).toEqual([
      ['value', '"elleve" er ikke et tal. Skriv et tal som 3,5.'],
    ]);
  });

  it('reads numbers as the workbook writes them: 3,5 in Danish, 1,200 in English', () => {
    expect(problemsOf(values({ value: '3,5' }), 'da')).toEqual([]);
    expect(problemsOf(values({ value: '1,200' }))).toEqual([]);
  });

  it('refuses a negative value', () => {
    expect(problemsOf(values({ value: '-2' }))).toEqual([['value', 'Enter a value of 0 or more.']]);
  });

  it('asks for a value only where the KPI needs one', () => {
    expect(problemsOf(values({ value: '' }))).toEqual([['value', 'Enter a value for this KPI.']]);
    expect(problemsOf(values({ kpi: 'K7', value: '' }))).toEqual([]);
  });

  it('refuses a link that is not a web address', () => {
    expect(problemsOf(values({ link: 'javascript:alert(1)' }))).toEqual([
      ['link', 'Enter a web address that starts with https:// or http://.'],
    ]);
    expect(problemsOf(values({ link: 'https://docs.example.com/post/1' }))).toEqual([]);
  });

  it('lists every problem at once, in the order of the form', () => {
    expect(
      problemsOf(values({ kpi: '', date: '2027-01-01', value: 'x', link: 'ftp://x' })).map(
        ([f]) => f,
      ),
    ).toEqual(['kpi', 'date', 'value', 'link']);
  });
});

describe('what the form sends and shows', () => {
  it('sends the entry trimmed, under the contract names', () => {
    expect(
      entryInput({ kpi: 'K1', date: TODAY, value: ' 3 ', note: ' done ', link: ' https://x.io ' }),
    ).toEqual({ kpiId: 'K1', date: TODAY, value: '3', note: 'done', link: 'https://x.io' });
  });

  it('puts a refusal next to the field the server names, whether it says kpi or kpiId', () => {
    expect(logFieldOf('kpi')).toBe('kpi');
    expect(logFieldOf('kpiId')).toBe('kpi');
    expect(logFieldOf('value')).toBe('value');
    expect(logFieldOf('owner')).toBeNull();
    expect(logFieldOf(undefined)).toBeNull();
  });

  it('shows the KPI with its unit, and its actual and target in the reader’s numbers', () => {
    expect(kpiOptionLabel(POSTS)).toBe('Approved posts (posts)');
    expect(kpiSummary({ ...POSTS, actual: 1234.5 }, 'en')).toEqual([
      'This period so far: 1,234.5 posts',
      'Target: 15 posts',
    ]);
    expect(kpiSummary({ ...POSTS, actual: 1234.5 }, 'da')).toEqual([
      'Denne periode indtil nu: 1.234,5 posts',
      'Mål: 15 posts',
    ]);
    expect(kpiSummary(ARTICLES, 'en')).toEqual([
      'Nothing logged this period yet',
      'Target: 3 articles',
    ]);
  });

  it('names the status in the workbook’s words, or says it is not judged yet', () => {
    expect(statusLabel({ ...POSTS, status: 'I risiko' }, 'da')).toBe('I risiko');
    expect(statusLabel({ ...POSTS, status: '' }, 'da')).toBe('I risiko');
    expect(statusLabel({ ...POSTS, status: '', statusKey: null }, 'en')).toBe('Not judged yet');
  });

  it('keeps the saved KPI’s new figures in the list', () => {
    const saved = { ...POSTS, actual: 14, status: 'On track', statusKey: 'On track' as const };
    expect(withSavedKpi([POSTS, ARTICLES], saved)).toEqual([saved, ARTICLES]);
  });
});
