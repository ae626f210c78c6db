/**
 * The Report dialog on the page: pick one assistant or the whole team and a
 * range of weeks or months, see the report, and e-mail exactly the report
 * shown. Every word of the report arrives from the server as text and is
 * placed with el(), so a KPI name or feedback text can never become markup.
 */
import type { ReportContext, ReportDocument, ReportInput, ReportUnit } from '../../api';
import type { ReportBlock } from '../../../engine/feedback/reportDocument';
import { bootPage } from '../shared/boot';
import type { Call } from '../shared/bridge';
import { el, messageArea, replaceChildren, statusChip } from '../shared/dom';
import { dropDown, field, refillDropDown, selectValue, showFieldError } from '../shared/fields';
import { t, type Page } from '../shared/i18n';
import { submitWith, type OneAtATime } from '../shared/submit';
import {
  defaultRange,
  periodOptions,
  recipientOptions,
  validateReportForm,
  whoOptions,
} from './form';

export function startReport(root: HTMLElement, call: Call, page: Page): Promise<void> {
  return bootPage(root, page, {
    load: () => call('getReportContext'),
    render: (context) => showReportForm(root, context, call),
    refusal: 'notice',
  });
}

function blockElement(block: ReportBlock): HTMLElement {
  switch (block.kind) {
    case 'table':
      return el(
        'table',
        { class: 'report-table' },
        el('thead', {}, el('tr', {}, ...block.columns.map((c) => el('th', { scope: 'col' }, c)))),
        el(
          'tbody',
          {},
          ...block.rows.map((row) =>
            el(
              'tr',
              {},
              ...row.map((cell) =>
                el(
                  'td',
                  { class: cell.number ? 'num' : null },
                  cell.status ? statusChip(cell.status, cell.text) : cell.text,
                ),
              ),
            ),
          ),
        ),
      );
    case 'facts':
      return el(
        'p',
        { class: 'facts' },
        ...block.items.map((item) => el('span', {}, `${item.label}: `, el('b', {}, item.value))),
      );
    case 'list':
      return el('ul', {}, ...block.items.map((item) => el('li', {}, item)));
    case 'note':
      return el('p', { class: 'gray' }, block.text);
  }
}

/** The report document as the page shows it. */
export function reportElements(doc: ReportDocument): HTMLElement[] {
  return [
    el('h1', {}, doc.title),
    el('p', { class: 'gray' }, doc.subtitle),
    ...doc.sections.flatMap((section) => [
      el('h2', {}, section.heading),
      ...section.blocks.map(blockElement),
    ]),
    el('p', { class: 'hint' }, doc.footer),
  ];
}

export function showReportForm(root: HTMLElement, context: ReportContext, call: Call): void {
  const lang = context.lang;
  const who = dropDown(whoOptions(context));
  selectValue(who, context.defaults.assistant);
  const unit = dropDown([
    { value: 'Week', label: t(lang, 'ui.report.weeks') },
    { value: 'Month', label: t(lang, 'ui.report.months') },
  ]);
  unit.value = context.defaults.unit;
  const from = el('select');
  const to = el('select');
  const fillPeriods = (): void => {
    const chosen = unit.value as ReportUnit;
    const options = periodOptions(context, chosen).map((o) => ({ value: o.key, label: o.label }));
    refillDropDown(from, options);
    refillDropDown(to, options);
    const range = defaultRange(context, chosen);
    selectValue(from, range.from);
    selectValue(to, range.to);
  };
  fillPeriods();

  const show = el('button', { type: 'submit', class: 'action' }, t(lang, 'ui.report.show'));
  const form = el(
    'form',
    { novalidate: true, 'aria-label': t(lang, 'dialog.report') },
    el(
      'div',
      { class: 'controls' },
      field('assistant', t(lang, 'ui.report.who'), who),
      field('unit', t(lang, 'ui.report.unit'), unit),
      field('from', t(lang, 'ui.report.from'), from),
      field('to', t(lang, 'ui.report.to'), to),
      el('div', { class: 'block buttons' }, show),
    ),
  );
  const messages = messageArea();
  const output = el('section', { class: 'report', 'aria-live': 'polite', hidden: true });

  const recipient = dropDown(recipientOptions(context));
  const send = el('button', { type: 'button' }, t(lang, 'ui.report.send'));
  const mailMessages = messageArea();
  const mail = el(
    'div',
    { class: 'mail', hidden: true },
    el(
      'div',
      { class: 'controls' },
      field('recipient', t(lang, 'ui.report.mailTo'), recipient),
      el('div', { class: 'block buttons' }, send),
    ),
    mailMessages.element,
  );
  replaceChildren(root, form, messages.element, output, mail);

  const read = (): ReportInput => ({
    assistant: who.value,
    unit: unit.value === 'Month' ? 'Month' : 'Week',
    from: from.value,
    to: to.value,
  });

  /** What the e-mail sends: the report on the screen, not whatever the controls say since. */
  let shown: ReportInput | null = null;
  // Show and Send wait for each other: the e-mail is always the report on the screen.
  const oneAtATime: OneAtATime = { sending: false };

  unit.addEventListener('change', fillPeriods);

  form.addEventListener(
    'submit',
    submitWith(form, messages, lang, {
      button: show,
      busyLabel: t(lang, 'ui.report.building'),
      oneAtATime,
      read,
      // Said the Report's way: the problem's own sentence as the alert, not "fix the fields".
      check: (input) => {
        const problems = validateReportForm(input, context);
        if (problems.length === 0) return false;
        for (const p of problems) showFieldError(form, p.field, p.message);
        messages.alert(problems[0]!.message);
        (problems[0]!.field === 'from' ? from : to).focus();
        return true;
      },
      send: (input) => call('getReport', input),
      // The server's own sentence, also when it names a field; focus is not moved.
      refused: (refusal) => {
        if (refusal.field) showFieldError(form, refusal.field, refusal.message);
        messages.alert(refusal.message);
      },
      saved: (report, input) => {
        shown = input;
        replaceChildren(output, ...reportElements(report.document));
        output.hidden = false;
        mail.hidden = false;
        mailMessages.clear();
      },
    }),
  );

  send.addEventListener(
    'click',
    // The e-mail row: a recipient that no check marks wrong, and its own messages.
    submitWith(mail, mailMessages, lang, {
      button: send,
      busyLabel: t(lang, 'ui.report.sending'),
      oneAtATime,
      read: () => shown && { ...shown, recipient: recipient.value },
      send: (input) => call('emailReport', input),
      saved: (mailed) => mailMessages.status(mailed.message),
    }),
  );
}
