/**
 * The hub every service shares: clock, active user, authorization mode, executions, and the one
 * place where service calls are counted and permission-checked (a Proxy put around every service
 * object handed to the script).
 */
import vm from 'node:vm';
import type { Clock } from './clock';
import type { AuthModeName, Settings } from './options';
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
  /** The realm the bundle runs in; its globals are the services. */
  readonly context: vm.Context = vm.createContext({});
  private readonly ContextError: ErrorConstructor;
  private readonly proxies = new WeakMap<object, object>();
  private readonly raws = new WeakMap<object, object>();
  private readonly executionEndHooks: Array<() => void> = [];

  constructor(
    readonly settings: Settings,
    readonly clock: Clock,
    readonly state: WorkbookState,
    readonly logs: string[],
  ) {
    this.user = settings.user;
    this.executionStartedAt = clock.now();
    this.ContextError = vm.runInContext('Error', this.context) as ErrorConstructor;
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

  onExecutionEnd(hook: () => void): void {
    this.executionEndHooks.push(hook);
  }

  /** Apps Script releases locks when a script ends; this is that moment. */
  endExecution(): void {
    for (const hook of this.executionEndHooks) hook();
    this.execution += 1;
    this.executionStartedAt = this.clock.now();
  }

  scoped<T>(change: Partial<Pick<Runtime, 'user' | 'authMode' | 'inTrigger'>>, fn: () => T): T {
    const saved = { user: this.user, authMode: this.authMode, inTrigger: this.inTrigger };
    Object.assign(this, change);
    try {
      return fn();
    } finally {
      Object.assign(this, saved);
    }
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
    if (this.authMode === 'CUSTOM_FUNCTION') {
      this.customFunctionCalls[name] = (this.customFunctionCalls[name] ?? 0) + 1;
    } else {
      this.calls[name] = (this.calls[name] ?? 0) + 1;
      this.charge(name);
    }
    return this.exposeAll(
      fn.apply(
        target,
        args.map((arg) => this.unwrap(arg)),
      ),
    );
  }

  private charge(name: string): void {
    const cost = this.settings.costPerCallMs?.(name) ?? 0;
    if (cost > 0) {
      this.clock.advance(cost);
      this.elapsedModelledMs += cost;
    }
    const limit = this.settings.executionLimitMs;
    if (limit !== undefined && this.clock.now() - this.executionStartedAt > limit) {
      this.fail('Exceeded maximum execution time');
    }
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
