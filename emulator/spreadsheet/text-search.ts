/**
 * The text side of TextFinder: does a cell's text match, and what does it become when replaced.
 *
 * Sheets runs Find and replace with Java regular expressions and lets the replacement refer to
 * groups as $1 (FindReplaceRequest.searchByRegex,
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#findreplacerequest);
 * the emulator uses JavaScript's, which agree on everything KPI Loop writes, and expands the
 * replacement as String.prototype.replace does ($1, $<name>, $&, $$). Without useRegularExpression
 * the search text and the replacement are literal.
 */
import type { Runtime } from '../runtime';

export interface SearchOptions {
  matchCase: boolean;
  matchEntireCell: boolean;
  useRegularExpression: boolean;
  ignoreDiacritics: boolean;
}

export interface Matcher {
  /** Global regular expression over the (folded) cell text; null when the text matches nothing. */
  readonly pattern: RegExp | null;
  readonly options: SearchOptions;
}

/** Text without its combining marks ("é" → "e"), and where each folded position came from. */
interface Folded {
  text: string;
  /** origin[i]: index in the original of folded character i; origin[length]: the original length. */
  origin: number[];
}

const COMBINING = /\p{M}/gu;

function fold(text: string): Folded {
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of text) {
    const kept = ch.normalize('NFD').replace(COMBINING, '');
    for (let i = 0; i < kept.length; i++) origin.push(at);
    folded += kept;
    at += ch.length;
  }
  origin.push(text.length);
  return { text: folded, origin };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function buildMatcher(rt: Runtime, text: string, options: SearchOptions): Matcher {
  // An empty search finds nothing (Sheets' Find and replace does nothing for it either).
  if (text === '') return { pattern: null, options };
  const wanted = options.ignoreDiacritics ? fold(text).text : text;
  let source = options.useRegularExpression ? wanted : escapeRegExp(wanted);
  if (options.matchEntireCell) source = `^(?:${source})$`;
  try {
    return { pattern: new RegExp(source, options.matchCase ? 'g' : 'gi'), options };
  } catch (e) {
    return rt.fail(e instanceof Error ? e.message : String(e));
  }
}

function subjectOf(text: string, matcher: Matcher): Folded {
  if (matcher.options.ignoreDiacritics) return fold(text);
  return { text, origin: [] };
}

export function matches(text: string, matcher: Matcher): boolean {
  const pattern = matcher.pattern;
  if (!pattern || text === '') return false;
  pattern.lastIndex = 0;
  return pattern.test(subjectOf(text, matcher).text);
}

/** "$1", "$<name>", "$&", "$`", "$'" and "$$" as String.prototype.replace reads them. */
function expand(template: string, match: RegExpMatchArray, subject: string): string {
  const groups = match.length - 1;
  const start = match.index ?? 0;
  return template.replace(/\$(\$|&|`|'|\d{1,2}|<[^>]*>)/g, (whole, token: string) => {
    if (token === '$') return '$';
    if (token === '&') return match[0];
    if (token === '`') return subject.slice(0, start);
    if (token === "'") return subject.slice(start + match[0].length);
    if (token.startsWith('<'))
      return match.groups ? (match.groups[token.slice(1, -1)] ?? '') : whole;
    const two = Number(token);
    if (token.length === 2 && two >= 1 && two <= groups) return match[two] ?? '';
    const one = Number(token[0]);
    if (one >= 1 && one <= groups) return (match[one] ?? '') + token.slice(1);
    return whole;
  });
}

/** The cell's text with every match replaced, and how many matches there were. */
export function replaceIn(
  text: string,
  matcher: Matcher,
  replacement: string,
): { text: string; count: number } {
  const pattern = matcher.pattern;
  if (!pattern || text === '') return { text, count: 0 };
  const subject = subjectOf(text, matcher);
  const position = (i: number) => (matcher.options.ignoreDiacritics ? (subject.origin[i] ?? i) : i);
  pattern.lastIndex = 0;
  let result = '';
  let done = 0;
  let count = 0;
  for (const match of subject.text.matchAll(pattern)) {
    const start = position(match.index ?? 0);
    const end = position((match.index ?? 0) + match[0].length);
    const added = matcher.options.useRegularExpression
      ? expand(replacement, match, subject.text)
      : replacement;
    result += text.slice(done, start) + added;
    done = end;
    count++;
  }
  return { text: result + text.slice(done), count };
}
