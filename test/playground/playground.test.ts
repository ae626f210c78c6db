/**
 * The playground's server side without a browser: the workbook it keeps,
 * who may call it, google.script.run's rules, the clock and the triggers.
 * test/e2e/ drives the same server through Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, DEFAULT_PORT } from '../../scripts/playground/launch';
import { parseFormula } from '../../scripts/playground/sheetView';
import { simulatedFriday } from '../../scripts/lib/simulatedFriday';
import { callableFunctions, injectShim, toWireValue } from '../../scripts/playground/shim';
import { startPlayground, type RunningPlayground } from '../../scripts/playground/server';
import { Playground } from '../../scripts/playground/state';
import type { ActionReply, RunReply } from '../../scripts/playground/types';

const NOW = new Date('2026-11-26T11:00:00Z');
const PRIYA = 'priya@example.com';

function freshPlayground(stateFile: string | null = null): Playground {
  return new Playground({ stateFile, reset: true, now: NOW, ticking: false });
}

describe('the playground workbook', () => {
  test('npm start prints the Outbox of a simulated Friday in dry run, on a copy of the workbook', () => {
    const playground = freshPlayground();
    const before = playground.emu.serialize();
    const [heading = '', header = '', ...rows] = simulatedFriday(before);
    expect(heading).toMatch(/^Outbox of a simulated Friday 27 Nov 2026, hourly runs in dry run/);
    expect(header.split(/\s{2,}/)).toEqual([
      'DUE AT',
      'RECIPIENT',
      'CHANNEL',
      'RULE',
      'SUBJECT',
      'STATUS',
    ]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.endsWith('Skipped'))).toBe(true);
    expect(rows.some((row) => /mette@example\.com .*Weekly digest/.test(row))).toBe(true);
    expect(rows.every((row) => row.startsWith('2026-11-27'))).toBe(true);
    expect(playground.emu.serialize()).toBe(before);
  });

  test("draws the Dashboard's weekly chart as Sheets would: one line per assistant, weeks along the axis", () => {
    const charts = freshPlayground().state(null).sheet?.charts ?? [];
    const weekly = charts.find((chart) => chart.type === 'LINE');
    expect(weekly?.series.map((series) => series.name)).toEqual([
      'Priya Sharma',
      'Juan dela Cruz',
      'Ana Silva',
    ]);
    expect(weekly?.labels).toEqual(Array.from({ length: 8 }, (_, i) => `2026-W${41 + i}`));
    expect(weekly?.series.every((series) => series.values.length === 8)).toBe(true);
  });

  test('starts as the example team with the Dashboard refreshed, and opens on the Dashboard', () => {
    const playground = freshPlayground();
    const state = playground.state(null);
    expect(state.sheet?.name).toBe('Dashboard');
    expect(state.sheet?.display[0]?.[0]).toBe(
      'KPI Loop dashboard · updated 2026-11-26 12:00 (Europe/Copenhagen)',
    );
    expect(state.users.map((u) => u.email)).toEqual([
      'mette@example.com',
      PRIYA,
      'juan@example.com',
      'ana@example.com',
    ]);
    expect(state.menu?.items.filter(Boolean).map((i) => i?.functionName)).toContain('showLogWork');
    expect(state.tabs.find((t) => t.name === 'KPIs')?.protected).toBe(true);
    expect(state.tabs.find((t) => t.name === 'Log')?.protected).toBe(false);
  });

  test('status colours come from the conditional formats, as the sheet would show them', () => {
    const view = freshPlayground().state('Dashboard').sheet;
    const header = view?.display.findIndex((row) => row[0] === 'KPI ID') ?? -1;
    const status = view?.display[header]?.indexOf('Status') ?? -1;
    const k1 = header + 1;
    expect(view?.display[k1]?.[status]).toBe('Off track');
    const offTrack = view?.background[k1]?.[status];
    const onTrackRow = view?.display.findIndex((row) => row[status] === 'On track') ?? -1;
    expect(offTrack).toMatch(/^#/);
    expect(view?.background[onTrackRow]?.[status]).toMatch(/^#/);
    expect(view?.background[onTrackRow]?.[status]).not.toBe(offTrack);
  });

  test('is kept in the state file and reloaded by the next start; --reset starts over', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kpiloop-playground-'));
    const file = path.join(folder, 'workbook.json');
    const first = freshPlayground(file);
    first.switchUser(PRIYA);
    first.type('Log', 'L1', [['kept']]);
    first.save();
    const again = new Playground({ stateFile: file, now: NOW, ticking: false });
    expect(again.origin).toBe('reloaded');
    expect(again.state('Log').sheet?.display[0]?.[11]).toBe('kept');
    const reset = new Playground({ stateFile: file, reset: true, now: NOW, ticking: false });
    expect(reset.origin).toBe('created');
    expect(reset.state('Log').sheet?.display[0]?.[11]).toBe('');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('typing runs the edit trigger as the person at the keyboard; a protected tab refuses an assistant', () => {
    const playground = freshPlayground();
    playground.switchUser(PRIYA);
    const log = playground.state('Log').sheet;
    const next = (log?.lastRow ?? 0) + 1;
    playground.type('Log', `B${next}`, [['2026-11-26', PRIYA, 'K1', 'lots']]);
    const row = playground.state('Log').sheet?.display[next - 1] ?? [];
    expect(row[9]).toBe('Value "lots" is not a number');
    expect(row[8]).toBe(PRIYA);

    const refused = playground.type('KPIs', 'B2', [['Renamed']]);
    expect(refused.error).toMatch(/protected/i);
    expect(playground.state('KPIs').sheet?.display[1]?.[1]).toBe('Approved posts');
  });

  test('the menu runs only what the add-on put in it, and a sidebar opens as the person who chose it', () => {
    const playground = freshPlayground();
    expect(playground.runMenu('setUpTracker').error).toBeNull();
    expect(playground.runMenu('KPI_STATUS').error).toBe(
      '"KPI_STATUS" is not in the add-on\'s menu.',
    );
    playground.switchUser(PRIYA);
    playground.runMenu('showLogWork');
    const sidebar = playground.state(null).sidebar;
    expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Log work', user: PRIYA });
    // Another person sits down: the last one's sidebar is gone.
    playground.switchUser('mette@example.com');
    expect(playground.state(null).sidebar).toBeNull();
    expect(playground.switchUser('stranger@example.com').error).toBe(
      'stranger@example.com is not in Team.',
    );
  });

  test('google.script.run calls a global function as the page opener and answers JSON', () => {
    const playground = freshPlayground();
    playground.switchUser(PRIYA);
    playground.runMenu('showLogWork');
    const page = playground.state(null).sidebar?.id ?? '';
    const reply = playground.runFromPage(page, 'getLogWorkContext', []);
    expect(reply).toMatchObject({
      ok: true,
      value: { ok: true, value: { user: { email: PRIYA } } },
    });
    expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
    expect(playground.runFromPage(page, 'noSuchFunction', [])).toEqual({
      ok: false,
      error: 'Script function not found: noSuchFunction',
    });
    expect(playground.runFromPage('closed-page', 'getLogWorkContext', [])).toEqual({
      ok: false,
      error: 'This sidebar is closed.',
    });
  });

  test('"Friday 15:00 in Manila" sets the clock to that moment', () => {
    const playground = freshPlayground();
    expect(playground.setWallTime('2026-11-27T15:00', 'Asia/Manila').error).toBeNull();
    expect(new Date(playground.now()).toISOString()).toBe('2026-11-27T07:00:00.000Z');
    expect(playground.setWallTime('Friday', 'Asia/Manila').error).toBe(
      '"Friday" is not a date and time.',
    );
    expect(playground.setWallTime('2026-11-27T15:00', 'Mars/Olympus').error).toBe(
      '"Mars/Olympus" is not a time zone.',
    );
  });

  test('+1 hour moves the clock and runs an installed hourly trigger as its owner', () => {
    const playground = freshPlayground();
    const { emu } = playground;
    emu.asUser('mette@example.com', () =>
      emu.run(() =>
        emu.globals.ScriptApp.newTrigger('refreshDashboard').timeBased().everyHours(1).create(),
      ),
    );
    expect(playground.state(null).clock.timeTriggers).toEqual([
      { handler: 'refreshDashboard', every: 'every hour' },
    ]);
    playground.advance(1);
    expect(new Date(playground.now()).toISOString()).toBe('2026-11-26T12:00:00.000Z');
    // The trigger refreshed the Dashboard at the new hour.
    expect(playground.state('Dashboard').sheet?.display[0]?.[0]).toBe(
      'KPI Loop dashboard · updated 2026-11-26 13:00 (Europe/Copenhagen)',
    );
  });

  test('what nothing sends is captured: a webhook call is answered 200 locally', () => {
    const playground = freshPlayground();
    const response = playground.emu.run(() =>
      playground.emu.globals.UrlFetchApp.fetch('https://hooks.slack.com/services/T/B/secret', {
        method: 'post',
        payload: JSON.stringify({ text: 'Hello' }),
      }),
    );
    expect(response.getResponseCode()).toBe(200);
    expect(playground.messages().webhooks).toEqual([
      {
        url: 'https://hooks.slack.com/services/T/B/secret',
        method: 'POST',
        payload: '{"text":"Hello"}',
      },
    ]);
  });
});

describe('google.script.run in the served page', () => {
  test('the shim goes first into <head>, and the page gets the title HtmlService gives it', () => {
    const html = injectShim(
      '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
      { token: 't', page: 'p', functions: ['saveLogEntry'] },
      'Log <work>',
    );
    expect(
      html.startsWith('<!doctype html><html><head><title>Log &#60;work&#62;</title><script>'),
    ).toBe(true);
    expect(html).toContain('"functions":["saveLogEntry"]');
    const fragment = injectShim('<p>Help</p>', { token: 't', page: 'p', functions: [] }, 'Help');
    expect(fragment.endsWith('</script><p>Help</p>')).toBe(true);
  });

  test('a value inside the config cannot close the script element', () => {
    const html = injectShim(
      '<head></head>',
      { token: '</script><b>', page: 'p', functions: [] },
      't',
    );
    expect(html).not.toContain('</script><b>');
  });

  test('only top-level functions are callable, and none ending in _', () => {
    expect(
      callableFunctions(
        'var x = 1;\nfunction onOpen(e) {}\nfunction helper_() {}\n  function inner() {}\n',
      ),
    ).toEqual(['onOpen']);
  });

  test('results are JSON-like: a Date or a function anywhere makes the answer null', () => {
    expect(toWireValue({ ok: true, value: [1, 'a', null, { b: false }] })).toEqual({
      value: { ok: true, value: [1, 'a', null, { b: false }] },
      refused: false,
    });
    expect(toWireValue({ when: new Date() })).toEqual({ value: null, refused: true });
    expect(toWireValue([() => 1])).toEqual({ value: null, refused: true });
    expect(toWireValue(undefined)).toEqual({ value: undefined, refused: false });
  });
});

describe('conditional formats the playground evaluates', () => {
  const cell = (values: unknown[][], row: number, column: number) => ({
    row,
    column,
    top: 2,
    left: 10,
    values,
    display: [],
  });

  test("the add-on's rule for Check cells: not blank and not OK, row by row", () => {
    const rule = parseFormula('=AND($J2<>"",$J2<>"OK")');
    const values = [['Check'], ['OK'], ['Value "x" is not a number'], ['']].map((row) => [
      ...Array<unknown>(9).fill(''),
      ...row,
    ]);
    expect(rule?.(cell(values, 2, 10))).toBe(false);
    expect(rule?.(cell(values, 3, 10))).toBe(true);
    expect(rule?.(cell(values, 4, 10))).toBe(false);
  });

  test('a formula it cannot read colours nothing', () => {
    expect(parseFormula('=VLOOKUP(A1,B:C,2)')).toBeNull();
  });
});

describe('npm start options', () => {
  test('port from --port, then PORT, then the default; --lang and --reset', () => {
    expect(parseArgs([], {})).toEqual({
      port: DEFAULT_PORT,
      portChosen: false,
      reset: false,
      lang: 'en',
    });
    expect(parseArgs(['--port', '8080', '--reset', '--lang', 'da'], {})).toEqual({
      port: 8080,
      portChosen: true,
      reset: true,
      lang: 'da',
    });
    expect(parseArgs([], { PORT: '9000' }).port).toBe(9000);
    expect(() => parseArgs(['--port', 'x'], {})).toThrow('--port x is not a port number.');
    expect(() => parseArgs(['--lang', 'fr'], {})).toThrow('--lang fr: use en or da.');
  });
});

describe('the HTTP server', () => {
  let running: RunningPlayground;
  beforeAll(async () => {
    running = await startPlayground({
      port: 0,
      stateFile: null,
      reset: true,
      now: NOW,
      ticking: false,
    });
  });
  afterAll(() => running.close());

  const post = (
    route: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${running.url}api/${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', ...headers },
      body: JSON.stringify(body),
    });

  test('listens on 127.0.0.1 only and serves the page with its token', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await (await fetch(running.url)).text();
    expect(page).toContain(`content="${running.token}"`);
  });

  test('refuses a call without the token, and a request naming another host', async () => {
    expect((await post('state', { sheet: null })).status).toBe(403);
    expect((await post('state', { sheet: null, token: 'guess' })).status).toBe(403);
    // fetch will not send another Host header: node:http's request will.
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http
        .get(running.url, { headers: { Host: 'attacker.example' } }, (res) =>
          resolve(res.statusCode ?? 0),
        )
        .end();
    });
    expect(status).toBe(403);
  });

  test('a page is served with the shim to the token holder, and google.script.run answers JSON', async () => {
    await post('user', { token: running.token, email: PRIYA });
    const opened = (await (
      await post('menu', { token: running.token, functionName: 'showLogWork' })
    ).json()) as ActionReply;
    const page = opened.state.sidebar?.id ?? '';
    const html = await (await fetch(`${running.url}page/${page}?token=${running.token}`)).text();
    expect(html).toContain('window.google =');
    expect((await fetch(`${running.url}page/${page}?token=wrong`)).status).toBe(404);

    const reply = await post('run', {
      token: running.token,
      page,
      fn: 'getLogWorkContext',
      args: [],
    });
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await reply.json()) as RunReply;
    expect(body).toMatchObject({ ok: true, value: { ok: true, value: { today: '2026-11-26' } } });
  });
});
