/**
 * The report as an e-mail: HTML with inline styles (mail clients drop
 * <style>) and a plain-text part for clients that show no HTML. Every
 * value goes through `html`, which escapes it; the plain text is the text
 * itself, where nothing is markup.
 */
import type { Status } from '../types';
import { html, type SafeHtml } from '../html';
import type { ReportBlock, ReportCell, ReportDocument } from './reportDocument';

/** The Dashboard's status colours. */
const STATUS_BACKGROUND: Record<Status, string> = {
  'On track': '#ceead6',
  Met: '#ceead6',
  'At risk': '#feefc3',
  'Off track': '#fad2cf',
  Missed: '#fad2cf',
  'No data': '#e8eaed',
};

const CELL = 'border:1px solid #dadce0;padding:4px 8px;vertical-align:top;';
const HEAD = `${CELL}background:#e8eaed;text-align:left;font-weight:bold;`;

function cellHtml(cell: ReportCell): SafeHtml {
  const style =
    CELL +
    (cell.number ? 'text-align:right;' : '') +
    (cell.status ? `background:${STATUS_BACKGROUND[cell.status]};` : '');
  return html`<td style="${style}">${cell.text}</td>`;
}

function blockHtml(block: ReportBlock): SafeHtml {
  switch (block.kind) {
    case 'table':
      return html`<table style="border-collapse:collapse;margin:0 0 12px;font-size:13px">
        <thead>
          <tr>
            ${block.columns.map((c) => html`<th style="${HEAD}">${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${block.rows.map(
            (row) =>
              html`<tr>
                ${row.map(cellHtml)}
              </tr> `,
          )}
        </tbody>
      </table>`;
    case 'facts':
      return html`<p style="margin:0 0 12px">
        ${block.items.map(
          (item, i) => html`${i > 0 ? ' · ' : ''}${item.label}: <b>${item.value}</b>`,
        )}
      </p>`;
    case 'list':
      return html`<ul style="margin:0 0 12px;padding-left:20px">
        ${block.items.map((item) => html`<li>${item}</li>`)}
      </ul>`;
    case 'note':
      return html`<p style="margin:0 0 12px;color:#5f6368">${block.text}</p>`;
  }
}

export function reportHtml(doc: ReportDocument): string {
  return html`<!doctype html>
    <html lang="${doc.lang}">
      <head>
        <meta charset="utf-8" />
        <title>${doc.title}</title>
      </head>
      <body style="font-family:Arial,sans-serif;font-size:14px;color:#202124">
        <h1 style="font-size:18px;margin:0 0 4px">${doc.title}</h1>
        <p style="margin:0 0 16px;color:#5f6368">${doc.subtitle}</p>
        ${doc.sections.map(
          (section) =>
            html`<h2 style="font-size:15px;margin:16px 0 6px">${section.heading}</h2>
              ${section.blocks.map(blockHtml)} `,
        )}
        <p style="margin-top:24px;color:#5f6368;font-size:12px">${doc.footer}</p>
      </body>
    </html>`.html;
}

function underline(text: string, mark: string): string {
  return `${text}\n${mark.repeat(Math.max(3, text.length))}`;
}

function blockText(block: ReportBlock): string {
  switch (block.kind) {
    case 'table': {
      const rows = [block.columns, ...block.rows.map((row) => row.map((c) => c.text))];
      const widths = block.columns.map((_, i) =>
        Math.max(...rows.map((row) => (row[i] ?? '').length)),
      );
      const numeric = block.columns.map((_, i) => block.rows.some((row) => row[i]?.number));
      const line = (cells: string[]): string =>
        cells
          .map((c, i) =>
            numeric[i] ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number),
          )
          .join('  ')
          .trimEnd();
      return rows.map(line).join('\n');
    }
    case 'facts':
      return block.items.map((item) => `${item.label}: ${item.value}`).join('\n');
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'note':
      return block.text;
  }
}

/** The plain-text part, and what `npm start` prints. */
export function reportText(doc: ReportDocument): string {
  return [
    underline(doc.title, '='),
    doc.subtitle,
    ...doc.sections.map((section) =>
      [underline(section.heading, '-'), ...section.blocks.map(blockText)].join('\n\n'),
    ),
    doc.footer,
  ].join('\n\n');
}
