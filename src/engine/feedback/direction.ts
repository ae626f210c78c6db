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
  let current = team.byEmail.get(email)?.manager ?? null;
  while (current && current !== email && !chain.includes(current)) {
    chain.push(current);
    current = team.byEmail.get(current)?.manager ?? null;
  }
  return chain;
}

export function feedbackDirection(team: Team, from: Email, to: Email): FeedbackDirection {
  if (managersAbove(team, from).includes(to)) return 'Upward';
  if (managersAbove(team, to).includes(from)) return 'Downward';
  const fromRole = team.byEmail.get(from)?.role;
  const toRole = team.byEmail.get(to)?.role;
  if (fromRole === 'Manager' && toRole === 'Assistant') return 'Downward';
  if (fromRole === 'Assistant' && toRole === 'Manager') return 'Upward';
  return 'Peer';
}
