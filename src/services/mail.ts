/**
 * MailApp, named only here. Every recipient counts against the daily quota
 * (PRODUCT section 7: check it before sending); a send that fails throws,
 * and the caller turns that into a sentence.
 */

export interface MailMessage {
  to: string;
  subject: string;
  /** The plain-text part. */
  body: string;
  /** The HTML part: every user value in it already escaped. */
  htmlBody: string;
  name?: string;
  replyTo?: string;
}

export function remainingDailyMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export function sendMail(message: MailMessage): void {
  MailApp.sendEmail({
    to: message.to,
    subject: message.subject,
    body: message.body,
    htmlBody: message.htmlBody,
    ...(message.name ? { name: message.name } : {}),
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
  });
}
