/**
 * The example team's feedback loop, for "Set up tracker with example data"
 * (issue 4): a few weeks of check-ins (held, with summaries and mood; one
 * missed; the next ones planned), feedback both ways and actions, one of
 * them carried forward since the first check-in. Dates are counted from the
 * day the examples are loaded, so the next check-ins are always ahead.
 *
 * Rows are text as a person would type them (ISO dates, English choice
 * words, `HH:MM` times); the loader turns them into cells in the workbook's
 * language, as it does for the shared CSV samples.
 */
import type { DayNumber, Lang, Weekday } from '../engine/types';
import { addCadence } from '../engine/feedback/schedule';
import { isoDay, weekdayOf } from '../engine/time/calendar';

type Text = { en: string; da: string };
export type ExampleRow = Record<string, string>;

export interface FeedbackLoopExamples {
  checkIns: ExampleRow[];
  feedback: ExampleRow[];
  actions: ExampleRow[];
}

const METTE = 'mette@example.com';
const PRIYA = 'priya@example.com';
const JUAN = 'juan@example.com';
const ANA = 'ana@example.com';

/** The first `weekday` on or after `day`. */
function onOrAfter(day: DayNumber, weekday: Weekday): DayNumber {
  return day + ((weekday - weekdayOf(day) + 7) % 7);
}

interface CheckInPlan {
  key: string;
  assistant: string;
  cadence: 'Weekly' | 'Biweekly' | 'Monthly';
  date: DayNumber;
  time: string;
  link: string;
  status: 'Held' | 'Missed' | 'Planned';
  mood?: number;
  summary?: Text;
  next?: DayNumber;
}

