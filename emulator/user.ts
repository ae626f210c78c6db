/** Session.getActiveUser(), Spreadsheet.getOwner(), Protection.getEditors() hand out Users. */
import { SERVICE } from './runtime';

export class User {
  readonly [SERVICE] = 'User';

  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }

  /** Deprecated in Apps Script but still there. */
  getUserLoginId(): string {
    return this.email;
  }

  toString(): string {
    return this.email;
  }
}

/** Methods that take "an email address or a User" accept both. */
export function emailOf(user: unknown): string {
  return user instanceof User ? user.getEmail() : String(user);
}
