/**
 * An in-memory Apps Script for KPI Loop's tests, `npm start` and the bench: one emulator, one file
 * per service. `createEmulator()` builds a workbook and the service globals; `emu.load(folder)` runs
 * the compiled bundle among them; every call the bundle makes on a service is counted in emu.calls.
 */
import * as gasLocal from 'gas-local';
import { CacheService } from './cache';
import { Clock, clockAwareDate } from './clock';
import { ChartType } from './enums';
import { HtmlService } from './html';
import { LockService } from './lock';
import { capturedConsole, Logger } from './logger';
import { MailApp, MailLog } from './mail';
import type { SentMail } from './mail';
import type { AuthModeName, EmulatorOptions } from './options';
import { resolveOptions } from './options';
import { PropertiesService } from './properties';
import { Runtime } from './runtime';
import type { RecordedCall } from './runtime';
import { ScriptApp } from './script-app';
import { Session } from './session';
import { SpreadsheetApp } from './spreadsheet/app';
import { Formulas } from './spreadsheet/formulas';
import type { Spreadsheet } from './spreadsheet/spreadsheet';
import { Views } from './spreadsheet/views';
import { Workbook } from './spreadsheet/workbook';
import { newWorkbook, restoreWorkbook, serializeWorkbook } from './state';
import type { TriggerState } from './state';
import { Ui, UiRecords } from './ui';
import { FetchRoutes, UrlFetchApp } from './url-fetch';
import { seededRandom, Utilities } from './utilities';
import { hostHelpers } from './host';
import { runInstalledTrigger, typeInto } from './typing';
import type { EditTriggerRuns, TypeIntoOptions } from './typing';

export type { EmulatorOptions, AuthModeName } from './options';
export type { SentMail } from './mail';
export type { FetchHandler, FetchReply, FetchRequest } from './url-fetch';
export type { MenuItem, MenuRecord, HtmlRecord, DialogRecord, AlertRecord } from './ui';
export type { TriggerState } from './state';
export type { RecordedCall } from './runtime';
export type { CallSize } from './options';
export type { EditTriggerRuns, TypeIntoOptions } from './typing';

/** The bundle's globals: untyped JavaScript, so `any` is the honest type here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Bundle = Record<string, any>;

/** The service globals, typed as Apps Script declares them (@types/google-apps-script). */
export interface Services {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
}

export interface Emulator {
  readonly options: EmulatorOptions;
  /** The counted services the bundle sees, usable without loading a bundle. */
  readonly globals: Services;
  readonly clock: Clock;
  /** Runs every .js file of the folder (gas-local) among the services; returns the globals. */
  load<T = Bundle>(folder: string): T;
  setUser(email: string): void;
  asUser<T>(email: string, fn: () => T): T;
  withAuthMode<T>(mode: AuthModeName, fn: () => T): T;
  /** fn as one execution: its locks are released when it ends, as when a script returns. */
  run<T>(fn: () => T): T;
  endExecution(): void;
  /** Runs an installed trigger's handler as its owner, in FULL mode, as one execution, without UI. */
  fireTrigger(id: string, event?: Record<string, unknown>): unknown;
  /** A person types values into a tab from a1 (the top-left cell), as options.user (default: the
   * current user); then the bundle's onEdit runs as the simple trigger (LIMITED) and each
   * installable on-edit trigger as its owner (FULL), each as one execution. See typing.ts. */
  typeInto(
    sheetName: string,
    a1: string,
    values: unknown[][],
    options?: TypeIntoOptions,
  ): EditTriggerRuns;
  readonly calls: Record<string, number>;
  /** Calls made by custom functions while formulas were evaluated (their own executions in Sheets). */
  readonly customFunctionCalls: Record<string, number>;
  totalCalls(): number;
  resetCalls(): void;
  /** fn, with every service call made meanwhile recorded in order: its name, the cells it moved,
   * whether a custom function set off by another call made it, and the emulator's own time. What
   * `npm run bench` sums emulator/costs.ts over. */
  recordCalls<T>(fn: () => T): { result: T; calls: RecordedCall[] };
  readonly elapsedModelledMs: number;
  /** The spreadsheet itself, uncounted and unchecked, for test code. */
  readonly spreadsheet: Spreadsheet;
  sheetValues(name: string): unknown[][];
  setSheetValues(name: string, values: unknown[][]): void;
  sheetFormulas(name: string): string[][];
  recalculate(): void;
  formulaError(sheetName: string, a1: string): string | null;
  holdDocumentLock(byUser: string, forMs?: number): void;
  releaseDocumentLock(): void;
  readonly mail: { readonly sent: SentMail[]; setRemaining(n: number): void };
  readonly fetch: FetchRoutes;
  readonly ui: UiRecords;
  readonly triggers: TriggerState[];
  readonly logs: string[];
  serialize(): string;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const saved = options.state === undefined ? undefined : restoreWorkbook(options.state);
  // A restored workbook keeps its own zone, owner and clock unless the options say otherwise.
  const settings = resolveOptions({
    ...options,
    timeZone: options.timeZone ?? saved?.timeZone,
    owner: options.owner ?? saved?.owner,
    now: options.now ?? saved?.now,
  });
  const state = saved ?? newWorkbook(settings);
  const clock = new Clock(settings.now);
  const logs: string[] = [];
  const rt = new Runtime(settings, clock, state, logs);
  const wb = new Workbook(rt, state);
  wb.formulas = new Formulas(wb);
  const ui = new UiRecords();
  const views = new Views(wb, ui.toasts);
  const mail = new MailLog();
  const fetch = new FetchRoutes();
  const locks = new LockService(rt);

