/**
 * Logging work in the playground, in Chromium: through the Log work sidebar
 * (the real dist/logWork.html over the google.script.run shim) and by
 * typing rows into the Log tab, where the edit trigger writes each row's
 * Check.
 */
import {
  BROWSER_TEST_TIMEOUT_MS,
  METTE,
  PRIYA,
  cellByKey,
  goTo,
  openPlayground,
  openTab,
  rowText,
  runMenu,
  selectedCell,
  sidebarFrame,
  switchUser,
  typeRow,
  waitForCell,
  type Session,
} from './support';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

let session: Session;
beforeEach(async () => {
  session = await openPlayground();
});
afterEach(async () => {
  await session?.close();
});

describe('the playground in Chromium: logging work', () => {
  test('an assistant logs work in the sidebar and the Dashboard shows the KPI on track after a refresh', async () => {
    const { page } = session;
    await openTab(page, 'Dashboard');
    const before = await cellByKey(page, 'K1', 'Status');
    expect(before.text).toBe('Off track');

    await switchUser(page, PRIYA);
    await runMenu(page, 'showLogWork');
    const sidebar = await sidebarFrame(page);
    await sidebar.selectOption('#kpi', 'K1');
    await sidebar.fill('#value', '6');
    await sidebar.click('button[type=submit]');
    await sidebar
      .locator('[role=status]', { hasText: 'Saved. Approved posts: 15 of 15 posts — On track.' })
      .waitFor();
    // The sidebar's own Close calls google.script.host.close().
    await sidebar.click('button:text-is("Close")');
    await page.locator('#sidebar').waitFor({ state: 'hidden' });

    await switchUser(page, METTE);
    await runMenu(page, 'refreshDashboard');
    await waitForCell(page, before.a1, 'On track');
    const after = await cellByKey(page, 'K1', 'Status');
    expect(after.text).toBe('On track');
    // The status colour is a conditional format: red for Off track, green for On track.
    expect(after.background).not.toBe(before.background);
    expect(session.pageErrors).toEqual([]);
  });

  test('a bad Log row typed by hand gets its Check message and keeps what was typed', async () => {
    const { page } = session;
    await switchUser(page, PRIYA);
    await openTab(page, 'Log');
    const header = await rowText(page, 1);
    const dateColumn = String.fromCharCode(65 + header.indexOf('Date'));
    const checkColumn = String.fromCharCode(65 + header.indexOf('Check'));
    // As a person finds the first empty row: Ctrl+Down to the last date, then one down.
    await goTo(page, `${dateColumn}2`);
    await page.keyboard.press('Control+ArrowDown');
    await page.keyboard.press('ArrowDown');
    const firstEmpty = Number((await selectedCell(page)).slice(1));
    expect(firstEmpty).toBeGreaterThan(100); // six weeks of the example team's work above it
    expect(await rowText(page, firstEmpty)).toEqual(header.map(() => ''));

    await typeRow(page, `${dateColumn}${firstEmpty}`, ['2026-11-26', PRIYA, 'K1', 'lots']);

    await waitForCell(page, `${checkColumn}${firstEmpty}`, 'Value "lots" is not a number');
    const row = await rowText(page, firstEmpty);
    expect(row[header.indexOf('Value')]).toBe('lots');
    expect(row[header.indexOf('KPI')]).toBe('K1');
    // Stamped by the edit trigger, as in Sheets.
    expect(row[header.indexOf('Entry ID')]).toMatch(/^E\d+$/);
    expect(row[header.indexOf('Logged by')]).toBe(PRIYA);
    expect(session.pageErrors).toEqual([]);
  });

  test('the keyboard alone opens Log work, fills it in and saves', async () => {
    const { page } = session;
    await switchUser(page, PRIYA);
    // From the menu button on, only keys.
    await page.focus('#menu-button');
    await page.keyboard.press('Enter');
    await page.locator('#menu [data-function="showLogWork"]').waitFor();
    while (
      (await page.evaluate(() => document.activeElement?.getAttribute('data-function'))) !==
      'showLogWork'
    ) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    const sidebar = await sidebarFrame(page);

    const focusedId = (): Promise<string> =>
      sidebar.evaluate(() => (document.hasFocus() ? (document.activeElement?.id ?? '') : ''));
    for (let presses = 0; (await focusedId()) !== 'kpi'; presses++) {
      if (presses > 30) throw new Error('Tab never reached the KPI field of the sidebar');
      await page.keyboard.press('Tab');
    }
    // A focused <select> takes typed letters: "S" picks "SEO articles".
    await page.keyboard.type('S');
    expect(await sidebar.inputValue('#kpi')).toBe('K7');
    await page.keyboard.press('Tab'); // Date: today in Priya's zone, already filled in
    expect(await focusedId()).toBe('date');
    // Tab steps through the date's day, month and year before it leaves the field.
    for (let presses = 0; (await focusedId()) === 'date'; presses++) {
      if (presses > 3) throw new Error('Tab never left the Date field');
      await page.keyboard.press('Tab');
    }
    expect(await focusedId()).toBe('value');
    await page.keyboard.type('1500');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await sidebar.evaluate(() => document.activeElement?.textContent)).toBe('Save');
    await page.keyboard.press('Enter');
    await sidebar.locator('[role=status]', { hasText: 'Saved. SEO articles' }).waitFor();

    await openTab(page, 'Log');
    await page.focus('#grid');
    await page.keyboard.press('Control+End');
    const last = Number((await selectedCell(page)).replace(/^[A-Z]+/, ''));
    const row = await rowText(page, last);
    expect(row).toContain('Keyboard only');
    expect(row).toContain('K7');
  });
});
