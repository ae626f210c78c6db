/**
 * The hub every service shares: clock, active user, authorization mode, executions, and the one
 * place where service calls are counted and permission-checked (a Proxy put around every service
 * object handed to the script).
 */
import vm from 'node:vm';
import type { Clock } from './clock';
import type { AuthModeName, CallSize, Settings } from './options';
import type { WorkbookState } from './state';
import { isAllowed } from './auth';

/** Apps Script class name of a service object, e.g. 'Range'; it names the counters. */
export const SERVICE = Symbol('apps-script-class');

export interface ServiceObject {
  readonly [SERVICE]: string;
}

export function isService(value: unknown): value is ServiceObject {
  return typeof value === 'object' && value !== null && SERVICE in value;
}

type Method = (...args: unknown[]) => unknown;

/** The first non-empty item of a list or of a list of rows: it tells what the list holds. */
function firstItem(list: unknown[]): unknown {
  for (const item of list) {
    const inner = Array.isArray(item)
      ? item.find((cell) => cell !== null && cell !== undefined)
      : item;
    if (inner !== null && inner !== undefined) return inner;
  }
  return undefined;
}

/** The size of the biggest grid a call took or gave back: what a cost model can grow with. */
function callSize(args: unknown[], result: unknown): CallSize {
  let cells = 0;
  for (const value of [result, ...args]) {
    if (!Array.isArray(value)) continue;
    let count = 0;
    for (const row of value as unknown[]) count += Array.isArray(row) ? row.length : 1;
    cells = Math.max(cells, count);
  }
  return { cells };
}

/** One service call as emu.recordCalls saw it: what a cost model needs, and where the time went. */
export interface RecordedCall {
  /** 'Class.method', as the counters name it: 'Range.getValues'. */
  name: string;
  size: CallSize;
  /** 0 for a call the script made itself; 1 or more for a call made by a custom function that the
   * call around it set off (a formula written or re-entered), which Sheets runs as an execution of
   * its own. */
  depth: number;
  /** How long the emulator took to answer, in Node, nested calls included: host time, not the
   * script's. */
  hostMs: number;
}

/** The Runtime behind a bundle's globals (emu.globals), for tools built on the emulator
 * (emulator/concurrency). */
const runtimes = new WeakMap<object, Runtime>();

export function runtimeOf(globals: object): Runtime {
  const rt = runtimes.get(globals);
  if (!rt) throw new Error('Not the globals of an emulator');
  return rt;
}

/** What an execution is: who runs it, how, and since when. Several can be live at once when
 * emulator/concurrency interleaves them; each service call is made in one of them. */
export type ExecutionContext = Pick<
  Runtime,
  'user' | 'authMode' | 'inTrigger' | 'execution' | 'executionStartedAt'
>;

export class Runtime {
  readonly calls: Record<string, number> = {};
  /** Custom functions run as their own executions in Sheets, so their calls are kept apart. */
  readonly customFunctionCalls: Record<string, number> = {};
  elapsedModelledMs = 0;
  authMode: AuthModeName = 'FULL';
  user: string;
  /** Set while a time-driven or other installable trigger runs (no UI there). */
  inTrigger = false;
  /** Numbers executions; a lock remembers the execution that took it. */
  execution = 1;
  executionStartedAt: number;
  /** Modelled time of the custom function running now (a custom function is its own execution,
   * with its own limit; its calls do not move the clock of the script that wrote the formula). */
  customFunctionElapsedMs = 0;
  /** Modelled time of the last custom function that finished. */
  lastCustomFunctionMs = 0;
  /** Where service calls are recorded while emu.recordCalls runs; null otherwise. */
  recording: RecordedCall[] | null = null;
  /** How many service calls are under way: more than one while a custom function set off by a
   * call runs. */
  private callDepth = 0;
  private lastExecution = 1;
  /** The realm the bundle runs in; its globals are the services. */
  readonly context: vm.Context = vm.createContext({});
  private readonly ContextError: ErrorConstructor;
  private readonly proxies = new WeakMap<object, object>();
  private readonly raws = new WeakMap<object, object>();
  private readonly executionEndHooks: Array<(execution: number) => void> = [];

  constructor(
    readonly settings: Settings,
    readonly clock: Clock,
    readonly state: WorkbookState,
    readonly logs: string[],
  ) {
    this.user = settings.user;
    this.executionStartedAt = clock.now();
    this.ContextError = vm.runInContext('Error', this.context) as ErrorConstructor;
    runtimes.set(this.context, this);
  }

  /** Throws as Apps Script does: an Error of the script's realm (so `e instanceof Error` holds in
   * the bundle) whose toString is "Exception: …". */
  fail(message: string): never {
    const error = new this.ContextError(message);
    error.name = 'Exception';
    throw error;
  }

  log(line: string): void {
    this.logs.push(line);
    if (this.settings.echo) console.log(line);
  }

  /** Hooks get the number of the execution that ends. */
  onExecutionEnd(hook: (execution: number) => void): void {
    this.executionEndHooks.push(hook);
  }

  /** A fresh execution number, for executions run side by side (emulator/concurrency). */
  newExecution(): number {
    this.lastExecution += 1;
    return this.lastExecution;
  }

