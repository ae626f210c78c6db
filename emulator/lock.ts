/**
 * LockService. The emulator runs one execution at a time, so another holder is usually simulated:
 * emu.holdDocumentLock(user, forMs?) stands for another user's run. Waiting for a held lock moves
 * the clock by the wait (or to the moment the other run lets go). Locks are released when the
 * execution that holds them ends, as in Apps Script; waitLock's message is Apps Script's.
 * emulator/concurrency runs executions side by side: it asks Lock.heldElsewhere before a
 * tryLock/waitLock and does the waiting itself, so here a lock held by another execution is only
 * ever met at the end of a wait.
 */
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';

type Holder = { execution: number } | { other: string; until: number | null };

export class LockSlot {
  holder: Holder | null = null;
}

export class Lock {
  readonly [SERVICE] = 'Lock';
  private mine = false;

  constructor(
    private readonly rt: Runtime,
    private readonly slot: LockSlot,
  ) {}

  /** Whether taking the lock now means waiting for another live execution. */
  static heldElsewhere(lock: Lock, execution: number): boolean {
    const holder = lock.slot.holder;
    return holder !== null && 'execution' in holder && holder.execution !== execution;
  }

  tryLock(timeoutInMillis: number): boolean {
    const holder = this.slot.holder;
    const now = this.rt.clock.now();
    const free =
      holder === null || ('execution' in holder && holder.execution === this.rt.execution);
    const freedInTime =
      holder !== null &&
      'other' in holder &&
      holder.until !== null &&
      holder.until <= now + timeoutInMillis;
    if (!free && !freedInTime) {
      this.rt.clock.advance(Math.max(0, timeoutInMillis));
      return false;
    }
    if (freedInTime && holder && 'other' in holder)
      this.rt.clock.set(Math.max(now, holder.until ?? now));
    this.slot.holder = { execution: this.rt.execution };
    this.mine = true;
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      this.rt.fail('Lock timeout: another process was holding the lock for too long.');
  }

  hasLock(): boolean {
    const holder = this.slot.holder;
    return (
      this.mine &&
      holder !== null &&
      'execution' in holder &&
      holder.execution === this.rt.execution
    );
  }

  releaseLock(): void {
    if (this.hasLock()) this.slot.holder = null;
    this.mine = false;
  }
}

export class LockService {
  readonly [SERVICE] = 'LockService';
  readonly document = new LockSlot();
  readonly script = new LockSlot();
  private readonly users = new Map<string, LockSlot>();

  constructor(private readonly rt: Runtime) {
    rt.onExecutionEnd((execution) => {
      for (const slot of [this.document, this.script, ...this.users.values()]) {
        if (slot.holder && 'execution' in slot.holder && slot.holder.execution === execution)
          slot.holder = null;
      }
    });
  }

  getDocumentLock(): Lock {
    return new Lock(this.rt, this.document);
  }

  getScriptLock(): Lock {
    return new Lock(this.rt, this.script);
  }

  getUserLock(): Lock {
    let slot = this.users.get(this.rt.user);
    if (!slot) {
      slot = new LockSlot();
      this.users.set(this.rt.user, slot);
    }
    return new Lock(this.rt, slot);
  }
}
