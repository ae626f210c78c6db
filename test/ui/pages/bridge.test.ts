import {
  closeSidebar,
  createBridge,
  isUnreachable,
  type ScriptRunner,
} from '../../../src/ui/pages/shared/bridge';
import type { Lang } from '../../../src/engine/types';
import { logWorkContext } from './fixtures';

/** google.script.run as Apps Script hands it to a page: each call gets the handlers set before it. */
function fakeRunner(
  serve: (
    name: string,
    args: unknown[],
    ok: (v: unknown) => void,
    fail: (e: unknown) => void,
  ) => void,
) {
  const made: Array<{ name: string; args: unknown[] }> = [];
  const runner = (): ScriptRunner => {
    let ok: (value: unknown) => void = () => undefined;
    let fail: (error: unknown) => void = () => undefined;
    const run: ScriptRunner = new Proxy({} as ScriptRunner, {
      get(_target, prop: string) {
        if (prop === 'withSuccessHandler') return (h: (v: unknown) => void) => ((ok = h), run);
        if (prop === 'withFailureHandler') return (h: (e: unknown) => void) => ((fail = h), run);
        if (prop === 'getLogWorkContext' || prop === 'saveLogEntry')
          return function (this: unknown, ...args: unknown[]) {
            if (this !== run) throw new Error('called without its runner');
            made.push({ name: prop, args });
            serve(prop, args, ok, fail);
          };
        return undefined;
      },
    });
    return run;
  };
  return { runner, made };
}

const english = (): Lang => 'en';

describe('the bridge to the server', () => {
  it('passes the arguments and gives back the server’s reply', async () => {
    const context = logWorkContext();
    const { runner, made } = fakeRunner((_name, _args, ok) => ok({ ok: true, value: context }));
    const call = createBridge({ lang: english, runner });
    await expect(call('getLogWorkContext')).resolves.toEqual({ ok: true, value: context });
    const input = { kpiId: 'K1', date: '2026-11-26', value: '3', note: '', link: '' };
    await call('saveLogEntry', input);
    expect(made).toEqual([
      { name: 'getLogWorkContext', args: [] },
      { name: 'saveLogEntry', args: [input] },
    ]);
  });

  it('passes a refusal through with its message and field', async () => {
    const refusal = { ok: false, message: 'Value "x" is not a number', field: 'value' };
    const { runner } = fakeRunner((_n, _a, ok) => ok(refusal));
    const reply = await createBridge({ lang: english, runner })('saveLogEntry', {
      kpiId: 'K1',
      date: '2026-11-26',
      value: 'x',
      note: '',
      link: '',
    });
    expect(reply).toEqual(refusal);
    expect(isUnreachable(reply)).toBe(false);
  });

  it('turns a failure handler call into a reply with a message in the person’s language', async () => {
    const { runner } = fakeRunner((_n, _a, _ok, fail) => fail(new Error('NetworkError')));
    let lang: Lang = 'en';
    const call = createBridge({ lang: () => lang, runner });
    const reply = await call('getLogWorkContext');
    expect(reply).toEqual({
      ok: false,
      message: 'Could not reach the spreadsheet. Check your connection and try again.',
    });
    expect(isUnreachable(reply)).toBe(true);
    lang = 'da';
    await expect(call('getLogWorkContext')).resolves.toEqual({
      ok: false,
      message: 'Kunne ikke få forbindelse til regnearket. Tjek din forbindelse, og prøv igen.',
    });
  });

  it('treats an answer that is not a reply as a failure', async () => {
    for (const answer of [undefined, null, 'done', { ok: false }, { value: 1 }]) {
      const { runner } = fakeRunner((_n, _a, ok) => ok(answer));
      const reply = await createBridge({ lang: english, runner })('getLogWorkContext');
      expect([answer, reply.ok, isUnreachable(reply)]).toEqual([answer, false, true]);
    }
  });

  it('fails cleanly outside Apps Script, where there is no google.script.run', async () => {
    const reply = await createBridge({ lang: english, runner: () => undefined })(
      'getLogWorkContext',
    );
    expect(isUnreachable(reply)).toBe(true);
    // The real lookup, with no `google` global in Node.
    expect(isUnreachable(await createBridge({ lang: english })('getLogWorkContext'))).toBe(true);
  });

  it('fails cleanly when starting the call throws', async () => {
    const { runner } = fakeRunner(() => {
      throw new Error('Script function not found: getLogWorkContext');
    });
    const reply = await createBridge({ lang: english, runner })('getLogWorkContext');
    expect(isUnreachable(reply)).toBe(true);
  });

  it('gives up when no answer comes in time, and ignores an answer that comes after', async () => {
    jest.useFakeTimers();
    try {
      let late: (value: unknown) => void = () => undefined;
      const { runner } = fakeRunner((_n, _a, ok) => (late = ok));
      const pending = createBridge({ lang: english, runner, timeoutMs: 1000 })('getLogWorkContext');
      jest.advanceTimersByTime(999);
      let settled = false;
      void pending.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      jest.advanceTimersByTime(1);
      const reply = await pending;
      expect(isUnreachable(reply)).toBe(true);
      late({ ok: true, value: logWorkContext() });
      await expect(pending).resolves.toBe(reply);
    } finally {
      jest.useRealTimers();
    }
  });

  it('closes the sidebar through google.script.host, and does nothing without it', () => {
    const close = jest.fn();
    const global = globalThis as { google?: unknown };
    expect(() => closeSidebar()).not.toThrow();
    global.google = { script: { host: { close } } };
    try {
      closeSidebar();
      expect(close).toHaveBeenCalledTimes(1);
    } finally {
      delete global.google;
    }
  });
});
