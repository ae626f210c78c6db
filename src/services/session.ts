/** Who is at the keyboard. Apps Script may hide the e-mail (consumer accounts, simple triggers): then ''. */

export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail().trim().toLowerCase();
  } catch {
    return '';
  }
}

/** Whose authority the script runs under: in an installable trigger, the account that installed it. */
export function effectiveUserEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail().trim().toLowerCase();
  } catch {
    return '';
  }
}
