/**
 * A tab drawn like a spreadsheet: column letters and row numbers, frozen
 * rows and columns that stay put while scrolling, and a selected cell you
 * move with the keys (arrows, Tab, Enter, Ctrl+arrows to the data's edge,
 * Ctrl+Home/End) and type into. What is typed goes to the server as a
 * person's typing, so the add-on's edit trigger runs on it.
 *
 * Like Sheets, only the rows in view (and a margin) are in the page: every
 * row is exactly ROW_HEIGHT tall, so where a row sits is arithmetic, and a
 * Log of thousands of rows draws as fast as one of ten.
 */
import type { SheetView } from '../types';
import { a1, columnLetter, el, replaceChildren } from './dom';
import { drawChart } from './charts';

export const ROW_HEIGHT = 21;
const ROW_HEADER_WIDTH = 46;
/** Rows drawn above and below the ones in view. */
const MARGIN_ROWS = 25;

export interface GridHost {
  /** Types values (rows of text) with their top-left at a1. */
  commit(a1: string, values: string[][]): Promise<void>;
  /** The selection moved: the formula bar follows. */
  selected(row: number, column: number, input: string): void;
}

export class Grid {
  private view: SheetView | null = null;
  private row = 1;
  private column = 1;
  private editor: HTMLInputElement | null = null;
  /** While the grid is redrawn, the editor is taken out and put back: that is not leaving it. */
  private redrawing = false;
  private body: HTMLTableSectionElement | null = null;
  /** The non-frozen rows now in the page, first and last. */
  private drawn = { first: 0, last: -1 };
  private readonly choicesList = el('datalist', { id: 'cell-choices' });

  constructor(
    private readonly scroller: HTMLElement,
    private readonly host: GridHost,
  ) {
    scroller.addEventListener('keydown', (event) => this.onKey(event));
    scroller.addEventListener('paste', (event) => this.onPaste(event));
    scroller.addEventListener('scroll', () => this.drawRowsInView());
    scroller.addEventListener('mousedown', (event) => {
      const cell = (event.target as HTMLElement).closest<HTMLElement>('td[data-a1]');
      if (!cell) return;
      const [row, column] = position(cell);
      this.select(row, column, false);
    });
    scroller.addEventListener('dblclick', (event) => {
      if ((event.target as HTMLElement).closest('td[data-a1]')) this.startEditing();
    });
  }

  /** Draws a tab; the selection stays where it was when the same tab is drawn again. */
  render(view: SheetView): void {
    const sameTab = this.view?.name === view.name;
    this.view = view;
    // Taking the old table out would scroll to the top: the new one goes back where the old one was.
    const scrolled = sameTab
      ? { top: this.scroller.scrollTop, left: this.scroller.scrollLeft }
      : { top: 0, left: 0 };
    if (!sameTab) {
      this.row = view.frozenRows + 1;
      this.column = 1;
    }
    this.row = Math.min(this.row, view.rows);
    this.column = Math.min(this.column, view.columns);
    // An answer may arrive while the next cell is being typed: keep typing there.
    const editing = sameTab ? this.editor : null;
    if (!editing) this.stopEditing();
    this.redrawing = true;

    const table = el('table', {
      class: 'sheet',
      role: 'grid',
      'aria-label': view.name,
      'aria-rowcount': view.rows + 1,
      'aria-colcount': view.columns + 1,
      // The columns' own widths, as Sheets keeps them, whatever the cells hold.
      style: `width:${this.columnLeft(view.columns + 1)}px`,
    });
    const colgroup = el('colgroup', {}, el('col', { style: `width:${ROW_HEADER_WIDTH}px` }));
    for (let c = 1; c <= view.columns; c++) {
      colgroup.appendChild(el('col', { style: `width:${this.columnWidth(c)}px` }));
    }
    const head = el(
      'tr',
      { class: 'column-letters', 'aria-rowindex': 1 },
      el('th', { class: 'corner' }),
    );
    for (let c = 1; c <= view.columns; c++) {
      head.appendChild(
        el(
          'th',
          { scope: 'col', class: this.frozenColumnClass(c), style: this.frozenColumnStyle(c) },
          columnLetter(c),
        ),
      );
    }
    this.body = el('tbody');
    for (let r = 1; r <= Math.min(view.frozenRows, view.rows); r++)
      this.body.appendChild(this.rowElement(r));
    table.append(colgroup, el('thead', {}, head), this.body);
    this.drawn = { first: 0, last: -1 };
    this.drawRowsInView(true, scrolled.top);
    replaceChildren(this.scroller, table, this.choicesList);
    this.scroller.scrollTop = scrolled.top;
    this.scroller.scrollLeft = scrolled.left;
    for (const chart of view.charts) {
      const box = drawChart(chart);
      box.style.top = `${chart.row * ROW_HEIGHT}px`;
      box.style.left = `${this.columnLeft(chart.column)}px`;
      this.scroller.appendChild(box);
    }
    this.markSelected();
    if (editing) {
      this.scroller.appendChild(editing);
      this.placeEditor(editing);
      editing.focus();
    }
    this.redrawing = false;
  }

