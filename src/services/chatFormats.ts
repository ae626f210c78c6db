/**
 * The message each incoming webhook expects, as its documentation gives it.
 * Pure: postJson (webhooks.ts) sends what these build, JSON.stringify does
 * the JSON escaping, and these keep user text (KPI names, action texts,
 * feedback) from turning into markup on the other side.
 *
 * - Google Chat: `{"text": …}` posted as application/json
 *   (developers.google.com/workspace/chat/quickstart/webhooks). Chat reads
 *   `<users/all>` as a mention of everyone and `<url|label>` as a link
 *   (developers.google.com/workspace/chat/format-messages) and documents no
 *   escape, so a zero-width space goes after every "<": it shows the same
 *   and can no longer start either.
 * - Slack: `{"text": …}` (docs.slack.dev, "Sending messages using incoming
 *   webhooks"); & < > are Slack's control characters and are sent as
 *   &amp; &lt; &gt;, the escaping Slack asks for
 *   (api.slack.com/reference/surfaces/formatting#escaping).
 * - Microsoft Teams, a Workflows "Send webhook alerts to a channel" flow:
 *   `{"type":"message","attachments":[{"contentType":
 *   "application/vnd.microsoft.card.adaptive","contentUrl":null,"content":
 *   <AdaptiveCard>}]}` (learn.microsoft.com, Teams platform, "Send Adaptive
 *   Cards using an incoming webhook"). A TextBlock renders Markdown (a
 *   `[label](url)` would become a link); a TextRun does not
 *   (adaptive-cards schema explorer, TextRun: "Markdown is not supported"),
 *   so every line is a RichTextBlock of one TextRun (card schema 1.2).
 */
import type { Channel } from '../engine/types';

export type WebhookChannel = Exclude<Channel, 'Email'>;

export interface ChatText {
  /** The e-mail subject: the first, bold line where the channel has bold. */
  title: string;
  /** Plain text, lines separated by \n. */
  text: string;
}

export function googleChatPayload(message: ChatText): { text: string } {
  return { text: neutraliseChatMarkup(`${message.title}\n${message.text}`) };
}

export function slackPayload(message: ChatText): { text: string } {
  return { text: escapeSlack(`${message.title}\n${message.text}`) };
}

interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
}

interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: TextRun[];
}

export interface TeamsPayload {
  type: 'message';
  attachments: Array<{
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: {
      $schema: string;
      type: 'AdaptiveCard';
      version: string;
      body: RichTextBlock[];
    };
  }>;
}

export function teamsPayload(message: ChatText): TeamsPayload {
  const line = (text: string, weight?: 'Bolder'): RichTextBlock => ({
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text, ...(weight ? { weight } : {}) }],
  });
  const lines = message.text.split(/\r?\n/).filter((text) => text.trim() !== '');
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.2',
          body: [line(message.title, 'Bolder'), ...lines.map((text) => line(text))],
        },
      },
    ],
  };
}

export function payloadFor(channel: WebhookChannel, message: ChatText): unknown {
  switch (channel) {
    case 'Google Chat':
      return googleChatPayload(message);
    case 'Slack':
      return slackPayload(message);
    case 'Teams':
      return teamsPayload(message);
  }
}

/** Slack's three control characters as the entities Slack decodes (& first, or &lt; would become &amp;lt;). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "<users/all>" → "<\u200Busers/all>": shown alike, no longer a mention or a link. */
export function neutraliseChatMarkup(text: string): string {
  return text.replace(/</g, '<\u200B');
}
