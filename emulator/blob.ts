/** A minimal Blob: bytes with a content type and a name. Byte arrays are Java's signed bytes. */
import { SERVICE } from './runtime';

export function signedBytes(buffer: Buffer): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

export function toBuffer(data: unknown): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b: number) => b & 255));
  if (data instanceof Blob) return Buffer.from(data.getBytes().map((b) => b & 255));
  return Buffer.from(String(data ?? ''), 'utf8');
}

export class Blob {
  readonly [SERVICE] = 'Blob';

  constructor(
    private data: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getBytes(): number[] {
    return signedBytes(this.data);
  }

  getDataAsString(_charset?: string): string {
    return this.data.toString('utf8');
  }

  setDataFromString(text: string): this {
    this.data = Buffer.from(String(text), 'utf8');
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string): this {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): this {
    this.name = name;
    return this;
  }

  copyBlob(): Blob {
    return new Blob(Buffer.from(this.data), this.contentType, this.name);
  }
}
