/**
 * The scheduler's side of one execution: the pooled thread it runs on, and where it is — running
 * its own code, stopped at a service call, or done.
 */
import type { AuthModeName } from '../options';
import type { ExecutionContext } from '../runtime';
import { lease, release, type PooledWorker } from './pool';
import type { ErrorInfo, Reply, StartData } from './wire';

/** One entry point run as one Apps Script execution. */
export interface ExecutionSpec {
  fn: string;
  args: unknown[];
  user: string;
  authMode: AuthModeName;
  /** An installable trigger runs without UI. */
  inTrigger: boolean;
  /** Which actor it serves (its index in the run's list). */
  actor: number;
}

export interface PendingCall {
  seq: number;
  id: number;
  method: string;
  args: unknown[];
  /** Emulator time when the call was made. */
  since: number;
}

export interface ExecutionResult {
  value?: unknown;
  error?: ErrorInfo;
}

export class Execution {
  state: 'running' | 'calling' | 'done' = 'running';
  pending: PendingCall | null = null;
  result: ExecutionResult = {};
  readonly logs: string[] = [];
  /** The service calls it made, in order ('Range.setValues', …). */
  readonly calls: string[] = [];
  endedAt: number | null = null;
  private readonly worker: PooledWorker;

  constructor(
    readonly spec: ExecutionSpec,
    readonly context: ExecutionContext,
    start: StartData,
  ) {
    this.worker = lease();
    this.worker.start(start);
  }

  /** Waits until the execution stops at its next service call, or ends; says which. */
  settle(now: number): Execution['state'] {
    if (this.state !== 'running') return this.state;
    const what = `${this.spec.fn} (${this.spec.user})`;
    const report = this.worker.nextReport(this.context.execution, this.logs, what);
    if (report.op === 'call') {
      const { seq, id, method, args } = report;
      this.pending = { seq, id, method, args, since: now };
      this.state = 'calling';
    } else if (report.op === 'done') {
      this.state = 'done';
      this.endedAt = now;
      this.result = report.error ? { error: report.error } : { value: report.value };
      release(this.worker);
    }
    return this.state;
  }

  /** Answers the pending call (named `call` in calls) and lets the execution run on. */
  reply(answer: Omit<Reply, 'execution' | 'seq'>, call: string): void {
    const seq = this.pending?.seq ?? 0;
    this.pending = null;
    this.state = 'running';
    this.calls.push(call);
    this.worker.reply({ ...answer, execution: this.context.execution, seq });
  }

  /** Ends an execution a failed run left behind: its thread is not reused. */
  async abandon(): Promise<void> {
    if (this.state !== 'done') await this.worker.terminate();
  }
}
