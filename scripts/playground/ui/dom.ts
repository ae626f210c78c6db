/**
 * Building the page: text only ever goes in as text nodes or attribute
 * values — there is no innerHTML here — so a KPI called
 * `<img src=x onerror=alert(1)>` is shown as those characters.
 */
import {
  append,
  setAttributes,
  type Attributes,
  type Child,
} from '../../../src/ui/pages/shared/dom';

// The sidebars' own builders: one way to put text into a page.
export {
  append,
  el,
  replaceChildren,
  type Attributes,
  type Child,
} from '../../../src/ui/pages/shared/dom';

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attributes: Attributes = {}, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG, tag);
  setAttributes(node, attributes);
  append(node, ...children);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node as T;
}

/** `A1` from 1-based row and column. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
