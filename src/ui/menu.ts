/**
 * The KPI Loop add-on menu (PRODUCT section 6). onOpen may run in
 * AuthMode.NONE, where an add-on may build its menu and nothing else: no
 * properties, no spreadsheet reads. The menu then speaks English; once the
 * add-on is in use in the document (LIMITED or FULL) it follows the
 * workbook's language.
 */
import type { Lang } from '../engine/types';
import { t } from '../engine/i18n/messages';
import { readSettings } from '../sheets/settings';

export function buildMenu(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = menuLanguage(event);
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t(lang, 'menu.logWork'), 'showLogWork')
    .addItem(t(lang, 'menu.checkIn'), 'showCheckIn')
    .addItem(t(lang, 'menu.giveFeedback'), 'showFeedback')
    .addItem(t(lang, 'menu.kpiEditor'), 'showKpiEditor')
    .addItem(t(lang, 'menu.refresh'), 'refreshDashboard')
    .addItem(t(lang, 'menu.report'), 'showReport')
    .addItem(t(lang, 'menu.remindersPreview'), 'showReminderPreview')
    .addItem(t(lang, 'menu.remindersSendNow'), 'sendRemindersNow')
    .addItem(t(lang, 'menu.settings'), 'showSettings')
    .addSeparator()
    .addItem(t(lang, 'menu.setUp'), 'setUpTracker')
    .addItem(t(lang, 'menu.setUpWithExamples'), 'setUpTrackerWithExamples')
    .addSeparator()
    .addItem(t(lang, 'menu.help'), 'showHelp')
    .addToUi();
}

function menuLanguage(event?: GoogleAppsScript.Events.SheetsOnOpen): Lang {
  if (event?.authMode === ScriptApp.AuthMode.NONE) return 'en';
  try {
    return readSettings(SpreadsheetApp.getActive()).settings.lang;
  } catch {
    return 'en';
  }
}

export function showHelpDialog(): void {
  const lang = readSettings(SpreadsheetApp.getActive()).settings.lang;
  const html = HtmlService.createHtmlOutput(
    `<p style="font-family:Arial,sans-serif;font-size:13px">${escapeHtml(t(lang, 'help.body'))}</p>`,
  )
    .setWidth(360)
    .setHeight(180);
  SpreadsheetApp.getUi().showModalDialog(html, t(lang, 'help.title'));
}

/** User and catalogue text shown in HTML is always escaped (PRODUCT section 8). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e);
}

/** An add-on installed from the Marketplace gets no onOpen until reload: build the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showHelp(): void {
  showHelpDialog();
}
