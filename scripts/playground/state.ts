/**
 * The playground's one workbook: the compiled add-on in the emulator, who is
 * at the keyboard, what the clock shows, which sidebar and dialog are open,
 * and what the add-on said (toasts, alerts) that the page has not shown yet.
 * Everything a person does in the page arrives here as one call, runs as
 * one Apps Script execution, and is saved to the state file shortly after.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Bundle, Emulator } from '../../emulator';
import { TAB_SCHEMAS } from '../../src/engine/i18n/vocabulary';
import { dayFromDate, instantAt } from '../../src/engine/time/calendar';
import { DIST } from '../lib/addon';
import { callableFunctions, toWireValue } from './shim';
import { sheetView, tabViews } from './sheetView';
import type {
  AlertView,
  ClockView,
  MenuView,
  Messages,
  PageView,
  PlaygroundState,
  PlaygroundUser,
  RunReply,
  Said,
  ToastView,
} from './types';
import { openWorkbook, saveWorkbook, type Lang } from './workbook';

export interface PlaygroundOptions {
  /** Where the workbook is kept between runs; null keeps nothing. */
  stateFile: string | null;
  reset?: boolean;
  lang?: Lang;
  /** Where the clock starts; default: now. */
  now?: Date | number;
  /** Whether the clock moves on by itself, as in real life (default), or stands still (tests). */
  ticking?: boolean;
  /** Where add-on console output and failures are echoed; default: nowhere. */
  log?: (line: string) => void;
}

const HOUR_MS = 3_600_000;
/** How long after the last change the workbook is written to disk. */
const SAVE_DELAY_MS = 400;

interface Page extends PageView {
  html: string;
}

export class Playground {
  readonly emu: Emulator;
  readonly gas: Bundle;
  readonly origin: 'created' | 'reloaded';
  readonly stateFile: string | null;
  /** Functions of the bundle a page may call through google.script.run. */
  readonly callable: ReadonlySet<string>;
  user: string;
  sidebar: Page | null = null;
  dialog: Page | null = null;

  private readonly ticking: boolean;
  /** Ticking clock: the emulated now is the real now plus this. */
  private offsetMs: number;
  private readonly log: (line: string) => void;
  private readonly shown = { toasts: 0, alerts: 0, sidebars: 0, dialogs: 0, logs: 0 };
  private saveTimer: NodeJS.Timeout | null = null;
  private pageCount = 0;
  private readonly pageSecret = crypto.randomBytes(6).toString('hex');

  constructor(options: PlaygroundOptions) {
    const start = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    this.stateFile = options.stateFile;
    this.ticking = options.ticking ?? true;
    this.offsetMs = start - Date.now();
    this.log = options.log ?? (() => undefined);
    const opened = openWorkbook({
      stateFile: options.stateFile,
      reset: options.reset ?? false,
      lang: options.lang ?? 'en',
      now: start,
    });
    this.emu = opened.emu;
    this.gas = opened.gas;
    this.origin = opened.origin;
    this.user = this.emu.spreadsheet.getOwner()?.getEmail() ?? '';
    this.callable = new Set(callableFunctions(fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8')));
    // Nothing leaves the machine: every webhook is answered here, as the services answer.
    this.emu.fetch.route(/^https?:\/\//i, (request) => ({
      code: 200,
      body: /hooks\.slack\.com/i.test(request.url) ? 'ok' : '{}',
    }));
    // What setting up the example workbook said is not news to the person opening the page.
    this.markShown();
    this.buildMenu();
    if (opened.origin === 'created') this.save();
  }

  // ── Who, and when ─────────────────────────────────────────────────────────

  users(): PlaygroundUser[] {
    const owner = this.emu.spreadsheet.getOwner()?.getEmail() ?? '';
    const team = readTeam(this.emu);
    const people = team.some((p) => p.email === owner)
      ? team
      : [
          {
            email: owner,
            name: owner,
            role: 'Owner',
            timeZone: this.emu.spreadsheet.getSpreadsheetTimeZone(),
          },
          ...team,
        ];
    return people.filter(
      (p, i) => p.email !== '' && people.findIndex((q) => q.email === p.email) === i,
    );
  }

  /** Another person sits down: their own menu, and the sidebars of the last one close. */
  switchUser(email: string): Said {
    if (!this.users().some((u) => u.email === email)) return this.reply(`${email} is not in Team.`);
    this.user = email;
    this.sidebar = null;
    this.dialog = null;
    this.buildMenu();
    return this.reply();
  }

  now(): number {
    return this.ticking ? Date.now() + this.offsetMs : this.emu.clock.now();
  }

