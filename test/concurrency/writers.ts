/**
 * Fifty people writing at once, a different mix for each seed: assistants saving Log work from
 * the sidebar, assistants typing Log and Actions rows by hand, and — when the bundle has them —
 * feedback given and check-ins scheduled and recorded by managers. Every writer leaves a token of its own
 * (a note, a text, a summary, a meeting link) so its rows can be found, or found missing.
 */
import type { Actor } from '../../emulator/concurrency';
import { seededRandom } from '../../emulator/utilities';
import type { Bundle } from '../../emulator';
import { day } from '../support/addon';
import { ASSISTANTS } from './team';

export type WriterKind =
  | 'saveLogEntry'
  | 'typeLogRow'
  | 'typeActionRow'
  | 'giveFeedback'
  | 'scheduleCheckIn'
  | 'recordCheckIn';

export interface Writer {
  kind: WriterKind;
  user: string;
  /** What only this writer's rows hold. */
  token: string;
  actor: Actor;
}

const TODAY = '2026-11-26';

function writer(
  kind: WriterKind,
  i: number,
  user: string,
  assistant = ASSISTANTS[i % ASSISTANTS.length]!,
): Writer {
  const token = `[${kind}-${i}]`;
  const at = 0;
  switch (kind) {
    case 'saveLogEntry':
      return {
        kind,
        user,
        token,
        actor: {
          user,
          at,
          call: kind,
          args: [
            { kpiId: assistant.kpiId, date: TODAY, value: String(i + 1), note: token, link: '' },
          ],
        },
      };
    case 'typeLogRow':
      return {
        kind,
        user,
        token,
        actor: {
          user,
          at,
          sheet: 'Log',
          type: ['', day(TODAY), user, assistant.kpiId, i + 1, token],
        },
      };
    case 'typeActionRow':
      return {
        kind,
        user,
        token,
        actor: {
          user,
          at,
          sheet: 'Actions',
          type: [
            '',
            day(TODAY),
            user,
            `Follow up ${token}`,
            assistant.kpiId,
            '',
            day('2026-12-04'),
            'Open',
          ],
        },
      };
    case 'giveFeedback':
      return {
        kind,
        user,
        token,
        actor: {
          user,
          at,
          call: kind,
          args: [{ to: assistant.manager, kind: 'Praise', kpi: '', checkInId: '', text: token }],
        },
      };
    case 'scheduleCheckIn':
      return {
        kind,
        user,
        token,
        actor: {
          user,
          at,
          call: kind,
          args: [
            {
              assistant: assistant.email,
              cadence: 'Weekly',
              date: '2026-12-01',
              time: '10:00',
              meetingLink: `https://meet.example.com/${token}`,
            },
          ],
        },
      };
    case 'recordCheckIn':
      return {
        kind,
        user,
        token,
        actor: {
          user,
          at,
          call: kind,
          args: [
            {
              assistant: assistant.email,
              checkInId: '',
              summary: token,
              mood: '4',
              feedback: [],
              actions: [],
              actionUpdates: [],
              next: { cadence: 'Weekly', date: '2026-12-03', time: '10:00', meetingLink: '' },
            },
          ],
        },
      };
  }
}

/**
 * `count` writers for a seed, arriving within `arrivalsWithinMs` of emulator time: writer i acts
 * for assistant i (as that assistant, or as their manager scheduling or recording a check-in with
 * them — a manager may have several sidebars open at once).
 */
export function writersFor(seed: number, gas: Bundle, count = 50, arrivalsWithinMs = 0): Writer[] {
  const random = seededRandom(seed);
  const kinds: WriterKind[] = [
    'saveLogEntry',
    'saveLogEntry',
    'saveLogEntry',
    'typeLogRow',
    'typeActionRow',
  ];
  if (typeof gas.giveFeedback === 'function') kinds.push('giveFeedback');
  const managerKinds = (['scheduleCheckIn', 'recordCheckIn'] as const).filter(
    (k) => typeof gas[k] === 'function',
  );
  const writers: Writer[] = [];
  for (let i = 0; i < count; i++) {
    const assistant = ASSISTANTS[i % ASSISTANTS.length]!;
    const forManager = managerKinds.length > 0 && random() < 0.1;
    const kind = forManager
      ? managerKinds[Math.floor(random() * managerKinds.length)]!
      : kinds[Math.floor(random() * kinds.length)]!;
    const user = forManager ? assistant.manager : assistant.email;
    const w = writer(kind, i, user, assistant);
    w.actor.at = Math.floor(random() * arrivalsWithinMs);
    writers.push(w);
  }
  return writers;
}
