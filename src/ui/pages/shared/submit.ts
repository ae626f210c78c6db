/**
 * How a form is sent, the same way on every page: once at a time; the last
 * try's field errors and messages cleared; the page's own check first
 * (nothing is sent while it finds a problem); the button busy — "Saving…",
 * disabled, aria-busy — while the server works, and released whatever the
 * answer; then the server's refusal, at the field it names or as an alert,
 * or what the page does with the saved result. What differs from page to
 * page is given here explicitly, each as its own step.
 */
import type { Reply } from '../../api';
import type { Lang } from '../../../engine/types';
import { setBusy, type MessageArea } from './dom';
import { clearFieldErrors, showProblems, showRefusal, type FieldProblem } from './fields';
import { t } from './i18n';

/** What the server says when it does not save: its sentence, and perhaps the field it is about. */
export type Refusal = Extract<Reply<unknown>, { ok: false }>;

/**
 * Whether a call is under way. Each form has its own unless buttons must not
 * overlap: the Report's Show and Send share one, so the e-mail is always the
 * report on the screen.
 */
export interface OneAtATime {
  sending: boolean;
}

export interface SubmitSteps<V, T> {
  /** The button that says it is working, and cannot be pressed again, till the server answers. */
  button: HTMLButtonElement;
  /** What the button says meanwhile; "Saving…" unless given. */
  busyLabel?: string;
  /** Where the last try's field errors are cleared: the form, or the KPI editor's whole sidebar. */
  clearErrorsIn?: ParentNode;
  /** Shared with other buttons whose calls must not overlap; the form's own unless given. */
  oneAtATime?: OneAtATime;
  /** What to send, read as the person presses; null while there is nothing to send yet. */
  read: () => V | null;
  /** The problems the page sees itself, shown as usual (showProblems); any, and nothing is sent. */
  problems?: (values: V) => readonly FieldProblem[];
  /** A page's own check instead of `problems`: shows what is wrong and says whether anything is. */
  check?: (values: V) => boolean;
  /** Asks the server, through the bridge. */
  send: (values: V) => Promise<Reply<T>>;
  /** The control a refusal's field names, for the usual way (showRefusal); none: an alert. */
  fieldOf?: (field: string | undefined, values: V) => string | null | undefined;
  /** A page's own way to say a refusal, instead of the usual one. */
  refused?: (refusal: Refusal, values: V) => void;
  /** What the page does once the server has saved. */
  saved: (value: T, values: V) => void;
}

/**
 * The listener for a form's submit (or a button's click) that sends it as
 * above: problems and refusals are shown at the fields of `form`, results and
 * errors said in `messages` (cleared at each try), in `lang`.
 */
export function submitWith<V, T>(
  form: HTMLElement,
  messages: MessageArea,
  lang: Lang,
  steps: SubmitSteps<V, T>,
): (event: Event) => void {
  const { button } = steps;
  const oneAtATime = steps.oneAtATime ?? { sending: false };
  const busyLabel = steps.busyLabel ?? t(lang, 'ui.saving');

  const refuse = (refusal: Refusal, values: V): void => {
    if (steps.refused) steps.refused(refusal, values);
    else showRefusal(form, messages, lang, refusal.message, steps.fieldOf?.(refusal.field, values));
  };

  // Everything up to the call runs at once, so the button is busy before the event is over.
  const submit = async (): Promise<void> => {
    if (oneAtATime.sending) return;
    const values = steps.read();
    if (values === null) return;
    clearFieldErrors(steps.clearErrorsIn ?? form);
    messages.clear();
    const stopped = steps.check
      ? steps.check(values)
      : showProblems(form, messages, lang, steps.problems?.(values) ?? []);
    if (stopped) return;
    oneAtATime.sending = true;
    setBusy(button, true, busyLabel);
    let reply: Reply<T>;
    try {
      reply = await steps.send(values);
    } finally {
      // Released before anything is said, so focus can move to a field or back to the form.
      oneAtATime.sending = false;
      setBusy(button, false, busyLabel);
    }
    if (reply.ok) steps.saved(reply.value, values);
    else refuse(reply, values);
  };

  return (event) => {
    event.preventDefault();
    void submit();
  };
}
