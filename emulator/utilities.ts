/** Utilities: dates in any time zone, string formatting, UUIDs, encodings and digests. */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Blob, signedBytes, toBuffer } from './blob';
import { formatJava, parseJava } from './java-dates';
import { Charset, DigestAlgorithm, enumName, MacAlgorithm } from './enums';
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';
import { signatureMismatch } from './spreadsheet/checks';

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Deterministic numbers for seeded runs (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** sprintf as Utilities.formatString does it: %s %d %i %f %e %x %o %c %% with flags, width, precision. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%([-+ 0]*)(\d+)?(?:\.(\d+))?([sdifeExXoc%])/g,
    (_m, flags: string, width?: string, precision?: string, conversion = 's') => {
      if (conversion === '%') return '%';
      const arg = args[next++];
      const n = Number(arg);
      const digits = precision === undefined ? 6 : Number(precision);
      let text: string;
      switch (conversion) {
        case 'd':
        case 'i':
          text = String(Math.trunc(n));
          break;
        case 'f':
          text = n.toFixed(digits);
          break;
        case 'e':
        case 'E':
          text = n.toExponential(digits).replace(/e([+-])(\d)$/, 'e$10$2');
          break;
        case 'x':
        case 'X':
          text = Math.trunc(n).toString(16);
          break;
        case 'o':
          text = Math.trunc(n).toString(8);
          break;
        case 'c':
          text = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        default:
          text = precision === undefined ? String(arg) : String(arg).slice(0, digits);
      }
      if (conversion === 'E' || conversion === 'X') text = text.toUpperCase();
      const numeric = 'dieExXof'.includes(conversion);
      if (numeric && n >= 0 && flags.includes('+')) text = `+${text}`;
      else if (numeric && n >= 0 && flags.includes(' ')) text = ` ${text}`;
      const size = Number(width ?? 0);
      if (text.length >= size) return text;
      if (flags.includes('-')) return text.padEnd(size);
      if (flags.includes('0') && numeric)
        return text.replace(/^([+ -]?)/, (sign) => sign + '0'.repeat(size - text.length));
      return text.padStart(size);
    },
  );
}

export class Utilities {
  readonly [SERVICE] = 'Utilities';
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  private readonly random: (() => number) | undefined;

  constructor(private readonly rt: Runtime) {
    this.random = rt.settings.seed === undefined ? undefined : seededRandom(rt.settings.seed + 1);
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    if (
      Object.prototype.toString.call(date) !== '[object Date]' ||
      typeof timeZone !== 'string' ||
      typeof format !== 'string'
    ) {
      signatureMismatch(this.rt, 'Utilities.formatDate', [date, timeZone, format]);
    }
    return formatJava(date.getTime(), timeZone, format, (m) => this.rt.fail(m));
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    return new Date(parseJava(String(date), timeZone, format, (m) => this.rt.fail(m)));
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, args);
  }

  getUuid(): string {
    const random = this.random;
    if (!random) return randomUUID();
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16] ?? '0', 16) & 3) | 8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** Moves the emulator clock instead of waiting. */
  sleep(milliseconds: number): void {
    this.rt.clock.advance(Math.max(0, milliseconds));
  }

  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    return new Blob(toBuffer(data), contentType ?? null, name ?? null);
  }

  base64Encode(data: unknown, _charset?: unknown): string {
    return toBuffer(data).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, _charset?: unknown): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    return signedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return this.base64Decode(String(encoded).replace(/-/g, '+').replace(/_/g, '/'));
  }

  computeDigest(algorithm: unknown, value: unknown, _charset?: unknown): number[] {
    return signedBytes(
      createHash(DIGESTS[enumName(algorithm)] ?? 'sha256')
        .update(toBuffer(value))
        .digest(),
    );
  }

  computeHmacSha256Signature(value: unknown, key: unknown): number[] {
    return signedBytes(createHmac('sha256', toBuffer(key)).update(toBuffer(value)).digest());
  }

  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown): number[] {
    const name = enumName(algorithm).replace('HMAC_', '');
    return signedBytes(
      createHmac(DIGESTS[name] ?? 'sha256', toBuffer(key))
        .update(toBuffer(value))
        .digest(),
    );
  }
}
