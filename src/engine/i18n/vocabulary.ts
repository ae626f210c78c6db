/**
 * The workbook's words in both languages: tab names, headers and choice
 * values. They are written in the workbook's language and read in either
 * (PRODUCT section 3), so a Danish sheet keeps working after a switch to English.
 */
import type { Lang } from '../types';

/** [English, Danish] */
export type Words = readonly [string, string];

export const TAB_SCHEMAS = {
  team: {
    name: ['Team', 'Team'],
    columns: {
      name: ['Name', 'Navn'],
      email: ['Email', 'E-mail'],
      role: ['Role', 'Rolle'],
      manager: ['Manager', 'Leder'],
      timeZone: ['Time zone', 'Tidszone'],
      workDays: ['Work days', 'Arbejdsdage'],
      workHours: ['Work hours', 'Arbejdstid'],
      channel: ['Channel', 'Kanal'],
      awayUntil: ['Away until', 'Væk indtil'],
      active: ['Active', 'Aktiv'],
    },
  },
  goals: {
    name: ['Goals', 'Mål'],
    columns: {
      goalId: ['Goal ID', 'Mål-ID'],
      goal: ['Goal', 'Mål'],
      owner: ['Owner', 'Ejer'],
      targetDate: ['Target date', 'Måldato'],
      notes: ['Notes', 'Noter'],
    },
  },
  kpis: {
    name: ['KPIs', "KPI'er"],
    columns: {
      kpiId: ['KPI ID', 'KPI-ID'],
      kpi: ['KPI', 'KPI'],
      owner: ['Owner', 'Ejer'],
      goalId: ['Goal ID', 'Mål-ID'],
      taskType: ['Task type', 'Opgavetype'],
      measure: ['Measure', 'Måling'],
      aggregation: ['Aggregation', 'Beregning'],
      direction: ['Direction', 'Retning'],
      target: ['Target', 'Mål'],
      unit: ['Unit', 'Enhed'],
      period: ['Period', 'Periode'],
      dueTime: ['Due time', 'Frist'],
      qualifier: ['Qualifier', 'Betingelse'],
      numeratorKpi: ['Numerator KPI', 'Tæller-KPI'],
      denominatorKpi: ['Denominator KPI', 'Nævner-KPI'],
      riskBand: ['Risk band', 'Risikobånd'],
      baseline: ['Baseline', 'Udgangspunkt'],
      start: ['Start', 'Start'],
      reviewBy: ['Review by', 'Evalueres senest'],
      status: ['Status', 'Status'],
      smart: ['SMART', 'SMART'],
    },
  },
  log: {
    name: ['Log', 'Log'],
    columns: {
      entryId: ['Entry ID', 'Post-ID'],
      date: ['Date', 'Dato'],
      assistant: ['Assistant', 'Assistent'],
      kpi: ['KPI', 'KPI'],
      value: ['Value', 'Værdi'],
      note: ['Note', 'Note'],
      link: ['Link', 'Link'],
      loggedAt: ['Logged at', 'Registreret'],
      loggedBy: ['Logged by', 'Registreret af'],
      check: ['Check', 'Kontrol'],
    },
  },
  checkIns: {
    name: ['Check-ins', 'Opfølgninger'],
    columns: {
      checkInId: ['Check-in ID', 'Opfølgnings-ID'],
      assistant: ['Assistant', 'Assistent'],
      manager: ['Manager', 'Leder'],
      cadence: ['Cadence', 'Kadence'],
      date: ['Date', 'Dato'],
      time: ['Time', 'Tidspunkt'],
      meetingLink: ['Meeting link', 'Mødelink'],
      status: ['Status', 'Status'],
      mood: ['Mood', 'Humør'],
      summary: ['Summary', 'Resumé'],
      nextCheckIn: ['Next check-in', 'Næste opfølgning'],
    },
  },
  feedback: {
    name: ['Feedback', 'Feedback'],
    columns: {
      feedbackId: ['Feedback ID', 'Feedback-ID'],
      date: ['Date', 'Dato'],
      from: ['From', 'Fra'],
      to: ['To', 'Til'],
      direction: ['Direction', 'Retning'],
      kind: ['Kind', 'Type'],
      kpi: ['KPI', 'KPI'],
      text: ['Text', 'Tekst'],
      checkInId: ['Check-in ID', 'Opfølgnings-ID'],
      acknowledged: ['Acknowledged', 'Kvitteret'],
    },
  },
  actions: {
    name: ['Actions', 'Handlinger'],
    columns: {
      actionId: ['Action ID', 'Handlings-ID'],
      created: ['Created', 'Oprettet'],
      owner: ['Owner', 'Ejer'],
      action: ['Action', 'Handling'],
      kpi: ['KPI', 'KPI'],
      source: ['Source', 'Kilde'],
      due: ['Due', 'Frist'],
      status: ['Status', 'Status'],
      doneOn: ['Done on', 'Udført den'],
      followUp: ['Follow-up', 'Opfølgning'],
    },
  },
  targets: {
    name: ['Targets', 'Målhistorik'],
    columns: {
      kpiId: ['KPI ID', 'KPI-ID'],
      validFrom: ['Valid from', 'Gælder fra'],
      target: ['Target', 'Mål'],
      changedBy: ['Changed by', 'Ændret af'],
      reason: ['Reason', 'Begrundelse'],
    },
  },
  dashboard: {
    name: ['Dashboard', 'Oversigt'],
    columns: {},
  },
  outbox: {
    name: ['Outbox', 'Udbakke'],
    columns: {
      reminderKey: ['Reminder key', 'Påmindelsesnøgle'],
      created: ['Created', 'Oprettet'],
      dueAt: ['Due at', 'Forfalder'],
      recipient: ['Recipient', 'Modtager'],
      channel: ['Channel', 'Kanal'],
      rule: ['Rule', 'Regel'],
      subject: ['Subject', 'Emne'],
      status: ['Status', 'Status'],
      attempts: ['Attempts', 'Forsøg'],
      sentAt: ['Sent at', 'Sendt'],
      error: ['Error', 'Fejl'],
    },
  },
} as const satisfies Record<string, { name: Words; columns: Record<string, Words> }>;

