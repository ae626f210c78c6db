/**
 * `npm start`: the playground — the compiled add-on in the emulator, served
 * to a browser on http://127.0.0.1 (scripts/playground/). `npm run demo`
 * prints the terminal summary instead.
 *
 *   npm start                        reuse the saved workbook (.local/workbook.json)
 *   npm start -- --reset             start over with the example team
 *   npm start -- --reset --lang da   a Danish workbook
 *   npm start -- --port 8080         another port (or PORT=8080 npm start)
 */
import { launch } from './playground/launch';

launch(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
