/**
 * How every page opens: "Loading…" while the server gathers what the page
 * shows, then the page in the workbook's language — or the server's
 * sentence when it cannot be shown, with "Try again" only when the
 * spreadsheet could not be reached (a refusal would only be refused again).
 */
import type { Reply } from '../../api';
import type { Lang } from '../../../engine/types';
import { createBridge, isUnreachable, type Call } from './bridge';
import { el, replaceChildren } from './dom';
import { browserLang, t, type Page } from './i18n';

export interface BootSteps<T extends { lang: Lang }> {
  /** Asks the server for what the page shows. */
  load: () => Promise<Reply<T>>;
  /** Draws the page once it is here; the page's language is the workbook's by then. */
  render: (context: T) => void;
  /**
   * How a refusal is said. An alert by default; `notice` for a page someone
   * may open without being allowed to use it (an assistant in the KPI
   * editor): the server's sentence as a calm status, since nothing is wrong.
   */
  refusal?: 'alert' | 'notice';
  /** What "Try again" runs; the same steps again unless a page must start over differently. */
  retry?: () => unknown;
}

/** Shows the loading state, loads, and renders the page or says why it cannot. */
export async function bootPage<T extends { lang: Lang }>(
  root: HTMLElement,
  page: Page,
  steps: BootSteps<T>,
): Promise<void> {
  replaceChildren(root, el('p', { class: 'gray', role: 'status' }, t(page.lang, 'ui.loading')));
  const reply = await steps.load();
  if (!reply.ok) {
    if (isUnreachable(reply)) {
      const retry = el('button', { type: 'button' }, t(page.lang, 'ui.retry'));
      const again = steps.retry ?? (() => bootPage(root, page, steps));
      retry.addEventListener('click', () => void again());
      replaceChildren(
        root,
        el('p', { class: 'error', role: 'alert' }, reply.message),
        el('div', { class: 'block' }, retry),
      );
      retry.focus();
    } else if (steps.refusal === 'notice') {
      replaceChildren(root, el('p', { class: 'notice', role: 'status' }, reply.message));
    } else {
      replaceChildren(root, el('p', { class: 'error', role: 'alert' }, reply.message));
    }
    return;
  }
  page.lang = reply.value.lang;
  document.documentElement.lang = page.lang;
  steps.render(reply.value);
}

export type StartPage = (root: HTMLElement, call: Call, page: Page) => Promise<void>;

/**
 * A page's client.ts: starts the page in `#app` with the bridge, speaking the
 * browser's language until the server has answered with the workbook's.
 */
export function startInBrowser(start: StartPage): void {
  const page: Page = { lang: browserLang(navigator.language) };
  const root = document.getElementById('app');
  if (root) void start(root, createBridge({ lang: () => page.lang }), page);
}
