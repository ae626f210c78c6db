/**
 * Menu: Reminders: preview (PRODUCT section 7: "Preview" shows what the next
 * run would send). It asks the planner exactly as a run would, now, without
 * the lock and without writing anything, and shows every message: to whom,
 * on which channel, when (now, or held for the recipient's working hours)
 * and what it says. Managers only, since it shows everyone's reminders.
 */
import { html, SafeHtml } from '../../engine/html';
import { t } from '../../engine/i18n/messages';
import { itemKeysOf, outboxKeys } from '../../engine/reminders/keys';
import type { PlannedMessage } from '../../engine/reminders/types';
import { formatMinute, isoDay, localTime } from '../../engine/time/calendar';
import type { Instant, Lang } from '../../engine/types';
import { choiceWord } from '../../engine/i18n/vocabulary';
import { routeFor } from '../../services/channels';
import { remainingDailyMailQuota } from '../../services/mail';
import { identifyCaller } from '../caller';
import { loadFeedbackLoop, type Loaded } from '../snapshot';
import { readReminderSettings, readWebhooks } from './config';
import { readOutbox } from './outbox';
import { previewRuns } from './plan';

export interface PreviewMessage {
  message: PlannedMessage;
  /** The channel it would go out on: the person's, or e-mail when that channel has no webhook. */
  channel: PlannedMessage['channel'];
  /** Already waiting in the Outbox (Queued), rather than new. */
  waiting: boolean;
}

export interface Preview {
  now: Instant;
  dryRun: boolean;
  /** The hourly runs that would send something, first the one starting now. */
  runs: Array<{ at: Instant; messages: PreviewMessage[] }>;
}

/** A day of hourly runs: today's reminders in every time zone of the team. */
export const PREVIEW_RUNS = 24;

/** What the hourly runs from now would send, run by run, if nothing in the workbook changed. */
export function previewReminders(loaded: Loaded): Preview {
  const lang = loaded.snapshot.settings.lang;
  const now = loaded.moment.now;
  const settings = readReminderSettings();
  const outbox = loaded.tabs.outbox ? readOutbox(loaded.tabs.outbox, lang) : null;
  const entries = outbox ? [...outbox.entries.values()] : [];
  const recorded = outboxKeys(
    entries.flatMap((entry) =>
      entry.status === 'Queued' || (entry.status === 'Skipped' && entry.superseded)
        ? []
        : [{ key: entry.key, status: entry.status ?? 'Unknown' }],
    ),
  );
  const webhooks = readWebhooks();
  const runs = previewRuns(
    {
      loaded,
      loop: loadFeedbackLoop(loaded).loop,
      settings,
      recorded,
      now,
      spreadsheetUrl: SpreadsheetApp.getActive().getUrl(),
    },
    PREVIEW_RUNS,
  );
  return {
    now,
    dryRun: settings.dryRun,
    runs: runs.map((run) => ({
      at: run.at,
      messages: run.messages
        .filter((message) => !itemKeysOf(message.key).some((key) => recorded.has(key)))
        .map((message) => ({
          message,
          channel: routeFor(message.channel, webhooks).channel,
          waiting: outbox?.entries.has(message.key) ?? false,
        })),
    })),
  };
}

/** Menu: Reminders: preview. */
export function showReminderPreview(): void {
  const caller = identifyCaller();
  const lang = caller.lang;
  const spreadsheet = SpreadsheetApp.getActive();
  if (!caller.manager) {
    spreadsheet.toast(t(lang, 'reminders.managersOnly'), t(lang, 'setup.title'), 8);
    return;
  }
  const preview = previewReminders(caller.loaded);
  const mailLeft = remainingDailyMailQuota();
  const page = previewHtml(lang, caller.loaded, preview, mailLeft);
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(page.html).setWidth(760).setHeight(560),
    t(lang, 'preview.title'),
  );
}

const STYLE = `body{font-family:Roboto,Arial,sans-serif;font-size:13px;color:#202124;margin:0 4px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dadce0;padding:6px;text-align:left;vertical-align:top}
th{background:#f1f3f4}.note{background:#feefc3;padding:6px 8px}.gray{color:#5f6368}
pre{white-space:pre-wrap;font-family:inherit;margin:4px 0 0}`;

/** Every value is escaped by `html`: names, titles and texts are user text. */
export function previewHtml(
  lang: Lang,
  loaded: Loaded,
  preview: Preview,
  mailLeft: number,
): SafeHtml {
  const zone = loaded.snapshot.settings.timeZone;
  const when = (instant: Instant, timeZone: string): string => {
    const local = localTime(instant, timeZone);
    return `${isoDay(local.day)} ${formatMinute(local.minute)}`;
  };
  const all = preview.runs.flatMap((run) => run.messages.map((m) => ({ ...m, at: run.at })));
  const people = new Set(all.map((m) => m.message.recipient));
  const rows = all.map(({ message, channel, waiting, at }) => {
    const member = loaded.snapshot.team.byEmail.get(message.recipient);
    const theirZone = member?.timeZone ?? zone;
    const sentAt = Math.max(at, message.dueAt);
    return html`<tr>
      <td>
        ${at <= preview.now ? t(lang, 'preview.now') : when(at, zone)}<br /><span class="gray"
          >${t(lang, 'preview.theirTime', { time: when(sentAt, theirZone), zone: theirZone })}</span
        >${waiting ? html`<br /><span class="gray">${t(lang, 'preview.waiting')}</span>` : ''}
      </td>
      <td>
        ${member?.name ?? message.recipient}<br /><span class="gray">${message.recipient}</span>
      </td>
      <td>${choiceWord(lang, 'channel', channel)}</td>
      <td>
        <b>${message.title}</b>
        <pre>${message.text}</pre>
      </td>
    </tr>`;
  });
  const intro = t(lang, 'preview.intro', {
    time: when(preview.now, zone),
    zone,
    hours: PREVIEW_RUNS,
    messages: all.length,
    people: people.size,
  });
  return html`<!doctype html>
    <html>
      <head>
        <base target="_blank" />
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <p>${intro}</p>
        ${preview.dryRun ? html`<p class="note">${t(lang, 'preview.dryRun')}</p>` : ''}
        <p class="gray">${t(lang, 'preview.mailLeft', { count: mailLeft })}</p>
        ${
          rows.length === 0
            ? html`<p>${t(lang, 'preview.nothing')}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th>${t(lang, 'preview.to')}</th>
                    <th>${t(lang, 'preview.channel')}</th>
                    <th>${t(lang, 'preview.when')}</th>
                    <th>${t(lang, 'preview.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>`
        }
      </body>
    </html>`;
}
