/**
 * The worker's code, bundled once per process from worker.ts with esbuild (already a dependency
 * of the build), so the worker runs the same TypeScript whether the host is jest, tsx or plain
 * Node.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';

let code: string | undefined;

export function workerCode(): string {
  if (code === undefined) {
    const result = buildSync({
      entryPoints: [path.join(__dirname, 'worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    code = result.outputFiles[0]?.text ?? '';
  }
  return code;
}
