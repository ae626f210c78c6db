/**
 * The feedback loop in the playground, in Chromium: a check-in that carries
 * an open action forward, and feedback given by the manager and
 * acknowledged by the assistant — with markup in the feedback shown as
 * text wherever it appears.
 */
import {
  BROWSER_TEST_TIMEOUT_MS,
  METTE,
  PRIYA,
  cellByKey,
  openPlayground,
  openTab,
  runMenu,
  sidebarFrame,
  switchUser,
  type Session,
} from './support';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

const MARKUP_TEXT = '<img src=x onerror=alert(1)> Thanks for covering the inbox';

let session: Session;
beforeEach(async () => {
  session = await openPlayground();
});
afterEach(async () => {
  await session?.close();
});

describe('the playground in Chromium: check-ins and feedback', () => {
  test('a check-in keeps an open action going to the next agenda and closes a done one', async () => {
    const { page } = session;
    await switchUser(page, METTE);
    await runMenu(page, 'showCheckIn');
    const sidebar = await sidebarFrame(page);
    await sidebar.selectOption('#assistant', PRIYA);
    // The example agenda: A2 (Priya's, overdue) and A5 (Mette's) are open.
    await sidebar.locator('#carried-1-status').waitFor();
    expect(await sidebar.locator('form.record').textContent()).toContain('A2');

    await sidebar.fill('#summary', 'Brand guidelines arrived; turnaround back on track.');
    await sidebar.selectOption('#mood', '4');
    await sidebar.selectOption('#carried-0-status', 'In progress');
    await sidebar.fill('#carried-0-followUp', 'Carried forward: two lists left this week.');
    await sidebar.selectOption('#carried-1-status', 'Done');
    await sidebar.click('form.record button[type=submit]');
    await sidebar
      .locator('[role=status]', { hasText: 'Check-in with Priya Sharma saved.' })
      .waitFor();

    await openTab(page, 'Actions');
    expect((await cellByKey(page, 'A2', 'Status')).text).toBe('In progress');
    expect((await cellByKey(page, 'A2', 'Follow-up')).text).toContain(
      'Carried forward: two lists left',
    );
    expect((await cellByKey(page, 'A5', 'Status')).text).toBe('Done');

    // The next check-in's agenda carries A2 forward, with its follow-up; A5 is gone.
    await runMenu(page, 'showCheckIn');
    const next = await sidebarFrame(page);
    await next.selectOption('#assistant', PRIYA);
    await next.locator('#carried-0-followUp').waitFor();
    expect(await next.inputValue('#carried-0-followUp')).toContain('Carried forward');
    expect(await next.locator('#carried-1-status').count()).toBe(0);
    expect(await next.locator('main').textContent()).toContain(
      'Brand guidelines arrived; turnaround back on track.',
    );
    expect(session.pageErrors).toEqual([]);
  });

  test('feedback with markup in it is given, shown as text everywhere, and acknowledged', async () => {
    const { page } = session;
    await switchUser(page, METTE);
    await runMenu(page, 'showFeedback');
    const give = await sidebarFrame(page);
    await give.selectOption('#to', PRIYA);
    await give.selectOption('#kind', 'Praise');
    await give.fill('#text', MARKUP_TEXT);
    await give.click('button[type=submit]');
    await give.locator('[role=status]', { hasText: /./ }).waitFor();

    await openTab(page, 'Feedback');
    const sheetCells = await page.$$eval('table.sheet td', (cells) =>
      cells.map((td) => td.textContent ?? ''),
    );
    expect(sheetCells).toContain(MARKUP_TEXT);

    // On the manager's check-in agenda for Priya, as text.
    await runMenu(page, 'showCheckIn');
    const agenda = await sidebarFrame(page);
    await agenda.selectOption('#assistant', PRIYA);
    await agenda.locator('main', { hasText: MARKUP_TEXT }).waitFor();

    // Priya sees it among the feedback given to her, and acknowledges it.
    await switchUser(page, PRIYA);
    await runMenu(page, 'showFeedback');
    const inbox = await sidebarFrame(page);
    const item = inbox.locator('.item', { hasText: MARKUP_TEXT });
    await item.waitFor();
    await item.locator('button', { hasText: 'Acknowledge' }).click();
    await inbox.locator('[role=status]', { hasText: 'Acknowledged' }).waitFor();
    expect(await inbox.locator('.item', { hasText: MARKUP_TEXT }).count()).toBe(0);

    await openTab(page, 'Feedback');
    const row = await page.$$eval(
      'table.sheet tr',
      (rows, text) =>
        rows
          .map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? ''))
          .find((cells) => cells.includes(text as string)) ?? [],
      MARKUP_TEXT,
    );
    const header = await page.$$eval('table.sheet tr[aria-rowindex="2"] td', (cells) =>
      cells.map((td) => td.textContent ?? ''),
    );
    expect(header).toContain('Acknowledged');
    expect(row[header.indexOf('Acknowledged')]).not.toBe('');

    expect(session.dialogs).toEqual([]);
    for (const frame of page.frames()) {
      expect(await frame.$$eval('img', (images) => images.length)).toBe(0);
    }
    expect(session.pageErrors).toEqual([]);
  });
});
