/**
 * What a run is made of: the people in it (actors) and the bundle every execution runs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Bundle } from './wire';

/** Someone who does one thing during the run, `at` ms of emulator time after it starts (default 0). */
interface Arrival {
  user: string;
  at?: number;
}

/** A person's sidebar or menu calls a server function: one execution, FULL, as that person. */
export interface CallActor extends Arrival {
  call: string;
  args?: unknown[];
}

/** A person types a row at the end of a tab; the edit triggers run as Sheets runs them. */
export interface TypeActor extends Arrival {
  type: unknown[];
  sheet: string;
}

export type Actor = CallActor | TypeActor;

/** The folder's .js files, in name order (as gas-local loads them). */
export function readBundle(folder: string): Bundle {
  const files = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const filename = path.join(folder, file);
      return { filename, code: fs.readFileSync(filename, 'utf8') };
    });
  const hash = createHash('sha1');
  for (const { filename, code } of files) hash.update(filename).update('\0').update(code);
  return { key: hash.digest('hex'), files };
}
