/**
 * The Check-in sidebar on the page (PRODUCT section 6): a manager picks an
 * assistant, an assistant opens their own. The agenda is built by the
 * server; a manager schedules and records the check-in, an assistant
 * answers "what do you need from me?", and everyone updates their own
 * actions. User text only ever becomes text nodes (el()), never HTML.
 */
import type { ActionView, AgendaView, CheckInContext, FeedbackView } from '../../api';
import type { Lang } from '../../../engine/types';
import { bootPage } from '../shared/boot';
import { closeSidebar, type Call } from '../shared/bridge';
import {
  el,
  messageArea,
  replaceChildren,
  statusChip,
  type Child,
  type MessageArea,
} from '../shared/dom';
import { dropDown, field, linkInput, selectValue, textInput } from '../shared/fields';
import { t, type Page } from '../shared/i18n';
import { submitWith } from '../shared/submit';
import {
  actionMeta,
  ANSWER_PREFIX,
  controlOf,
  feedbackMeta,
  periodLine,
  recordInput,
  safeLink,
  SCHEDULE_PREFIX,
  scheduleInput,
  slotLines,
  trendLabel,
  validateActionUpdate,
  validateAnswer,
  validateRecord,
  validateSchedule,
  type ActionRow,
  type FeedbackRow,
  type RecordValues,
  type UpdateRow,
} from './form';

/**
 * Loads the context (for one assistant, or the default one) and shows the
 * sidebar, with `message` (what was just saved) under it.
 */
export function startCheckIn(
  root: HTMLElement,
  call: Call,
  page: Page,
  assistant?: string,
  message?: string,
): Promise<void> {
  return bootPage(root, page, {
    load: () => call('getCheckInContext', ...(assistant ? [{ assistant }] : [])),
    render: (context) => showCheckIn(root, context, call, page, message),
    // Trying again starts afresh: the message belonged to the load that failed.
    retry: () => startCheckIn(root, call, page, assistant),
  });
}

/** Mood 1-5, each with its word so the number means the same to everyone. */
const MOOD_KEYS = [
  'ui.checkIn.mood.1',
  'ui.checkIn.mood.2',
  'ui.checkIn.mood.3',
  'ui.checkIn.mood.4',
  'ui.checkIn.mood.5',
] as const;

