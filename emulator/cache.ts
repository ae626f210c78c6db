/**
 * CacheService: document, script and per-user caches whose entries expire on the emulator clock.
 * Keys up to 250 characters, values up to 100 KB, expiry 600 s by default and at most 21600 s
 * (https://developers.google.com/apps-script/reference/cache/cache). Real caches may also evict
 * early; this one never does.
 */
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';

type Entries = Map<string, { value: string; expires: number }>;

export class Cache {
  readonly [SERVICE] = 'Cache';

  constructor(
    private readonly rt: Runtime,
    private readonly entries: Entries,
  ) {}

  get(key: string): string | null {
    const entry = this.entries.get(String(key));
    if (!entry || entry.expires <= this.rt.clock.now()) return null;
    return entry.value;
  }

  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: unknown, expirationInSeconds = 600): void {
    this.putAll({ [key]: value }, expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds = 600): void {
    const seconds = Math.min(Math.max(expirationInSeconds, 1), 21600);
    const expires = this.rt.clock.now() + seconds * 1000;
    for (const [key, value] of Object.entries(values)) {
      if (key.length > 250) this.rt.fail('Argument too large: key');
      if (Buffer.byteLength(String(value), 'utf8') > 100 * 1024)
        this.rt.fail('Argument too large: value');
    }
    for (const [key, value] of Object.entries(values))
      this.entries.set(key, { value: String(value), expires });
  }

  remove(key: string): void {
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.entries.delete(String(key));
  }
}

export class CacheService {
  readonly [SERVICE] = 'CacheService';
  private readonly document: Entries = new Map();
  private readonly script: Entries = new Map();
  private readonly users = new Map<string, Entries>();

  constructor(private readonly rt: Runtime) {}

  getDocumentCache(): Cache {
    return new Cache(this.rt, this.document);
  }

  getScriptCache(): Cache {
    return new Cache(this.rt, this.script);
  }

  getUserCache(): Cache {
    let entries = this.users.get(this.rt.user);
    if (!entries) {
      entries = new Map();
      this.users.set(this.rt.user, entries);
    }
    return new Cache(this.rt, entries);
  }
}
