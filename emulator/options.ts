/** What createEmulator accepts, and the same with every default filled in. */

export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

/** What a service call moved: the cells of the biggest grid it took or gave back (0 for none). */
export interface CallSize {
  cells: number;
}

/** Modelled milliseconds of one service call, e.g. 'Range.getValues'; emulator/costs.ts holds a
 * table from published measurements (appsScriptCost). */
export type CostModel = (name: string, size: CallSize) => number;

export interface EmulatorOptions {
  /** Where the clock starts. It never ticks by itself: it moves only through clock.set/advance,
   * Utilities.sleep, lock waits and the cost model, so runs are repeatable. Default: real now. */
  now?: Date | number;
  /** Spreadsheet time zone (IANA). */
  timeZone?: string;
  /** Session.getScriptTimeZone(); the manifest's timeZone in real life. Default: timeZone. */
  scriptTimeZone?: string;
  /** Spreadsheet locale, e.g. 'en_US' or 'da_DK'. */
  locale?: string;
  owner?: string;
  /** The active user; default: the owner. */
  user?: string;
  spreadsheetName?: string;
  /** MailApp recipients left today. */
  mailQuota?: number;
  /** Folder HtmlService reads `<name>.html` from. */
  htmlDir?: string;
  /** Title recorded for the menu built by Ui.createAddonMenu (Sheets shows it under Extensions). */
  addonName?: string;
  /** Also print Logger and console output to the host console. */
  echo?: boolean;
  /** Seed for Utilities.getUuid and Math.random in the bundle; without it they are random. */
  seed?: number;
  /** Cost model: each counted call advances the clock by this many ms (a custom function's calls
   * only its own modelled time). Off by default; `appsScriptCost` (emulator/costs.ts) is
   * Apps Script's. */
  costPerCallMs?: CostModel;
  /** When set, a counted call made after this long in one execution throws Apps Script's
   * "Exceeded maximum execution time" (360000 in real life). Off by default. */
  executionLimitMs?: number;
  /** The same for one custom function's modelled time (30000 in real life). Off by default. */
  customFunctionLimitMs?: number;
  /** A workbook saved by emu.serialize(); it wins over the options above that it records. */
  state?: string;
}

export interface Settings {
  now: number;
  timeZone: string;
  scriptTimeZone: string;
  locale: string;
  owner: string;
  user: string;
  spreadsheetName: string;
  mailQuota: number;
  htmlDir: string;
  addonName: string;
  echo: boolean;
  seed: number | undefined;
  costPerCallMs: CostModel | undefined;
  executionLimitMs: number | undefined;
  customFunctionLimitMs: number | undefined;
}

export function resolveOptions(options: EmulatorOptions): Settings {
  const owner = options.owner ?? 'owner@example.com';
  const timeZone = options.timeZone ?? 'UTC';
  const now = options.now ?? Date.now();
  return {
    now: typeof now === 'number' ? now : now.getTime(),
    timeZone,
    scriptTimeZone: options.scriptTimeZone ?? timeZone,
    locale: options.locale ?? 'en_US',
    owner,
    user: options.user ?? owner,
    spreadsheetName: options.spreadsheetName ?? 'Untitled spreadsheet',
    mailQuota: options.mailQuota ?? 100,
    htmlDir: options.htmlDir ?? 'dist',
    addonName: options.addonName ?? 'Add-on',
    echo: options.echo ?? false,
    seed: options.seed,
    costPerCallMs: options.costPerCallMs,
    executionLimitMs: options.executionLimitMs,
    customFunctionLimitMs: options.customFunctionLimitMs,
  };
}
