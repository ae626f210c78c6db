/**
 * The deterministic scheduler. Executions run in worker threads; each stops at every service call
 * (sandbox.ts). Once every live execution is stopped at a call or done — never earlier, so the
 * order in which threads happen to arrive does not matter — the scheduler picks one move with a
 * seeded random generator: serve one pending call, or let one person type. The same seed gives
 * the same interleaving.
 *
 * The document lock (any Lock) is owned per execution. A tryLock/waitLock while another execution
 * holds it is not served: the call waits until the lock is free (then it is served and takes it)
 * or until its timeout has passed on the emulator clock (then it is served with a timeout of 0,
 * so tryLock says false and waitLock throws Apps Script's message). When nothing else can move,
 * the clock jumps to the first waiting call's deadline. An execution's locks are released when
 * it ends. All executions share one clock: each call's modelled cost (options.costPerCallMs)
 * moves it for everyone, as if Apps Script served their calls one after another, so waits time
 * out at least as often as in real life.
 */
import type { Emulator } from '../index';
import { Lock } from '../lock';
import type { Runtime } from '../runtime';
import { runtimeOf, SERVICE } from '../runtime';
import { seededRandom } from '../utilities';
import type { Actor, TypeActor } from './actors';
import { readBundle } from './actors';
import { Execution, type ExecutionSpec } from './execution';
import { Handles } from './handles';
import { typeRow } from './typing';
import { errorInfo, type Bundle, type ErrorInfo, type Reply } from './wire';

const SERVICES = [
  'SpreadsheetApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'HtmlService',
  'Session',
  'ScriptApp',
  'MailApp',
  'UrlFetchApp',
  'Utilities',
  'Logger',
  'Charts',
];

export class Scheduler {
  readonly executions: Execution[] = [];
  readonly typed = new Map<number, { row: number } | { error: ErrorInfo }>();
  readonly trace: string[] = [];
  private readonly rt: Runtime;
  private readonly handles: Handles;
  private readonly random: () => number;
  private readonly globals: Record<string, unknown>;
  private readonly bundle: Bundle;
  private readonly waitingToType: number[] = [];
  /** Actors not arrived yet, latest first. */
  private readonly arrivals: Array<{ actor: number; at: number }>;
  private readonly startedAt: number;

  constructor(
    private readonly emu: Emulator,
    folder: string,
    private readonly actors: readonly Actor[],
    private readonly seed: number,
  ) {
    this.rt = runtimeOf(emu.globals);
    this.bundle = readBundle(folder);
    this.handles = new Handles(this.rt);
    this.random = seededRandom(seed);
    const context = this.rt.context as Record<string, unknown>;
    this.globals = Object.fromEntries(
      SERVICES.map((name) => [name, this.handles.toWire(context[name])]),
    );
    this.startedAt = emu.clock.now();
    this.arrivals = actors
      .map((a, actor) => ({ actor, at: this.startedAt + Math.max(0, a.at ?? 0) }))
      .sort((a, b) => b.at - a.at || b.actor - a.actor);
  }

  async run(): Promise<void> {
    try {
      do this.settle();
      while (this.move());
    } finally {
      await Promise.all(this.executions.map((e) => e.abandon()));
    }
  }

  /** A value a worker sent, in this realm. */
  decode(value: unknown): unknown {
    return this.handles.fromWire(value);
  }

  private start(spec: ExecutionSpec): void {
    const now = this.emu.clock.now();
    const context = {
      user: spec.user,
      authMode: spec.authMode,
      inTrigger: spec.inTrigger,
      execution: this.rt.newExecution(),
      executionStartedAt: now,
    };
    const start = {
      execution: context.execution,
      bundle: this.bundle,
      fn: spec.fn,
      args: this.handles.toWire(spec.args) as unknown[],
      globals: this.globals,
      now,
      seed: (this.seed * 7919 + context.execution) >>> 0,
    };
    this.executions.push(new Execution(spec, context, start));
  }

  /** Waits, in start order, until no execution is running its own code; ends those that ended. */
  private settle(): void {
    for (const execution of this.executions) {
      if (execution.state === 'running' && execution.settle(this.emu.clock.now()) === 'done')
        this.rt.endExecution(execution.context.execution);
    }
  }

