/**
 * The SMART check of PRODUCT section 4. It takes plain lookups rather than
 * a snapshot so the KPI editor can run the very same code in the browser.
 */
import type { Kpi, Lang } from '../types';
import { render, t, type Problem } from '../i18n/messages';
import { choiceWords } from '../i18n/vocabulary';

export type SmartLetter = 'S' | 'M' | 'A' | 'R' | 'T';

export interface SmartReferences {
  isInTeam(email: string): boolean;
  goalExists(goalId: string): boolean;
  kpiExists(kpiId: string): boolean;
  /** The best closed-period result so far, when there are four or more closed periods; else null. */
  bestResult: number | null;
}

export type SmartFinding = { letter: SmartLetter; problem: Problem };

/** Minimum closed periods before a target is judged against history. */
export const HISTORY_NEEDED = 4;

export function smartCheck(kpi: Kpi, refs: SmartReferences): SmartFinding[] {
  const findings: SmartFinding[] = [];
  const add = (letter: SmartLetter, key: Problem['key'], params?: Problem['params']): void => {
    findings.push({ letter, problem: { key, ...(params ? { params } : {}) } });
  };
  const raw = kpi.unreadable;

  if (!kpi.measure) add('S', 'smart.measureMissing');
  if (raw.owners !== undefined) add('S', 'smart.ownerUnreadable', { value: raw.owners });
  else if (kpi.owners.length === 0) add('S', 'smart.ownerMissing');
  for (const owner of kpi.owners)
    if (!refs.isInTeam(owner)) add('S', 'smart.ownerUnknown', { owner });

  if (!kpi.aggregation) {
    if (raw.aggregation !== undefined)
      add('M', 'smart.aggregationUnknown', { value: raw.aggregation, choices: '' });
    else add('M', 'smart.aggregationMissing');
  }
  if (!kpi.direction) add('M', 'smart.directionMissing');
  if (kpi.target === null) {
    if (raw.target !== undefined) add('M', 'smart.targetNotNumber', { value: raw.target });
    else add('M', 'smart.targetMissing');
  }
  if (!kpi.unit) add('M', 'smart.unitMissing');
  else if (kpi.unit === '%' && kpi.target !== null && (kpi.target < 0 || kpi.target > 100)) {
    add('M', 'smart.percentRange');
  }
  if (kpi.aggregation === 'Ratio') {
    if (!kpi.numeratorId || !kpi.denominatorId) add('M', 'smart.ratioKpis');
    for (const id of [kpi.numeratorId, kpi.denominatorId]) {
      if (id && !refs.kpiExists(id)) add('M', 'smart.ratioKpiUnknown', { kpi: id });
    }
  }
  if (raw.qualifier !== undefined) add('M', 'smart.qualifierUnreadable', { value: raw.qualifier });

  if (refs.bestResult !== null && kpi.target !== null && kpi.direction) {
    const best = refs.bestResult;
    if (kpi.direction === 'At least' && kpi.target > 2 * best) {
      add('A', 'smart.beyondBest', { target: kpi.target, best: round(best) });
    }
    if (kpi.direction === 'At most' && kpi.target < best / 2) {
      add('A', 'smart.belowBest', { target: kpi.target, best: round(best) });
    }
  }

  if (!kpi.goalId) add('R', 'smart.goalMissing');
  else if (!refs.goalExists(kpi.goalId)) add('R', 'smart.goalUnknown', { goal: kpi.goalId });

  if (!kpi.period) {
    if (raw.period !== undefined)
      add('T', 'smart.periodUnknown', { value: raw.period, choices: '' });
    else add('T', 'smart.periodMissing');
  }
  if (raw.dueTime !== undefined) add('T', 'smart.dueTimeInvalid', { value: raw.dueTime });
  else if (kpi.aggregation === 'On-time' && kpi.dueTime === null) add('T', 'smart.onTimeNeedsDue');
  // An unreadable date counts as none (no Start, never due for review): say so, quoting it.
  if (raw.start !== undefined) add('T', 'smart.startUnreadable', { value: raw.start });
  if (raw.reviewBy !== undefined) add('T', 'smart.reviewUnreadable', { value: raw.reviewBy });
  else if (kpi.reviewBy === null) add('T', 'smart.reviewMissing');
  return findings;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** `OK`, or the failed letters with their reasons: "M: Unit is missing; T: Review by is missing". */
export function formatSmart(lang: Lang, findings: readonly SmartFinding[]): string {
  if (findings.length === 0) return t(lang, 'smart.ok');
  return findings
    .map(({ letter, problem }) => `${letter}: ${render(lang, withChoices(lang, problem))}`)
    .join('; ');
}

/** Choice lists are filled in at render time, in the reader's language. */
function withChoices(lang: Lang, problem: Problem): Problem {
  const list =
    problem.key === 'smart.aggregationUnknown'
      ? choiceWords(lang, 'aggregation')
      : problem.key === 'smart.periodUnknown'
        ? choiceWords(lang, 'period')
        : null;
  return list ? { ...problem, params: { ...problem.params, choices: list.join(', ') } } : problem;
}
