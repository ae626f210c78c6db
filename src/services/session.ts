/** Who is at the keyboard. Apps Script may hide the e-mail (consumer accounts, simple triggers): then ''. */

export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail().trim().toLowerCase();
  } catch {
    return '';
  }
}
