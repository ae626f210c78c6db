/**
 * Who is calling a server function, checked on the server (PRODUCT section
 * 8): a sidebar's own checks are for comfort, these are the gate.
 */
import type { Email, Lang, TeamMember } from '../engine/types';
import { t } from '../engine/i18n/messages';
import type { Reply } from '../ui/api';
import { activeUserEmail } from '../services/session';
import { isManager, spreadsheetOwner } from './roles';
import { loadSnapshot, type Loaded } from './snapshot';

export interface Caller {
  email: Email;
  member: TeamMember | undefined;
  manager: boolean;
  loaded: Loaded;
  lang: Lang;
}

export function identifyCaller(loaded = loadSnapshot()): Caller {
  const email = activeUserEmail() as Email;
  const owner = spreadsheetOwner(SpreadsheetApp.getActive());
  return {
    email,
    member: loaded.snapshot.team.byEmail.get(email),
    manager: isManager(email, loaded.snapshot.team, owner),
    loaded,
    lang: loaded.snapshot.settings.lang,
  };
}

/** A refusal in the caller's language. */
export function refuse<T>(
  lang: Lang,
  key: Parameters<typeof t>[1],
  params?: Parameters<typeof t>[2],
  field?: string,
): Reply<T> {
  return { ok: false, message: t(lang, key, params), ...(field ? { field } : {}) };
}

/**
 * Runs a server function so that nothing a person did can surface as a
 * stack trace: an unexpected failure becomes a sentence and is logged.
 */
export function answer<T>(work: () => Reply<T>): Reply<T> {
  try {
    return work();
  } catch (error) {
    console.error(error);
    return {
      ok: false,
      message: t('en', 'error.unexpected', {
        message: error instanceof Error ? error.message : String(error),
      }),
    };
  }
}
