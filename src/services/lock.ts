/**
 * Every write from a sidebar or trigger runs under the document lock with a
 * bounded wait (PRODUCT section 8); when it is not had, nothing is written.
 */

/** Long enough to queue behind another save, short enough that a person is told promptly. */
export const LOCK_WAIT_MS = 10_000;

export type Locked<T> = { ok: true; value: T } | { ok: false };

export function withDocumentLock<T>(work: () => T, waitMs = LOCK_WAIT_MS): Locked<T> {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  try {
    const value = work();
    SpreadsheetApp.flush(); // writes must land before another process takes the lock
    return { ok: true, value };
  } finally {
    lock.releaseLock();
  }
}
