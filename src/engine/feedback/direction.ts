/**
 * Which way feedback goes (PRODUCT section 3, Feedback tab): worked out from
 * Team's reporting lines, the Manager column. Feedback to someone you report
 * to, directly or further up, is Upward; to someone who reports to you is
 * Downward. Between people with no line between them the roles decide (a
 * manager to another manager's assistant is still Downward), else Peer.
 */
import type { Email } from '../types';
import type { Team } from '../records/team';
import type { FeedbackDirection } from '../records/feedbackLoop';

/** Everyone above a person, nearest first; a loop in the Manager column ends the walk. */
export function managersAbove(team: Team, email: Email): Email[] {
  const chain: Email[] = [];
  const seen = new Set<Email>(); // not chain.includes: a chain of 2,000 managers is walked once
  let current = team.byEmail.get(email)?.manager ?? null;
  while (current && current !== email && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = team.byEmail.get(current)?.manager ?? null;
  }
  return chain;
}

/**
 * Everyone who reports to a manager, directly or further down: the people
 * whose `managersAbove` holds them, found in one walk down the Manager
 * column rather than one walk up per person.
 */
export function reportsUnder(team: Team, manager: Email): Set<Email> {
  const direct = new Map<Email, Email[]>();
  for (const member of team.members) {
    if (!member.manager) continue;
    const list = direct.get(member.manager);
    if (list) list.push(member.email);
    else direct.set(member.manager, [member.email]);
  }
  const below = new Set<Email>();
  const queue: Email[] = [manager];
  for (let i = 0; i < queue.length; i++) {
    for (const report of direct.get(queue[i] as Email) ?? []) {
      if (report === manager || below.has(report)) continue;
      below.add(report);
      queue.push(report);
    }
  }
  return below;
}

export function feedbackDirection(team: Team, from: Email, to: Email): FeedbackDirection {
  if (managersAbove(team, from).includes(to)) return 'Upward';
  if (managersAbove(team, to).includes(from)) return 'Downward';
  return byRole(team, from, to);
}

function byRole(team: Team, from: Email, to: Email): FeedbackDirection {
  const fromRole = team.byEmail.get(from)?.role;
  const toRole = team.byEmail.get(to)?.role;
  if (fromRole === 'Manager' && toRole === 'Assistant') return 'Downward';
  if (fromRole === 'Assistant' && toRole === 'Manager') return 'Upward';
  return 'Peer';
}

/**
 * `feedbackDirection` from one person to each of many (the Give feedback
 * list): the lines above and below them are walked once, not once per person.
 */
export function directionsFrom(team: Team, from: Email): (to: Email) => FeedbackDirection {
  const above = new Set(managersAbove(team, from));
  const below = reportsUnder(team, from);
  return (to) => (above.has(to) ? 'Upward' : below.has(to) ? 'Downward' : byRole(team, from, to));
}
