/**
 * The Give feedback sidebar on the page (PRODUCT section 6): feedback to
 * anyone in Team, its direction shown as the person is picked, and the
 * feedback given to me that I have not acknowledged yet, each with an
 * Acknowledge button. User text only ever becomes text nodes.
 */
import type { FeedbackContext, FeedbackView } from '../../api';
import { bootPage } from '../shared/boot';
import { closeSidebar, type Call } from '../shared/bridge';
import { el, messageArea, replaceChildren, setBusy, type MessageArea } from '../shared/dom';
import { dropDown, field } from '../shared/fields';
import { t, type Page } from '../shared/i18n';
import { submitWith } from '../shared/submit';
import {
  directionHint,
  feedbackFieldOf,
  feedbackInput,
  inboxMeta,
  validateFeedback,
  withoutFeedback,
  type FeedbackFormValues,
} from './form';

export function startFeedback(root: HTMLElement, call: Call, page: Page): Promise<void> {
  return bootPage(root, page, {
    load: () => call('getFeedbackContext'),
    render: (context) => showFeedback(root, context, call),
  });
}

export function showFeedback(root: HTMLElement, context: FeedbackContext, call: Call): void {
  const { lang } = context;
  const messages = messageArea();
  const to = dropDown(
    context.people.map((p) => ({ value: p.email, label: p.name || p.email })),
    t(lang, 'ui.choose'),
    { required: true },
  );
  const hint = el('span', { 'aria-live': 'polite' });
  const kind = dropDown(context.kinds, t(lang, 'ui.choose'), { required: true });
  const kpi = dropDown(
    context.kpis.map((k) => ({ value: k.id, label: `${k.id} ${k.name}` })),
    t(lang, 'ui.checkIn.noKpi'),
  );
  const checkIn = dropDown(
    context.checkIns.map((c) => ({ value: c.id, label: c.label })),
    t(lang, 'ui.feedback.noCheckIn'),
  );
  const text = el('textarea', { rows: 4, required: true });
  const send = el('button', { type: 'submit', class: 'action' }, t(lang, 'ui.feedback.send'));
  const close = el('button', { type: 'button' }, t(lang, 'ui.close'));
  close.addEventListener('click', closeSidebar);
  to.addEventListener('change', () => {
    hint.textContent = directionHint(context, to.value);
  });

  const form = el(
    'form',
    { novalidate: true, 'aria-label': t(lang, 'ui.feedback.title') },
    field('to', t(lang, 'ui.feedback.to'), to, hint),
    field('kind', t(lang, 'ui.checkIn.kind'), kind),
    field('kpi', t(lang, 'ui.optional', { label: 'KPI' }), kpi),
    context.checkIns.length > 0
      ? field(
          'checkInId',
          t(lang, 'ui.optional', { label: t(lang, 'ui.feedback.checkIn') }),
          checkIn,
        )
      : null,
    field('text', t(lang, 'ui.checkIn.text'), text),
    el('div', { class: 'block buttons' }, send, close),
  );
  const inbox = el('section', { class: 'block', 'aria-labelledby': 'inbox-title' });
  replaceChildren(root, form, messages.element, inbox);
  showInbox(inbox, context, context.inbox, call, messages);

  form.addEventListener(
    'submit',
    submitWith(form, messages, lang, {
      button: send,
      read: (): FeedbackFormValues => ({
        to: to.value,
        kind: kind.value,
        kpi: kpi.value,
        checkInId: checkIn.value,
        text: text.value,
      }),
      problems: (values) => validateFeedback(values, lang),
      send: (values) => call('giveFeedback', feedbackInput(values)),
      fieldOf: feedbackFieldOf,
      saved: (given) => {
        text.value = '';
        messages.status(el('p', {}, given.message));
        text.focus();
      },
    }),
  );
}

function showInbox(
  section: HTMLElement,
  context: FeedbackContext,
  items: readonly FeedbackView[],
  call: Call,
  messages: MessageArea,
): void {
  const { lang } = context;
  replaceChildren(
    section,
    el('h2', { id: 'inbox-title' }, t(lang, 'ui.feedback.inbox')),
    items.length === 0 ? el('p', { class: 'gray' }, t(lang, 'ui.feedback.inboxEmpty')) : null,
    ...items.map((item) => {
      const acknowledge = el('button', { type: 'button' }, t(lang, 'ui.feedback.acknowledge'));
      acknowledge.addEventListener('click', () => {
        setBusy(acknowledge, true, t(lang, 'ui.saving'));
        void call('acknowledgeFeedback', { feedbackId: item.id }).then((reply) => {
          setBusy(acknowledge, false, t(lang, 'ui.saving'));
          if (!reply.ok) return messages.alert(reply.message);
          showInbox(section, context, withoutFeedback(items, item.id), call, messages);
          messages.status(el('p', {}, reply.value.message));
        });
      });
      return el(
        'div',
        { class: 'item' },
        el('p', { class: 'gray' }, inboxMeta(item, lang)),
        el('p', {}, item.text),
        el('div', { class: 'buttons' }, acknowledge),
      );
    }),
  );
}
