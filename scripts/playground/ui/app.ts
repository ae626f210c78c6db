/**
 * The playground page: the workbook as a spreadsheet, the add-on's menu,
 * its sidebars and dialogs, who is at the keyboard and what time it is.
 * The server holds the workbook; the page asks it to do things and draws
 * the state each answer brings.
 */
import type { ActionReply, PageView, PlaygroundState, Said } from '../types';
import { api, pageToken } from './api';
import { byId, el, replaceChildren } from './dom';
import { Grid } from './grid';
import { renderMessages } from './messages';

let state: PlaygroundState | null = null;
let receivedAt = Date.now();
let sheetName: string | null = null;
/** Calls go one after another, so typed cells land in the order they were typed. */
let queue: Promise<unknown> = Promise.resolve();

const grid = new Grid(byId('grid'), {
  commit: (a1, values) => act(() => api.type(sheetName ?? '', a1, values)),
  selected: (_row, _column, input) => {
    const nameBox = byId<HTMLInputElement>('name-box');
    if (document.activeElement !== nameBox) nameBox.value = grid.selection().a1;
    const formula = byId<HTMLInputElement>('formula');
    if (document.activeElement !== formula) formula.value = input;
  },
});

/** Runs one request after the ones before it and draws what it brings. */
function act(request: () => Promise<ActionReply>): Promise<void> {
  const next = queue.then(request).then(apply, (error: unknown) => showError(String(error)));
  queue = next;
  return next;
}

function apply(reply: ActionReply): void {
  state = reply.state;
  receivedAt = Date.now();
  sheetName = reply.state.sheet?.name ?? null;
  render(reply.state);
  announce(reply);
}

// ── Drawing ────────────────────────────────────────────────────────────────

function render(s: PlaygroundState): void {
  byId('doc-name').textContent = s.spreadsheetName;
  document.title = `${s.spreadsheetName} — KPI Loop playground`;
  renderUsers(s);
  renderMenu(s);
  renderClock(s);
  renderTabs(s);
  if (s.sheet) grid.render(s.sheet);
  renderPage('sidebar', s.sidebar);
  renderPage('dialog', s.dialog);
  byId('messages-button').textContent = `Sent messages (${s.messageCount})`;
  if (!byId('messages').hidden && s.messageCount !== shownMessages) void loadMessages();
}

function renderUsers(s: PlaygroundState): void {
  const select = byId<HTMLSelectElement>('user');
  replaceChildren(
    select,
    ...s.users.map((u) =>
      el('option', { value: u.email }, `${u.name} — ${u.role || 'no role'} (${u.timeZone})`),
    ),
  );
  select.value = s.user;
}

function renderMenu(s: PlaygroundState): void {
  byId('menu-button').textContent = `Extensions ▸ ${s.menu?.title ?? 'KPI Loop'} ▾`;
  const menu = byId('menu');
  const items = s.menu?.items ?? [];
  replaceChildren(
    menu,
    s.menu ? null : el('div', { class: 'menu-title', role: 'presentation' }, 'No add-on menu'),
    ...items.map((item) =>
      item === null
        ? el('div', { role: 'separator', class: 'menu-separator' })
        : menuItem(item.caption, item.functionName),
    ),
  );
}

function menuItem(caption: string, functionName: string): HTMLElement {
  const button = el(
    'button',
    { type: 'button', role: 'menuitem', 'data-function': functionName, tabindex: -1 },
    caption,
  );
  button.addEventListener('click', () => {
    closeMenu();
    void act(() => api.menu(sheetName, functionName));
  });
  return button;
}

function renderTabs(s: PlaygroundState): void {
  const tabs = byId('tabs');
  replaceChildren(
    tabs,
    ...s.tabs.map((tab) => {
      const selected = tab.name === s.sheet?.name;
      const button = el(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': String(selected),
          tabindex: selected ? 0 : -1,
          class: 'tab',
          title: tab.protected ? 'Protected: only managers can edit' : null,
          style:
            tab.tabColor && /^#[0-9a-f]{3,8}$/i.test(tab.tabColor)
              ? `border-bottom-color:${tab.tabColor}`
              : null,
        },
        tab.protected ? el('span', { class: 'lock', 'aria-hidden': 'true' }) : null,
        tab.name,
      );
      button.addEventListener('click', () => openTab(tab.name));
      return button;
    }),
  );
}

function openTab(name: string): void {
  sheetName = name;
  void act(() => api.state(name));
}

