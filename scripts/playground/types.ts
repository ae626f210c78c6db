/**
 * What the playground's server and its page say to each other: plain JSON.
 * The page (ui/) imports only types from here, so nothing of Node reaches
 * the browser bundle.
 */

export interface PlaygroundUser {
  email: string;
  name: string;
  role: string;
  timeZone: string;
}

export interface MenuEntry {
  caption: string;
  functionName: string;
}

/** The add-on menu as onOpen built it; `null` is a separator. */
export interface MenuView {
  title: string;
  items: Array<MenuEntry | null>;
}

export interface TabView {
  name: string;
  tabColor: string | null;
  /** A whole-sheet protection: only the editors it lists may type here. */
  protected: boolean;
}

/** A drop-down or a checkbox, as the data validation of a cell asks for. */
export type CellChoice = { kind: 'list'; values: string[] } | { kind: 'checkbox' };

export interface ChartView {
  /** BAR, LINE, COLUMN, … as Charts.ChartType names it. */
  type: string;
  title: string;
  /** 1-based anchor cell, as setPosition placed it. */
  row: number;
  column: number;
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  /** `percent` when the value axis is formatted as percentages. */
  format: string;
}

/** One tab drawn as a grid: every layer is rows × columns, from A1. */
export interface SheetView {
  name: string;
  rows: number;
  columns: number;
  /** Rows and columns with content; what lies beyond is blank room to type in. */
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  frozenColumns: number;
  columnWidths: number[];
  hiddenColumns: boolean[];
  /** As the sheet displays them (getDisplayValues). */
  display: string[][];
  /** What the cell editor starts from: the formula, or the value as displayed. */
  input: string[][];
  /** After conditional formats; null is the sheet's white. */
  background: Array<Array<string | null>>;
  bold: boolean[][];
  align: Array<Array<'left' | 'right' | 'center'>>;
  notes: string[][];
  /** Index into `choices`, or -1. */
  choice: number[][];
  choices: CellChoice[];
  charts: ChartView[];
}

export interface ClockView {
  /** The emulated now, ms since the epoch. */
  now: number;
  /** Whether time moves on by itself (as in real life) or stands still (tests). */
  ticking: boolean;
  /** The spreadsheet's zone and every zone in Team, for the clock control. */
  zones: string[];
  spreadsheetTimeZone: string;
  /** Installed time-driven triggers: what +1 hour and +1 day run. */
  timeTriggers: Array<{ handler: string; every: string }>;
}

/** A sidebar or dialog the add-on opened: its HTML is served at /page/<id>. */
export interface PageView {
  id: string;
  kind: 'sidebar' | 'dialog';
  title: string;
  width: number;
  height: number;
  /** Who opened it: google.script.run calls from it run as this person. */
  user: string;
}

export interface ToastView {
  title: string;
  message: string;
  timeoutSeconds: number;
}

export interface AlertView {
  title: string;
  prompt: string;
}

export interface MailView {
  to: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  cc: string;
  name: string;
}

export interface WebhookView {
  url: string;
  method: string;
  payload: string;
}

export interface Messages {
  mail: MailView[];
  webhooks: WebhookView[];
}

/** Everything the page draws, sent after every action. */
export interface PlaygroundState {
  spreadsheetName: string;
  locale: string;
  user: string;
  users: PlaygroundUser[];
  menu: MenuView | null;
  tabs: TabView[];
  sheet: SheetView | null;
  clock: ClockView;
  /** The open sidebar and dialog, if any (Sheets shows one of each at a time). */
  sidebar: PageView | null;
  dialog: PageView | null;
  /** How many messages were captured, so the page knows when to fetch them. */
  messageCount: number;
}

/** What an action brought besides the new state: toasts, alerts, a failure to show. */
export interface Said {
  toasts: ToastView[];
  alerts: AlertView[];
  /** A sentence for the person when the action failed (a protected cell, a script error). */
  error: string | null;
}

/** The answer to every request of the page: the new state and what was said. */
export interface ActionReply extends Said {
  state: PlaygroundState;
}

/** google.script.run's answer as it crosses the wire. */
export type RunReply = { ok: true; value?: unknown } | { ok: false; error: string };
