/** Check-in and Give feedback contexts as the server sends them, for the page tests. */
import type {
  ActionView,
  AgendaView,
  CheckInContext,
  FeedbackContext,
  FeedbackView,
} from '../../../src/ui/api';
import type { Lang } from '../../../src/engine/types';

export const XSS = '<img src=x onerror=alert(1)>';
export const FORMULA = '=IMPORTRANGE("https://x","A1")';

export const PRIYA = { email: 'priya@example.com', name: 'Priya Sharma' };
export const METTE = { email: 'mette@example.com', name: 'Mette Jensen' };
export const JUAN = { email: 'juan@example.com', name: 'Juan dela Cruz' };

export function actionView(over: Partial<ActionView> = {}): ActionView {
  return {
    id: 'A2',
    action: 'Send a morning list of briefs',
    owner: PRIYA,
    kpi: 'K2',
    source: 'C3',
    sourceDate: '2026-11-10',
    due: '2026-11-17',
    status: 'In progress',
    statusLabel: 'In progress',
    doneOn: '',
    followUp: 'Two lists sent so far.',
    overdue: true,
    ...over,
  };
}

export function feedbackView(over: Partial<FeedbackView> = {}): FeedbackView {
  return {
    id: 'F6',
    date: '2026-11-25',
    from: JUAN,
    to: PRIYA,
    direction: 'Peer',
    kind: 'Praise',
    kindLabel: 'Praise',
    kpi: '',
    text: 'Thanks for covering the inbox.',
    checkInId: '',
    acknowledged: false,
    ...over,
  };
}

export function agendaView(over: Partial<AgendaView> = {}): AgendaView {
  return {
    assistant: { ...PRIYA, timeZone: 'Asia/Kolkata' },
    manager: { ...METTE, timeZone: 'Europe/Copenhagen' },
    lastCheckIn: { id: 'C6', date: '2026-11-24', mood: 4, summary: 'Good week.' },
    upcoming: {
      id: 'C8',
      date: '2026-12-01',
      time: '10:00',
      managerZone: 'Europe/Copenhagen',
      assistantDate: '2026-12-01',
      assistantTime: '14:30',
      assistantZone: 'Asia/Kolkata',
      cadence: 'Weekly',
      cadenceLabel: 'Weekly',
      meetingLink: 'https://meet.google.com/kpi-loop-priya',
    },
    next: { cadence: 'Weekly', date: '2026-12-03', time: '10:00', meetingLink: '' },
    kpis: [
      {
        id: 'K1',
        name: 'Approved posts',
        unit: 'posts',
        periods: [
          {
            key: '2026-W47',
            closed: true,
            actual: 12,
            target: 15,
            status: 'Missed',
            statusKey: 'Missed',
          },
          {
            key: '2026-W48',
            closed: false,
            actual: 11,
            target: 15,
            status: 'At risk',
            statusKey: 'At risk',
          },
        ],
        trend: 'down',
        problem: '',
      },
    ],
    actions: [actionView()],
    feedback: [feedbackView()],
    upwardAnswers: [
      feedbackView({
        id: 'F7',
        from: PRIYA,
        to: METTE,
        direction: 'Upward',
        kind: 'Suggestion',
        kindLabel: 'Suggestion',
        text: 'A shared content calendar, please.',
        checkInId: 'C8',
      }),
    ],
    reviewDue: [],
    ...over,
  };
}

const choices = (values: string[]) => values.map((value) => ({ value, label: value }));

export function checkInContext(over: Partial<CheckInContext> = {}): CheckInContext {
  return {
    lang: 'en',
    user: { ...METTE, timeZone: 'Europe/Copenhagen' },
    canRecord: true,
    assistants: [PRIYA, JUAN],
    agenda: agendaView(),
    myActions: [],
    today: '2026-11-26',
    choices: {
      cadence: choices(['Weekly', 'Biweekly', 'Monthly']),
      feedbackKind: choices(['Praise', 'Constructive', 'Suggestion', 'Blocker']),
      upwardKind: choices(['Suggestion', 'Blocker']),
      actionStatus: choices(['Open', 'In progress', 'Done', 'Dropped']),
    },
    notice: '',
    ...over,
  };
}

/** What Priya herself sees: her agenda, no recording. */
export function ownCheckInContext(lang: Lang = 'en'): CheckInContext {
  return checkInContext({
    lang,
    user: { ...PRIYA, timeZone: 'Asia/Kolkata' },
    canRecord: false,
    assistants: [PRIYA],
    myActions: [actionView()],
    today: '2026-11-26',
  });
}

export function feedbackContext(over: Partial<FeedbackContext> = {}): FeedbackContext {
  return {
    lang: 'en',
    user: PRIYA,
    people: [
      { ...METTE, direction: 'Upward', directionLabel: 'Upward' },
      { ...JUAN, direction: 'Peer', directionLabel: 'Peer' },
    ],
    kpis: [{ id: 'K1', name: 'Approved posts' }],
    checkIns: [{ id: 'C8', label: 'C8 · 2026-12-01 · with Mette Jensen' }],
    kinds: choices(['Praise', 'Constructive', 'Suggestion', 'Blocker']),
    inbox: [
      feedbackView(),
      feedbackView({
        id: 'F4',
        from: METTE,
        kind: 'Constructive',
        kindLabel: 'Constructive',
        text: XSS,
      }),
    ],
    ...over,
  };
}
