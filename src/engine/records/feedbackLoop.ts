/**
 * Check-ins, Feedback and Actions rows → records (PRODUCT section 3). People
 * may be typed as an e-mail or a name; both become the e-mail when Team
 * knows them. Rows are never keyed by row number: `row` is only where the
 * record was read, for writing back within the same operation.
 */
import type { DayNumber, Email, MinuteOfDay } from '../types';
import { readChoice, type ChoiceOf } from '../i18n/vocabulary';
import {
  readBoolean,
  readDay,
  readEmail,
  readMinuteOfDay,
  readNumber,
  readText,
  type CellContext,
} from './cells';
import { cellOf, isBlankRow, type Table } from './table';
import { findPerson, type Team } from './team';

export type Cadence = ChoiceOf<'cadence'>;
export type CheckInStatus = ChoiceOf<'checkInStatus'>;
export type FeedbackDirection = ChoiceOf<'feedbackDirection'>;
export type FeedbackKind = ChoiceOf<'feedbackKind'>;
export type ActionStatus = ChoiceOf<'actionStatus'>;

export interface CheckIn {
  id: string;
  assistant: Email | null;
  manager: Email | null;
  cadence: Cadence | null;
  date: DayNumber | null;
  time: MinuteOfDay | null;
  meetingLink: string;
  status: CheckInStatus | null;
  mood: number | null;
  summary: string;
  nextCheckIn: DayNumber | null;
  /** 0-based index among the tab's data rows when read. */
  row: number;
}

export interface Feedback {
  id: string;
  date: DayNumber | null;
  from: Email | null;
  to: Email | null;
  direction: FeedbackDirection | null;
  kind: FeedbackKind | null;
  kpi: string;
  text: string;
  checkInId: string;
  acknowledged: boolean;
  row: number;
}

export interface Action {
  id: string;
  created: DayNumber | null;
  owner: Email | null;
  action: string;
  kpi: string;
  source: string;
  due: DayNumber | null;
  status: ActionStatus | null;
  doneOn: DayNumber | null;
  followUp: string;
  row: number;
}

/** An e-mail or a name → the person's e-mail; null when it is neither. */
export function personEmail(team: Team, cell: unknown): Email | null {
  const found = findPerson(team, cell);
  if (found.ok) return found.member.email;
  const email = readEmail(cell);
  return email.ok ? (email.value as Email) : null;
}

function day(cell: unknown, ctx: CellContext): DayNumber | null {
  const reading = readDay(cell, ctx);
  return reading.ok ? reading.value : null;
}

export function readCheckIns(table: Table<'checkIns'>, team: Team, ctx: CellContext): CheckIn[] {
  const records: CheckIn[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const cell = (field: Parameters<typeof cellOf<'checkIns'>>[2]): unknown =>
      cellOf(table, row, field);
    const time = readMinuteOfDay(cell('time'), ctx);
    const mood = readNumber(cell('mood'), ctx.lang);
    records.push({
      id: readText(cell('checkInId')),
      assistant: personEmail(team, cell('assistant')),
      manager: personEmail(team, cell('manager')),
      cadence: readChoice('cadence', cell('cadence')),
      date: day(cell('date'), ctx),
      time: time.ok ? time.value : null,
      meetingLink: readText(cell('meetingLink')),
      status: readChoice('checkInStatus', cell('status')),
      mood: mood.ok && mood.value >= 1 && mood.value <= 5 ? mood.value : null,
      summary: readText(cell('summary')),
      nextCheckIn: day(cell('nextCheckIn'), ctx),
      row: index,
    });
  });
  return records;
}

export function readFeedback(table: Table<'feedback'>, team: Team, ctx: CellContext): Feedback[] {
  const records: Feedback[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const cell = (field: Parameters<typeof cellOf<'feedback'>>[2]): unknown =>
      cellOf(table, row, field);
    const acknowledged = readBoolean(cell('acknowledged'));
    records.push({
      id: readText(cell('feedbackId')),
      date: day(cell('date'), ctx),
      from: personEmail(team, cell('from')),
      to: personEmail(team, cell('to')),
      direction: readChoice('feedbackDirection', cell('direction')),
      kind: readChoice('feedbackKind', cell('kind')),
      kpi: readText(cell('kpi')),
      text: readText(cell('text')),
      checkInId: readText(cell('checkInId')),
      acknowledged: acknowledged.ok && acknowledged.value,
      row: index,
    });
  });
  return records;
}

export function readActions(table: Table<'actions'>, team: Team, ctx: CellContext): Action[] {
  const records: Action[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const cell = (field: Parameters<typeof cellOf<'actions'>>[2]): unknown =>
      cellOf(table, row, field);
    records.push({
      id: readText(cell('actionId')),
      created: day(cell('created'), ctx),
      owner: personEmail(team, cell('owner')),
      action: readText(cell('action')),
      kpi: readText(cell('kpi')),
      source: readText(cell('source')),
      due: day(cell('due'), ctx),
      status: readChoice('actionStatus', cell('status')),
      doneOn: day(cell('doneOn'), ctx),
      followUp: readText(cell('followUp')),
      row: index,
    });
  });
  return records;
}

/** Open and In progress actions are still to be followed up (PRODUCT section 3). */
export function isOpen(action: Action): boolean {
  return action.status === null || action.status === 'Open' || action.status === 'In progress';
}
