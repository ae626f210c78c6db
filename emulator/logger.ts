/** Logger and console: both write to emu.logs (and to the host console with options.echo). */
import { format } from 'node:util';
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.prototype.toString.call(value) !== '[object Date]'
  ) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class Logger {
  readonly [SERVICE] = 'Logger';
  private lines: string[] = [];

  constructor(private readonly rt: Runtime) {}

  /** log(data) or log(format, ...values) with %s placeholders. */
  log(data: unknown, ...values: unknown[]): this {
    let next = 0;
    const line =
      values.length === 0 ? show(data) : show(data).replace(/%s/g, () => show(values[next++]));
    this.lines.push(line);
    this.rt.log(line);
    return this;
  }

  getLog(): string {
    return this.lines.join('\n');
  }

  clear(): void {
    this.lines = [];
  }
}

/** The console the bundle sees: not a service, so not counted. */
export function capturedConsole(
  rt: Runtime,
): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const write = (...args: unknown[]) => rt.log(format(...args));
  return { log: write, info: write, warn: write, error: write, debug: write };
}
