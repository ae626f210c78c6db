/**
 * `npm start`: the playground on http://127.0.0.1, with the workbook kept in
 * .local/workbook.json between runs.
 *
 *   npm start                         reuse the saved workbook
 *   npm start -- --reset              start over with the example team
 *   npm start -- --reset --lang da    a Danish workbook
 *   npm start -- --port 8080          another port (or PORT=8080 npm start)
 */
import path from 'node:path';
import { simulatedFriday } from '../lib/simulatedFriday';
import { startPlayground } from './server';
import type { Lang } from './workbook';

export const DEFAULT_PORT = 5178;
export const STATE_FILE = path.resolve(__dirname, '../../.local/workbook.json');

export interface LaunchArgs {
  port: number;
  /** Whether the person chose the port: then a taken port is an error, not a reason to move on. */
  portChosen: boolean;
  reset: boolean;
  lang: Lang;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): LaunchArgs {
  const valueOf = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    const inline = argv.find((a) => a.startsWith(`${flag}=`));
    return inline ? inline.slice(flag.length + 1) : at >= 0 ? argv[at + 1] : undefined;
  };
  const portText = valueOf('--port') ?? env.PORT;
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${String(portText)} is not a port number.`);
  const lang = valueOf('--lang') ?? 'en';
  if (lang !== 'en' && lang !== 'da') throw new Error(`--lang ${lang}: use en or da.`);
  return { port, portChosen: portText !== undefined, reset: argv.includes('--reset'), lang };
}

export async function launch(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const started = Date.now();
  const running = await startPlayground({
    port: args.port,
    tryNextPorts: !args.portChosen,
    stateFile: STATE_FILE,
    reset: args.reset,
    lang: args.lang,
    log: (line) => console.log(`  ${line}`),
  });
  const { playground } = running;
  const ss = playground.emu.spreadsheet;
  const where = path.relative(process.cwd(), STATE_FILE);
  console.log(
    `\nKPI Loop playground: ${running.url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  console.log(
    `  "${ss.getName()}" (${ss.getSpreadsheetTimeZone()}, ${ss.getSpreadsheetLocale()}), ${playground.origin === 'created' ? 'created with the example team in' : 'reloaded from'} ${where}`,
  );
  console.log('  Open the address in a browser; Ctrl+C stops (the workbook is kept).');
  console.log('  npm start -- --reset starts over; npm run demo prints the KPI summary.\n');
  // What the reminder sender would do on a Friday with this workbook, on a copy of it.
  for (const line of simulatedFriday(playground.emu.serialize())) console.log(`  ${line}`);
  console.log('');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
