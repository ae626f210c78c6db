/**
 * MailApp. Every recipient (to, cc, bcc) counts against the daily quota
 * (https://developers.google.com/apps-script/guides/services/quotas); when the quota is used up
 * Apps Script throws "Service invoked too many times for one day: email." and sends nothing. The
 * quota does not reset by itself here: use emu.mail.setRemaining.
 */
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
  attachments?: number;
}

interface MailOptions {
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
  attachments?: unknown[];
}

type Message = MailOptions & { to?: string; subject?: string; body?: string };

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export class MailLog {
  readonly sent: SentMail[] = [];
}

export class MailApp {
  readonly [SERVICE] = 'MailApp';

  constructor(
    private readonly rt: Runtime,
    private readonly log: MailLog,
  ) {}

  /** sendEmail(message), (to, subject, body), (to, subject, body, options), (to, replyTo, subject, body). */
  sendEmail(...args: unknown[]): void {
    const message: Message =
      args.length === 1 && typeof args[0] === 'object' && args[0] !== null
        ? (args[0] as Message)
        : args.length === 4 && typeof args[3] === 'string'
          ? {
              to: String(args[0]),
              replyTo: String(args[1]),
              subject: String(args[2]),
              body: args[3],
            }
          : {
              ...((args[3] as MailOptions | undefined) ?? {}),
              to: String(args[0]),
              subject: String(args[1]),
              body: String(args[2] ?? ''),
            };
    const recipients = [message.to, message.cc, message.bcc]
      .flatMap((list) => (list ?? '').split(','))
      .map((address) => address.trim())
      .filter((address) => address !== '');
    if (!message.to || recipients.length === 0) this.rt.fail('Failed to send email: no recipient');
    const invalid = recipients.find((address) => !EMAIL.test(address.replace(/^.*<(.+)>$/, '$1')));
    if (invalid !== undefined) this.rt.fail(`Invalid email: ${invalid}`);
    if (recipients.length > this.rt.state.mailRemaining)
      this.rt.fail('Service invoked too many times for one day: email.');
    this.rt.state.mailRemaining -= recipients.length;
    const sent: SentMail = {
      to: message.to,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
    };
    for (const key of ['htmlBody', 'name', 'replyTo', 'cc', 'bcc'] as const) {
      if (message[key] !== undefined) sent[key] = String(message[key]);
    }
    if (message.noReply !== undefined) sent.noReply = !!message.noReply;
    if (message.attachments) sent.attachments = message.attachments.length;
    this.log.sent.push(sent);
  }

  getRemainingDailyQuota(): number {
    return this.rt.state.mailRemaining;
  }
}
