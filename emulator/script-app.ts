/**
 * ScriptApp: installable triggers and the AuthMode enum. Triggers are kept per owner; for an add-on
 * Apps Script allows one trigger of each type per user and document, and time-driven ones at most
 * hourly (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions);
 * a second one fails with the message below, seen in real add-ons.
 */
import { AuthMode, EventType, enumName, enumValue, TriggerSource, WeekDay } from './enums';
import type { EnumValue } from './enums';
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';
import type { TriggerState } from './state';

const KIND_WORDS: Record<TriggerState['type'], string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form-submit',
};

export class Trigger {
  readonly [SERVICE] = 'Trigger';

  constructor(readonly state: TriggerState) {}

  getHandlerFunction(): string {
    return this.state.handler;
  }

  getUniqueId(): string {
    return this.state.id;
  }

  getEventType(): EnumValue {
    return enumValue(EventType, this.state.type);
  }

  getTriggerSource(): EnumValue {
    return enumValue(TriggerSource, this.state.type === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS');
  }

  getTriggerSourceId(): string | null {
    return null;
  }
}

function install(rt: Runtime, trigger: Omit<TriggerState, 'id' | 'owner'>): Trigger {
  const mine = rt.state.triggers.filter((t) => t.owner === rt.user);
  if (mine.some((t) => t.type === trigger.type)) {
    rt.fail(
      `This add-on has created too many ${KIND_WORDS[trigger.type]} triggers in this document for this Google user account.`,
    );
  }
  const state: TriggerState = {
    ...trigger,
    id: String(7000000000 + rt.state.nextId++),
    owner: rt.user,
  };
  rt.state.triggers.push(state);
  return new Trigger(state);
}

export class ClockTriggerBuilder {
  readonly [SERVICE] = 'ClockTriggerBuilder';
  private readonly trigger: Omit<TriggerState, 'id' | 'owner'>;

  constructor(
    private readonly rt: Runtime,
    handler: string,
  ) {
    this.trigger = { handler, type: 'CLOCK' };
  }

  /** Add-ons may not run time-driven triggers more than once an hour. */
  everyMinutes(n: number): this {
    return this.rt.fail(
      `Add-ons can't create time-based triggers that run more often than once an hour (everyMinutes(${n})).`,
    );
  }

  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      this.rt.fail('The number of hours between runs must be 1, 2, 4, 6, 8 or 12.');
    this.trigger.everyHours = n;
    return this;
  }

  everyDays(n: number): this {
    this.trigger.everyDays = n;
    return this;
  }

  everyWeeks(n: number): this {
    this.trigger.everyWeeks = n;
    return this;
  }

  atHour(hour: number): this {
    this.trigger.atHour = hour;
    return this;
  }

  nearMinute(minute: number): this {
    this.trigger.nearMinute = minute;
    return this;
  }

  onWeekDay(day: unknown): this {
    this.trigger.onWeekDay = enumValue(WeekDay, enumName(day)).name();
    return this;
  }

  at(date: Date): this {
    this.trigger.at = date.getTime();
    return this;
  }

  after(durationMilliseconds: number): this {
    this.trigger.at = this.rt.clock.now() + durationMilliseconds;
    return this;
  }

  inTimezone(_timezone: string): this {
    return this;
  }

  create(): Trigger {
    return install(this.rt, this.trigger);
  }
}

export class SpreadsheetTriggerBuilder {
  readonly [SERVICE] = 'SpreadsheetTriggerBuilder';
  private type: TriggerState['type'] = 'ON_OPEN';

  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
  ) {}

  onOpen(): this {
    return this.on('ON_OPEN');
  }

  onEdit(): this {
    return this.on('ON_EDIT');
  }

  onChange(): this {
    return this.on('ON_CHANGE');
  }

  onFormSubmit(): this {
    return this.on('ON_FORM_SUBMIT');
  }

  create(): Trigger {
    return install(this.rt, { handler: this.handler, type: this.type });
  }

  private on(type: TriggerState['type']): this {
    this.type = type;
    return this;
  }
}

export class TriggerBuilder {
  readonly [SERVICE] = 'TriggerBuilder';

  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.rt, this.handler);
  }

  /** The bound spreadsheet is the only one there is. */
  forSpreadsheet(_spreadsheet: unknown): SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(this.rt, this.handler);
  }
}

export class ScriptApp {
  readonly [SERVICE] = 'ScriptApp';
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  constructor(private readonly rt: Runtime) {}

  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this.rt, String(functionName));
  }

  /** Only the current user's triggers: nobody sees another account's triggers. */
  getProjectTriggers(): Trigger[] {
    return this.rt.state.triggers
      .filter((t) => t.owner === this.rt.user)
      .map((t) => new Trigger(t));
  }

  getUserTriggers(_spreadsheet: unknown): Trigger[] {
    return this.getProjectTriggers();
  }

  deleteTrigger(trigger: Trigger): void {
    this.rt.state.triggers = this.rt.state.triggers.filter(
      (t) => t.id !== trigger.state.id || t.owner !== this.rt.user,
    );
  }

  getOAuthToken(): string {
    return `emulated-oauth-token-for-${this.rt.user}`;
  }

  getScriptId(): string {
    return 'emulated-script-id';
  }
}
