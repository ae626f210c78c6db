/**
 * Following actions up (PRODUCT section 3, Actions tab; issue 4 item 4):
 * an owner moves their action through Open, In progress, Done or Dropped.
 * Done on is set when it becomes Done; an action is never silently dropped,
 * so Dropped needs a follow-up note saying why.
 */
import type { DayNumber } from '../types';
import type { Problem } from '../i18n/messages';
import { isOpen, type Action, type ActionStatus } from '../records/feedbackLoop';

export interface ActionChange {
  status: ActionStatus;
  followUp: string;
  /** null clears it: an action reopened is no longer done. */
  doneOn: DayNumber | null;
}

export type ActionChangeResult =
  { ok: true; change: ActionChange } | { ok: false; problem: Problem };

export function changeAction(
  action: Action,
  status: ActionStatus,
  followUp: string,
  today: DayNumber,
): ActionChangeResult {
  const note = followUp.trim();
  if (status === 'Dropped' && note === '') {
    return {
      ok: false,
      problem: { key: 'action.droppedNeedsNote', params: { action: action.id } },
    };
  }
  const doneOn =
    status === 'Done' ? ((action.status === 'Done' ? action.doneOn : null) ?? today) : null;
  return { ok: true, change: { status, followUp: note, doneOn } };
}

/** Open or In progress with its Due day behind us. */
export function isOverdue(action: Action, today: DayNumber): boolean {
  return isOpen(action) && action.due !== null && action.due < today;
}
