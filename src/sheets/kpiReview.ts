/**
 * Reviewing a KPI from the KPI editor (PRODUCT section 4, issue 4 item 5):
 * the manager keeps the target or changes it with a reason (kept in
 * Targets, as a save from the editor does), and Review by moves on — a
 * month for daily, weekly and fortnightly KPIs, a quarter for monthly ones —
 * unless the manager picked a date. Managers only, under the lock.
 */
import type { DayNumber } from '../engine/types';
import { t } from '../engine/i18n/messages';
import { readNumber, readText } from '../engine/records/cells';
import { smartReferences } from '../engine/kpi/history';
import { formatSmart, smartCheck } from '../engine/kpi/smart';
import { nextReviewBy } from '../engine/kpi/review';
import { dayFromDate, isoDay } from '../engine/time/calendar';
import type { KpiReviewed, KpiReviewInput, Reply } from '../ui/api';
import { withDocumentLock } from '../services/lock';
import { answer, refuse } from './caller';
import { dateCell } from './cells';
import { isReply, managerCaller, recordTargetChange, rowOf } from './kpiEditor';
import { positionsOf, writeRecord } from './rowWriter';
import { loadSnapshot } from './snapshot';

/** `YYYY-MM-DD` from a date input → its day; null when it is no such date. */
function isoDate(text: string): DayNumber | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const day = dayFromDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return isoDay(day) === text ? day : null;
}

export function reviewKpi(input: KpiReviewInput): Reply<KpiReviewed> {
  return answer(() => {
    const caller = managerCaller();
    if (isReply(caller)) return caller;
    const lang = caller.lang;
    const today = caller.loaded.moment.today;
    const change = input?.decision === 'change';
    const reason = readText(input?.reason);
    let newTarget: number | null = null;
    if (change) {
      const text = readText(input?.target);
      const number = readNumber(text, lang);
      if (!number.ok)
        return refuse(lang, 'review.targetNotNumber', { value: text }, 'reviewTarget');
      if (!reason) return refuse(lang, 'kpi.reasonNeeded', {}, 'reviewReason');
      newTarget = number.value;
    }
    const pickedText = readText(input?.nextReviewBy);
    const picked = pickedText ? isoDate(pickedText) : null;
    if (pickedText && picked === null)
      return refuse(lang, 'review.dateInvalid', { date: pickedText }, 'reviewNext');
    if (picked !== null && picked <= today)
      return refuse(lang, 'review.dateNotAhead', { today: isoDay(today) }, 'reviewNext');

    const done = withDocumentLock((): Reply<KpiReviewed> => {
      // Read again under the lock: the KPI may have changed since the editor opened.
      const loaded = loadSnapshot();
      const id = readText(input?.kpiId);
      const kpi = loaded.snapshot.kpis.byId.get(id.toUpperCase());
      if (!kpi || !loaded.tabs.kpis) return refuse(lang, 'kpi.notFound', { kpi: id });
      if (change && newTarget === kpi.target)
        return refuse(lang, 'review.sameTarget', {}, 'reviewTarget');
      const reviewBy = picked ?? nextReviewBy(kpi, loaded.moment.today);
      const target = change ? newTarget : kpi.target;
      const reviewed = { ...kpi, target, reviewBy };
      const smart = formatSmart(
        lang,
        smartCheck(reviewed, smartReferences(loaded.snapshot, reviewed, loaded.moment)),
      );
      if (change) recordTargetChange(loaded, kpi, newTarget, reason, caller.email);
      writeRecord(
        loaded.tabs.kpis,
        'kpis',
        rowOf(loaded, kpi.id),
        positionsOf(loaded.snapshot.columns.kpis),
        {
          ...(change ? { target: newTarget } : {}),
          reviewBy: dateCell(reviewBy, loaded.snapshot.settings.timeZone),
          smart,
        },
      );
      const date = isoDay(reviewBy);
      const shown = (n: number | null): string | number => n ?? '–';
      return {
        ok: true,
        value: {
          id: kpi.id,
          target: readText(target),
          reviewBy: date,
          targetChanged: change,
          smart,
          message: change
            ? t(lang, 'review.changed', {
                kpi: kpi.id,
                from: shown(kpi.target),
                to: shown(newTarget),
                date,
              })
            : t(lang, 'review.confirmed', { kpi: kpi.id, target: shown(kpi.target), date }),
        },
      };
    });
    return done.ok ? done.value : refuse(lang, 'server.lockBusy');
  });
}