export type TabId = keyof typeof TAB_SCHEMAS;
export type FieldOf<T extends TabId> = keyof (typeof TAB_SCHEMAS)[T]['columns'] & string;

export const TAB_IDS = Object.keys(TAB_SCHEMAS) as TabId[];

/** Choice values: the English word is the one the code uses. */
export const CHOICES = {
  aggregation: {
    Sum: ['Sum', 'Sum'],
    Count: ['Count', 'Antal'],
    Average: ['Average', 'Gennemsnit'],
    Min: ['Min', 'Min'],
    Max: ['Max', 'Maks'],
    Latest: ['Latest', 'Seneste'],
    Ratio: ['Ratio', 'Forhold'],
    'On-time': ['On-time', 'Til tiden'],
  },
  direction: { 'At least': ['At least', 'Mindst'], 'At most': ['At most', 'Højst'] },
  period: {
    Day: ['Day', 'Dag'],
    Week: ['Week', 'Uge'],
    Fortnight: ['Fortnight', '14 dage'],
    Month: ['Month', 'Måned'],
  },
  kpiState: {
    Active: ['Active', 'Aktiv'],
    Paused: ['Paused', 'Pause'],
    Retired: ['Retired', 'Udgået'],
  },
  role: { Manager: ['Manager', 'Leder'], Assistant: ['Assistant', 'Assistent'] },
  channel: {
    Email: ['Email', 'E-mail'],
    'Google Chat': ['Google Chat', 'Google Chat'],
    Slack: ['Slack', 'Slack'],
    Teams: ['Teams', 'Teams'],
  },
  taskType: {
    'Social media': ['Social media', 'Sociale medier'],
    'Customer service': ['Customer service', 'Kundeservice'],
    Administration: ['Administration', 'Administration'],
    Content: ['Content', 'Indholdsproduktion'],
    'Lead generation': ['Lead generation', 'Leadgenerering'],
  },
  weekday: {
    Mon: ['Mon', 'man'],
    Tue: ['Tue', 'tir'],
    Wed: ['Wed', 'ons'],
    Thu: ['Thu', 'tor'],
    Fri: ['Fri', 'fre'],
    Sat: ['Sat', 'lør'],
    Sun: ['Sun', 'søn'],
  },
  cadence: {
    Weekly: ['Weekly', 'Ugentlig'],
    Biweekly: ['Biweekly', 'Hver 14. dag'],
    Monthly: ['Monthly', 'Månedlig'],
  },
  checkInStatus: {
    Planned: ['Planned', 'Planlagt'],
    Held: ['Held', 'Afholdt'],
    Missed: ['Missed', 'Udeblevet'],
    Cancelled: ['Cancelled', 'Aflyst'],
  },
  feedbackDirection: {
    Downward: ['Downward', 'Nedad'],
    Upward: ['Upward', 'Opad'],
    Peer: ['Peer', 'Kollega'],
  },
  feedbackKind: {
    Praise: ['Praise', 'Ros'],
    Constructive: ['Constructive', 'Konstruktiv'],
    Suggestion: ['Suggestion', 'Forslag'],
    Blocker: ['Blocker', 'Forhindring'],
  },
  actionStatus: {
    Open: ['Open', 'Åben'],
    'In progress': ['In progress', 'I gang'],
    Done: ['Done', 'Udført'],
    Dropped: ['Dropped', 'Droppet'],
  },
  outboxStatus: {
    Queued: ['Queued', 'I kø'],
    Sending: ['Sending', 'Sender'],
    Sent: ['Sent', 'Sendt'],
    Failed: ['Failed', 'Fejlet'],
    Skipped: ['Skipped', 'Sprunget over'],
    Unknown: ['Unknown', 'Ukendt'],
  },
} as const satisfies Record<string, Record<string, Words>>;

