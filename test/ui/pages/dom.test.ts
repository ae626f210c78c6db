/** @jest-environment jsdom */
import {
  el,
  escapeHtml,
  messageArea,
  setBusy,
  statusChip,
  statusTone,
} from '../../../src/ui/pages/shared/dom';
import { STATUSES } from '../../../src/engine/types';

const ATTACK = '<img src=x onerror=alert(1)>';

describe('putting user text on the page', () => {
  it('shows a KPI name full of HTML as text, never as an element', () => {
    const option = el('option', { value: 'K1' }, ATTACK);
    const select = el('select', {}, option);
    document.body.replaceChildren(select);
    expect(option.textContent).toBe(ATTACK);
    expect(document.querySelector('img')).toBeNull();
    expect(select.innerHTML).toBe('<option value="K1">&lt;img src=x onerror=alert(1)&gt;</option>');
  });

  it('keeps HTML in an attribute value inert', () => {
    const node = el('div', { title: `"><script>alert(1)</script>` });
    document.body.replaceChildren(node);
    expect(document.querySelector('script')).toBeNull();
    expect(node.getAttribute('title')).toBe(`"><script>alert(1)</script>`);
  });

  it('refuses inline event handlers', () => {
    expect(() => el('button', { onclick: 'alert(1)' })).toThrow(/addEventListener/);
  });

  it('escapes the five HTML characters for text that must become HTML', () => {
    expect(escapeHtml(`${ATTACK} & "x" 'y'`)).toBe(
      '&#60;img src=x onerror=alert(1)&#62; &#38; &#34;x&#34; &#39;y&#39;',
    );
  });
});

describe('status chips', () => {
  it('colour On track and Met green, At risk amber, Off track and Missed red, No data grey', () => {
    expect(STATUSES.map((s) => [s, statusTone(s)])).toEqual([
      ['On track', 'good'],
      ['At risk', 'warn'],
      ['Off track', 'bad'],
      ['Met', 'good'],
      ['Missed', 'bad'],
      ['No data', 'none'],
    ]);
    expect(statusTone(null)).toBe('none');
  });

  it('carry the status word as text', () => {
    const chip = statusChip('Off track', 'Bagud');
    expect([chip.className, chip.textContent]).toEqual(['chip chip-bad', 'Bagud']);
  });
});

describe('messages and buttons', () => {
  it('announces results politely and errors as alerts, one at a time', () => {
    const messages = messageArea();
    document.body.replaceChildren(messages.element);
    const status = document.querySelector('[role="status"]') as HTMLElement;
    const alert = document.querySelector('[role="alert"]') as HTMLElement;
    expect(status.getAttribute('aria-live')).toBe('polite');
    messages.alert('Could not reach the spreadsheet');
    expect([status.textContent, alert.textContent]).toEqual([
      '',
      'Could not reach the spreadsheet',
    ]);
    messages.status('Saved');
    expect([status.textContent, alert.textContent]).toEqual(['Saved', '']);
  });

  it('shows a busy button that cannot be pressed, then gives its label back', () => {
    const button = el('button', { type: 'submit' }, 'Save');
    setBusy(button, true, 'Saving…');
    expect([button.textContent, button.disabled, button.getAttribute('aria-busy')]).toEqual([
      'Saving…',
      true,
      'true',
    ]);
    setBusy(button, false, 'Saving…');
    expect([button.textContent, button.disabled]).toEqual(['Save', false]);
  });
});
