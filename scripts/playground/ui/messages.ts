/**
 * What the add-on sent, as it would arrive: each e-mail's HTML in a
 * sandboxed frame (no scripts, no same origin: an e-mail is a document of
 * its own, never part of this page), and each chat post as the text the
 * channel would show, with its JSON underneath.
 */
import type { MailView, Messages, WebhookView } from '../types';
import { el, replaceChildren } from './dom';

export function renderMessages(list: HTMLElement, messages: Messages): void {
  const items = [
    ...messages.mail.map((mail, i) => mailCard(mail, i + 1)),
    ...messages.webhooks.map((hook, i) => webhookCard(hook, i + 1)),
  ];
  replaceChildren(
    list,
    ...(items.length > 0
      ? items
      : [
          el(
            'p',
            { class: 'empty' },
            'Nothing sent yet. Reminders go out when the hourly trigger runs: move the clock with +1 hour or +1 day.',
          ),
        ]),
  );
}

function mailCard(mail: MailView, n: number): HTMLElement {
  const preview = el('iframe', {
    class: 'mail-preview',
    title: `E-mail ${n}: ${mail.subject}`,
    // Nothing allowed: no scripts, no forms, no same origin.
    sandbox: '',
    referrerpolicy: 'no-referrer',
  });
  preview.srcdoc = mail.htmlBody ?? '';
  return el(
    'article',
    { class: 'message-card mail' },
    el('h3', {}, `E-mail: ${mail.subject}`),
    el(
      'dl',
      {},
      el('dt', {}, 'To'),
      el('dd', {}, mail.to),
      mail.cc ? el('dt', {}, 'Cc') : null,
      mail.cc ? el('dd', {}, mail.cc) : null,
      mail.name ? el('dt', {}, 'From name') : null,
      mail.name ? el('dd', {}, mail.name) : null,
    ),
    mail.htmlBody === null ? el('pre', { class: 'plain' }, mail.body) : preview,
    mail.htmlBody === null
      ? null
      : el(
          'details',
          {},
          el('summary', {}, 'Plain-text part'),
          el('pre', { class: 'plain' }, mail.body),
        ),
  );
}

function webhookCard(hook: WebhookView, n: number): HTMLElement {
  const parsed = parseJson(hook.payload);
  const text = parsed === null ? hook.payload : textsOf(parsed).join('\n');
  return el(
    'article',
    { class: 'message-card webhook' },
    el('h3', {}, `${channelOf(hook.url)} post ${n}`),
    el('p', { class: 'webhook-url' }, `${hook.method} ${maskUrl(hook.url)}`),
    el('div', { class: 'chat-bubble' }, text),
    el(
      'details',
      {},
      el('summary', {}, 'Payload'),
      el(
        'pre',
        { class: 'plain' },
        parsed === null ? hook.payload : JSON.stringify(parsed, null, 2),
      ),
    ),
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function channelOf(url: string): string {
  if (/chat\.googleapis\.com/i.test(url)) return 'Google Chat';
  if (/hooks\.slack\.com/i.test(url)) return 'Slack';
  if (/logic\.azure\.com|webhook\.office\.com|powerautomate|powerplatform/i.test(url))
    return 'Teams';
  return 'Webhook';
}

/** A webhook URL is a secret: show where it goes, not the key. */
function maskUrl(url: string): string {
  const match = /^(https?:\/\/[^/?#]+)(.*)$/i.exec(url);
  if (!match) return '…';
  const rest = match[2] ?? '';
  return `${match[1]}${rest.slice(0, 12)}${rest.length > 12 ? '…' : ''}`;
}

/** Every `text` in a chat payload (Chat's text, Slack's blocks, a Teams card's TextBlocks), in order. */
function textsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    (key === 'text' || key === 'title') && typeof inner === 'string' ? [inner] : textsOf(inner),
  );
}