  /** Starts whoever has arrived: a call starts its execution, a typist waits for their turn. */
  private arrive(now: number): boolean {
    let arrived = false;
    while ((this.arrivals[this.arrivals.length - 1]?.at ?? Infinity) <= now) {
      const { actor: i } = this.arrivals.pop() as { actor: number };
      const actor = this.actors[i] as Actor;
      if ('call' in actor) {
        this.start({
          fn: actor.call,
          args: actor.args ?? [],
          user: actor.user,
          authMode: 'FULL',
          inTrigger: false,
          actor: i,
        });
      } else this.waitingToType.push(i);
      arrived = true;
    }
    return arrived;
  }

  /** One step; false when nothing is left to do. */
  private move(): boolean {
    const now = this.emu.clock.now();
    if (this.arrive(now)) return true;
    const moves: Array<() => void> = this.waitingToType.map((actor) => () => this.type(actor));
    let wakeAt = this.arrivals[this.arrivals.length - 1]?.at ?? Infinity;
    for (const execution of this.executions) {
      if (execution.state !== 'calling') continue;
      const deadline = this.lockDeadline(execution);
      if (deadline === null) moves.push(() => this.serve(execution, false));
      else if (now >= deadline) moves.push(() => this.serve(execution, true));
      else wakeAt = Math.min(wakeAt, deadline);
    }
    const pick = moves[Math.floor(this.random() * moves.length)];
    if (pick) pick();
    else if (wakeAt < Infinity) this.emu.clock.set(wakeAt);
    return pick !== undefined || wakeAt < Infinity;
  }

  /** When a tryLock/waitLock must wait for another execution: the moment its wait ends. */
  private lockDeadline(execution: Execution): number | null {
    const call = execution.pending;
    if (!call || (call.method !== 'tryLock' && call.method !== 'waitLock')) return null;
    const lock = this.rt.rawOf(this.handles.object(call.id));
    if (!(lock instanceof Lock) || !Lock.heldElsewhere(lock, execution.context.execution))
      return null;
    return call.since + Math.max(0, Number(call.args[0]) || 0);
  }

  private serve(execution: Execution, timedOut: boolean): void {
    const call = execution.pending;
    if (!call) return;
    const target = this.handles.object(call.id) as Record<string, unknown>;
    const reply = this.rt.scoped(execution.context, (): Omit<Reply, 'execution' | 'seq'> => {
      try {
        const args = timedOut ? [0] : (this.handles.fromWire(call.args) as unknown[]);
        const method = target[call.method];
        if (typeof method !== 'function') throw new TypeError(`${call.method} is not a function`);
        const value: unknown = method.apply(target, args);
        return { now: this.emu.clock.now(), value: this.handles.toWire(value) };
      } catch (error) {
        return { now: this.emu.clock.now(), error: errorInfo(error) };
      }
    });
    const service = (this.rt.rawOf(target) as Record<symbol, unknown>)[SERVICE];
    const name = `${String(service)}.${call.method}`;
    this.trace.push(
      `#${execution.context.execution} ${execution.spec.user} ${execution.spec.fn}: ${name}` +
        `${timedOut ? ' (wait timed out)' : ''}${reply.error ? ` threw ${reply.error.message}` : ''}`,
    );
    execution.reply(reply, name);
  }

  private type(actor: number): void {
    this.waitingToType.splice(this.waitingToType.indexOf(actor), 1);
    const step = this.actors[actor] as TypeActor;
    try {
      const typed = typeRow(this.emu, this.rt, actor, {
        user: step.user,
        sheet: step.sheet,
        values: step.type,
      });
      this.typed.set(actor, { row: typed.row });
      this.trace.push(`${step.user} types row ${typed.row} of ${step.sheet}`);
      typed.runs.forEach((spec) => this.start(spec));
    } catch (error) {
      this.typed.set(actor, { error: errorInfo(error) });
      this.trace.push(`${step.user} cannot type into ${step.sheet}: ${errorInfo(error).message}`);
    }
  }
}
