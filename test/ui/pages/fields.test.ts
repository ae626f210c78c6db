/** @jest-environment jsdom */
import { el, messageArea } from '../../../src/ui/pages/shared/dom';
import {
  clearFieldErrors,
  dropDown,
  field,
  linkInput,
  refillDropDown,
  selectValue,
  showFieldError,
  showProblems,
  showRefusal,
  textInput,
} from '../../../src/ui/pages/shared/fields';

const ATTACK = '<img src=x onerror=alert(1)>';

const optionsOf = (select: HTMLSelectElement): string[][] =>
  Array.from(select.options).map((o) => [o.value, o.text]);

describe('a field', () => {
  it('labels every control and ties its error message to it', () => {
    const input = el('input', { type: 'text' });
    const wrapper = field('value', 'Value', input);
    document.body.replaceChildren(wrapper);
    expect(wrapper.querySelector('label')?.htmlFor).toBe('value');
    expect(input.getAttribute('aria-describedby')).toBe('value-error');
    expect(showFieldError(document, 'value', 'Not a number')).toBe(true);
    expect(document.getElementById('value-error')?.textContent).toBe('Not a number');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    clearFieldErrors(document);
    expect([
      document.getElementById('value-error')?.textContent,
      input.hasAttribute('aria-invalid'),
    ]).toEqual(['', false]);
  });

  it('reads its hint to a screen reader before its error', () => {
    const input = textInput();
    document.body.replaceChildren(field('riskBand', 'Risk band', input, 'Within 10% of target'));
    expect(input.getAttribute('aria-describedby')).toBe('riskBand-hint riskBand-error');
    expect(document.getElementById('riskBand-hint')?.textContent).toBe('Within 10% of target');
  });

  it('ignores a field name from the server that is not a plain name', () => {
    document.body.replaceChildren(field('value', 'Value', el('input')));
    expect(showFieldError(document, 'value"], img', 'x')).toBe(false);
  });
});

describe('drop-downs', () => {
  it('list the options after a blank "Choose…" when there is one, names shown as text', () => {
    const select = dropDown(
      [
        { value: 'K1', label: 'Approved posts' },
        { value: 'K7', label: ATTACK },
      ],
      'Choose…',
      { required: true },
    );
    document.body.replaceChildren(select);
    expect(optionsOf(select)).toEqual([
      ['', 'Choose…'],
      ['K1', 'Approved posts'],
      ['K7', ATTACK],
    ]);
    expect(select.required).toBe(true);
    expect(document.querySelector('img')).toBeNull();
  });

  it('start on the first option when there is no blank one', () => {
    const select = dropDown([
      { value: 'Week', label: 'Weeks' },
      { value: 'Month', label: 'Months' },
    ]);
    expect([optionsOf(select).length, select.value]).toEqual([2, 'Week']);
    expect(optionsOf(dropDown([{ value: 'Week', label: 'Weeks' }], null))).toEqual([
      ['Week', 'Weeks'],
    ]);
  });

  it('take a new list in place of the old one', () => {
    const select = dropDown([{ value: '2026-W47', label: 'Week 47' }]);
    refillDropDown(select, [{ value: '2026-11', label: 'November 2026' }], '–');
    expect(optionsOf(select)).toEqual([
      ['', '–'],
      ['2026-11', 'November 2026'],
    ]);
  });

  it('keep a value the list lacks, and drop it again when another is chosen', () => {
    const select = el('select', {}, el('option', { value: 'G1' }, 'G1'));
    selectValue(select, 'G9');
    expect([select.value, select.options.length]).toEqual(['G9', 2]);
    selectValue(select, 'G1');
    expect([select.value, select.options.length]).toEqual(['G1', 1]);
  });
});

describe('text and link boxes', () => {
  it('are not filled in from what the browser remembers', () => {
    const value = textInput({ inputmode: 'decimal', value: '3.5' });
    expect([value.type, value.getAttribute('autocomplete'), value.inputMode, value.value]).toEqual([
      'text',
      'off',
      'decimal',
      '3.5',
    ]);
    const link = linkInput({ value: 'https://meet.example.com/x' });
    expect([link.type, link.placeholder, link.getAttribute('autocomplete'), link.value]).toEqual([
      'url',
      'https://',
      'off',
      'https://meet.example.com/x',
    ]);
  });
});

describe('problems and refusals in a form', () => {
  function form() {
    const messages = messageArea();
    const date = el('input', { type: 'date' });
    const value = textInput();
    const node = el('form', {}, field('date', 'Date', date), field('value', 'Value', value));
    document.body.replaceChildren(node, messages.element);
    const alert = (): string => document.querySelector('[role="alert"]')?.textContent ?? '';
    return { node, messages, date, value, alert };
  }

  it('shows each problem at its field, asks to fix them and moves to the first', () => {
    const f = form();
    const shown = showProblems(f.node, f.messages, 'en', [
      { field: 'value', message: '"many" is not a number' },
      { field: 'date', message: 'Pick a date' },
    ]);
    expect(shown).toBe(true);
    expect(document.getElementById('value-error')?.textContent).toBe('"many" is not a number');
    expect(document.getElementById('date-error')?.textContent).toBe('Pick a date');
    expect(f.alert()).toBe('Some fields need a change: see the message under each.');
    expect(document.activeElement).toBe(f.value);
  });

  it('says nothing and lets the form be sent when there is no problem', () => {
    const f = form();
    expect(showProblems(f.node, f.messages, 'da', [])).toBe(false);
    expect(f.alert()).toBe('');
  });

  it('shows a refusal from the server at the field it names', () => {
    const f = form();
    showRefusal(f.node, f.messages, 'da', 'Datoen ligger i fremtiden.', 'date');
    expect(document.getElementById('date-error')?.textContent).toBe('Datoen ligger i fremtiden.');
    expect(f.date.getAttribute('aria-invalid')).toBe('true');
    expect(f.alert()).toBe('Nogle felter skal rettes: se beskeden under hvert felt.');
    expect(document.activeElement).toBe(f.date);
  });

  it('shows a refusal naming no field, or one the form lacks, as an alert, as text', () => {
    const f = form();
    showRefusal(f.node, f.messages, 'en', 'Someone else is saving right now.', null);
    expect(f.alert()).toBe('Someone else is saving right now.');
    showRefusal(f.node, f.messages, 'en', ATTACK, 'kpi');
    expect(f.alert()).toBe(ATTACK);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('[aria-invalid]')).toBeNull();
  });
});
