import { changeAction, isOverdue } from '../../../src/engine/feedback/actions';
import type { Action } from '../../../src/engine/records/feedbackLoop';
import type { Email } from '../../../src/engine/types';
import { day } from '../fixtures';

const action = (over: Partial<Action> = {}): Action => ({
  id: 'A1',
  created: day('2026-11-17'),
  owner: 'priya@example.com' as Email,
  action: 'Send the list',
  kpi: 'K2',
  source: 'C1',
  due: day('2026-11-24'),
  status: 'Open',
  doneOn: null,
  followUp: '',
  row: 0,
  ...over,
});

const today = day('2026-11-26');

describe('following an action up', () => {
  test('Done sets Done on to today, and keeps the day it was first done', () => {
    expect(changeAction(action(), 'Done', ' sent ', today)).toEqual({
      ok: true,
      change: { status: 'Done', followUp: 'sent', doneOn: today },
    });
    const done = action({ status: 'Done', doneOn: day('2026-11-20') });
    expect(changeAction(done, 'Done', 'more detail', today)).toMatchObject({
      change: { doneOn: day('2026-11-20') },
    });
  });

  test('reopening an action clears Done on', () => {
    const done = action({ status: 'Done', doneOn: day('2026-11-20') });
    expect(changeAction(done, 'In progress', '', today)).toMatchObject({
      change: { doneOn: null },
    });
  });

  test('is never silently dropped: Dropped needs a note', () => {
    expect(changeAction(action(), 'Dropped', '  ', today)).toEqual({
      ok: false,
      problem: { key: 'action.droppedNeedsNote', params: { action: 'A1' } },
    });
    expect(changeAction(action(), 'Dropped', 'Not needed', today).ok).toBe(true);
  });

  test('is overdue while open past its due day, not on it, and never once closed', () => {
    expect(isOverdue(action(), today)).toBe(true);
    expect(isOverdue(action({ due: today }), today)).toBe(false);
    expect(isOverdue(action({ status: 'In progress' }), today)).toBe(true);
    expect(isOverdue(action({ status: 'Done' }), today)).toBe(false);
    expect(isOverdue(action({ due: null }), today)).toBe(false);
  });
});