  /** Before every execution: a ticking clock has moved on since the last one. */
  private syncClock(): void {
    if (this.ticking) this.emu.clock.set(Date.now() + this.offsetMs);
  }

  private setNow(instant: number): void {
    this.offsetMs = instant - Date.now();
    this.emu.clock.set(instant);
  }

  /** "Friday 15:00 in Manila": a wall-clock time (`2026-11-27T15:00`) in a zone. */
  setWallTime(wall: string, timeZone: string): Said {
    const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(wall);
    if (!match) return this.reply(`"${wall}" is not a date and time.`);
    if (!isTimeZone(timeZone)) return this.reply(`"${timeZone}" is not a time zone.`);
    const [, y, mo, d, h, mi] = match.map(Number) as number[];
    const day = dayFromDate(y as number, mo as number, d as number);
    this.setNow(instantAt(day, (h as number) * 60 + (mi as number), timeZone));
    this.scheduleSave();
    return this.reply();
  }

  /**
   * Moves the clock on an hour at a time, running each installed
   * time-driven trigger whose hour it is, as Apps Script would have.
   */
  advance(hours: number): Said {
    const errors: string[] = [];
    this.syncClock();
    for (let step = 0; step < hours; step++) {
      this.setNow(this.emu.clock.now() + HOUR_MS);
      errors.push(...this.fireTimeTriggers(step));
    }
    this.scheduleSave();
    return this.reply(errors[0] ?? null);
  }

  /** Runs every time-driven trigger now, once. */
  runTimeTriggers(): Said {
    this.syncClock();
    const errors = this.fireTimeTriggers(0, true);
    this.scheduleSave();
    return this.reply(errors[0] ?? null);
  }

  private fireTimeTriggers(step: number, all = false): string[] {
    const errors: string[] = [];
    for (const trigger of this.emu.triggers.filter((t) => t.type === 'CLOCK')) {
      if (!all && !isDue(trigger, step, this.emu.clock.now(), this.scriptTimeZone())) continue;
      try {
        this.emu.fireTrigger(trigger.id, timeEvent(this.emu.clock.now()));
      } catch (error) {
        errors.push(`${trigger.handler} failed: ${message(error)}`);
        this.log(`time-driven trigger ${trigger.handler} failed: ${message(error)}`);
      }
    }
    return errors;
  }

  private scriptTimeZone(): string {
    return this.emu.globals.Session.getScriptTimeZone();
  }

  private clockView(): ClockView {
    const spreadsheetTimeZone = this.emu.spreadsheet.getSpreadsheetTimeZone();
    const zones = [spreadsheetTimeZone, ...this.users().map((u) => u.timeZone)].filter(
      (zone, i, all) => zone !== '' && isTimeZone(zone) && all.indexOf(zone) === i,
    );
    return {
      now: this.now(),
      ticking: this.ticking,
      zones,
      spreadsheetTimeZone,
      timeTriggers: this.emu.triggers
        .filter((t) => t.type === 'CLOCK')
        .map((t) => ({ handler: t.handler, every: every(t) })),
    };
  }

  // ── What the person does ─────────────────────────────────────────────────

  /** Typing into cells: the edit triggers run as in Sheets (emu.typeInto). */
  type(sheetName: string, a1: string, values: string[][]): Said {
    return this.act(() => {
      this.emu.typeInto(sheetName, a1, values, { user: this.user });
    });
  }

  /** A menu item: only what the add-on's menu offers, as the person at the keyboard. */
  runMenu(functionName: string): Said {
    const offered = this.menu()?.items.some((item) => item?.functionName === functionName);
    if (!offered) return this.reply(`"${functionName}" is not in the add-on's menu.`);
    const reply = this.act(() => {
      this.emu.asUser(this.user, () => this.emu.run(() => this.gas[functionName]()));
    });
    // Set-up and settings can change the workbook's language, and with it the menu.
    this.buildMenu();
    return reply;
  }

  /** google.script.run from a page: the function, as the person who opened the page, JSON out. */
  runFromPage(pageId: string, functionName: string, args: unknown): RunReply {
    const page = [this.sidebar, this.dialog].find((p) => p?.id === pageId);
    if (!page) return { ok: false, error: 'This sidebar is closed.' };
    if (!this.callable.has(functionName) || typeof this.gas[functionName] !== 'function')
      return { ok: false, error: `Script function not found: ${functionName}` };
    if (!Array.isArray(args)) return { ok: false, error: 'Arguments must be a list.' };
    this.syncClock();
    const before = this.emu.ui.sidebars.length + this.emu.ui.dialogs.length;
    try {
      const result: unknown = this.emu.asUser(page.user, () =>
        this.emu.run(() => this.gas[functionName](...args)),
      );
      const wire = toWireValue(result);
      if (wire.refused)
        this.log(
          `${functionName} returned a value google.script.run cannot send (a Date?): the page gets null.`,
        );
      return wire.value === undefined ? { ok: true } : { ok: true, value: wire.value };
    } catch (error) {
      this.log(`${functionName} failed: ${message(error)}`);
      return { ok: false, error: message(error) };
    } finally {
      if (this.emu.ui.sidebars.length + this.emu.ui.dialogs.length !== before) this.openNewPages();
      this.echoLogs();
      this.scheduleSave();
    }
  }

