/** Session: who runs the script, and in which time zone and language. */
import { createHash } from 'node:crypto';
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';
import { User } from './user';

export class Session {
  readonly [SERVICE] = 'Session';

  constructor(private readonly rt: Runtime) {}

  getActiveUser(): User {
    return new User(this.rt.user);
  }

  /** An add-on runs as the user who uses it; an installable trigger as its owner (emu.asUser). */
  getEffectiveUser(): User {
    return new User(this.rt.user);
  }

  getScriptTimeZone(): string {
    return this.rt.settings.scriptTimeZone;
  }

  /** A language code like "en" or "da", taken from the spreadsheet locale. */
  getActiveUserLocale(): string {
    return this.rt.state.locale.split('_')[0] ?? 'en';
  }

  /** Stable per user and script, and not the e-mail address. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256')
      .update(`${this.rt.state.id}:${this.rt.user}`)
      .digest('base64')
      .slice(0, 43);
  }
}
