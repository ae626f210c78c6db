/**
 * Several people at once in one emulator workbook, interleaved at every service call by a seeded
 * scheduler (scheduler.ts). Each server function call or edit trigger is one execution, run from
 * the compiled bundle in a worker thread (sandbox.ts) whose services are stand-ins for the
 * emulator's: the workbook, the counters, the clock and the locks are the emulator's own.
 * See README.md.
 *
 * ```ts
 * const run = await runConcurrently(emu, 'dist', [
 *   { user: 'priya@example.com', call: 'saveLogEntry', args: [entry] },
 *   { user: 'juan@example.com', type: ['', day, 'juan@example.com', 'K3', 4], sheet: 'Log', at: 5000 },
 * ], { seed: 7 });
 * run.actors[0].executions[0].value; // the Reply saveLogEntry gave Priya
 * afterAll(() => stopWorkers()); // the worker threads are kept for the whole process
 * ```
 */
import type { Emulator } from '../index';
import type { AuthModeName } from '../options';
import type { Actor } from './actors';
import { Scheduler } from './scheduler';
import type { ErrorInfo } from './wire';

export type { Actor, CallActor, TypeActor } from './actors';
export { stopWorkers } from './pool';
export type { ErrorInfo } from './wire';

export interface ExecutionOutcome {
  fn: string;
  user: string;
  authMode: AuthModeName;
  /** The emulator's number for it (locks remember it). */
  execution: number;
  /** What the function returned, or the error it ended with. */
  value?: unknown;
  error?: ErrorInfo;
  /** The service calls it made ('Spreadsheet.toast', …), what it wrote to console, and when it
   * started and ended (emulator time). */
  calls: string[];
  logs: string[];
  startedAt: number;
  endedAt: number | null;
}

export interface ActorOutcome {
  actor: Actor;
  /** A typist's row, or why the typing was refused. */
  row?: number;
  typingError?: ErrorInfo;
  /** Its call, or the edit triggers its typing fired, in start order. */
  executions: ExecutionOutcome[];
}

export interface ConcurrentRun {
  seed: number;
  actors: ActorOutcome[];
  /** One line per move: who was served which call, who typed where. */
  trace: string[];
}

export interface ConcurrentOptions {
  seed: number;
}

export async function runConcurrently(
  emu: Emulator,
  folder: string,
  actors: readonly Actor[],
  { seed }: ConcurrentOptions,
): Promise<ConcurrentRun> {
  const scheduler = new Scheduler(emu, folder, actors, seed);
  await scheduler.run();
  return {
    seed,
    trace: scheduler.trace,
    actors: actors.map((actor, i) => {
      const typed = scheduler.typed.get(i);
      return {
        actor,
        ...(typed && 'row' in typed ? { row: typed.row } : {}),
        ...(typed && 'error' in typed ? { typingError: typed.error } : {}),
        executions: scheduler.executions
          .filter((e) => e.spec.actor === i)
          .map((e) => ({
            fn: e.spec.fn,
            user: e.spec.user,
            authMode: e.spec.authMode,
            execution: e.context.execution,
            ...(e.result.error
              ? { error: e.result.error }
              : { value: scheduler.decode(e.result.value) }),
            calls: e.calls,
            logs: e.logs,
            startedAt: e.context.executionStartedAt,
            endedAt: e.endedAt,
          })),
      };
    }),
  };
}