  /** Puts the rows in view (and a margin) into the page, when the ones there no longer cover it. */
  private drawRowsInView(force = false, scrollTop = this.scroller.scrollTop): void {
    const view = this.view;
    const body = this.body;
    if (!view || !body) return;
    const frozen = Math.min(view.frozenRows, view.rows);
    // Row r's top is r × ROW_HEIGHT: the column letters are row 0.
    const top = scrollTop + (frozen + 1) * ROW_HEIGHT;
    const bottom = scrollTop + Math.max(this.scroller.clientHeight, 600);
    const firstInView = Math.max(frozen + 1, Math.floor(top / ROW_HEIGHT));
    const lastInView = Math.min(view.rows, Math.ceil(bottom / ROW_HEIGHT));
    if (!force && firstInView >= this.drawn.first && lastInView <= this.drawn.last) return;
    const first = Math.max(frozen + 1, firstInView - MARGIN_ROWS);
    const last = Math.min(view.rows, lastInView + MARGIN_ROWS);
    while (body.rows.length > frozen) body.deleteRow(frozen);
    if (first > frozen + 1)
      body.appendChild(spacer((first - frozen - 1) * ROW_HEIGHT, view.columns));
    for (let r = first; r <= last; r++) body.appendChild(this.rowElement(r));
    if (last < view.rows) body.appendChild(spacer((view.rows - last) * ROW_HEIGHT, view.columns));
    this.drawn = { first, last };
    if (!this.redrawing) this.markSelected();
  }

  private rowElement(r: number): HTMLTableRowElement {
    const view = this.view as SheetView;
    const frozen = r <= view.frozenRows;
    const tr = el('tr', {
      'aria-rowindex': r + 1,
      class: frozen ? (r === view.frozenRows ? 'frozen frozen-last' : 'frozen') : null,
      style: frozen ? `top:${r * ROW_HEIGHT}px` : null,
    });
    tr.appendChild(el('th', { scope: 'row', class: 'row-number' }, String(r)));
    for (let c = 1; c <= view.columns; c++) tr.appendChild(this.cellElement(r, c));
    return tr;
  }

