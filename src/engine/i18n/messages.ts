/** The one message catalogue: every visible string is looked up here. */
import type { Lang } from '../types';
import { da } from './da';
import { en, type MessageKey } from './en';

export type { MessageKey };

const CATALOGUE: Record<Lang, Record<MessageKey, string>> = { en, da };

export type MessageParams = Record<string, string | number>;

export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return CATALOGUE[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** An error a user can cause: a message key and its parameters, rendered late in their language. */
export interface Problem {
  key: MessageKey;
  params?: MessageParams;
}

export function render(lang: Lang, problem: Problem): string {
  return t(lang, problem.key, problem.params);
}

/** `da_DK`, `da`, `en_US` … → the language KPI Loop speaks. */
export function langFromLocale(locale: string): Lang {
  return /^da\b|^da[_-]/i.test(locale) ? 'da' : 'en';
}
