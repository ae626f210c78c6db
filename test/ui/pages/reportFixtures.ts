/** The Report dialog's context and a report as the server sends them, for the page tests. */
import type { ReportContext, ReportDocument } from '../../../src/ui/api';
import type { Lang } from '../../../src/engine/types';

export function reportContext(overrides: Partial<ReportContext> = {}): ReportContext {
  const weeks = ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48'].map((key) => ({
    key,
    label: key,
  }));
  return {
    lang: 'en' as Lang,
    user: { email: 'mette@example.com', name: 'Mette Jensen' },
    manager: true,
    people: [
      { email: 'priya@example.com', name: 'Priya Sharma' },
      { email: 'juan@example.com', name: 'Juan dela Cruz' },
    ],
    recipients: [
      { email: 'mette@example.com', name: 'Mette Jensen' },
      { email: 'priya@example.com', name: 'Priya Sharma' },
    ],
    weeks,
    months: [
      { key: '2026-08', label: '2026-08' },
      { key: '2026-09', label: '2026-09' },
      { key: '2026-10', label: '2026-10' },
      { key: '2026-11', label: '2026-11' },
    ],
    defaults: { assistant: '', unit: 'Week', from: '2026-W45', to: '2026-W48' },
    ...overrides,
  };
}

export const XSS = '<img src=x onerror=alert(1)>';

export function reportDocumentFixture(): ReportDocument {
  return {
    lang: 'en',
    title: 'Performance report: Priya Sharma',
    subtitle: 'Weeks 2026-W45 to 2026-W48',
    sections: [
      {
        heading: 'KPIs',
        blocks: [
          {
            kind: 'table',
            columns: ['KPI', 'Period', 'Actual', 'Target', 'Status'],
            rows: [
              [
                { text: `K1 · ${XSS}` },
                { text: '2026-W48' },
                { text: '11', number: true },
                { text: '15 posts', number: true },
                { text: 'At risk', status: 'At risk' },
              ],
            ],
          },
        ],
      },
      {
        heading: 'Check-ins',
        blocks: [
          {
            kind: 'facts',
            items: [
              { label: 'Held', value: '2' },
              { label: 'Missed', value: '1' },
            ],
          },
        ],
      },
      { heading: 'Feedback', blocks: [{ kind: 'list', items: [`2026-11-19 · Blocker · ${XSS}`] }] },
      { heading: 'Actions', blocks: [{ kind: 'note', text: 'No actions.' }] },
    ],
    footer: 'Made by KPI Loop.',
  };
}
