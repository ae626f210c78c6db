/**
 * The Give feedback sidebar on the page (PRODUCT section 6): feedback to
 * anyone in Team, its direction shown as the person is picked, and the
 * feedback given to me that I have not acknowledged yet, each with an
 * Acknowledge button. User text only ever becomes text nodes.
 */
import type { FeedbackContext, FeedbackView } from '../../api';
import { closeSidebar, isUnreachable, type Call } from '../shared/bridge';
import {
  clearFieldErrors,
  el,
  field,
  messageArea,
  replaceChildren,
  setBusy,
  showFieldError,
  type MessageArea,
} from '../shared/dom';
import { t, type Page } from '../shared/i18n';
import {
  directionHint,
  feedbackFieldOf,
  feedbackInput,
  inboxMeta,
  validateFeedback,
  withoutFeedback,
  type FeedbackField,
  type FeedbackFormValues,
} from './form';

export async function startFeedback(root: HTMLElement, call: Call, page: Page): Promise<void> {
  replaceChildren(root, el('p', { class: 'gray', role: 'status' }, t(page.lang, 'ui.loading')));
  const reply = await call('getFeedbackContext');
  if (!reply.ok) {
    const retry = el('button', { type: 'button' }, t(page.lang, 'ui.retry'));
    retry.addEventListener('click', () => void startFeedback(root, call, page));
    replaceChildren(
      root,
      el('p', { class: 'error', role: 'alert' }, reply.message),
      isUnreachable(reply) ? el('div', { class: 'block' }, retry) : null,
    );
    if (isUnreachable(reply)) retry.focus();
    return;
  }
  page.lang = reply.value.lang;
  document.documentElement.lang = page.lang;
  showFeedback(root, reply.value, call);
}

export function showFeedback(root: HTMLElement, context: FeedbackContext, call: Call): void {
  const { lang } = context;
  const messages = messageArea();
  const to = el(
    'select',
    { required: true },
    el('option', { value: '' }, t(lang, 'ui.choose')),
    ...context.people.map((p) => el('option', { value: p.email }, p.name || p.email)),
  );
  const hint = el('span', { 'aria-live': 'polite' });
  const kind = el(
    'select',
    { required: true },
    el('option', { value: '' }, t(lang, 'ui.choose')),
    ...context.kinds.map((k) => el('option', { value: k.value }, k.label)),
  );
  const kpi = el(
    'select',
    {},
    el('option', { value: '' }, t(lang, 'ui.checkIn.noKpi')),
    ...context.kpis.map((k) => el('option', { value: k.id }, `${k.id} ${k.name}`)),
  );
  const checkIn = el(
    'select',
    {},
    el('option', { value: '' }, t(lang, 'ui.feedback.noCheckIn')),
    ...context.checkIns.map((c) => el('option', { value: c.id }, c.label)),
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
  const controls: Record<FeedbackField, HTMLElement> = { to, kind, kpi, checkInId: checkIn, text };
  const inbox = el('section', { class: 'block', 'aria-labelledby': 'inbox-title' });
  replaceChildren(root, form, messages.element, inbox);
  showInbox(inbox, context, context.inbox, call, messages);

  let saving = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    clearFieldErrors(form);
    messages.clear();
    const values: FeedbackFormValues = {
      to: to.value,
      kind: kind.value,
      kpi: kpi.value,
      checkInId: checkIn.value,
      text: text.value,
    };
    const problems = validateFeedback(values, lang);
    if (problems.length > 0) {
      for (const problem of problems) showFieldError(form, problem.field, problem.message);
      messages.alert(t(lang, 'ui.fixFields'));
      controls[problems[0]!.field].focus();
      return;
    }
    saving = true;
    setBusy(send, true, t(lang, 'ui.saving'));
    void call('giveFeedback', feedbackInput(values)).then((reply) => {
      saving = false;
      setBusy(send, false, t(lang, 'ui.saving'));
      if (!reply.ok) {
        const at = feedbackFieldOf(reply.field);
        if (at && showFieldError(form, at, reply.message)) {
          messages.alert(t(lang, 'ui.fixFields'));
          controls[at].focus();
        } else messages.alert(reply.message);
        return;
      }
      text.value = '';
      messages.status(el('p', {}, reply.value.message));
      text.focus();
    });
  });
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
