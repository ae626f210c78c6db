/**
 * Building the page. User text (KPI names, notes, server messages) only ever
 * reaches the page as text nodes or attribute values, never as HTML
 * (PRODUCT section 8): there is no innerHTML in the pages at all.
 */
import type { Status } from '../../../engine/types';

export type Child = Node | string | null | undefined | false;
export type Attributes = Record<string, string | number | boolean | null | undefined>;

/** `el('label', { for: 'date' }, 'Date')`: attributes set as values, children added as text or nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, ...children);
  return node;
}

/** Attributes as values: `true` is present, `false`, null and undefined are left out. */
export function setAttributes(node: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    // An inline handler is code made from a string: attach listeners instead.
    if (/^on/i.test(name)) throw new Error(`el(): use addEventListener for ${name}`);
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces everything inside `parent`. */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** For the rare string that must become HTML elsewhere (an e-mail, a dialog built on the server). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type StatusTone = 'good' | 'warn' | 'bad' | 'none';

/** On track and Met green, At risk amber, Off track and Missed red, No data grey. */
export function statusTone(status: Status | null): StatusTone {
  switch (status) {
    case 'On track':
    case 'Met':
      return 'good';
    case 'At risk':
      return 'warn';
    case 'Off track':
    case 'Missed':
      return 'bad';
    default:
      return 'none';
  }
}

/** The status word on its colour; the word itself carries the meaning, the colour only helps. */
export function statusChip(status: Status | null, label: string): HTMLSpanElement {
  return el('span', { class: `chip chip-${statusTone(status)}` }, label);
}

/** A button that shows it is working and cannot be pressed twice. */
export function setBusy(button: HTMLButtonElement, busy: boolean, busyLabel: string): void {
  if (busy) {
    if (button.dataset.idleLabel === undefined) button.dataset.idleLabel = button.textContent ?? '';
    button.textContent = busyLabel;
  } else if (button.dataset.idleLabel !== undefined) {
    button.textContent = button.dataset.idleLabel;
    delete button.dataset.idleLabel;
  }
  button.disabled = busy;
  button.setAttribute('aria-busy', String(busy));
}

/**
 * Where results and errors appear: results in a polite live region, errors
 * in an alert, so a screen reader announces both without moving focus.
 */
export interface MessageArea {
  element: HTMLElement;
  status(...content: Child[]): void;
  alert(...content: Child[]): void;
  clear(): void;
}

export function messageArea(): MessageArea {
  const status = el('div', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const alert = el('div', { class: 'message error', role: 'alert' });
  const area: MessageArea = {
    element: el('div', { class: 'messages' }, status, alert),
    status: (...content) => {
      replaceChildren(alert);
      replaceChildren(status, ...content);
    },
    alert: (...content) => {
      replaceChildren(status);
      replaceChildren(alert, ...content);
    },
    clear: () => {
      replaceChildren(status);
      replaceChildren(alert);
    },
  };
  return area;
}
