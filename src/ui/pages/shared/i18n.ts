/**
 * The catalogue for the browser: the same messages.ts the server speaks from
 * (it is pure, so it bundles as is). A page knows the workbook's language
 * only after its first answer; until then it follows the browser.
 */
import type { Lang, Status } from '../../../engine/types';
import {
  langFromLocale,
  t,
  type MessageKey,
  type MessageParams,
} from '../../../engine/i18n/messages';

export { t, type MessageKey, type MessageParams };

/** The page's language: the browser's until the server has answered with the workbook's. */
export interface Page {
  lang: Lang;
}

export function browserLang(language: string | undefined): Lang {
  return langFromLocale((language ?? '').replace('-', '_'));
}

/** "1,200.5" / "1.200,5": at most two decimals, grouped as the reader writes numbers. */
export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-US', {
    maximumFractionDigits: 2,
  }).format(value);
}

export function statusWord(lang: Lang, status: Status): string {
  return t(lang, `status.${status}`);
}