byId('tabs').addEventListener('keydown', (event) => {
  const buttons = Array.from(byId('tabs').querySelectorAll<HTMLButtonElement>('button[role=tab]'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
  if (at < 0 || step === 0) return;
  event.preventDefault();
  const next = buttons[(at + step + buttons.length) % buttons.length];
  next?.focus();
  next?.click();
});

// ── Sidebars and dialogs: the add-on's own HTML, in a sandbox ──────────────

const openPages: Record<PageView['kind'], string | null> = { sidebar: null, dialog: null };

function frame(kind: PageView['kind']): HTMLIFrameElement | null {
  return byId(`${kind}-body`).querySelector('iframe');
}

function renderPage(kind: PageView['kind'], page: PageView | null): void {
  const container = kind === 'sidebar' ? byId('sidebar') : byId('dialog-backdrop');
  if (!page) {
    if (openPages[kind] !== null) {
      replaceChildren(byId(`${kind}-body`));
      container.hidden = true;
      openPages[kind] = null;
      if (kind === 'dialog') grid.focus();
    }
    return;
  }
  if (openPages[kind] === page.id) return; // the same page stays as it is: no reload
  openPages[kind] = page.id;
  byId(`${kind}-title`).textContent = page.title;
  const iframe = el('iframe', {
    src: `/page/${encodeURIComponent(page.id)}?token=${encodeURIComponent(pageToken())}`,
    title: page.title,
    // As Google serves add-on pages: scripts, forms and alerts, but no access to this page.
    sandbox: 'allow-scripts allow-forms allow-modals allow-popups',
    'data-page': page.id,
    'data-user': page.user,
  });
  if (kind === 'dialog') {
    iframe.style.width = `${page.width}px`;
    iframe.style.height = `${page.height}px`;
  }
  replaceChildren(byId(`${kind}-body`), iframe);
  container.hidden = false;
  // Keyboard users land in what just opened: Tab goes on to its first field.
  iframe.addEventListener('load', () => iframe.focus(), { once: true });
}

function closePage(kind: PageView['kind']): void {
  const id = openPages[kind];
  if (id !== null) void act(() => api.close(sheetName, id));
}

byId('sidebar-close').addEventListener('click', () => closePage('sidebar'));
byId('dialog-close').addEventListener('click', () => closePage('dialog'));
byId('dialog-backdrop').addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closePage('dialog');
});

/** What the shim in a page tells us: it changed the workbook, or asks to close. */
window.addEventListener('message', (event: MessageEvent) => {
  const kind = (['sidebar', 'dialog'] as const).find(
    (k) => frame(k) !== null && event.source === frame(k)?.contentWindow,
  );
  if (!kind) return;
  const data = event.data as { kpiloop?: string; height?: number; width?: number };
  if (data.kpiloop === 'changed') refreshSoon();
  else if (data.kpiloop === 'close') closePage(kind);
  else if (data.kpiloop === 'focus-editor') grid.focus();
  else if (data.kpiloop === 'resize' && kind === 'dialog') {
    const iframe = frame(kind);
    if (iframe && data.height) iframe.style.height = `${data.height}px`;
    if (iframe && data.width) iframe.style.width = `${data.width}px`;
  }
});

let refreshTimer: number | undefined;
/** Several calls from a page in a row redraw once. */
function refreshSoon(): void {
  window.clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => void act(() => api.state(sheetName)), 50);
}

// ── The menu ───────────────────────────────────────────────────────────────

const menuButton = byId<HTMLButtonElement>('menu-button');

function openMenu(): void {
  byId('menu').hidden = false;
  menuButton.setAttribute('aria-expanded', 'true');
  byId('menu').querySelector<HTMLElement>('[role=menuitem]')?.focus();
}

function closeMenu(): void {
  byId('menu').hidden = true;
  menuButton.setAttribute('aria-expanded', 'false');
}

menuButton.addEventListener('click', () => (byId('menu').hidden ? openMenu() : closeMenu()));
byId('menu').addEventListener('keydown', (event) => {
  const items = Array.from(byId('menu').querySelectorAll<HTMLElement>('[role=menuitem]'));
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (event.key === 'Escape') {
    event.preventDefault();
    closeMenu();
    menuButton.focus();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    items[(at + step + items.length) % items.length]?.focus();
  }
});
document.addEventListener('mousedown', (event) => {
  if (!(event.target as HTMLElement).closest('.menu-wrap')) closeMenu();
});

// ── Who is at the keyboard ─────────────────────────────────────────────────

byId<HTMLSelectElement>('user').addEventListener('change', (event) => {
  const email = (event.target as HTMLSelectElement).value;
  void act(() => api.user(sheetName, email));
});

// ── The clock ──────────────────────────────────────────────────────────────

let wallEdited = false;

