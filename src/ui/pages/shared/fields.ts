/**
 * The parts every form is made of: a labelled control with its hint and its
 * own error message, drop-downs built from option lists, text and link
 * boxes, and a form's problems shown at their fields. Labels, options and
 * messages are user text or the server's: they become text nodes, never HTML.
 */
import type { Lang } from '../../../engine/types';
import { el, replaceChildren, type Attributes, type Child, type MessageArea } from './dom';
import { t } from './i18n';

/** A labelled control with room for its own error message underneath. */
export function field(
  id: string,
  label: string,
  control: HTMLElement,
  hint?: Child,
): HTMLDivElement {
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  control.id = id;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return el(
    'div',
    { class: 'block field', 'data-field': id },
    el('label', { for: id }, label),
    control,
    hint ? el('div', { id: hintId, class: 'hint gray' }, hint) : null,
    el('div', { id: errorId, class: 'error field-error' }),
  );
}

/** One entry of a drop-down: the value the server reads, the words the person reads. */
export interface Option {
  value: string;
  label: string;
}

/** The `<option>`s for `list`, after a blank one ("Choose…") when `blank` is given. */
export function optionElements(
  list: readonly Option[],
  blank?: string | null,
): HTMLOptionElement[] {
  return [
    ...(blank === undefined || blank === null ? [] : [el('option', { value: '' }, blank)]),
    ...list.map((option) => el('option', { value: option.value }, option.label)),
  ];
}

/** A drop-down of `list`, with a blank first option when `blank` is given. */
export function dropDown(
  list: readonly Option[],
  blank?: string | null,
  attributes: Attributes = {},
): HTMLSelectElement {
  return el('select', attributes, ...optionElements(list, blank));
}

/** Puts `list` in place of a drop-down's options; the value is the caller's to set again. */
export function refillDropDown(
  select: HTMLSelectElement,
  list: readonly Option[],
  blank?: string | null,
): void {
  replaceChildren(select, ...optionElements(list, blank));
}

/** Sets a select's value, adding an option for a value the list lacks so that nothing typed is lost. */
export function selectValue(select: HTMLSelectElement, value: string): void {
  select.querySelectorAll('option[data-extra]').forEach((option) => option.remove());
  if (value !== '' && !Array.from(select.options).some((option) => option.value === value)) {
    select.appendChild(el('option', { value, 'data-extra': true }, value));
  }
  select.value = value;
}

/** A one-line text box; the browser's memory of earlier entries would only get in the way. */
export function textInput(attributes: Attributes = {}): HTMLInputElement {
  return el('input', { type: 'text', autocomplete: 'off', ...attributes });
}

/** A box for a web address (a proof link, a meeting link, a webhook). */
export function linkInput(attributes: Attributes = {}): HTMLInputElement {
  return el('input', { type: 'url', placeholder: 'https://', autocomplete: 'off', ...attributes });
}

export function showFieldError(root: ParentNode, id: string, message: string): boolean {
  const control = root.querySelector<HTMLElement>(`#${cssId(id)}`);
  const error = root.querySelector<HTMLElement>(`#${cssId(id)}-error`);
  if (!control || !error) return false;
  error.textContent = message;
  control.setAttribute('aria-invalid', 'true');
  return true;
}

export function clearFieldErrors(root: ParentNode): void {
  root.querySelectorAll('.field-error').forEach((node) => (node.textContent = ''));
  root.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
}

/** Field names come from the server: only plain names may become a selector. */
function cssId(id: string): string {
  return /^[A-Za-z][\w-]*$/.test(id) ? id : '__invalid__';
}

/** What the page's own check found wrong with one field. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Shows a form's problems at their fields, says "fix the fields" and moves
 * to the first; says whether there were any (then nothing is sent).
 */
export function showProblems(
  form: HTMLElement,
  messages: MessageArea,
  lang: Lang,
  problems: readonly FieldProblem[],
): boolean {
  if (problems.length === 0) return false;
  for (const problem of problems) showFieldError(form, problem.field, problem.message);
  messages.alert(t(lang, 'ui.fixFields'));
  focusField(form, problems[0]!.field);
  return true;
}

/** A refusal from the server: at its field when the form has it, else as an alert. */
export function showRefusal(
  form: HTMLElement,
  messages: MessageArea,
  lang: Lang,
  message: string,
  control: string | null | undefined,
): void {
  if (control && showFieldError(form, control, message)) {
    messages.alert(t(lang, 'ui.fixFields'));
    focusField(form, control);
  } else messages.alert(message);
}

function focusField(form: HTMLElement, id: string): void {
  form.querySelector<HTMLElement>(`#${cssId(id)}`)?.focus();
}