  closePage(pageId: string): Said {
    if (this.sidebar?.id === pageId) this.sidebar = null;
    if (this.dialog?.id === pageId) this.dialog = null;
    return this.reply();
  }

  page(pageId: string): Page | null {
    return [this.sidebar, this.dialog].find((p) => p?.id === pageId) ?? null;
  }

  /** One execution of the add-on, then what it opened and said. */
  private act(work: () => void): Said {
    this.syncClock();
    let error: string | null = null;
    try {
      work();
    } catch (thrown) {
      error = message(thrown);
      this.log(error);
    }
    this.openNewPages();
    this.echoLogs();
    this.scheduleSave();
    return this.reply(error);
  }

  private openNewPages(): void {
    const { sidebars, dialogs } = this.emu.ui;
    // Sheets shows one sidebar and one dialog at a time: the newest replaces the last.
    const sidebar = sidebars.at(-1);
    if (sidebars.length > this.shown.sidebars && sidebar)
      this.sidebar = this.newPage('sidebar', sidebar.title, 300, sidebar.height, sidebar.content);
    const dialog = dialogs.at(-1);
    if (dialogs.length > this.shown.dialogs && dialog)
      this.dialog = this.newPage(
        'dialog',
        dialog.title,
        dialog.width,
        dialog.height,
        dialog.content,
      );
    this.shown.sidebars = sidebars.length;
    this.shown.dialogs = dialogs.length;
  }

  private newPage(
    kind: Page['kind'],
    title: string,
    width: number,
    height: number,
    html: string,
  ): Page {
    this.pageCount += 1;
    return {
      id: `${this.pageSecret}-${this.pageCount}`,
      kind,
      title,
      width,
      height,
      user: this.user,
      html,
    };
  }

  private buildMenu(): void {
    const limited = this.emu.globals.ScriptApp.AuthMode.LIMITED;
    try {
      this.emu.asUser(this.user, () =>
        this.emu.withAuthMode('LIMITED', () =>
          this.emu.run(() => this.gas.onOpen({ authMode: limited })),
        ),
      );
    } catch (error) {
      this.log(`onOpen failed: ${message(error)}`);
    }
  }

  menu(): MenuView | null {
    const record = this.emu.ui.menus.find((m) => m.addon) ?? this.emu.ui.menus.at(-1);
    if (!record) return null;
    const items: MenuView['items'] = [];
    const walk = (entries: typeof record.items, prefix: string): void => {
      for (const entry of entries) {
        if (entry === 'separator') items.push(null);
        else if ('submenu' in entry) walk(entry.items, `${prefix}${entry.submenu} ▸ `);
        else items.push({ caption: `${prefix}${entry.caption}`, functionName: entry.functionName });
      }
    };
    walk(record.items, '');
    return { title: record.title, items };
  }

  // ── What the page draws ──────────────────────────────────────────────────

  state(sheetName: string | null): PlaygroundState {
    const tabs = tabViews(this.emu);
    const name = tabs.some((t) => t.name === sheetName)
      ? (sheetName as string)
      : this.firstTab(tabs);
    const ss = this.emu.spreadsheet;
    return {
      spreadsheetName: ss.getName(),
      locale: ss.getSpreadsheetLocale(),
      user: this.user,
      users: this.users(),
      menu: this.menu(),
      tabs,
      sheet: name === null ? null : sheetView(this.emu, name),
      clock: this.clockView(),
      sidebar: this.sidebar ? pageView(this.sidebar) : null,
      dialog: this.dialog ? pageView(this.dialog) : null,
      messageCount: this.emu.mail.sent.length + this.emu.fetch.requests.length,
    };
  }

  /** Where the page opens: the Dashboard, the add-on's face; without one, the active sheet. */
  private firstTab(tabs: Array<{ name: string }>): string | null {
    const ss = this.emu.spreadsheet;
    const dashboard = ss
      .getSheets()
      .find((s) => s.getDeveloperMetadata().some((m) => m.getValue() === 'dashboard'));
    const active = ss.getActiveSheet();
    const visible = (name: string | undefined): boolean => tabs.some((t) => t.name === name);
    if (visible(dashboard?.getName())) return dashboard?.getName() ?? null;
    if (visible(active?.getName())) return active?.getName() ?? null;
    return tabs[0]?.name ?? null;
  }