  const services = {
    SpreadsheetApp: new SpreadsheetApp(views, new Ui(rt, ui, settings.addonName)),
    PropertiesService: new PropertiesService(rt),
    LockService: locks,
    CacheService: new CacheService(rt),
    HtmlService: new HtmlService(rt, settings.htmlDir),
    Session: new Session(rt),
    ScriptApp: new ScriptApp(rt),
    MailApp: new MailApp(rt, mail),
    UrlFetchApp: new UrlFetchApp(rt, fetch),
    Utilities: new Utilities(rt),
    Logger: new Logger(rt),
  };
  const random = settings.seed === undefined ? undefined : seededRandom(settings.seed);
  Object.assign(
    rt.context,
    Object.fromEntries(Object.entries(services).map(([name, s]) => [name, rt.expose(s)])),
    {
      Charts: { ChartType },
      console: capturedConsole(rt),
      Date: clockAwareDate(clock),
      Intl,
      JSON,
      Math: random ? Object.assign(Object.create(Math) as Math, { random }) : Math,
    },
  );

  const globals = rt.context as Bundle;
  const helpers = hostHelpers(wb);
  return {
    options,
    clock,
    globals: globals as Services,
    load<T = Bundle>(folder: string): T {
      gasLocal.require(folder, rt.context);
      wb.formulas.recalculate();
      return globals as T;
    },
    setUser: (email) => void (rt.user = email),
    asUser: (email, fn) => rt.scoped({ user: email }, fn),
    withAuthMode: (mode, fn) => rt.scoped({ authMode: mode }, fn),
    run(fn) {
      try {
        return fn();
      } finally {
        rt.endExecution();
      }
    },
    endExecution: () => rt.endExecution(),
    fireTrigger(id, event = {}) {
      const trigger = state.triggers.find((t) => t.id === id);
      if (!trigger) throw new Error(`No runnable trigger ${id}`);
      return runInstalledTrigger(rt, trigger, event);
    },
    typeInto: (sheetName, a1, values, options) => typeInto(views, sheetName, a1, values, options),
    calls: rt.calls,
    customFunctionCalls: rt.customFunctionCalls,
    totalCalls: () => Object.values(rt.calls).reduce((sum, n) => sum + n, 0),
    resetCalls() {
      for (const tally of [rt.calls, rt.customFunctionCalls])
        for (const key of Object.keys(tally)) delete tally[key];
      rt.elapsedModelledMs = 0;
    },
    recordCalls(fn) {
      const calls: RecordedCall[] = [];
      const outer = rt.recording;
      rt.recording = calls;
      try {
        return { result: fn(), calls };
      } finally {
        rt.recording = outer;
      }
    },
    get elapsedModelledMs() {
      return rt.elapsedModelledMs;
    },
    spreadsheet: views.spreadsheet,
    ...helpers,
    recalculate: () => wb.formulas.recalculate(),
    holdDocumentLock(byUser, forMs) {
      locks.document.holder = {
        other: byUser,
        until: forMs === undefined ? null : clock.now() + forMs,
      };
    },
    releaseDocumentLock() {
      locks.document.holder = null;
    },
    mail: {
      sent: mail.sent,
      setRemaining: (n) => void (state.mailRemaining = n),
    },
    fetch,
    ui,
    get triggers() {
      return state.triggers;
    },
    logs,
    serialize() {
      state.now = clock.now();
      return serializeWorkbook(state);
    },
  };
}
