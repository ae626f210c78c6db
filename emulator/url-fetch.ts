/**
 * UrlFetchApp against routes the test declares; nothing ever reaches the network. An unrouted URL
 * fails like a DNS failure. A status of 400 or more throws unless muteHttpExceptions is set, with
 * Apps Script's message ("Request failed for https://host returned code 500. Truncated server
 * response: … (use muteHttpExceptions option to examine full response)"); the cut-off length of
 * the body is not documented, 200 characters here.
 */
import { Blob } from './blob';
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';

export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload: string | null;
  contentType: string | null;
}

export interface FetchReply {
  code: number;
  body?: string;
  headers?: Record<string, string>;
}

export type FetchHandler = (request: FetchRequest) => FetchReply;

interface FetchParams {
  method?: string;
  contentType?: string;
  payload?: unknown;
  headers?: Record<string, unknown>;
  muteHttpExceptions?: boolean;
}

export class FetchRoutes {
  readonly requests: FetchRequest[] = [];
  private readonly routes: Array<{ match: string | RegExp; handler: FetchHandler }> = [];

  /** A URL prefix or a pattern; the route added last wins, so a test can override a default. */
  route(match: string | RegExp, handler: FetchHandler): void {
    this.routes.unshift({ match, handler });
  }

  handlerFor(url: string): FetchHandler | undefined {
    return this.routes.find((r) =>
      typeof r.match === 'string' ? url.startsWith(r.match) : r.match.test(url),
    )?.handler;
  }
}

export class HTTPResponse {
  readonly [SERVICE] = 'HTTPResponse';

  constructor(private readonly reply: FetchReply) {}

  getResponseCode(): number {
    return this.reply.code;
  }

  getContentText(_charset?: string): string {
    return this.reply.body ?? '';
  }

  getContent(): number[] {
    return this.getBlob().getBytes();
  }

  getHeaders(): Record<string, string> {
    return { ...(this.reply.headers ?? {}) };
  }

  getAllHeaders(): Record<string, string> {
    return this.getHeaders();
  }

  getBlob(): Blob {
    const headers = this.reply.headers ?? {};
    const type =
      Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ??
      'text/plain';
    return new Blob(Buffer.from(this.reply.body ?? '', 'utf8'), type, null);
  }
}

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

export class UrlFetchApp {
  readonly [SERVICE] = 'UrlFetchApp';

  constructor(
    private readonly rt: Runtime,
    private readonly routes: FetchRoutes,
  ) {}

  fetch(url: string, params: FetchParams = {}): HTTPResponse {
    const target = String(url);
    if (!/^https?:\/\/[^/]+/i.test(target)) this.rt.fail(`Invalid argument: ${target}`);
    const raw = params.payload;
    const form = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
    const payload =
      raw === undefined || raw === null
        ? null
        : form
          ? formEncode(raw as Record<string, unknown>)
          : String(raw);
    const request: FetchRequest = {
      url: target,
      method: String(params.method ?? 'get').toUpperCase(),
      headers: Object.fromEntries(
        Object.entries(params.headers ?? {}).map(([k, v]) => [k, String(v)]),
      ),
      payload,
      contentType:
        params.contentType ?? (payload === null ? null : 'application/x-www-form-urlencoded'),
    };
    this.routes.requests.push(request);
    const handler = this.routes.handlerFor(target);
    if (!handler) return this.rt.fail(`Address unavailable: ${target}`);
    const reply = handler(request);
    if (reply.code >= 400 && !params.muteHttpExceptions) {
      const origin = /^https?:\/\/[^/?#]+/i.exec(target)?.[0] ?? target;
      this.rt.fail(
        `Request failed for ${origin} returned code ${reply.code}. Truncated server response: ${(reply.body ?? '').slice(0, 200)} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return new HTTPResponse(reply);
  }

  fetchAll(requests: Array<string | (FetchParams & { url: string })>): HTTPResponse[] {
    return requests.map((r) => (typeof r === 'string' ? this.fetch(r) : this.fetch(r.url, r)));
  }
}
