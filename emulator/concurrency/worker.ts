/**
 * A worker thread of the pool (pool.ts): it runs one execution after another, each in a fresh
 * sandbox (sandbox.ts), so a thread's start-up is paid once per test process, not per execution.
 */
import vm from 'node:vm';
import { workerData } from 'node:worker_threads';
import { Sandbox } from './sandbox';
import type { Bundle, StartData, WorkerData } from './wire';

const { port, signal } = workerData as WorkerData;

/** Compiled bundles by key; a test process sees one or two. */
const compiled = new Map<string, vm.Script[]>();

function scripts(bundle: Bundle): vm.Script[] {
  let found = compiled.get(bundle.key);
  if (!found) {
    found = bundle.files.map(({ filename, code }) => new vm.Script(code, { filename }));
    compiled.set(bundle.key, found);
  }
  return found;
}

port.on('message', (start: StartData) => {
  // Only start messages come here; a reply arriving here would be a fault of the scheduler.
  if (typeof start.bundle?.key !== 'string') {
    port.postMessage({ op: 'log', execution: -1, text: 'A reply arrived between executions' });
    return;
  }
  const sandbox = new Sandbox(port, new Int32Array(signal), start);
  sandbox.post(sandbox.run(() => scripts(start.bundle)));
});