  /** What the add-on said since the page last asked, and the failure of this action if any. */
  reply(error: string | null = null): Said {
    const toasts: ToastView[] = this.emu.ui.toasts
      .slice(this.shown.toasts)
      .map((t) => ({ title: t.title, message: t.message, timeoutSeconds: t.timeoutSeconds }));
    const alerts: AlertView[] = this.emu.ui.alerts
      .slice(this.shown.alerts)
      .map((a) => ({ title: a.title ?? '', prompt: a.prompt }));
    this.shown.toasts = this.emu.ui.toasts.length;
    this.shown.alerts = this.emu.ui.alerts.length;
    return { toasts, alerts, error };
  }

  messages(): Messages {
    return {
      mail: this.emu.mail.sent.map((m) => ({
        to: m.to,
        subject: m.subject,
        body: m.body,
        htmlBody: m.htmlBody ?? null,
        cc: m.cc ?? '',
        name: m.name ?? '',
      })),
      webhooks: this.emu.fetch.requests.map((r) => ({
        url: r.url,
        method: r.method,
        payload: r.payload ?? '',
      })),
    };
  }

  private markShown(): void {
    const ui = this.emu.ui;
    Object.assign(this.shown, {
      toasts: ui.toasts.length,
      alerts: ui.alerts.length,
      sidebars: ui.sidebars.length,
      dialogs: ui.dialogs.length,
      logs: this.emu.logs.length,
    });
  }

  private echoLogs(): void {
    for (const line of this.emu.logs.slice(this.shown.logs)) this.log(`add-on: ${line}`);
    this.shown.logs = this.emu.logs.length;
  }

  // ── Keeping it ───────────────────────────────────────────────────────────

  private scheduleSave(): void {
    if (this.stateFile === null) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  /** Writes the workbook now (also what stopping the server does). */
  save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.stateFile !== null) saveWorkbook(this.stateFile, this.emu.serialize());
  }
}

function pageView({ html: _html, ...view }: Page): PageView {
  return view;
}

/** Team's people, read by header in either language, as the add-on reads them. */
function readTeam(emu: Emulator): PlaygroundUser[] {
  const sheet = emu.spreadsheet
    .getSheets()
    .find((s) => s.getDeveloperMetadata().some((m) => m.getValue() === 'team'));
  if (!sheet) return [];
  const [header = [], ...rows] = emu.sheetValues(sheet.getName());
  const columns = TAB_SCHEMAS.team.columns;
  const at = (words: readonly string[]): number =>
    header.findIndex((h) => words.includes(String(h)));
  const email = at(columns.email);
  const name = at(columns.name);
  const role = at(columns.role);
  const zone = at(columns.timeZone);
  if (email < 0) return [];
  return rows
    .map((row) => ({
      email: String(row[email] ?? '')
        .trim()
        .toLowerCase(),
      name: String(row[name] ?? '').trim(),
      role: String(row[role] ?? '').trim(),
      timeZone: String(row[zone] ?? '').trim(),
    }))
    .filter((p) => p.email.includes('@'))
    .map((p) => ({ ...p, name: p.name || p.email }));
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}

type ClockTrigger = Emulator['triggers'][number];

function every(t: ClockTrigger): string {
  if (t.everyMinutes) return `every ${t.everyMinutes} minutes`;
  if (t.everyHours) return t.everyHours === 1 ? 'every hour' : `every ${t.everyHours} hours`;
  if (t.everyDays) return `every day${t.atHour === undefined ? '' : ` at ${t.atHour}:00`}`;
  if (t.everyWeeks) return `every week${t.onWeekDay ? ` on ${t.onWeekDay}` : ''}`;
  if (t.at) return `once at ${new Date(t.at).toISOString()}`;
  return 'on a schedule';
}

/** Whether an hour-long step of the clock reaches the trigger's next run. */
function isDue(t: ClockTrigger, step: number, now: number, timeZone: string): boolean {
  if (t.everyMinutes || t.everyHours === 1) return true;
  if (t.everyHours) return (step + 1) % t.everyHours === 0;
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
  if (t.everyDays || t.everyWeeks) return hour === (t.atHour ?? 0);
  if (t.at) return t.at <= now && t.at > now - HOUR_MS;
  return false;
}

/** The event object of a time-driven trigger (fields in UTC, as Apps Script sends them). */
function timeEvent(now: number): Record<string, unknown> {
  const d = new Date(now);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    'week-of-year': Math.ceil(((now - start) / 86_400_000 + 1) / 7),
    year: d.getUTCFullYear(),
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
