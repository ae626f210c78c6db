import { ASSISTANT, newEmulator } from './helpers';

describe('LockService', () => {
  test('tryLock gives up after its wait while another user holds the document lock', () => {
    const emu = newEmulator();
    emu.holdDocumentLock(ASSISTANT);
    const before = emu.clock.now();
    const lock = emu.globals.LockService.getDocumentLock();
    expect(lock.tryLock(10000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(emu.clock.now() - before).toBe(10000);
  });

  test("waitLock throws Apps Script's timeout message", () => {
    const emu = newEmulator();
    emu.holdDocumentLock(ASSISTANT);
    expect(() => emu.globals.LockService.getDocumentLock().waitLock(5000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
  });

  test('a lock the other run lets go of within the wait is taken when it is free', () => {
    const emu = newEmulator();
    emu.holdDocumentLock(ASSISTANT, 3000);
    const before = emu.clock.now();
    const lock = emu.globals.LockService.getDocumentLock();
    expect(lock.tryLock(10000)).toBe(true);
    expect([lock.hasLock(), emu.clock.now() - before]).toEqual([true, 3000]);
  });

  test('a free lock is taken at once and released on request', () => {
    const emu = newEmulator();
    const lock = emu.globals.LockService.getScriptLock();
    expect([lock.tryLock(0), lock.hasLock()]).toEqual([true, true]);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('locks are released when the execution ends', () => {
    const emu = newEmulator();
    const held = emu.run(() => {
      const lock = emu.globals.LockService.getDocumentLock();
      lock.waitLock(1000);
      return lock;
    });
    expect(held.hasLock()).toBe(false);
    emu.run(() => expect(emu.globals.LockService.getDocumentLock().tryLock(0)).toBe(true));
  });
});
