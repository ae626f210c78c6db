/**
 * UrlFetchApp, named only here: posting a JSON message to an incoming
 * webhook (Google Chat, Slack, Microsoft Teams Workflows).
 *
 * PRODUCT section 7: retry with back-off on 429 and 5xx, a bounded number
 * of times; any other 4xx is final (retrying the same payload cannot help).
 * `muteHttpExceptions` makes an error status an answer instead of an
 * exception, so the reason can be read and recorded.
 */
import { now } from './clock';

/** 1 + 3 retries, waiting 1 s, 2 s, 4 s (or what Retry-After asks, at most 10 s). */
export const MAX_TRIES = 4;
const FIRST_BACKOFF_MS = 1_000;
const MAX_WAIT_MS = 10_000;
/**
 * Slack and Google Chat allow about one message per second per webhook
 * (Teams four): posts to the same URL are spaced by this much.
 */
export const MIN_SPACING_MS = 1_000;

export type PostResult = { ok: true; tries: number } | { ok: false; tries: number; reason: string };

interface Answer {
  code: number;
  body: string;
  retryAfterMs: number | null;
}

const lastPostAt = new Map<string, number>();

/** Posts `payload` as JSON to `url`, retrying on 429, 5xx and network failures. */
export function postJson(url: string, payload: unknown): PostResult {
  const body = JSON.stringify(payload);
  let reason = '';
  for (let tries = 1; tries <= MAX_TRIES; tries++) {
    keepSpacing(url);
    const answer = fetchOnce(url, body);
    if (answer.code >= 200 && answer.code < 300) return { ok: true, tries };
    reason = describe(answer, url);
    const retryable = answer.code === 0 || answer.code === 429 || answer.code >= 500;
    if (!retryable || tries === MAX_TRIES) return { ok: false, tries, reason };
    const backoff = FIRST_BACKOFF_MS * 2 ** (tries - 1);
    Utilities.sleep(Math.min(MAX_WAIT_MS, Math.max(backoff, answer.retryAfterMs ?? 0)));
  }
  return { ok: false, tries: MAX_TRIES, reason };
}

function fetchOnce(url: string, body: string): Answer {
  try {
    const response = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json; charset=UTF-8',
      payload: body,
      muteHttpExceptions: true,
    });
    lastPostAt.set(url, now());
    return {
      code: response.getResponseCode(),
      body: response.getContentText(),
      retryAfterMs: retryAfter(response.getHeaders() as Record<string, unknown>),
    };
  } catch (error) {
    // No answer at all (DNS, timeout): worth another try, like a 5xx.
    lastPostAt.set(url, now());
    if (isOutOfTime(error)) throw error;
    return {
      code: 0,
      body: error instanceof Error ? error.message : String(error),
      retryAfterMs: null,
    };
  }
}

/** Apps Script ending the execution is not a network failure: let it end the run. */
function isOutOfTime(error: unknown): boolean {
  return error instanceof Error && /Exceeded maximum execution time/i.test(error.message);
}

function keepSpacing(url: string): void {
  const last = lastPostAt.get(url);
  if (last === undefined) return;
  const wait = last + MIN_SPACING_MS - now();
  if (wait > 0) Utilities.sleep(wait);
}

/** Retry-After in seconds (the only form Slack and Chat send), as milliseconds. */
function retryAfter(headers: Record<string, unknown>): number | null {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  const seconds = entry ? Number(entry[1]) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

/**
 * A webhook's address is its secret, and Apps Script names the address in
 * some messages ("Address unavailable: https://…"): the reason recorded in
 * the Outbox and in Settings keeps only the host and the last four characters.
 */
export function hideUrl(text: string, url: string): string {
  const origin = /^https?:\/\/[^/?#]+/i.exec(url)?.[0] ?? '';
  return text.split(url).join(`${origin}/…${url.slice(-4)}`);
}

/** "HTTP 400: invalid_payload" — the status and the start of the answer, for the Outbox. */
function describe(answer: Answer, url: string): string {
  const text = hideUrl(answer.body, url).replace(/\s+/g, ' ').trim().slice(0, 200);
  if (answer.code === 0) return text;
  return text ? `HTTP ${answer.code}: ${text}` : `HTTP ${answer.code}`;
}
