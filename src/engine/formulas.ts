/**
 * The custom functions of PRODUCT section 5 as pure code over a snapshot.
 * Each takes its arguments as Sheets passes them (a value, or a 2-D array
 * for a range) and answers in the same shape; a problem with one KPI
 * becomes that cell's message, so one bad ID does not blank a whole range.
 */
import type { DayNumber, Email, Kpi, Period, PeriodKind } from './types';
import { render, t, type Problem } from './i18n/messages';
import { choiceWord } from './i18n/vocabulary';
import { isBlank, isDate, readDay, readText, type DateOrder } from './records/cells';
import { findKpis } from './records/kpis';
import { findPerson } from './records/team';
import { keyFitsKind, periodOf, readPeriodKey } from './time/periods';
import { dayFromDate } from './time/calendar';
import {
  evaluate,
  periodRules,
  streakOf,
  trendOf,
  type Evaluation,
  type Moment,
} from './kpi/evaluate';
import { formatSmart, smartCheck } from './kpi/smart';
import { smartReferences } from './kpi/history';
import { cellContext, type Snapshot } from './snapshot';

export interface FormulaContext {
  snapshot: Snapshot;
  moment: Moment;
  dateOrder: DateOrder;
}

export type CellOut = string | number;
export type Out = CellOut | CellOut[][];

/** Trend rows are capped: a sparkline of more is unreadable and the cost grows with it. */
export const MAX_TREND = 104;

class FormulaProblem {
  constructor(readonly problem: Problem) {}
}

const fail = (key: Problem['key'], params?: Problem['params']): never => {
  throw new FormulaProblem({ key, ...(params ? { params } : {}) });
};

/** Runs `each` over a value or a range of values, turning problems into their message. */
function overCells(ctx: FormulaContext, arg: unknown, each: (cell: unknown) => CellOut): Out {
  const one = (cell: unknown): CellOut => {
    try {
      return each(cell);
    } catch (error) {
      if (error instanceof FormulaProblem) return render(ctx.snapshot.settings.lang, error.problem);
      throw error;
    }
  };
  return Array.isArray(arg) ? (arg as unknown[][]).map((row) => row.map(one)) : one(arg);
}

interface Target {
  kpi: Kpi;
  owner: Email;
}

/** A KPI (ID or name) and an optional assistant → exactly one KPI and owner, or a problem. */
export function resolveKpi(ctx: FormulaContext, kpiArg: unknown, assistantArg: unknown): Target {
  const text = readText(kpiArg);
  if (!text) fail('fn.kpiMissing');
  const kpis = findKpis(ctx.snapshot.kpis, text);
  if (kpis.length === 0) fail('fn.kpiNotFound', { kpi: text });
  if (isBlank(assistantArg)) {
    const pairs = kpis.flatMap((kpi) => kpi.owners.map((owner) => ({ kpi, owner })));
    if (pairs.length === 0) fail('fn.kpiIncomplete', { kpi: text, reason: 'smart.ownerMissing' });
    if (pairs.length > 1) fail('fn.kpiSeveralOwners', { kpi: text });
    return pairs[0] as Target;
  }
  const owner = resolveAssistant(ctx, assistantArg);
  const kpi = kpis.find((k) => k.owners.includes(owner));
  if (!kpi) fail('fn.kpiNotOwnedBy', { kpi: text, assistant: readText(assistantArg) });
  return { kpi: kpi as Kpi, owner };
}

export function resolveAssistant(ctx: FormulaContext, arg: unknown): Email {
  const found = findPerson(ctx.snapshot.team, arg);
  if (found.ok) return found.member.email;
  if (found.reason === 'missing') fail('fn.assistantMissing');
  if (found.reason === 'ambiguous') fail('fn.assistantAmbiguous', { assistant: readText(arg) });
  // An owner who left Team is still found by e-mail, so past figures stay readable.
  const email = readText(arg).toLowerCase() as Email;
  if (ctx.snapshot.kpis.kpis.some((k) => k.owners.includes(email))) return email;
  return fail('fn.assistantNotFound', { assistant: readText(arg) });
}

/** Blank → today; a date cell; a Sheets date serial; a key like 2026-W48; or a date as text. */
export function resolveDay(ctx: FormulaContext, arg: unknown, kind: PeriodKind | null): DayNumber {
  const day = dayOfArg(ctx, arg, kind);
  // A serial like 1E+15 is no date in Sheets (the last is 9999-12-31): said so, not answered "No data".
  if (!(day >= FIRST_DAY && day <= LAST_DAY))
    fail('fn.periodUnreadable', { period: readText(arg) });
  return day;
}

/** The dates a sheet can hold that a period can be read from: years 100 to 9999. */
const FIRST_DAY = dayFromDate(100, 1, 1);
const LAST_DAY = dayFromDate(9999, 12, 31);

function dayOfArg(ctx: FormulaContext, arg: unknown, kind: PeriodKind | null): DayNumber {
  if (isBlank(arg)) return ctx.moment.today;
  if (typeof arg === 'number' && Number.isFinite(arg)) return Math.floor(arg) - SHEETS_EPOCH_OFFSET;
  const cells = cellContext(ctx.snapshot.settings, ctx.dateOrder);
  if (isDate(arg)) {
    const day = readDay(arg, cells);
    if (day.ok) return day.value;
  }
  const text = readText(arg);
  const key = readPeriodKey(text, ctx.snapshot.settings.weekStart);
  if (key.ok) {
    if (kind && !keyFitsKind(key.granularity, kind)) {
      fail('fn.periodTooCoarse', {
        period: text,
        kind: choiceWord(ctx.snapshot.settings.lang, 'period', kind),
      });
    }
    return key.firstDay;
  }
  const day = readDay(text, cells);
  if (day.ok) return day.value;
  return fail('fn.periodUnreadable', { period: text });
}

