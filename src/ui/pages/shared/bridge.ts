/**
 * The one typed bridge from a sidebar to the server: google.script.run with
 * its callbacks turned into a promise of the contract's Reply. Whatever goes
 * wrong on the way (no network, a server exception, no answer at all) comes
 * back as `{ ok: false, message }` in the person's language, so a page never
 * meets an unhandled rejection and always has a sentence to show.
 */
import type { ServerApi } from '../../api';
import type { Lang } from '../../../engine/types';
import { t } from '../../../engine/i18n/messages';

/** The part of google.script.run a page uses: each server function is a property. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

interface ClientGoogle {
  script?: { run?: ScriptRunner; host?: { close(): void } };
}

/** HtmlService injects `google` into the page; outside Apps Script (tests, a file opened locally) it is absent. */
function clientGoogle(): ClientGoogle | undefined {
  return (globalThis as { google?: ClientGoogle }).google;
}

export type ServerName = keyof ServerApi;
export type ReplyOf<K extends ServerName> = ReturnType<ServerApi[K]>;
export type Call = <K extends ServerName>(
  name: K,
  ...args: Parameters<ServerApi[K]>
) => Promise<ReplyOf<K>>;

export interface BridgeOptions {
  /** The language of the failure message; the page's language may only be known after the first answer. */
  lang: () => Lang;
  runner?: () => ScriptRunner | undefined;
  /**
   * google.script.run has no timeout of its own. A server call may run for up
   * to 6 minutes before Apps Script stops it (and then calls the failure
   * handler), so waiting a little longer only catches a connection that died.
   */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 390_000;

/** Failures made by the bridge itself, so a page can offer "Try again" only when retrying can help. */
const unreachableReplies = new WeakSet<object>();

export function isUnreachable(reply: { ok: boolean }): boolean {
  return unreachableReplies.has(reply);
}

export function createBridge(options: BridgeOptions): Call {
  const runner = options.runner ?? (() => clientGoogle()?.script?.run);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return <K extends ServerName>(name: K, ...args: Parameters<ServerApi[K]>) =>
    new Promise<ReplyOf<K>>((resolve) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (reply: ReplyOf<K>): void => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        resolve(reply);
      };
      const fail = (): void => {
        const reply = { ok: false as const, message: t(options.lang(), 'ui.unreachable') };
        unreachableReplies.add(reply);
        settle(reply as ReplyOf<K>);
      };

      try {
        const run = runner()
          ?.withSuccessHandler((value) => (isReply(value) ? settle(value as ReplyOf<K>) : fail()))
          .withFailureHandler(fail);
        const serverFunction = run?.[name];
        if (typeof serverFunction !== 'function') return fail();
        timer = setTimeout(fail, timeoutMs);
        // Called as a method: the runner may need `this`.
        (serverFunction as (...a: unknown[]) => void).apply(run, args);
      } catch {
        fail();
      }
    });
}

/** What every server function answers; anything else means the server broke its contract. */
function isReply(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { ok?: unknown; message?: unknown };
  return reply.ok === true || (reply.ok === false && typeof reply.message === 'string');
}

/** Closes the sidebar (google.script.host.close); does nothing outside Apps Script. */
export function closeSidebar(): void {
  clientGoogle()?.script?.host?.close();
}