function linkOrText(url: string): Child {
  const safe = safeLink(url);
  return safe ? el('a', { href: safe, target: '_blank', rel: 'noopener noreferrer' }, url) : url;
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return el(
    'section',
    { class: 'block', 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title` }, title),
    ...children,
  );
}

export function showCheckIn(
  root: HTMLElement,
  context: CheckInContext,
  call: Call,
  page: Page,
  message?: string,
): void {
  const { lang, agenda } = context;
  const messages = messageArea();
  const reload = (text?: string): Promise<void> =>
    startCheckIn(root, call, page, agenda?.assistant.email, text);

  let picker: HTMLElement | null = null;
  if (context.canRecord && context.assistants.length > 0) {
    const select = dropDown(
      context.assistants.map((p) => ({ value: p.email, label: p.name || p.email })),
    );
    selectValue(select, agenda?.assistant.email ?? '');
    select.addEventListener('change', () => void startCheckIn(root, call, page, select.value));
    picker = field('assistant', t(lang, 'ui.checkIn.assistant'), select);
  }

  const close = el('button', { type: 'button' }, t(lang, 'ui.close'));
  close.addEventListener('click', closeSidebar);

  replaceChildren(
    root,
    picker,
    context.notice ? el('p', { class: 'notice', role: 'status' }, context.notice) : null,
    agenda
      ? agendaSections(agenda, context, call, messages, reload)
      : el('p', { role: 'status' }, t(lang, 'ui.checkIn.nobody')),
    context.myActions.length > 0 ? myActionsSection(context, call, messages, reload) : null,
    messages.element,
    el('div', { class: 'block buttons' }, close),
  );
  if (message) messages.status(el('p', {}, message));
}

function agendaSections(
  agenda: AgendaView,
  context: CheckInContext,
  call: Call,
  messages: MessageArea,
  reload: (message?: string) => Promise<void>,
): HTMLElement {
  const { lang } = context;
  const name = agenda.assistant.name || agenda.assistant.email;
  const isOwn = agenda.assistant.email === context.user.email;
  const wrap = el('div', { class: 'agenda' });
  wrap.append(
    section(
      'upcoming',
      t(lang, 'ui.checkIn.upcoming', { name }),
      ...(agenda.upcoming
        ? [
            ...slotLines(agenda.upcoming, name, lang).map((line) => el('p', {}, line)),
            agenda.upcoming.meetingLink
              ? el('p', {}, linkOrText(agenda.upcoming.meetingLink))
              : null,
          ]
        : [el('p', { class: 'gray' }, t(lang, 'ui.checkIn.nonePlanned'))]),
      context.canRecord ? scheduleForm(agenda, context, call, messages, reload) : null,
    ),
    section('agenda', t(lang, 'ui.checkIn.agenda'), ...agendaItems(agenda, lang)),
  );
  if (isOwn && agenda.manager) wrap.append(answerForm(agenda, context, call, messages, reload));
  if (context.canRecord) wrap.append(recordForm(agenda, context, call, messages, reload));
  return wrap;
}

function agendaItems(agenda: AgendaView, lang: Lang): Child[] {
  const items: Child[] = [];
  const heading = (key: Parameters<typeof t>[1], params = {}): HTMLElement =>
    el('h3', {}, t(lang, key, params));
  const last = agenda.lastCheckIn;
  items.push(
    heading('ui.checkIn.lastCheckIn'),
    last
      ? el(
          'div',
          { class: 'item' },
          el(
            'p',
            { class: 'gray' },
            last.mood === null
              ? last.date
              : t(lang, 'ui.checkIn.dateAndMood', { date: last.date, mood: last.mood }),
          ),
          last.summary ? el('p', {}, last.summary) : null,
        )
      : el('p', { class: 'gray' }, t(lang, 'ui.checkIn.firstCheckIn')),
  );

  items.push(heading('ui.checkIn.kpis'));
  if (agenda.kpis.length === 0)
    items.push(el('p', { class: 'gray' }, t(lang, 'ui.checkIn.noKpis')));
  for (const kpi of agenda.kpis) {
    const trend = trendLabel(kpi.trend, lang);
    items.push(
      el(
        'div',
        { class: 'item kpi' },
        el('p', {}, el('strong', {}, kpi.name), trend ? ` · ${trend}` : ''),
        kpi.problem ? el('p', { class: 'warning' }, kpi.problem) : null,
        ...kpi.periods.map((period) =>
          el(
            'p',
            {},
            `${periodLine(kpi, period, lang)} `,
            statusChip(period.statusKey, period.status),
          ),
        ),
      ),
    );
  }

  items.push(heading('ui.checkIn.actions'));
  if (agenda.actions.length === 0)
    items.push(el('p', { class: 'gray' }, t(lang, 'ui.checkIn.noActions')));
  for (const action of agenda.actions) items.push(actionItem(action, lang));

  items.push(heading('ui.checkIn.feedback'));
  if (agenda.feedback.length === 0)
    items.push(el('p', { class: 'gray' }, t(lang, 'ui.checkIn.noFeedback')));
  for (const feedback of agenda.feedback) items.push(feedbackItem(feedback));

  items.push(
    heading('ui.checkIn.upward', { name: agenda.assistant.name || agenda.assistant.email }),
  );
  if (agenda.upwardAnswers.length === 0)
    items.push(el('p', { class: 'gray' }, t(lang, 'ui.checkIn.noAnswer')));
  for (const feedback of agenda.upwardAnswers) items.push(feedbackItem(feedback));

  if (agenda.reviewDue.length > 0) {
    items.push(heading('ui.checkIn.reviewDue'));
    for (const kpi of agenda.reviewDue)
      items.push(
        el(
          'p',
          { class: 'item' },
          t(lang, 'ui.checkIn.reviewBy', { kpi: kpi.name, date: kpi.reviewBy }),
        ),
      );
  }
  return items;
}

function actionItem(action: ActionView, lang: Lang): HTMLElement {
  return el(
    'div',
    { class: `item action${action.overdue ? ' overdue' : ''}` },
    el('p', {}, el('strong', {}, action.id), ` ${action.action}`),
    el('p', { class: action.overdue ? 'warning' : 'gray' }, actionMeta(action, lang)),
    el('p', { class: 'gray' }, action.statusLabel, action.followUp ? ` · ${action.followUp}` : ''),
  );
}

function feedbackItem(feedback: FeedbackView): HTMLElement {
  return el(
    'div',
    { class: 'item feedback' },
    el('p', { class: 'gray' }, feedbackMeta(feedback)),
    el('p', {}, feedback.text),
  );
}

function scheduleForm(
  agenda: AgendaView,
  context: CheckInContext,
  call: Call,
  messages: MessageArea,
  reload: (message?: string) => Promise<void>,
): HTMLElement {
  const { lang } = context;
  const slot = agenda.upcoming;
  const cadence = dropDown(context.choices.cadence);
  selectValue(cadence, slot?.cadence || agenda.next.cadence);
  const date = el('input', {
    type: 'date',
    min: context.today,
    value: slot?.date ?? agenda.next.date,
  });
  const time = el('input', { type: 'time', value: slot?.time ?? agenda.next.time });
  const link = linkInput({ value: slot?.meetingLink ?? agenda.next.meetingLink });
  const save = el('button', { type: 'submit' }, t(lang, 'ui.checkIn.saveSchedule'));
  const form = el(
    'form',
    { novalidate: true, class: 'schedule', 'aria-label': t(lang, 'ui.checkIn.schedule') },
    field(`${SCHEDULE_PREFIX}cadence`, t(lang, 'ui.checkIn.cadenceLabel'), cadence),
    field(`${SCHEDULE_PREFIX}date`, t(lang, 'ui.checkIn.date'), date),
    field(
      `${SCHEDULE_PREFIX}time`,
      t(lang, 'ui.checkIn.time'),
      time,
      t(lang, 'ui.checkIn.managerZone', {
        zone: slot?.managerZone ?? agenda.manager?.timeZone ?? '',
      }),
    ),
    field(
      `${SCHEDULE_PREFIX}meetingLink`,
      t(lang, 'ui.optional', { label: t(lang, 'ui.checkIn.link') }),
      link,
    ),
    el('div', { class: 'block buttons' }, save),
  );
  form.addEventListener(
    'submit',
    submitWith(form, messages, lang, {
      button: save,
      read: () => ({
        cadence: cadence.value,
        date: date.value,
        time: time.value,
        meetingLink: link.value,
      }),
      problems: (values) => validateSchedule(values, context.today, lang),
      send: (values) => call('scheduleCheckIn', scheduleInput(agenda.assistant.email, values)),
      fieldOf: (field) => (field ? SCHEDULE_PREFIX + field : null),
      saved: (saved) => void reload(saved.message),
    }),
  );
  return el('details', {}, el('summary', {}, t(lang, 'ui.checkIn.schedule')), form);
}

function answerForm(
  agenda: AgendaView,
  context: CheckInContext,
  call: Call,
  messages: MessageArea,
  reload: (message?: string) => Promise<void>,
): HTMLElement {
  const { lang } = context;
  const kind = dropDown(context.choices.upwardKind);
  const text = el('textarea', { rows: 3 });
  const send = el('button', { type: 'submit', class: 'action' }, t(lang, 'ui.checkIn.sendAnswer'));
  const manager = agenda.manager?.name || agenda.manager?.email || '';
  const form = el(
    'form',
    {
      novalidate: true,
      class: 'answer',
      'aria-label': t(lang, 'ui.checkIn.question', { name: manager }),
    },
    field(`${ANSWER_PREFIX}kind`, t(lang, 'ui.checkIn.kind'), kind),
    field(`${ANSWER_PREFIX}text`, t(lang, 'ui.checkIn.answer'), text),
    el('div', { class: 'block buttons' }, send),
  );
  form.addEventListener(
    'submit',
    submitWith(form, messages, lang, {
      button: send,
      read: () => ({ kind: kind.value, text: text.value }),
      problems: (input) => validateAnswer(input, lang),
      send: (input) => call('answerUpwardQuestion', { kind: input.kind, text: input.text.trim() }),
      fieldOf: (field) => (field ? ANSWER_PREFIX + field : null),
      saved: (saved) => void reload(saved.message),
    }),
  );
  return section(
    'question',
    t(lang, 'ui.checkIn.question', { name: manager }),
    el('p', { class: 'gray' }, t(lang, 'ui.checkIn.questionHint')),
    form,
  );
}

function recordForm(
  agenda: AgendaView,
  context: CheckInContext,
  call: Call,
  messages: MessageArea,
  reload: (message?: string) => Promise<void>,
): HTMLElement {
  const { lang } = context;
  const assistantName = agenda.assistant.name || agenda.assistant.email;
  const managerName = context.user.name || context.user.email;
  const kpiSelect = (): HTMLSelectElement =>
    dropDown(
      agenda.kpis.map((k) => ({ value: k.id, label: k.name })),
      t(lang, 'ui.checkIn.noKpi'),
    );
  let counter = 0;

  const summary = el('textarea', { rows: 4, required: true });
  const mood = dropDown(
    MOOD_KEYS.map((key, i) => ({ value: String(i + 1), label: t(lang, key) })),
    t(lang, 'ui.choose'),
  );

  // Carried actions: their status and follow-up can change in the meeting.
  const updates: Array<{ row: UpdateRow; status: HTMLSelectElement; followUp: HTMLInputElement }> =
    agenda.actions.map((action, i) => {
      const prefix = `carried-${i}`;
      const status = dropDown(context.choices.actionStatus);
      selectValue(status, action.status);
      const followUp = textInput({ value: action.followUp });
      return {
        row: {
          prefix,
          actionId: action.id,
          status: action.status,
          followUp: action.followUp,
          was: { status: action.status, followUp: action.followUp },
        },
        status,
        followUp,
      };
    });
  const carried = el(
    'div',
    {},
    ...agenda.actions.map((action, i) => {
      const u = updates[i]!;
      return el(
        'fieldset',
        { class: 'item' },
        el('legend', {}, `${action.id} ${action.action}`),
        field(`${u.row.prefix}-status`, t(lang, 'ui.checkIn.status'), u.status),
        field(`${u.row.prefix}-followUp`, t(lang, 'ui.checkIn.followUp'), u.followUp),
      );
    }),
  );

  /**
   * Rows the button adds, each a fieldset with a Remove button: a new row's first field takes
   * the focus, and the button takes it back when a row is removed.
   */
  const addableRows = <T>(
    addLabel: string,
    stem: string,
    build: (prefix: string) => {
      legend: string;
      fields: HTMLElement[];
      /** The control that takes the focus when the row is added. */
      first: HTMLElement;
      values: () => T;
    },
  ) => {
    const rows: Array<{ values: () => T; element: HTMLElement }> = [];
    const list = el('div', {});
    const add = el('button', { type: 'button' }, addLabel);
    add.addEventListener('click', () => {
      const parts = build(`${stem}-${counter++}`);
      const remove = el('button', { type: 'button' }, t(lang, 'ui.checkIn.remove'));
      const element = el(
        'fieldset',
        { class: 'item' },
        el('legend', {}, parts.legend),
        ...parts.fields,
        remove,
      );
      const row = { element, values: parts.values };
      remove.addEventListener('click', () => {
        rows.splice(rows.indexOf(row), 1);
        element.remove();
        add.focus();
      });
      rows.push(row);
      list.append(element);
      parts.first.focus();
    });
    return { rows, list, add };
  };

  const feedbackItems = addableRows<FeedbackRow>(
    t(lang, 'ui.checkIn.addFeedback'),
    'fb',
    (prefix) => {
      const from = dropDown([
        {
          value: 'manager',
          label: t(lang, 'ui.checkIn.fromTo', { from: managerName, to: assistantName }),
        },
        {
          value: 'assistant',
          label: t(lang, 'ui.checkIn.fromTo', { from: assistantName, to: managerName }),
        },
      ]);
      const kind = dropDown(context.choices.feedbackKind);
      const kpi = kpiSelect();
      const text = el('textarea', { rows: 2 });
      return {
        legend: t(lang, 'ui.checkIn.feedbackItem'),
        first: from,
        fields: [
          field(`${prefix}-from`, t(lang, 'ui.checkIn.direction'), from),
          field(`${prefix}-kind`, t(lang, 'ui.checkIn.kind'), kind),
          field(`${prefix}-kpi`, t(lang, 'ui.optional', { label: 'KPI' }), kpi),
          field(`${prefix}-text`, t(lang, 'ui.checkIn.text'), text),
        ],
        values: () => ({
          prefix,
          from: from.value === 'assistant' ? 'assistant' : 'manager',
          kind: kind.value,
          kpi: kpi.value,
          text: text.value,
        }),
      };
    },
  );

  const actionItems = addableRows<ActionRow>(t(lang, 'ui.checkIn.addAction'), 'new', (prefix) => {
    const action = textInput();
    const owner = dropDown([
      { value: agenda.assistant.email, label: assistantName },
      { value: context.user.email, label: managerName },
    ]);
    const due = el('input', { type: 'date', min: context.today });
    const kpi = kpiSelect();
    return {
      legend: t(lang, 'ui.checkIn.newAction'),
      first: action,
      fields: [
        field(`${prefix}-action`, t(lang, 'ui.checkIn.actionText'), action),
        field(`${prefix}-owner`, t(lang, 'ui.checkIn.owner'), owner),
        field(`${prefix}-due`, t(lang, 'ui.checkIn.dueLabel'), due),
        field(`${prefix}-kpi`, t(lang, 'ui.optional', { label: 'KPI' }), kpi),
      ],
      values: () => ({
        prefix,
        action: action.value,
        owner: owner.value,
        due: due.value,
        kpi: kpi.value,
      }),
    };
  });

  const nextCadence = dropDown(context.choices.cadence);
  selectValue(nextCadence, agenda.next.cadence);
  const nextDate = el('input', { type: 'date', min: context.today, value: agenda.next.date });
  const nextTime = el('input', { type: 'time', value: agenda.next.time });
  const nextLink = linkInput({ value: agenda.next.meetingLink });
  const save = el('button', { type: 'submit', class: 'action' }, t(lang, 'ui.checkIn.save'));

  const form = el(
    'form',
    { novalidate: true, class: 'record', 'aria-label': t(lang, 'ui.checkIn.record') },
    field('summary', t(lang, 'ui.checkIn.summary'), summary),
    field('mood', t(lang, 'ui.optional', { label: t(lang, 'ui.checkIn.moodLabel') }), mood),
    agenda.actions.length > 0 ? el('h3', {}, t(lang, 'ui.checkIn.carried')) : null,
    carried,
    el('h3', {}, t(lang, 'ui.checkIn.feedbackBothWays')),
    feedbackItems.list,
    el('div', { class: 'block' }, feedbackItems.add),
    el('h3', {}, t(lang, 'ui.checkIn.newActions')),
    actionItems.list,
    el('div', { class: 'block' }, actionItems.add),
    el('h3', {}, t(lang, 'ui.checkIn.nextCheckIn')),
    field('nextCadence', t(lang, 'ui.checkIn.cadenceLabel'), nextCadence),
    field('nextDate', t(lang, 'ui.checkIn.date'), nextDate),
    field('nextTime', t(lang, 'ui.optional', { label: t(lang, 'ui.checkIn.time') }), nextTime),
    field('nextLink', t(lang, 'ui.optional', { label: t(lang, 'ui.checkIn.link') }), nextLink),
    el('div', { class: 'block buttons' }, save),
  );

  const read = (): RecordValues => ({
    summary: summary.value,
    mood: mood.value,
    feedback: feedbackItems.rows.map((r) => r.values()),
    actions: actionItems.rows.map((r) => r.values()),
    updates: updates.map((u) => ({ ...u.row, status: u.status.value, followUp: u.followUp.value })),
    next: {
      cadence: nextCadence.value,
      date: nextDate.value,
      time: nextTime.value,
      meetingLink: nextLink.value,
    },
  });

  form.addEventListener(
    'submit',
    submitWith(form, messages, lang, {
      button: save,
      read,
      problems: (values) => validateRecord(values, context.today, lang),
      send: (values) =>
        call(
          'recordCheckIn',
          recordInput(agenda.assistant.email, agenda.upcoming?.id ?? '', values),
        ),
      fieldOf: controlOf,
      saved: (saved) => void reload(saved.message),
    }),
  );

  return section('record', t(lang, 'ui.checkIn.record'), form);
}

function myActionsSection(
  context: CheckInContext,
  call: Call,
  messages: MessageArea,
  reload: (message?: string) => Promise<void>,
): HTMLElement {
  const { lang } = context;
  return section(
    'mine',
    t(lang, 'ui.checkIn.myActions'),
    ...context.myActions.map((action) => {
      const prefix = `mine-${action.id.replace(/[^\w-]/g, '')}`;
      const status = dropDown(context.choices.actionStatus);
      selectValue(status, action.status);
      const followUp = textInput({ value: action.followUp });
      const save = el('button', { type: 'submit' }, t(lang, 'ui.checkIn.update'));
      const form = el(
        'form',
        { novalidate: true, class: 'item', 'aria-label': action.action },
        el('p', {}, el('strong', {}, action.id), ` ${action.action}`),
        el('p', { class: action.overdue ? 'warning' : 'gray' }, actionMeta(action, lang)),
        field(`${prefix}-status`, t(lang, 'ui.checkIn.status'), status),
        field(`${prefix}-followUp`, t(lang, 'ui.checkIn.followUp'), followUp),
        el('div', { class: 'buttons' }, save),
      );
      form.addEventListener(
        'submit',
        submitWith(form, messages, lang, {
          button: save,
          read: () => ({ status: status.value, followUp: followUp.value }),
          problems: (values) => validateActionUpdate(prefix, values.status, values.followUp, lang),
          send: (values) =>
            call('updateAction', {
              actionId: action.id,
              status: values.status,
              followUp: values.followUp.trim(),
            }),
          fieldOf: (field) => (field ? `${prefix}-${field}` : null),
          saved: (saved) => void reload(saved.message),
        }),
      );
      return form;
    }),
  );
}