export function feedbackLoopExamples(today: DayNumber, lang: Lang): FeedbackLoopExamples {
  const say = (text: Text): string => text[lang];
  const priyaNext = onOrAfter(today, 1); // Tuesdays, weekly
  const juanNext = onOrAfter(today, 2); // Wednesdays, every other week
  const anaNext = onOrAfter(today, 4); // monthly, on that day of the month
  const priyaLink = 'https://meet.google.com/kpi-loop-priya';
  const anaLink = 'https://meet.google.com/kpi-loop-ana';
  const priya = (key: string, weeksBack: number, rest: Partial<CheckInPlan>): CheckInPlan => ({
    key,
    assistant: PRIYA,
    cadence: 'Weekly',
    date: priyaNext - 7 * weeksBack,
    time: '10:00',
    link: priyaLink,
    status: 'Held',
    next: priyaNext - 7 * (weeksBack - 1),
    ...rest,
  });

  const plans: CheckInPlan[] = [
    priya('p1', 3, {
      mood: 3,
      summary: {
        en: 'First weekly check-in. Posts wait long for approval; agreed to send briefs earlier.',
        da: 'Første ugentlige opfølgning. Opslag venter længe på godkendelse; aftalt at sende briefs tidligere.',
      },
    }),
    priya('p2', 2, {
      mood: 4,
      summary: {
        en: 'Reached 15 approved posts. Turnaround is still above 48 hours on busy client days.',
        da: '15 godkendte opslag nået. Ekspeditionstiden er stadig over 48 timer på travle kundedage.',
      },
    }),
    priya('p3', 1, {
      mood: 4,
      summary: {
        en: 'Good week. Waiting for the brand guidelines for the new product line.',
        da: 'God uge. Venter på brandretningslinjerne til den nye produktlinje.',
      },
    }),
    priya('p4', 0, { status: 'Planned', next: undefined }),
    {
      key: 'j0',
      assistant: JUAN,
      cadence: 'Biweekly',
      date: juanNext - 28,
      time: '09:00',
      link: '',
      status: 'Missed',
    },
    {
      key: 'j1',
      assistant: JUAN,
      cadence: 'Biweekly',
      date: juanNext - 14,
      time: '09:00',
      link: '',
      status: 'Held',
      mood: 5,
      next: juanNext,
      summary: {
        en: 'Replies well under 4 hours and customers are happy. Canned replies would save more time.',
        da: 'Svar langt under 4 timer, og kunderne er glade. Standardsvar ville spare mere tid.',
      },
    },
    {
      key: 'j2',
      assistant: JUAN,
      cadence: 'Biweekly',
      date: juanNext,
      time: '09:00',
      link: '',
      status: 'Planned',
    },
    {
      key: 'a1',
      assistant: ANA,
      cadence: 'Monthly',
      date: addCadence(anaNext, 'Monthly', -1),
      time: '16:00',
      link: anaLink,
      status: 'Held',
      mood: 3,
      next: anaNext,
      summary: {
        en: 'Lead quality is good but conversion lags. Focus on faster follow-up calls.',
        da: 'Leadkvaliteten er god, men konverteringen halter. Fokus på hurtigere opfølgningsopkald.',
      },
    },
    {
      key: 'a2',
      assistant: ANA,
      cadence: 'Monthly',
      date: anaNext,
      time: '16:00',
      link: anaLink,
      status: 'Planned',
    },
  ];
  // IDs in the order the check-ins happen, as they would have been handed out.
  plans.sort((a, b) => a.date - b.date || a.key.localeCompare(b.key));
  const id = new Map(plans.map((plan, i) => [plan.key, `C${i + 1}`]));
  const dateOf = (key: string): DayNumber =>
    (plans.find((plan) => plan.key === key) as CheckInPlan).date;

  const checkIns = plans.map((plan) => ({
    checkInId: id.get(plan.key) as string,
    assistant: plan.assistant,
    manager: METTE,
    cadence: plan.cadence,
    date: isoDay(plan.date),
    time: plan.time,
    meetingLink: plan.link,
    status: plan.status,
    mood: plan.mood === undefined ? '' : String(plan.mood),
    summary: plan.summary ? say(plan.summary) : '',
    nextCheckIn: plan.next === undefined ? '' : isoDay(plan.next),
  }));

  const feedbackRows: Array<
    [string, string, string, string, string, string, DayNumber, Text, boolean]
  > = [
    // from, to, direction, kind, KPI, check-in, date, text, acknowledged
    [
      METTE,
      PRIYA,
      'Downward',
      'Praise',
      'K1',
      'p2',
      dateOf('p2'),
      {
        en: 'The carousel posts were approved on the first try. Great work.',
        da: 'Karruselopslagene blev godkendt i første forsøg. Flot arbejde.',
      },
      true,
    ],
    [
      METTE,
      JUAN,
      'Downward',
      'Praise',
      'K3',
      'j1',
      dateOf('j1'),
      {
        en: 'Reply times well under 4 hours all week: customers notice.',
        da: 'Svartider langt under 4 timer hele ugen: kunderne lægger mærke til det.',
      },
      true,
    ],
    [
      ANA,
      METTE,
      'Upward',
      'Suggestion',
      'K10',
      'a1',
      dateOf('a1'),
      {
        en: 'A short call script for follow-ups would help conversion.',
        da: 'Et kort opkaldsmanuskript til opfølgning ville hjælpe konverteringen.',
      },
      true,
    ],
    [
      METTE,
      PRIYA,
      'Downward',
      'Constructive',
      'K2',
      'p3',
      dateOf('p3'),
      {
        en: 'Turnaround slipped past 48 hours twice: flag briefs you cannot start the same day.',
        da: 'Ekspeditionstiden gik over 48 timer to gange: sig til om briefs, du ikke kan starte samme dag.',
      },
      false,
    ],
    [
      PRIYA,
      METTE,
      'Upward',
      'Blocker',
      'K1',
      'p3',
      dateOf('p3'),
      {
        en: 'I need the brand guidelines for the new product line before I can schedule its posts.',
        da: 'Jeg skal bruge brandretningslinjerne til den nye produktlinje, før jeg kan planlægge dens opslag.',
      },
      true,
    ],
    [
      JUAN,
      PRIYA,
      'Peer',
      'Praise',
      '',
      '',
      today - 1,
      {
        en: 'Thanks for covering the support inbox on Friday.',
        da: 'Tak fordi du passede supportindbakken i fredags.',
      },
      false,
    ],
    // Priya's answer to "what do you need from me?" for her next check-in.
    [
      PRIYA,
      METTE,
      'Upward',
      'Suggestion',
      '',
      'p4',
      today - 1,
      {
        en: 'Could we plan next month in a shared content calendar at the next check-in?',
        da: 'Kan vi planlægge næste måned i en fælles indholdskalender ved næste opfølgning?',
      },
      false,
    ],
  ];
  const feedback = feedbackRows
    .sort((a, b) => a[6] - b[6])
    .map(([from, to, direction, kind, kpi, checkIn, date, text, acknowledged], i) => ({
      feedbackId: `F${i + 1}`,
      date: isoDay(date),
      from,
      to,
      direction,
      kind,
      kpi,
      text: say(text),
      checkInId: checkIn ? (id.get(checkIn) as string) : '',
      acknowledged: acknowledged ? 'TRUE' : 'FALSE',
    }));

  const actionRows: Array<{
    owner: string;
    action: Text;
    kpi: string;
    source: string;
    due: number;
    status: string;
    doneOn?: number;
    followUp?: Text;
  }> = [
    {
      // Agreed at the first check-in and still open: carried forward ever since.
      owner: PRIYA,
      action: {
        en: 'Send Mette a morning list of briefs that cannot start the same day',
        da: 'Send Mette en morgenliste over briefs, der ikke kan startes samme dag',
      },
      kpi: 'K2',
      source: 'p1',
      due: dateOf('p1') + 7,
      status: 'In progress',
      followUp: { en: 'Two lists sent so far.', da: 'To lister sendt indtil videre.' },
    },
    {
      owner: PRIYA,
      action: {
        en: "Schedule next week's posts by Friday",
        da: 'Planlæg næste uges opslag senest fredag',
      },
      kpi: 'K1',
      source: 'p2',
      due: dateOf('p2') + 3,
      status: 'Done',
      doneOn: dateOf('p2') + 3,
      followUp: { en: 'Scheduled for the whole week.', da: 'Planlagt for hele ugen.' },
    },
    {
      owner: METTE,
      action: {
        en: 'Share the brand guidelines for the new product line',
        da: 'Del brandretningslinjerne til den nye produktlinje',
      },
      kpi: 'K1',
      source: 'p3',
      due: dateOf('p3') + 3,
      status: 'Open',
    },
    {
      owner: JUAN,
      action: {
        en: 'Set up canned replies for the five most common questions',
        da: 'Opret standardsvar til de fem mest almindelige spørgsmål',
      },
      kpi: 'K3',
      source: 'j1',
      due: dateOf('j1') + 10,
      status: 'Open',
    },
    {
      owner: ANA,
      action: {
        en: 'Call back every new lead within one working day',
        da: 'Ring alle nye leads op inden for én arbejdsdag',
      },
      kpi: 'K10',
      source: 'a1',
      due: dateOf('a1') + 14,
      status: 'Dropped',
      followUp: {
        en: 'Replaced by the call script agreed with Mette.',
        da: 'Erstattet af opkaldsmanuskriptet, aftalt med Mette.',
      },
    },
  ];
  const actions = actionRows
    .sort((a, b) => dateOf(a.source) - dateOf(b.source))
    .map((a, i) => ({
      actionId: `A${i + 1}`,
      created: isoDay(dateOf(a.source)),
      owner: a.owner,
      action: say(a.action),
      kpi: a.kpi,
      source: id.get(a.source) as string,
      due: isoDay(a.due),
      status: a.status,
      doneOn: a.doneOn === undefined ? '' : isoDay(a.doneOn),
      followUp: a.followUp ? say(a.followUp) : '',
    }));

  return { checkIns, feedback, actions };
}