  /** Apps Script releases locks when a script ends; this is that moment. By default the current
   * execution ends and the next one begins; another (side-by-side) one may be named. */
  endExecution(execution = this.execution): void {
    for (const hook of this.executionEndHooks) hook(execution);
    if (execution !== this.execution) return;
    this.execution = this.newExecution();
    this.executionStartedAt = this.clock.now();
  }

  /** fn with some of the execution context changed; entering CUSTOM_FUNCTION mode starts a custom
   * function's own execution time. */
  scoped<T>(change: Partial<ExecutionContext>, fn: () => T): T {
    const saved: ExecutionContext = {
      user: this.user,
      authMode: this.authMode,
      inTrigger: this.inTrigger,
      execution: this.execution,
      executionStartedAt: this.executionStartedAt,
    };
    const customFunction =
      change.authMode === 'CUSTOM_FUNCTION' && saved.authMode !== change.authMode;
    const outerCustomMs = this.customFunctionElapsedMs;
    if (customFunction) this.customFunctionElapsedMs = 0;
    Object.assign(this, change);
    try {
      return fn();
    } finally {
      Object.assign(this, saved);
      if (customFunction) {
        this.lastCustomFunctionMs = this.customFunctionElapsedMs;
        this.customFunctionElapsedMs = outerCustomMs;
      }
    }
  }

  /** The service object behind a counted proxy (or the value itself). */
  rawOf<T>(value: T): T {
    return (
      ((typeof value === 'object' && value !== null ? this.raws.get(value) : undefined) as
        T | undefined) ?? value
    );
  }

  /** The counted, permission-checked face of a service object (one per object). */
  expose<T>(raw: T): T {
    if (!isService(raw) || this.raws.has(raw)) return raw;
    let proxy = this.proxies.get(raw);
    if (!proxy) {
      proxy = this.wrap(raw);
      this.proxies.set(raw, proxy);
      this.raws.set(proxy, raw);
    }
    return proxy as T;
  }

  private wrap(target: ServiceObject): object {
    const wrappers = new Map<string, Method>();
    return new Proxy(target, {
      get: (object, property) => {
        const value: unknown = Reflect.get(object, property);
        if (
          typeof property === 'symbol' ||
          typeof value !== 'function' ||
          property in Object.prototype
        ) {
          return value;
        }
        let wrapper = wrappers.get(property);
        if (!wrapper) {
          wrapper = (...args: unknown[]) => this.invoke(object, property, value as Method, args);
          wrappers.set(property, wrapper);
        }
        return wrapper;
      },
    });
  }

  private invoke(target: ServiceObject, method: string, fn: Method, args: unknown[]): unknown {
    const service = target[SERVICE];
    const name = `${service}.${method}`;
    if (!isAllowed(this.authMode, service, method))
      this.fail(`You do not have permission to call ${name}`);
    const tally = this.authMode === 'CUSTOM_FUNCTION' ? this.customFunctionCalls : this.calls;
    tally[name] = (tally[name] ?? 0) + 1;
    this.checkLimits(); // a call made after the limit never starts
    const recording = this.recording;
    const started = recording ? performance.now() : 0;
    const depth = this.callDepth++;
    let result: unknown;
    try {
      result = fn.apply(
        target,
        args.map((arg) => this.unwrap(arg)),
      );
    } finally {
      this.callDepth = depth;
      const size = callSize(args, result);
      recording?.push({ name, size, depth, hostMs: performance.now() - started });
      // A call costs its time whether it succeeds or throws; the time is charged once it returns.
      this.charge(name, size);
    }
    return this.exposeAll(result);
  }

  /** Moves the clock by the call's modelled cost (a custom function's calls only its own time),
   * then stops the run that went past its limit: its last call has landed, as when Apps Script
   * kills a script that has run out of time. */
  private charge(name: string, size: CallSize): void {
    const cost = this.settings.costPerCallMs?.(name, size) ?? 0;
    if (this.authMode === 'CUSTOM_FUNCTION') {
      this.customFunctionElapsedMs += cost;
    } else if (cost > 0) {
      this.clock.advance(cost);
      this.elapsedModelledMs += cost;
    }
    this.checkLimits();
  }

  private checkLimits(): void {
    const custom = this.authMode === 'CUSTOM_FUNCTION';
    const limit = custom ? this.settings.customFunctionLimitMs : this.settings.executionLimitMs;
    const elapsed = custom
      ? this.customFunctionElapsedMs
      : this.clock.now() - this.executionStartedAt;
    if (limit !== undefined && elapsed > limit) this.fail('Exceeded maximum execution time');
  }

  private exposeAll(result: unknown): unknown {
    if (!Array.isArray(result)) return this.expose(result);
    if (!isService(firstItem(result))) return result;
    return result.map((item: unknown) =>
      Array.isArray(item) ? item.map((cell: unknown) => this.expose(cell)) : this.expose(item),
    );
  }

  /** Service objects the script passes back in (a Range to setNamedRange, …) become raw again. */
  private unwrap(arg: unknown): unknown {
    if (typeof arg !== 'object' || arg === null) return arg;
    if (Array.isArray(arg)) {
      const first: unknown = arg[0];
      return typeof first === 'object' && first !== null && this.raws.has(first)
        ? arg.map((item: unknown) => this.unwrap(item))
        : arg;
    }
    return this.raws.get(arg) ?? arg;
  }
}