  private cellElement(r: number, c: number): HTMLTableCellElement {
    const view = this.view as SheetView;
    const display = view.display[r - 1]?.[c - 1] ?? '';
    const choice = view.choices[view.choice[r - 1]?.[c - 1] ?? -1];
    const note = view.notes[r - 1]?.[c - 1] ?? '';
    const background = view.background[r - 1]?.[c - 1];
    const checkbox = choice?.kind === 'checkbox';
    const ticked = checkbox && /^true$/i.test(display);
    const spill = checkbox ? 0 : this.spillWidth(r, c);
    const classes = [
      `align-${view.align[r - 1]?.[c - 1] ?? 'left'}`,
      view.bold[r - 1]?.[c - 1] ? 'bold' : '',
      choice?.kind === 'list' ? 'has-choices' : '',
      display !== '' ? 'filled' : '',
      note ? 'has-note' : '',
      this.frozenColumnClass(c) ?? '',
      spill > 0 ? 'spills' : '',
    ].filter(Boolean);
    const styles = [
      background ? `background-color:${safeColour(background)}` : '',
      this.frozenColumnStyle(c) ?? '',
    ].filter(Boolean);
    return el(
      'td',
      {
        id: `cell-${r}-${c}`,
        role: 'gridcell',
        'aria-colindex': c + 1,
        'data-a1': a1(r, c),
        class: classes.join(' '),
        style: styles.length > 0 ? styles.join(';') : null,
        title: note || (display.length > 20 ? display : null),
        'aria-label': checkbox ? display.toUpperCase() || 'FALSE' : null,
      },
      checkbox
        ? ticked
          ? '☑'
          : '☐'
        : spill > 0
          ? el('span', { class: 'spill', style: `max-width:${spill}px` }, display)
          : display,
    );
  }

  /**
   * Text runs on over the empty cells to its right, as in Sheets: the room
   * it may take, or 0 when it stays in its own cell (numbers, frozen rows,
   * a filled neighbour).
   */
  private spillWidth(r: number, c: number): number {
    const view = this.view as SheetView;
    const text = this.displayAt(r, c);
    if (text === '' || r <= view.frozenRows || c <= view.frozenColumns) return 0;
    if ((view.align[r - 1]?.[c - 1] ?? 'left') !== 'left') return 0;
    let width = this.columnWidth(c);
    let next = c + 1;
    while (next <= view.columns && this.displayAt(r, next) === '' && next - c <= 8) {
      width += this.columnWidth(next);
      next += 1;
    }
    return next === c + 1 ? 0 : width - 8;
  }

  private columnWidth(c: number): number {
    const view = this.view as SheetView;
    return view.hiddenColumns[c - 1] ? 0 : (view.columnWidths[c - 1] ?? 100);
  }

  private columnLeft(c: number): number {
    let left = ROW_HEADER_WIDTH;
    for (let i = 1; i < c; i++) left += this.columnWidth(i);
    return left;
  }

  private frozenColumnClass(c: number): string | null {
    const frozen = this.view?.frozenColumns ?? 0;
    if (c > frozen) return null;
    return c === frozen ? 'frozen-column frozen-column-last' : 'frozen-column';
  }

  private frozenColumnStyle(c: number): string | null {
    return c <= (this.view?.frozenColumns ?? 0) ? `left:${this.columnLeft(c)}px` : null;
  }

  private cell(row: number, column: number): HTMLTableCellElement | null {
    return this.scroller.querySelector<HTMLTableCellElement>(`#cell-${row}-${column}`);
  }

  /** Moves the selection, scrolling the cell into view as Sheets does. */
  select(row: number, column: number, scroll = true): void {
    const view = this.view;
    if (!view) return;
    this.commitEditor();
    this.row = Math.max(1, Math.min(row, view.rows));
    this.column = Math.max(1, Math.min(column, view.columns));
    if (scroll) this.scrollToSelection();
    this.markSelected();
  }

  private scrollToSelection(): void {
    const view = this.view as SheetView;
    const frozenRows = Math.min(view.frozenRows, view.rows);
    if (this.row > frozenRows) {
      const top = this.row * ROW_HEIGHT;
      const visibleTop = this.scroller.scrollTop + (frozenRows + 1) * ROW_HEIGHT;
      const visibleBottom = this.scroller.scrollTop + this.scroller.clientHeight;
      if (top < visibleTop) this.scroller.scrollTop = top - (frozenRows + 1) * ROW_HEIGHT;
      else if (top + ROW_HEIGHT > visibleBottom)
        this.scroller.scrollTop = top + ROW_HEIGHT - this.scroller.clientHeight;
    }
    if (this.column > view.frozenColumns) {
      const left = this.columnLeft(this.column);
      const right = left + this.columnWidth(this.column);
      const visibleLeft = this.scroller.scrollLeft + this.columnLeft(view.frozenColumns + 1);
      const visibleRight = this.scroller.scrollLeft + this.scroller.clientWidth;
      if (left < visibleLeft)
        this.scroller.scrollLeft = left - this.columnLeft(view.frozenColumns + 1);
      else if (right > visibleRight) this.scroller.scrollLeft = right - this.scroller.clientWidth;
    }
    this.drawRowsInView();
  }

