/**
 * Who may do what (PRODUCT section 1): the sheet's owner and everyone with
 * Role = Manager in Team are managers. While Team names no manager yet,
 * whoever sets the tracker up is trusted, or nobody could start.
 */
import type { Team } from '../engine/records/team';

export function managerEmails(team: Team, owner: string): string[] {
  const managers = team.members.filter((m) => m.role === 'Manager').map((m) => m.email as string);
  return [...new Set([owner, ...managers].filter(Boolean))];
}

export function isManager(email: string, team: Team, owner: string): boolean {
  if (!email) return false;
  if (email === owner) return true;
  return team.members.some((m) => m.email === email && m.role === 'Manager');
}

export function teamHasManager(team: Team): boolean {
  return team.members.some((m) => m.role === 'Manager');
}

export function spreadsheetOwner(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return spreadsheet.getOwner()?.getEmail().toLowerCase() ?? '';
  } catch {
    return ''; // shared drives have no owner
  }
}
