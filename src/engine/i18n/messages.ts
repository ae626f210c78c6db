/** The one message catalogue: every visible string is looked up here. */
import type { Lang } from '../types';
import { da } from './da';
import { en, type MessageKey } from './en';

export type { MessageKey };

const CATALOGUE: Record<Lang, Record<MessageKey, string>> = { en, da };

export type MessageParams = Record<string, string | number>;

export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return CATALOGUE[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(lang, params[name] as string | number) : whole,
  );
}

/** A quoted cell longer than this is shortened: a message must fit in a cell (50,000 characters). */
const MAX_PARAM_LENGTH = 1000;

/** Numbers in a Danish message take a decimal comma: 1.33 would read as 133. */
function formatParam(lang: Lang, value: string | number): string {
  const text =
    typeof value === 'number' && lang === 'da' ? String(value).replace('.', ',') : String(value);
  return text.length > MAX_PARAM_LENGTH ? `${text.slice(0, MAX_PARAM_LENGTH)}…` : text;
}

/** An error a user can cause: a message key and its parameters, rendered late in their language. */
export interface Problem {
  key: MessageKey;
  params?: MessageParams;
}

export function render(lang: Lang, problem: Problem): string {
  // A reason given as a message key ("KPI … cannot be evaluated: {reason}") is rendered too.
  const reason = problem.params?.reason;
  if (typeof reason === 'string' && reason in CATALOGUE[lang]) {
    return t(lang, problem.key, { ...problem.params, reason: t(lang, reason as MessageKey) });
  }
  return t(lang, problem.key, problem.params);
}

/** `da_DK`, `da`, `en_US` … → the language KPI Loop speaks. */
export function langFromLocale(locale: string): Lang {
  return /^da\b|^da[_-]/i.test(locale) ? 'da' : 'en';
}
