/** Contexts as the server sends them, for the page tests. */
import type {
  KpiDraft,
  KpiEditorContext,
  LogWorkContext,
  LogWorkKpi,
  ServerApi,
} from '../../../src/ui/api';
import type { Lang } from '../../../src/engine/types';
import { choiceWords } from '../../../src/engine/i18n/vocabulary';
import type { Call } from '../../../src/ui/pages/shared/bridge';

export const POSTS: LogWorkKpi = {
  id: 'K1',
  name: 'Approved posts',
  unit: 'posts',
  measure: 'Posts approved by the client',
  aggregation: 'Sum',
  valueOptional: false,
  target: 15,
  actual: 11,
  status: 'At risk',
  statusKey: 'At risk',
};

export const ARTICLES: LogWorkKpi = {
  id: 'K7',
  name: 'SEO articles',
  unit: 'articles',
  measure: 'Published SEO articles',
  aggregation: 'Count',
  valueOptional: true,
  target: 3,
  actual: null,
  status: 'No data',
  statusKey: 'No data',
};

export function logWorkContext(overrides: Partial<LogWorkContext> = {}): LogWorkContext {
  return {
    lang: 'en',
    user: { email: 'priya@example.com', name: 'Priya Sharma', timeZone: 'Asia/Kolkata' },
    today: '2026-11-26',
    kpis: [POSTS, ARTICLES],
    ...overrides,
  };
}

export function draft(overrides: Partial<KpiDraft> = {}): KpiDraft {
  return {
    id: 'K1',
    name: 'Approved posts',
    owner: 'priya@example.com',
    goalId: 'G1',
    taskType: 'Social media',
    measure: 'Posts approved by the client',
    aggregation: 'Sum',
    direction: 'At least',
    target: '15',
    unit: 'posts',
    period: 'Week',
    dueTime: '',
    qualifier: '',
    numeratorKpi: '',
    denominatorKpi: '',
    riskBand: '10%',
    baseline: '',
    start: '2026-11-02',
    reviewBy: '2026-12-31',
    status: 'Active',
    ...overrides,
  };
}

export function editorContext(lang: Lang = 'en', overrides: Partial<KpiEditorContext> = {}) {
  const context: KpiEditorContext = {
    lang,
    timeZone: 'Europe/Copenhagen',
    kpis: [
      draft(),
      draft({ id: 'K8', name: 'Qualified leads', owner: 'ana@example.com', goalId: 'G5' }),
      draft({ id: 'K9', name: 'Converted leads', owner: 'ana@example.com', goalId: 'G5' }),
    ],
    team: [
      { email: 'mette@example.com', name: 'Mette Jensen', role: 'Manager' },
      { email: 'priya@example.com', name: 'Priya Sharma', role: 'Assistant' },
      { email: 'ana@example.com', name: 'Ana Silva', role: 'Assistant' },
    ],
    goals: [
      { id: 'G1', name: 'Grow brand reach on social media' },
      { id: 'G5', name: 'Fill the sales pipeline' },
    ],
    templates: [
      {
        taskType: 'Lead generation',
        drafts: [
          draft({
            id: '',
            name: 'Qualified leads',
            owner: '',
            goalId: '',
            taskType: 'Lead generation',
            target: '50',
            unit: 'leads',
          }),
        ],
      },
    ],
    best: { K1: 14 },
    reviews: [],
    choices: {
      aggregation: choiceWords(lang, 'aggregation'),
      direction: choiceWords(lang, 'direction'),
      period: choiceWords(lang, 'period'),
      kpiState: choiceWords(lang, 'kpiState'),
      taskType: choiceWords(lang, 'taskType'),
    },
  };
  return { ...context, ...overrides };
}

type Handlers = {
  [K in keyof ServerApi]?: (...args: Parameters<ServerApi[K]>) => ReturnType<ServerApi[K]>;
};

/** A server in memory: records each call and answers from `handlers`. */
export function fakeServer(handlers: Handlers): { call: Call; calls: Array<[string, unknown[]]> } {
  const calls: Array<[string, unknown[]]> = [];
  const call = ((name: keyof ServerApi, ...args: unknown[]) => {
    calls.push([name, args]);
    const handler = handlers[name] as ((...a: unknown[]) => unknown) | undefined;
    if (!handler) throw new Error(`no fake for ${name}`);
    return Promise.resolve(handler(...args));
  }) as Call;
  return { call, calls };
}

/** Lets the promises of a fake server call settle. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
