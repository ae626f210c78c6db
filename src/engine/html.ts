/**
 * HTML built on the server (e-mails) from a template whose every
 * interpolated value is escaped (PRODUCT section 8: user text is escaped in
 * e-mail HTML). Only HTML made by `html` itself passes through unescaped, so
 * a KPI name like `<img src=x onerror=…>` can only ever arrive as text.
 */

/** HTML that `html` produced: the one thing it inserts as is. */
export class SafeHtml {
  constructor(readonly html: string) {}

  toString(): string {
    return this.html;
  }
}

/** & < > " ' as character references: safe in text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function piece(value: unknown): string {
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** html`<td>${name}</td>`: strings and numbers escaped, nested html and arrays of it kept. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += piece(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}
