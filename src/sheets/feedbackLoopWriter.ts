/**
 * Writing Check-ins, Feedback and Actions rows. A save gathers every row it
 * adds and every cell it changes into one LoopChanges, after all its checks
 * have passed, and writes it in one go under the document lock: new rows as
 * one block per tab, changed rows found by the ID read under the same lock.
 * Records hold engine values (days, English choices); here they become
 * cells in the workbook's language.
 */
import type { DayNumber, Email, Lang, MinuteOfDay } from '../engine/types';
import { choiceWord, type FieldOf } from '../engine/i18n/vocabulary';
import type { FeedbackLoop } from '../engine/snapshot';
import type {
  ActionStatus,
  Cadence,
  CheckInStatus,
  FeedbackDirection,
  FeedbackKind,
} from '../engine/records/feedbackLoop';
import { formatMinute } from '../engine/time/calendar';
import { dateCell } from './cells';
import { takeIds } from './ids';
import { ID_COLUMNS } from './layout';
import { appendRecordsBelowTypists, positionsOf, writeRecord } from './rowWriter';
import type { Tabs } from './tabs';

type LoopTab = 'checkIns' | 'feedback' | 'actions';
type Cells<T extends LoopTab> = Partial<Record<FieldOf<T>, unknown>>;

export interface LoopChanges {
  append: { [T in LoopTab]: Array<Cells<T>> };
  /** `row` is the record's 0-based data row, as read under the same lock. */
  update: Array<{ [T in LoopTab]: { tab: T; row: number; cells: Cells<T> } }[LoopTab]>;
}

export function noChanges(): LoopChanges {
  return { append: { checkIns: [], feedback: [], actions: [] }, update: [] };
}

/** Cells in the workbook's words: dates as date cells, choices in its language, times as text Sheets reads as a time. */
export class CellMaker {
  constructor(
    readonly lang: Lang,
    readonly timeZone: string,
  ) {}

  day(day: DayNumber | null): Date | '' {
    return day === null ? '' : dateCell(day, this.timeZone);
  }

  time(minute: MinuteOfDay | null): string {
    return minute === null ? '' : formatMinute(minute);
  }

  cadence(value: Cadence | null): string {
    return value ? choiceWord(this.lang, 'cadence', value) : '';
  }

  checkInStatus(value: CheckInStatus): string {
    return choiceWord(this.lang, 'checkInStatus', value);
  }

  direction(value: FeedbackDirection): string {
    return choiceWord(this.lang, 'feedbackDirection', value);
  }

  kind(value: FeedbackKind): string {
    return choiceWord(this.lang, 'feedbackKind', value);
  }

  actionStatus(value: ActionStatus): string {
    return choiceWord(this.lang, 'actionStatus', value);
  }

  person(email: Email | null): string {
    return email ?? '';
  }
}

/**
 * New IDs for a save, under the lock. IDs already in the tab (typed by
 * hand, or from before the counter existed) are never handed out again.
 */
export function takeLoopIds(loop: FeedbackLoop, tab: LoopTab, count: number): string[] {
  if (count === 0) return [];
  const prefix = (ID_COLUMNS[tab] as { prefix: string }).prefix;
  const existing = (loop[tab] as Array<{ id: string }>).map((record) => record.id);
  return takeIds(prefix, count, existing);
}

/** Writes a save's rows. Call under the document lock, with `loop` read under it. */
export function writeLoopChanges(tabs: Tabs, loop: FeedbackLoop, changes: LoopChanges): void {
  for (const tab of ['checkIns', 'feedback', 'actions'] as const) {
    const sheet = tabs[tab];
    if (!sheet) continue;
    const positions = positionsOf(loop.columns[tab]);
    for (const change of changes.update) {
      if (change.tab === tab) writeRecord(sheet, tab, change.row + 2, positions, change.cells);
    }
    const rows = changes.append[tab];
    const idField = (ID_COLUMNS[tab] as { field: string }).field as FieldOf<typeof tab>;
    appendRecordsBelowTypists(sheet, tab, positions, idField, rows);
  }
}
