/** SpreadsheetApp.getUi(): menus, sidebars, dialogs and alerts, recorded for tests in emu.ui. */
import { Button, ButtonSet, enumName, enumValue } from './enums';
import type { EnumValue } from './enums';
import type { HtmlOutput } from './html';
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';
import type { ToastRecord } from './spreadsheet/views';

export type MenuItem =
  { caption: string; functionName: string } | 'separator' | { submenu: string; items: MenuItem[] };

export interface MenuRecord {
  title: string;
  /** Built with createAddonMenu: Sheets shows it under Extensions, titled with the add-on's name. */
  addon: boolean;
  items: MenuItem[];
}

export interface HtmlRecord {
  title: string;
  content: string;
  width: number;
  height: number;
}

export interface DialogRecord extends HtmlRecord {
  modal: boolean;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: string;
}

/** What the UI showed; `respond` queues the user's answers to the next alerts and prompts. */
export class UiRecords {
  readonly menus: MenuRecord[] = [];
  readonly sidebars: HtmlRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly responses: Array<{ button: string; text: string }> = [];

  respond(button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE', text = ''): void {
    this.responses.push({ button, text });
  }
}

export class Menu {
  readonly [SERVICE] = 'Menu';
  private readonly items: MenuItem[] = [];

  constructor(
    private readonly records: UiRecords,
    private readonly title: string,
    private readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): this {
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): this {
    this.items.push('separator');
    return this;
  }

  addSubMenu(menu: Menu): this {
    this.items.push({ submenu: menu.title, items: menu.items });
    return this;
  }

  /** A menu added again replaces the one with the same title, as when onOpen runs twice. */
  addToUi(): void {
    const menus = this.records.menus;
    const at = menus.findIndex((m) => m.title === this.title && m.addon === this.addon);
    const record = { title: this.title, addon: this.addon, items: structuredClone(this.items) };
    if (at >= 0) menus[at] = record;
    else menus.push(record);
  }
}

export class PromptResponse {
  readonly [SERVICE] = 'PromptResponse';

  constructor(
    private readonly button: EnumValue,
    private readonly text: string,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): EnumValue {
    return this.button;
  }
}

export class Ui {
  readonly [SERVICE] = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly rt: Runtime,
    private readonly records: UiRecords,
    private readonly addonName: string,
  ) {}

  createAddonMenu(): Menu {
    return new Menu(this.records, this.addonName, true);
  }

  createMenu(caption: string): Menu {
    return new Menu(this.records, String(caption), false);
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.records.sidebars.push(userInterface.record());
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.records.dialogs.push({ ...userInterface.record(), title: String(title), modal: true });
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.records.dialogs.push({ ...userInterface.record(), title: String(title), modal: false });
  }

  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons). */
  alert(...args: unknown[]): EnumValue {
    return this.ask('alert', args).getSelectedButton();
  }

  prompt(...args: unknown[]): PromptResponse {
    return this.ask('prompt', args);
  }

  private ask(kind: AlertRecord['kind'], args: unknown[]): PromptResponse {
    const [title, prompt, buttons] =
      args.length >= 3
        ? args
        : typeof args[1] === 'string'
          ? [...args, undefined]
          : [null, args[0], args[1]];
    const set = buttons === undefined ? 'OK' : enumName(buttons);
    this.records.alerts.push({
      kind,
      title: title === null ? null : String(title),
      prompt: String(prompt),
      buttons: set,
    });
    const answer = this.records.responses.shift();
    const fallback = set.startsWith('YES') ? 'YES' : 'OK';
    if (answer && !set.split('_').includes(answer.button) && answer.button !== 'CLOSE') {
      this.rt.fail(`The queued response ${answer.button} is not a button of ${set}.`);
    }
    return new PromptResponse(enumValue(Button, answer?.button ?? fallback), answer?.text ?? '');
  }
}
