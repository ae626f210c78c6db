/**
 * Opening the sidebars. Each page is one self-contained HTML file built from
 * src/ui/pages/<name>/ and fetches its data through the bridge on load; who
 * may see what is decided by the server functions it calls, not here.
 */
import { t, type MessageKey } from '../engine/i18n/messages';
import { readSettings } from '../sheets/settings';

/** Google's add-on guidelines: sidebars are 300 px wide. */
function showSidebar(page: string, title: MessageKey): void {
  const lang = readSettings(SpreadsheetApp.getActive()).settings.lang;
  const html = HtmlService.createHtmlOutputFromFile(page).setTitle(t(lang, title));
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showLogWork(): void {
  showSidebar('logWork', 'sidebar.logWork');
}

export function showKpiEditor(): void {
  showSidebar('kpiEditor', 'sidebar.kpiEditor');
}

export function showCheckIn(): void {
  showSidebar('checkIn', 'sidebar.checkIn');
}

export function showFeedback(): void {
  showSidebar('feedback', 'sidebar.feedback');
}

/** The report is wide (tables of periods): a dialog, not a 300 px sidebar. */
export function showReport(): void {
  const lang = readSettings(SpreadsheetApp.getActive()).settings.lang;
  const html = HtmlService.createHtmlOutputFromFile('report').setWidth(800).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, t(lang, 'dialog.report'));
}

/** Managers only: the page asks getSettingsContext, which refuses anyone else. */
export function showSettings(): void {
  showSidebar('settings', 'sidebar.settings');
}