export type ChoiceList = keyof typeof CHOICES;
export type ChoiceOf<L extends ChoiceList> = keyof (typeof CHOICES)[L] & string;

const LANG_INDEX: Record<Lang, 0 | 1> = { en: 0, da: 1 };

export function word(lang: Lang, words: Words): string {
  return words[LANG_INDEX[lang]];
}

/** Lower case, single spaces, no dots or hyphens: "on time", "On-time" and "ON  TIME" match. */
export function normalizeWord(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[.\-_]/g, ' ')
    .replace(/\s+/g, ' ');
}

const readers = new Map<ChoiceList, Map<string, string>>();

/** Reads a choice in English or Danish; null when it is neither. */
export function readChoice<L extends ChoiceList>(list: L, text: unknown): ChoiceOf<L> | null {
  let reader = readers.get(list);
  if (!reader) {
    reader = new Map();
    for (const [value, words] of Object.entries(CHOICES[list]) as [string, Words][]) {
      reader.set(normalizeWord(value), value);
      for (const w of words) reader.set(normalizeWord(w), value);
    }
    readers.set(list, reader);
  }
  return (reader.get(normalizeWord(String(text ?? ''))) as ChoiceOf<L> | undefined) ?? null;
}

export function choiceWord<L extends ChoiceList>(lang: Lang, list: L, value: ChoiceOf<L>): string {
  return word(lang, (CHOICES[list] as Record<string, Words>)[value] as Words);
}

export function choiceWords<L extends ChoiceList>(lang: Lang, list: L): string[] {
  return Object.values(CHOICES[list] as Record<string, Words>).map((w) => word(lang, w));
}

export function tabName(lang: Lang, tab: TabId): string {
  return word(lang, TAB_SCHEMAS[tab].name);
}

export function headers(lang: Lang, tab: TabId): string[] {
  return Object.values(TAB_SCHEMAS[tab].columns as Record<string, Words>).map((w) => word(lang, w));
}

export function fields<T extends TabId>(tab: T): FieldOf<T>[] {
  return Object.keys(TAB_SCHEMAS[tab].columns) as FieldOf<T>[];
}
