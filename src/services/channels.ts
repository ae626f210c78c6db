/**
 * Delivering one reminder on one channel (PRODUCT section 7): e-mail through
 * MailApp (HTML with a plain-text part), Google Chat, Slack and Teams through
 * their incoming webhooks. A person's Channel in Team picks the channel;
 * e-mail stands in when that channel has no webhook configured.
 */
import type { Channel } from '../engine/types';
import { payloadFor, type WebhookChannel } from './chatFormats';
import { sendMail } from './mail';
import { postJson } from './webhooks';

export type WebhookUrls = Partial<Record<WebhookChannel, string>>;

export type Route = { channel: 'Email' } | { channel: WebhookChannel; url: string };

export interface Outgoing {
  to: string;
  title: string;
  text: string;
  /** Every interpolated value already escaped (PlannedMessage.html). */
  html: string;
}

export type Delivery =
  | { ok: true; tries: number }
  /** `quota`: the day's mail quota ran out, nothing went out; the message can wait for tomorrow. */
  | { ok: false; tries: number; reason: string; quota: boolean };

/** Shown as the sender's name in the recipient's inbox. */
const SENDER_NAME = 'KPI Loop';

export function routeFor(channel: Channel, webhooks: WebhookUrls): Route {
  if (channel === 'Email') return { channel: 'Email' };
  const url = webhooks[channel];
  return url ? { channel, url } : { channel: 'Email' };
}

export function deliver(message: Outgoing, route: Route): Delivery {
  if (route.channel === 'Email') return deliverMail(message);
  const posted = postJson(route.url, payloadFor(route.channel, message));
  return posted.ok ? posted : { ...posted, quota: false };
}

function deliverMail(message: Outgoing): Delivery {
  try {
    sendMail({
      to: message.to,
      subject: message.title,
      body: message.text,
      htmlBody: message.html,
      name: SENDER_NAME,
    });
    return { ok: true, tries: 1 };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Apps Script ending the execution is not a mail failure: let it end the run.
    if (/Exceeded maximum execution time/i.test(reason)) throw error;
    return { ok: false, tries: 1, reason, quota: /too many times for one day/i.test(reason) };
  }
}
