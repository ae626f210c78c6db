/**
 * The example workbook grown to fifty assistants and three managers, each assistant with a KPI
 * of their own: enough people for fifty writers at once.
 */
import { appendRows, headers, setUpExampleWorkbook, type Addon } from '../support/addon';
import type { EmulatorOptions } from '../../emulator';

export const MANAGERS = ['mette@example.com', 'lars@example.com', 'sofie@example.com'];

export interface Assistant {
  email: string;
  kpiId: string;
  manager: string;
}

const EXAMPLE: Assistant[] = [
  { email: 'priya@example.com', kpiId: 'K1', manager: 'mette@example.com' },
  { email: 'juan@example.com', kpiId: 'K3', manager: 'mette@example.com' },
  { email: 'ana@example.com', kpiId: 'K8', manager: 'mette@example.com' },
];

export const ASSISTANTS: Assistant[] = [
  ...EXAMPLE,
  ...Array.from({ length: 47 }, (_, i) => ({
    email: `assistant${i + 4}@example.com`,
    kpiId: `K${i + 11}`,
    manager: MANAGERS[i % MANAGERS.length] as string,
  })),
];

function row(tab: 'team' | 'kpis', cells: Record<string, unknown>): unknown[] {
  return headers('en', tab).map((header) => cells[header] ?? '');
}

export function teamWorkbook(options: EmulatorOptions = {}): Addon {
  return growTeam(setUpExampleWorkbook(options));
}

/** The example workbook's team grown to fifty assistants and three managers. */
export function growTeam(addon: Addon): Addon {
  const person = (name: string, email: string, role: string, manager: string) =>
    row('team', {
      Name: name,
      Email: email,
      Role: role,
      Manager: manager,
      'Time zone': 'Europe/Copenhagen',
      'Work days': 'Mon-Fri',
      'Work hours': '09:00-17:00',
      Channel: 'Email',
      Active: true,
    });
  appendRows(addon.emu, 'Team', [
    person('Lars Holm', 'lars@example.com', 'Manager', 'mette@example.com'),
    person('Sofie Berg', 'sofie@example.com', 'Manager', 'mette@example.com'),
    ...ASSISTANTS.slice(EXAMPLE.length).map((a, i) =>
      person(`Assistant ${i + 4}`, a.email, 'Assistant', a.manager),
    ),
  ]);
  const kpis = addon.emu.sheetValues('KPIs');
  const model = kpis[1] as unknown[]; // K1, Approved posts: a weekly Sum KPI
  const column = (header: string) => (kpis[0] as unknown[]).indexOf(header);
  appendRows(
    addon.emu,
    'KPIs',
    ASSISTANTS.slice(EXAMPLE.length).map((a) => {
      const copy = [...model];
      copy[column('KPI ID')] = a.kpiId;
      copy[column('KPI')] = `Tasks of ${a.email}`;
      copy[column('Owner')] = a.email;
      return copy;
    }),
  );
  return addon;
}