  private markSelected(): void {
    this.scroller.querySelector('td.selected')?.classList.remove('selected');
    const cell = this.cell(this.row, this.column);
    if (cell) {
      cell.classList.add('selected');
      this.scroller.setAttribute('aria-activedescendant', cell.id);
    }
    this.host.selected(this.row, this.column, this.inputAt(this.row, this.column));
  }

  selection(): { row: number; column: number; a1: string } {
    return { row: this.row, column: this.column, a1: a1(this.row, this.column) };
  }

  focus(): void {
    this.scroller.focus({ preventScroll: true });
  }

  private inputAt(row: number, column: number): string {
    return this.view?.input[row - 1]?.[column - 1] ?? '';
  }

  private displayAt(row: number, column: number): string {
    return this.view?.display[row - 1]?.[column - 1] ?? '';
  }

  /** Opens the cell editor over the selected cell, with what it holds or the key that opened it. */
  startEditing(initial?: string): void {
    const view = this.view;
    if (!view) return;
    this.scrollToSelection();
    if (!this.cell(this.row, this.column)) return;
    this.stopEditing();
    const choice = view.choices[view.choice[this.row - 1]?.[this.column - 1] ?? -1];
    replaceChildren(
      this.choicesList,
      ...(choice?.kind === 'list' ? choice.values.map((v) => el('option', { value: v })) : []),
    );
    const editor = el('input', {
      class: 'cell-editor',
      type: 'text',
      'aria-label': `Edit ${a1(this.row, this.column)}`,
      list: choice?.kind === 'list' ? 'cell-choices' : null,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    editor.value = initial ?? this.inputAt(this.row, this.column);
    editor.addEventListener('keydown', (event) => this.onEditorKey(event));
    editor.addEventListener('blur', () => {
      // Clicking elsewhere keeps what was typed, as in Sheets.
      if (this.editor === editor && !this.redrawing) this.commitEditor();
    });
    this.scroller.appendChild(editor);
    this.placeEditor(editor);
    this.editor = editor;
    editor.focus();
    const end = editor.value.length;
    editor.setSelectionRange(end, end);
  }

  private placeEditor(editor: HTMLInputElement): void {
    editor.style.top = `${this.row * ROW_HEIGHT}px`;
    editor.style.left = `${this.columnLeft(this.column)}px`;
    editor.style.minWidth = `${Math.max(60, this.columnWidth(this.column))}px`;
    editor.style.height = `${ROW_HEIGHT}px`;
  }

  isEditing(): boolean {
    return this.editor !== null;
  }

  private stopEditing(): void {
    const editor = this.editor;
    this.editor = null;
    editor?.remove();
  }

  /** Sends what the editor holds, if it changed anything. */
  private commitEditor(): void {
    const editor = this.editor;
    if (!editor) return;
    const value = editor.value;
    const target = a1(this.row, this.column);
    const unchanged = value === this.inputAt(this.row, this.column);
    this.stopEditing();
    if (!unchanged) void this.host.commit(target, [[value]]);
  }

  private onEditorKey(event: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = {
      Enter: [event.shiftKey ? -1 : 1, 0],
      Tab: [0, event.shiftKey ? -1 : 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      event.stopPropagation();
      this.commitEditor();
      this.focus();
      this.select(this.row + move[0], this.column + move[1]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.stopEditing();
      this.focus();
    }
  }

  private onKey(event: KeyboardEvent): void {
    const view = this.view;
    if (this.editor || !view) return;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 2);
    const steps: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageUp: [-page, 0],
      PageDown: [page, 0],
      Tab: [0, event.shiftKey ? -1 : 1],
    };
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && event.key === 'Home') {
      event.preventDefault();
      this.select(1, 1);
      return;
    }
    if (ctrl && event.key === 'End') {
      event.preventDefault();
      this.select(Math.max(1, view.lastRow), Math.max(1, view.lastColumn));
      return;
    }
    if (event.key === 'F2' || (event.key === 'Enter' && !event.shiftKey && !ctrl)) {
      event.preventDefault();
      this.startEditing();
      return;
    }
    const step = steps[event.key];
    if (step) {
      // Tab leaves the grid at its edges, so the keyboard can reach the rest of the page.
      const column = this.column + step[1];
      if (event.key === 'Tab' && (column < 1 || column > view.columns)) return;
      event.preventDefault();
      if (ctrl && event.key.startsWith('Arrow')) this.select(...this.dataEdge(step[0], step[1]));
      else this.select(this.row + step[0], column);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      if (this.inputAt(this.row, this.column) !== '')
        void this.host.commit(a1(this.row, this.column), [['']]);
      return;
    }
    const choice = view.choices[view.choice[this.row - 1]?.[this.column - 1] ?? -1];
    if (event.key === ' ' && choice?.kind === 'checkbox') {
      event.preventDefault();
      const ticked = /^true$/i.test(this.displayAt(this.row, this.column));
      void this.host.commit(a1(this.row, this.column), [[ticked ? 'FALSE' : 'TRUE']]);
      return;
    }
    if (event.key.length === 1 && !ctrl && !event.altKey) {
      event.preventDefault();
      this.startEditing(event.key);
    }
  }

  /** Ctrl+arrow, as in Sheets: to the last filled cell before a blank, or the next filled one. */
  private dataEdge(dRow: number, dColumn: number): [number, number] {
    const view = this.view as SheetView;
    const inside = (r: number, c: number): boolean =>
      r >= 1 && c >= 1 && r <= view.rows && c <= view.columns;
    const filled = (r: number, c: number): boolean => this.displayAt(r, c) !== '';
    let r = this.row;
    let c = this.column;
    if (!inside(r + dRow, c + dColumn)) return [r, c];
    if (filled(r, c) && filled(r + dRow, c + dColumn)) {
      while (inside(r + dRow, c + dColumn) && filled(r + dRow, c + dColumn)) {
        r += dRow;
        c += dColumn;
      }
      return [r, c];
    }
    do {
      r += dRow;
      c += dColumn;
    } while (inside(r + dRow, c + dColumn) && !filled(r, c));
    return [r, c];
  }

  /** Pasted text (tab-separated rows, as Sheets copies them) is typed in from the selected cell. */
  private onPaste(event: ClipboardEvent): void {
    if (this.editor) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text === '') return;
    event.preventDefault();
    const rows = text
      .replace(/\r?\n$/, '')
      .split(/\r?\n/)
      .map((line) => line.split('\t'));
    const width = Math.max(...rows.map((r) => r.length));
    void this.host.commit(
      a1(this.row, this.column),
      rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]),
    );
  }
}

/** Room for the rows not drawn, so the scroll bar is the sheet's whole height. */
function spacer(height: number, columns: number): HTMLTableRowElement {
  return el(
    'tr',
    { class: 'spacer', 'aria-hidden': 'true' },
    el('td', { colspan: columns + 1, style: `height:${height}px` }),
  );
}

function position(cell: HTMLElement): [number, number] {
  const [, row, column] = /^cell-(\d+)-(\d+)$/.exec(cell.id) ?? [];
  return [Number(row), Number(column)];
}

/** Colours come from the workbook: only a colour may reach the style attribute. */
function safeColour(colour: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(colour) || /^[a-z]+$/i.test(colour) ? colour : 'transparent';
}
