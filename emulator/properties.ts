/**
 * PropertiesService: document, script and per-user stores of strings, with Apps Script's limits of
 * 9 KB per value and 500 KB per store (https://developers.google.com/apps-script/guides/services/quotas)
 * and its messages for them.
 */
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export class Properties {
  readonly [SERVICE] = 'Properties';

  constructor(
    private readonly rt: Runtime,
    private readonly store: Record<string, string>,
  ) {}

  getProperty(key: string): string | null {
    return Object.prototype.hasOwnProperty.call(this.store, key) ? (this.store[key] ?? null) : null;
  }

  getProperties(): Record<string, string> {
    return { ...this.store };
  }

  getKeys(): string[] {
    return Object.keys(this.store);
  }

  setProperty(key: string, value: unknown): this {
    return this.setProperties({ [key]: value });
  }

  /** Checks the whole change first, so a refused write changes nothing. */
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const next: Record<string, string> = deleteAllOthers ? {} : { ...this.store };
    for (const [key, value] of Object.entries(properties)) {
      const text = String(value);
      if (bytes(text) > VALUE_LIMIT) this.rt.fail('Argument too large: value');
      next[key] = text;
    }
    const total = Object.entries(next).reduce(
      (sum, [key, value]) => sum + bytes(key) + bytes(value),
      0,
    );
    if (total > STORE_LIMIT) {
      this.rt.fail(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    for (const key of Object.keys(this.store)) delete this.store[key];
    Object.assign(this.store, next);
    return this;
  }

  deleteProperty(key: string): this {
    delete this.store[key];
    return this;
  }

  deleteAllProperties(): this {
    for (const key of Object.keys(this.store)) delete this.store[key];
    return this;
  }
}

export class PropertiesService {
  readonly [SERVICE] = 'PropertiesService';

  constructor(private readonly rt: Runtime) {}

  getDocumentProperties(): Properties {
    return new Properties(this.rt, this.rt.state.properties.document);
  }

  getScriptProperties(): Properties {
    return new Properties(this.rt, this.rt.state.properties.script);
  }

  /** The store of the user running the script now. */
  getUserProperties(): Properties {
    const stores = this.rt.state.properties.user;
    stores[this.rt.user] ??= {};
    return new Properties(this.rt, stores[this.rt.user] ?? {});
  }
}
