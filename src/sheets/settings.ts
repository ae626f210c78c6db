/**
 * Settings: the language follows the spreadsheet's locale unless the
 * manager picked one (PRODUCT section 1); the rest are document properties.
 */
import type { Lang, Settings, Weekday } from '../engine/types';
import { langFromLocale } from '../engine/i18n/messages';
import { DEFAULT_RISK_BAND } from '../engine/records/kpis';
import type { DateOrder } from '../engine/records/cells';
import { readDocumentProperty } from '../services/properties';

export interface StoredSettings {
  lang?: Lang;
  weekStart?: Weekday;
  riskBand?: number;
}

export const SETTINGS_PROPERTY = 'settings';

export interface WorkbookSettings {
  settings: Settings;
  dateOrder: DateOrder;
}

export function readSettings(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): WorkbookSettings {
  const locale = spreadsheet.getSpreadsheetLocale();
  const stored = parseStored(readDocumentProperty(SETTINGS_PROPERTY));
  return {
    settings: {
      lang: stored.lang ?? langFromLocale(locale),
      timeZone: spreadsheet.getSpreadsheetTimeZone(),
      weekStart: stored.weekStart ?? 0,
      defaultRiskBand: stored.riskBand ?? DEFAULT_RISK_BAND,
    },
    // Only the US writes month before day among the locales Sheets offers that we expect.
    dateOrder: /^en_US$/i.test(locale) ? 'MDY' : 'DMY',
  };
}

/** A damaged property must not break anything: unreadable parts fall back to defaults. */
export function parseStored(json: string | null): StoredSettings {
  if (!json) return {};
  try {
    const raw = JSON.parse(json) as Record<string, unknown>;
    const stored: StoredSettings = {};
    if (raw.lang === 'en' || raw.lang === 'da') stored.lang = raw.lang;
    if (
      typeof raw.weekStart === 'number' &&
      Number.isInteger(raw.weekStart) &&
      raw.weekStart >= 0 &&
      raw.weekStart <= 6
    ) {
      stored.weekStart = raw.weekStart as Weekday;
    }
    if (typeof raw.riskBand === 'number' && raw.riskBand >= 0 && raw.riskBand <= 1)
      stored.riskBand = raw.riskBand;
    return stored;
  } catch {
    return {};
  }
}
