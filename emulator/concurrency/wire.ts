/**
 * What crosses between the scheduler (main thread) and an execution (worker thread). Messages are
 * structured clones, so Dates, arrays and plain objects cross as they are; service objects and
 * enum values cross as numbered references, and each side copies what it receives into its own
 * realm (a Date arrives as a Date of the receiving side).
 */

/** Marks a reference inside a cloned value; no cell or argument of the add-on holds this key. */
export const TAG = '\u0000kpiloop.wire';

/** A service object (Spreadsheet, Range, Lock, …), sent to the worker with the data properties
 * it carries (enum tables such as SpreadsheetApp.ProtectionType; an edit event range's rowStart…). */
export interface HandleRef {
  [TAG]: 'handle';
  id: number;
  props: Record<string, unknown>;
}

/** An Apps Script enum value: the same id is the same object on the worker's side too. */
export interface EnumRef {
  [TAG]: 'enum';
  id: number;
  name: string;
  ordinal: number;
}

/** A handle or enum value the worker passes back. */
export interface BackRef {
  [TAG]: 'ref';
  id: number;
}

export interface ErrorInfo {
  name: string;
  message: string;
}

/** Worker → scheduler, naming the execution it belongs to; calls are numbered from 1. */
export type Report = { execution: number } & (
  | { op: 'call'; seq: number; id: number; method: string; args: unknown[] }
  | { op: 'log'; text: string }
  | { op: 'done'; value?: unknown; error?: ErrorInfo }
);

/** Scheduler → worker, the answer to call `seq`; `now` is the emulator clock after it. */
export interface Reply {
  execution: number;
  seq: number;
  now: number;
  value?: unknown;
  error?: ErrorInfo;
}

/** What a pooled worker thread is created with (worker_threads workerData). */
export interface WorkerData {
  /** Its end of the channel: start messages come in, reports go out, replies are taken. */
  port: MessagePort;
  /** Two Int32 flags: [0] a reply is posted (the worker sleeps on it), [1] a report is posted. */
  signal: SharedArrayBuffer;
}

export interface Bundle {
  key: string;
  files: Array<{ filename: string; code: string }>;
}

/** Scheduler → worker: run one execution. */
export interface StartData {
  execution: number;
  /** The bundle's .js files as the scheduler read them when the run began, named by a hash of
   * their contents: every execution of a run runs the same code, whatever happens to the folder. */
  bundle: Bundle;
  fn: string;
  args: unknown[];
  /** The service globals (handles) and Charts. */
  globals: Record<string, unknown>;
  now: number;
  /** Seeds Math.random in the bundle. */
  seed: number;
}

type MessagePort = import('node:worker_threads').MessagePort;

export function isRef<K extends string>(value: object, kind: K): boolean {
  return (value as Record<string, unknown>)[TAG] === kind;
}

const isDate = (value: object): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]';

/**
 * A copy of a value in this realm: arrays and plain objects copied, Dates remade, and anything
 * `special` recognises replaced by what it returns (undefined: not special). Other objects
 * (functions, class instances) cannot cross and throw.
 */
export function transform(value: unknown, special: (value: object) => unknown): unknown {
  if (typeof value === 'function')
    throw new TypeError('A function cannot cross to another execution');
  if (typeof value !== 'object' || value === null) return value;
  const replaced = special(value);
  if (replaced !== undefined) return replaced;
  if (isDate(value)) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map((item: unknown) => transform(item, special));
  if (Object.prototype.toString.call(value) !== '[object Object]')
    throw new TypeError(
      `${Object.prototype.toString.call(value)} cannot cross to another execution`,
    );
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = transform(item, special);
  return copy;
}

export function errorInfo(error: unknown): ErrorInfo {
  if (typeof error === 'object' && error !== null && 'message' in error)
    return { name: String((error as Error).name ?? 'Error'), message: String(error.message) };
  return { name: 'Error', message: String(error) };
}