/** Sheets counts dates from 30 Dec 1899; day numbers from 1 Jan 1970. */
const SHEETS_EPOCH_OFFSET = 25569;

function periodOfArg(ctx: FormulaContext, kpi: Kpi, periodArg: unknown): Period {
  if (!kpi.period) fail('fn.kpiIncomplete', { kpi: kpi.name, reason: 'smart.periodMissing' });
  const day = resolveDay(ctx, periodArg, kpi.period);
  return periodOf(kpi.period as PeriodKind, day, periodRules(ctx.snapshot, kpi));
}

function evaluationOf(
  ctx: FormulaContext,
  kpiArg: unknown,
  periodArg: unknown,
  assistantArg: unknown,
): Evaluation {
  const { kpi, owner } = resolveKpi(ctx, kpiArg, assistantArg);
  const result = evaluate(ctx.snapshot, kpi, owner, periodOfArg(ctx, kpi, periodArg), ctx.moment);
  if (!result.ok) throw new FormulaProblem(result.problem);
  return result;
}

const blankIfNull = (n: number | null): CellOut => (n === null ? '' : n);

export function kpiStatus(
  ctx: FormulaContext,
  kpi: unknown,
  period: unknown,
  assistant: unknown,
): Out {
  return overCells(ctx, kpi, (cell) =>
    t(ctx.snapshot.settings.lang, `status.${evaluationOf(ctx, cell, period, assistant).status}`),
  );
}

export function kpiActual(
  ctx: FormulaContext,
  kpi: unknown,
  period: unknown,
  assistant: unknown,
): Out {
  return overCells(ctx, kpi, (cell) =>
    blankIfNull(evaluationOf(ctx, cell, period, assistant).actual),
  );
}

export function kpiTarget(
  ctx: FormulaContext,
  kpi: unknown,
  period: unknown,
  assistant: unknown,
): Out {
  return overCells(ctx, kpi, (cell) => evaluationOf(ctx, cell, period, assistant).target);
}

export function kpiProgress(
  ctx: FormulaContext,
  kpi: unknown,
  period: unknown,
  assistant: unknown,
): Out {
  return overCells(ctx, kpi, (cell) =>
    blankIfNull(evaluationOf(ctx, cell, period, assistant).progress),
  );
}

/** One row per KPI: the actuals of the last `count` periods, oldest first. */
export function kpiTrend(
  ctx: FormulaContext,
  kpi: unknown,
  countArg: unknown,
  assistant: unknown,
): CellOut[][] {
  const count = isBlank(countArg) ? 8 : Number(countArg);
  if (!Number.isInteger(count) || count < 1 || count > MAX_TREND) {
    return [[t(ctx.snapshot.settings.lang, 'fn.countInvalid', { max: MAX_TREND })]];
  }
  const cells = Array.isArray(kpi) ? (kpi as unknown[][]).flat() : [kpi];
  return cells.map((cell) => {
    try {
      const target = resolveKpi(ctx, cell, assistant);
      return trendOf(
        ctx.snapshot,
        target.kpi,
        target.owner,
        count,
        ctx.moment.today,
        ctx.moment,
      ).map(blankIfNull);
    } catch (error) {
      if (!(error instanceof FormulaProblem)) throw error;
      return [
        render(ctx.snapshot.settings.lang, error.problem),
        ...Array<CellOut>(count - 1).fill(''),
      ];
    }
  });
}

/** Share of the assistant's active KPIs that are On track or Met in the period holding `period`. */
export function kpiScore(ctx: FormulaContext, assistant: unknown, period: unknown): Out {
  return overCells(ctx, assistant, (cell) => {
    const owner = resolveAssistant(ctx, cell);
    const day = resolveDay(ctx, period, null);
    const statuses = activeKpisOf(ctx.snapshot, owner).map((kpi) => {
      const result = kpi.period
        ? evaluate(
            ctx.snapshot,
            kpi,
            owner,
            periodOf(kpi.period, day, periodRules(ctx.snapshot, kpi)),
            ctx.moment,
          )
        : null;
      return result?.ok ? result.status : null;
    });
    if (statuses.length === 0) return '';
    return statuses.filter((s) => s === 'On track' || s === 'Met').length / statuses.length;
  });
}

export function activeKpisOf(snapshot: Snapshot, owner: Email): Kpi[] {
  return snapshot.kpis.kpis.filter((kpi) => kpi.state === 'Active' && kpi.owners.includes(owner));
}

export function smartOf(ctx: FormulaContext, kpi: unknown): Out {
  return overCells(ctx, kpi, (cell) => {
    const text = readText(cell);
    if (!text) fail('fn.kpiMissing');
    const found = findKpis(ctx.snapshot.kpis, text)[0];
    if (!found) fail('fn.kpiNotFound', { kpi: text });
    const refs = smartReferences(ctx.snapshot, found as Kpi, ctx.moment);
    return formatSmart(ctx.snapshot.settings.lang, smartCheck(found as Kpi, refs));
  });
}

export { streakOf };
