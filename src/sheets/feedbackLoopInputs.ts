/**
 * Reading what the Check-in and Give feedback sidebars send, before anything
 * is written. Each reader gives the value, or notes the problem (the first
 * one found, with the form field it belongs to) and gives a stand-in; a save
 * looks at `problem` once every field is read and writes only when there is
 * none, so nothing half-written is ever left behind.
 */
import type { DayNumber, Email, Kpi, Lang, MinuteOfDay } from '../engine/types';
import { t, type MessageKey, type MessageParams } from '../engine/i18n/messages';
import { readChoice, type ChoiceList, type ChoiceOf } from '../engine/i18n/vocabulary';
import { readText } from '../engine/records/cells';
import { findKpis } from '../engine/records/kpis';
import { findPerson } from '../engine/records/team';
import type { Snapshot } from '../engine/snapshot';
import { dayFromDate, isoDay } from '../engine/time/calendar';
import type { Reply } from '../ui/api';

/** Sheets holds 50,000 characters a cell; a feedback note or a summary needs far fewer. */
export const MAX_TEXT = 5_000;

export interface InputProblem {
  key: MessageKey;
  params: MessageParams;
  field?: string;
}

export class InputCheck {
  problem: InputProblem | null = null;

  constructor(
    readonly lang: Lang,
    readonly snapshot: Snapshot,
  ) {}

  /** Notes a problem; only the first one is told, at its field. */
  fail(key: MessageKey, params: MessageParams = {}, field?: string): void {
    this.problem ??= { key, params, ...(field ? { field } : {}) };
  }

  refusal<T>(): Reply<T> {
    const problem = this.problem as InputProblem;
    return {
      ok: false,
      message: t(this.lang, problem.key, problem.params),
      ...(problem.field ? { field: problem.field } : {}),
    };
  }

  /** `YYYY-MM-DD` as a date input gives it; null when blank or not a date. */
  day(value: unknown, field: string, missing?: MessageKey): DayNumber | null {
    const text = readText(value);
    if (!text) {
      if (missing) this.fail(missing, {}, field);
      return null;
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const day = match ? dayFromDate(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
    if (match && isoDay(day) === text) return day;
    this.fail('input.badDate', { value: text }, field);
    return null;
  }

  /** `HH:MM` as a time input gives it; null when blank or not a time. */
  time(value: unknown, field: string): MinuteOfDay | null {
    const text = readText(value);
    if (!text) return null;
    const match = /^(\d{1,2}):(\d{2})$/.exec(text);
    if (match && Number(match[1]) <= 23 && Number(match[2]) <= 59)
      return Number(match[1]) * 60 + Number(match[2]);
    this.fail('input.badTime', { value: text }, field);
    return null;
  }

  link(value: unknown, field: string): string {
    const text = readText(value);
    if (text && !/^https?:\/\/\S+$/i.test(text)) this.fail('log.badLink', {}, field);
    return text;
  }

  /** Free text a person wrote: trimmed, never longer than MAX_TEXT. */
  text(value: unknown, field: string, missing?: MessageKey): string {
    const text = typeof value === 'string' ? value.trim() : readText(value);
    if (!text && missing) this.fail(missing, {}, field);
    if (text.length > MAX_TEXT) this.fail('input.tooLong', { max: MAX_TEXT }, field);
    return text;
  }

  choice<L extends ChoiceList>(
    list: L,
    value: unknown,
    field: string,
    allowed?: readonly ChoiceOf<L>[],
  ): ChoiceOf<L> | null {
    const choice = readChoice(list, value);
    if (choice && (!allowed || allowed.includes(choice))) return choice;
    this.fail('input.badChoice', { value: readText(value) }, field);
    return null;
  }

  /** Someone in Team, by e-mail or name. */
  member(value: unknown, field: string): Email | null {
    const found = findPerson(this.snapshot.team, value);
    if (found.ok) return found.member.email;
    const text = readText(value);
    if (text) this.fail('input.notInTeam', { person: text }, field);
    else this.fail('input.personMissing', {}, field);
    return null;
  }

  /** A KPI by ID or name; null when none is given. A name several owners share means `owner`'s. */
  kpi(value: unknown, field: string, owner?: Email | null): Kpi | null {
    const text = readText(value);
    if (!text) return null;
    const found = findKpis(this.snapshot.kpis, text);
    const kpi = found.find((k) => !!owner && k.owners.includes(owner)) ?? found[0];
    if (!kpi) this.fail('check.unknownKpi', { value: text }, field);
    return kpi ?? null;
  }
}
