/**
 * Worker threads kept for the whole process: starting one costs far more than an execution, so a
 * thread whose execution has ended waits for the next one. Threads are unref'd and never keep the
 * process alive; stopWorkers() ends them (a test's afterAll).
 *
 * The scheduler talks to a thread synchronously: it posts a message, then sleeps on a shared
 * Int32 until the thread has posted its answer, which it takes with receiveMessageOnPort. Two
 * flags: [0] "your reply is posted" (the thread sleeps on it), [1] "my report is posted" (the
 * scheduler sleeps on it). A round trip costs tens of microseconds, not an event-loop turn.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { Reply, Report, StartData, WorkerData } from './wire';
import { workerCode } from './workerCode';

/** How long (real time) a thread may take to reach its next call before the run is given up. */
const STALL_MS = 60_000;

export class PooledWorker {
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;
  private dead = false;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const workerData: WorkerData = { port: port2, signal: this.signal.buffer as SharedArrayBuffer };
    this.worker = new Worker(workerCode(), {
      eval: true,
      execArgv: [], // not the host's loaders (tsx): the worker's code is plain JavaScript
      workerData,
      transferList: [port2],
    });
    this.worker.unref();
    port1.unref();
    const ended = (): void => {
      this.dead = true;
      all.delete(this);
    };
    this.worker.on('error', ended);
    this.worker.on('exit', ended);
  }

  get usable(): boolean {
    return !this.dead;
  }

  start(data: StartData): void {
    Atomics.store(this.signal, 1, 0);
    this.port.postMessage(data);
  }

  reply(reply: Reply): void {
    Atomics.store(this.signal, 1, 0);
    this.port.postMessage(reply);
    Atomics.store(this.signal, 0, 1);
    Atomics.notify(this.signal, 0);
  }

  /** Waits for execution's next call or its end; what it logs meanwhile goes to `logs`. */
  nextReport(execution: number, logs: string[], what: string): Report {
    const deadline = Date.now() + STALL_MS;
    for (;;) {
      const report = receiveMessageOnPort(this.port)?.message as Report | undefined;
      if (report && report.execution !== execution)
        throw new Error(`${what}: a report of execution ${report.execution} went astray`);
      if (report?.op === 'log') logs.push(report.text);
      else if (report) return report;
      else if (Date.now() > deadline) throw new Error(`${what} never reached a service call`);
      else {
        Atomics.wait(this.signal, 1, 0, 1000);
        Atomics.store(this.signal, 1, 0);
      }
    }
  }

  terminate(): Promise<number> {
    this.dead = true;
    all.delete(this);
    return this.worker.terminate();
  }
}

const idle: PooledWorker[] = [];
const all = new Set<PooledWorker>();

export function lease(): PooledWorker {
  let worker = idle.pop();
  while (worker && !worker.usable) worker = idle.pop();
  worker ??= new PooledWorker();
  all.add(worker);
  return worker;
}

export function release(worker: PooledWorker): void {
  if (worker.usable && all.has(worker)) idle.push(worker);
}

/** Ends every pooled thread. */
export async function stopWorkers(): Promise<void> {
  const workers = [...all, ...idle];
  all.clear();
  idle.length = 0;
  await Promise.all(workers.map((w) => w.terminate()));
}