function renderClock(s: PlaygroundState): void {
  const zoneSelect = byId<HTMLSelectElement>('clock-zone');
  const chosen = zoneSelect.value || s.clock.spreadsheetTimeZone;
  replaceChildren(zoneSelect, ...s.clock.zones.map((z) => el('option', { value: z }, z)));
  zoneSelect.value = s.clock.zones.includes(chosen) ? chosen : s.clock.spreadsheetTimeZone;
  showTime();
  const triggers = s.clock.timeTriggers;
  const note = byId('clock-triggers');
  note.textContent =
    triggers.length > 0
      ? `Runs ${triggers.map((t) => `${t.handler} ${t.every}`).join(', ')}`
      : 'No time trigger installed';
  note.title =
    triggers.length > 0
      ? '+1 hour and +1 day run the installed time-driven triggers hour by hour, as Apps Script would.'
      : 'Nothing installed a time-driven trigger yet: +1 hour and +1 day only move the clock.';
}

function emulatedNow(): number {
  if (!state) return Date.now();
  return state.clock.ticking ? state.clock.now + (Date.now() - receivedAt) : state.clock.now;
}

function showTime(): void {
  const zone = byId<HTMLSelectElement>('clock-zone').value || 'UTC';
  const now = emulatedNow();
  byId('clock-now').textContent = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  const wall = byId<HTMLInputElement>('clock-wall');
  if (!wallEdited && document.activeElement !== wall) wall.value = wallTime(now, zone);
}

/** `2026-11-27T15:00`: the instant's wall-clock time in the zone, for datetime-local. */
function wallTime(instant: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

byId('clock-wall').addEventListener('input', () => (wallEdited = true));
byId('clock-zone').addEventListener('change', () => {
  wallEdited = false;
  showTime();
});
byId('clock-set').addEventListener('click', () => {
  const wall = byId<HTMLInputElement>('clock-wall').value;
  const zone = byId<HTMLSelectElement>('clock-zone').value;
  wallEdited = false;
  void act(() => api.setClock(sheetName, wall, zone));
});
byId('clock-hour').addEventListener('click', () => void act(() => api.advance(sheetName, 1)));
byId('clock-day').addEventListener('click', () => void act(() => api.advance(sheetName, 24)));
window.setInterval(() => {
  if (state?.clock.ticking) showTime();
}, 15_000);

// ── The formula bar ────────────────────────────────────────────────────────

const formula = byId<HTMLInputElement>('formula');
formula.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && sheetName) {
    event.preventDefault();
    const { a1, row, column } = grid.selection();
    const value = formula.value;
    grid.focus();
    void act(() => api.type(sheetName ?? '', a1, [[value]])).then(() =>
      grid.select(row + 1, column),
    );
  } else if (event.key === 'Escape') {
    grid.focus();
    grid.select(grid.selection().row, grid.selection().column);
  }
});

const nameBox = byId<HTMLInputElement>('name-box');
nameBox.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    const match = /^\s*([A-Za-z]{1,3})(\d+)\s*$/.exec(nameBox.value);
    grid.focus();
    if (!match) return grid.select(grid.selection().row, grid.selection().column);
    const letters = (match[1] as string).toUpperCase();
    const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    grid.select(Number(match[2]), column);
  } else if (event.key === 'Escape') {
    grid.focus();
    grid.select(grid.selection().row, grid.selection().column);
  }
});
nameBox.addEventListener('focus', () => nameBox.select());

// ── What the add-on said ───────────────────────────────────────────────────

function announce(said: Said): void {
  for (const toast of said.toasts) showToast(toast.title, toast.message, toast.timeoutSeconds);
  for (const alert of said.alerts)
    showToast(alert.title || 'Alert', `${alert.prompt} (answered OK)`, 10);
  if (said.error) showError(said.error);
}

function showToast(title: string, message: string, timeoutSeconds: number): void {
  const close = el('button', { type: 'button', 'aria-label': 'Dismiss' }, '×');
  const toast = el('div', { class: 'toast' }, el('strong', {}, title), el('p', {}, message), close);
  close.addEventListener('click', () => toast.remove());
  byId('toasts').appendChild(toast);
  // Sheets keeps a toast for its timeout; a negative one stays until dismissed.
  if (timeoutSeconds >= 0)
    window.setTimeout(() => toast.remove(), Math.max(4, timeoutSeconds) * 1000);
}

function showError(message: string): void {
  byId('banner-text').textContent = message;
  byId('banner').hidden = false;
}
byId('banner-close').addEventListener('click', () => (byId('banner').hidden = true));

// ── Sent messages ──────────────────────────────────────────────────────────

let shownMessages = -1;

async function loadMessages(): Promise<void> {
  const messages = await api.messages();
  shownMessages = messages.mail.length + messages.webhooks.length;
  renderMessages(byId('messages-list'), messages);
}

byId('messages-button').addEventListener('click', () => {
  const panel = byId('messages');
  panel.hidden = !panel.hidden;
  if (!panel.hidden) void loadMessages();
});
byId('messages-close').addEventListener('click', () => (byId('messages').hidden = true));

void act(() => api.state(null)).then(() => grid.focus());
