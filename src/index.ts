/**
 * The entry points Apps Script calls, and nothing else. The build turns each
 * export into a top-level function; test/build/bundle.test.ts holds the list.
 */
export { onOpen, onInstall, showHelp } from './ui/menu';
export { onEdit } from './sheets/editTrigger';
export { setUpTracker, setUpTrackerWithExamples } from './sheets/setupCommand';
export { showLogWork, showKpiEditor } from './ui/sidebars';
export { getLogWorkContext, saveLogEntry } from './sheets/logWork';
export { getKpiEditorContext, saveKpi } from './sheets/kpiEditor';
export { refreshDashboard, refreshAfterEdit } from './sheets/dashboard';
export { showCheckIn, showFeedback } from './ui/sidebars';
export {
  getCheckInContext,
  scheduleCheckIn,
  recordCheckIn,
  answerUpwardQuestion,
  updateAction,
} from './sheets/checkIns';
export { getFeedbackContext, giveFeedback, acknowledgeFeedback } from './sheets/feedback';
export { reviewKpi } from './sheets/kpiReview';
export { showReport } from './ui/sidebars';
export { getReportContext, getReport, emailReport } from './sheets/report';
export { showSettings } from './ui/sidebars';
export {
  getSettingsContext,
  saveSettings,
  saveWebhook,
  sendTestMessage,
  setReminderTrigger,
} from './sheets/settingsSidebar';
export { runReminders, sendRemindersNow } from './sheets/reminders/dispatcher';
export { showReminderPreview } from './sheets/reminders/preview';
export { KPI_STATUS } from './functions/kpiStatus';
export { KPI_ACTUAL } from './functions/kpiActual';
export { KPI_TARGET } from './functions/kpiTarget';
export { KPI_PROGRESS } from './functions/kpiProgress';
export { KPI_TREND } from './functions/kpiTrend';
export { KPI_SCORE } from './functions/kpiScore';
export { SMART_CHECK } from './functions/smartCheck';
