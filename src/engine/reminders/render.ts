/**
 * One person's items → one message: a title, a plain-text part (also the
 * chat body) and an HTML part in which every value is escaped (PRODUCT
 * section 8). Items come grouped by rule, in the order of RULES.
 */
import type { Lang, TeamMember } from '../types';
import { t } from '../i18n/messages';
import { html, type SafeHtml } from '../html';
import { linkable, type Content } from './content';
import type { ReminderItem } from './types';

export interface Drafted {
  item: ReminderItem;
  content: Content;
}

export interface Rendered {
  title: string;
  text: string;
  html: string;
}

export function titleOf(lang: Lang, items: readonly ReminderItem[]): string {
  const only = items.length === 1 ? items[0] : undefined;
  if (!only) return t(lang, 'reminder.titleMany', { count: items.length });
  if (only.rule === 'weeklyDigest') return t(lang, 'reminder.titleDigest', { week: only.period });
  return t(lang, 'reminder.titleOne', { rule: t(lang, `reminder.rule.${only.rule}`) });
}

function groups(drafted: readonly Drafted[]): Drafted[][] {
  const byRule = new Map<string, Drafted[]>();
  for (const entry of drafted) {
    byRule.set(entry.item.rule, [...(byRule.get(entry.item.rule) ?? []), entry]);
  }
  return [...byRule.values()];
}

function textOf(
  lang: Lang,
  member: TeamMember,
  drafted: readonly Drafted[],
  url: string | null,
): string {
  const out: string[] = [t(lang, 'reminder.greeting', { name: member.name })];
  for (const group of groups(drafted)) {
    out.push('', t(lang, `reminder.rule.${(group[0] as Drafted).item.rule}`));
    for (const { content } of group) {
      out.push(`- ${content.line}`);
      for (const section of content.sections ?? []) {
        if (section.heading) out.push(`  ${section.heading}`);
        for (const line of section.lines) out.push(`    · ${line}`);
      }
      const link = content.link ? linkable(content.link.url) : null;
      if (link && content.link) out.push(`  ${content.link.label}: ${link}`);
    }
  }
  if (url) out.push('', t(lang, 'reminder.openSheetAt', { url }));
  return out.join('\n');
}

const STYLE = {
  body: 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#202124',
  heading: 'font-size:15px;margin:18px 0 6px',
  list: 'margin:0;padding-left:20px',
  sub: 'margin:4px 0 0;padding-left:18px;color:#3c4043',
  subHeading: 'margin:6px 0 0;font-weight:bold',
};

function itemHtml(content: Content): SafeHtml {
  const link = content.link ? linkable(content.link.url) : null;
  return html`<li>
    ${content.line}${(content.sections ?? []).map(
      (section) =>
        html`${section.heading ? html`<div style="${STYLE.subHeading}">${section.heading}</div>` : ''}
          <ul style="${STYLE.sub}">
            ${section.lines.map((line) => html`<li>${line}</li>`)}
          </ul>`,
    )}${link && content.link ? html`<div><a href="${link}">${content.link.label}</a></div>` : ''}
  </li>`;
}

function htmlOf(
  lang: Lang,
  member: TeamMember,
  drafted: readonly Drafted[],
  url: string | null,
): string {
  return html`<div style="${STYLE.body}">
    <p>${t(lang, 'reminder.greeting', { name: member.name })}</p>
    ${groups(drafted).map(
      (group) =>
        html`<h3 style="${STYLE.heading}">
            ${t(lang, `reminder.rule.${(group[0] as Drafted).item.rule}`)}
          </h3>
          <ul style="${STYLE.list}">
            ${group.map(({ content }) => itemHtml(content))}
          </ul>`,
    )}${url ? html`<p style="margin-top:18px"><a href="${url}">${t(lang, 'reminder.openSheet')}</a></p>` : ''}
  </div>`.html;
}

export function renderMessage(
  lang: Lang,
  member: TeamMember,
  drafted: readonly Drafted[],
  spreadsheetUrl: string,
): Rendered {
  const url = linkable(spreadsheetUrl);
  return {
    title: titleOf(
      lang,
      drafted.map((d) => d.item),
    ),
    text: textOf(lang, member, drafted, url),
    html: htmlOf(lang, member, drafted, url),
  };
}
