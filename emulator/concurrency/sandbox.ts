/**
 * One execution inside a worker thread: the bundle runs in a fresh vm context whose service
 * globals are stand-ins. Every method call on a stand-in is a synchronous request to the
 * scheduler: the worker posts it and sleeps on a shared Int32 (Atomics.wait) until the scheduler
 * has served it and posted the reply, which it takes with receiveMessageOnPort. The bundle's code
 * is synchronous, so this is how it is stopped at each service call while another execution goes
 * on.
 */
import vm from 'node:vm';
import { receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { Clock, clockAwareDate } from '../clock';
import { seededRandom } from '../utilities';
import type { EnumRef, HandleRef, Reply, Report, StartData } from './wire';
import { errorInfo, isRef, TAG, transform } from './wire';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class Sandbox {
  private readonly clock: Clock;
  private readonly context = vm.createContext({});
  private readonly ContextError = vm.runInContext('Error', this.context) as ErrorConstructor;
  /** Stand-ins by id, and ids by stand-in, so identity holds (the same Sheet twice is ===). */
  private readonly locals = new Map<number, object>();
  private readonly ids = new WeakMap<object, number>();
  private calls = 0;

  constructor(
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
    private readonly start: StartData,
  ) {
    this.clock = new Clock(start.now);
    const log = (...args: unknown[]): void => this.post({ op: 'log', text: this.text(args) });
    Object.assign(this.context, this.fromWire(start.globals), {
      console: { log, info: log, warn: log, error: log, debug: log },
      Date: clockAwareDate(this.clock),
      Intl,
      JSON,
      Math: Object.assign(Object.create(Math) as Math, { random: seededRandom(start.seed) }),
    });
  }

  /** Loads the bundle and calls the entry point: the report that ends the execution. */
  run(bundle: () => vm.Script[]): DistributiveOmit<Report, 'execution'> {
    try {
      for (const script of bundle()) script.runInContext(this.context);
      const fn = (this.context as Record<string, unknown>)[this.start.fn];
      if (typeof fn !== 'function') throw new Error(`The bundle has no function ${this.start.fn}`);
      const args = this.fromWire(this.start.args) as unknown[];
      return { op: 'done', value: this.toWire(fn(...args)) };
    } catch (error) {
      return { op: 'done', error: errorInfo(error) };
    }
  }

  /** Posts a report and wakes the scheduler, which may be asleep waiting for it (pool.ts). */
  post(report: DistributiveOmit<Report, 'execution'>): void {
    this.port.postMessage({ ...report, execution: this.start.execution });
    Atomics.store(this.signal, 1, 1);
    Atomics.notify(this.signal, 1);
  }

  /** A call served by the scheduler; it throws as Apps Script does, an Error of the bundle's realm. */
  private call(id: number, method: string, args: unknown[]): unknown {
    const seq = ++this.calls;
    Atomics.store(this.signal, 0, 0);
    this.post({ op: 'call', seq, id, method, args: args.map((arg) => this.toWire(arg)) });
    Atomics.wait(this.signal, 0, 0);
    const reply = this.takeReply();
    // A guard on the harness itself: every call gets its own reply, in order.
    if (reply?.execution !== this.start.execution || reply.seq !== seq) {
      const got = reply ? `#${reply.seq} of execution ${reply.execution}` : 'nothing';
      throw new Error(`The scheduler's reply to ${method} (#${seq}) went astray (got ${got})`);
    }
    this.clock.set(reply.now);
    if (reply.error) {
      const error = new this.ContextError(reply.error.message);
      error.name = reply.error.name;
      throw error;
    }
    return this.fromWire(reply.value);
  }

  /**
   * The reply the scheduler has signalled. Under heavy load a message posted from another thread
   * was once not yet readable when the signal arrived, so look again for a moment before giving up.
   */
  private takeReply(): Reply | undefined {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const reply = receiveMessageOnPort(this.port)?.message as Reply | undefined;
      if (reply || Date.now() > deadline) return reply;
      Atomics.wait(this.signal, 0, 1, 1); // a 1 ms pause: signal[0] stays 1 until the next call
    }
  }

  private remember<T extends object>(id: number, local: T): T {
    this.locals.set(id, local);
    this.ids.set(local, id);
    return local;
  }

  private standIn(ref: HandleRef): object {
    const known = this.locals.get(ref.id);
    if (known) return known;
    const props = this.fromWire(ref.props) as Record<string, unknown>;
    const methods = new Map<string, (...args: unknown[]) => unknown>();
    const proxy = new Proxy(
      {},
      {
        get: (_target, name) => {
          // Apps Script objects are not thenables, and JSON.stringify gives '{}' for them.
          if (typeof name === 'symbol' || name === 'then' || name === 'toJSON') return undefined;
          if (Object.prototype.hasOwnProperty.call(props, name)) return props[name];
          let method = methods.get(name);
          if (!method) {
            method = (...args: unknown[]) => this.call(ref.id, name, args);
            methods.set(name, method);
          }
          return method;
        },
      },
    );
    return this.remember(ref.id, proxy);
  }

  private enumValue(ref: EnumRef): object {
    return (
      this.locals.get(ref.id) ??
      this.remember(ref.id, {
        name: () => ref.name,
        ordinal: () => ref.ordinal,
        toString: () => ref.name,
        toJSON: () => ref.name,
      })
    );
  }

  private fromWire(value: unknown): unknown {
    return transform(value, (object) => {
      if (isRef(object, 'handle')) return this.standIn(object as HandleRef);
      if (isRef(object, 'enum')) return this.enumValue(object as EnumRef);
      return undefined;
    });
  }

  private toWire(value: unknown): unknown {
    return transform(value, (object) => {
      const id = this.ids.get(object);
      return id === undefined ? undefined : { [TAG]: 'ref', id };
    });
  }

  private text(args: unknown[]): string {
    return args
      .map((arg) => {
        if (typeof arg === 'string') return arg;
        if (arg instanceof Error || arg instanceof this.ContextError)
          return `${arg.name}: ${arg.message}`;
        try {
          return JSON.stringify(arg);
        } catch {
          return String(arg);
        }
      })
      .join(' ');
  }
}
