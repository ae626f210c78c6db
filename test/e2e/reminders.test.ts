/**
 * Settings and reminders in the playground, in Chromium: a webhook saved
 * and shown masked, a test message through it, and reminders previewed and
 * sent after the clock is moved — all captured, nothing leaves the machine.
 */
import {
  BROWSER_TEST_TIMEOUT_MS,
  METTE,
  openPlayground,
  openTab,
  runMenu,
  sidebarFrame,
  switchUser,
  type Session,
} from './support';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

const SECRET = 'T0001/B0002/k3yThatMustNotShow';
const SLACK_URL = `https://hooks.slack.com/services/${SECRET}`;

let session: Session;
beforeEach(async () => {
  session = await openPlayground();
});
afterEach(async () => {
  await session?.close();
});

describe('the playground in Chromium: settings and reminders', () => {
  test('a Slack webhook is saved, shown masked, and a test message goes through it', async () => {
    const { page, running } = session;
    await switchUser(page, METTE);
    await runMenu(page, 'showSettings');
    const settings = await sidebarFrame(page);
    const slack = settings.locator('.channel', { has: settings.locator('#webhook-slack') });
    await settings.fill('#webhook-slack', SLACK_URL);
    await slack.locator('button', { hasText: 'Save address' }).click();
    await settings.locator('[role=status]', { hasText: 'Slack webhook saved.' }).waitFor();
    await slack.locator('p', { hasText: 'Set: ' }).waitFor();
    expect(await settings.inputValue('#webhook-slack')).toBe('');
    expect(await settings.content()).not.toContain('k3yThatMustNotShow');

    await slack.locator('button', { hasText: 'Send test message' }).click();
    await settings
      .locator('[role=status]', { hasText: 'Test message sent through Slack.' })
      .waitFor();
    await page.locator('#messages-button', { hasText: 'Sent messages (1)' }).waitFor();
    await page.click('#messages-button');
    const card = page.locator('.message-card.webhook');
    await card.waitFor();
    expect(await card.locator('h3').textContent()).toBe('Slack post 1');
    expect(await card.locator('.chat-bubble').textContent()).toContain('KPI Loop test message');
    expect(await page.locator('#messages').textContent()).not.toContain('k3yThatMustNotShow');

    // Reopened, the sidebar still shows only the masked address; no cell holds it.
    await runMenu(page, 'showSettings');
    const again = await sidebarFrame(page);
    await again.locator('#webhook-slack').waitFor();
    expect(await again.content()).not.toContain('k3yThatMustNotShow');
    const { emu } = running.playground;
    for (const sheet of emu.spreadsheet.getSheets()) {
      expect(JSON.stringify(emu.sheetValues(sheet.getName()))).not.toContain('k3yThatMustNotShow');
    }
  });

  test('after moving the clock to Friday 14:30 in Manila, the preview and the next hourly run show Juan his reminders', async () => {
    const { page } = session;
    await switchUser(page, METTE);
    await runMenu(page, 'showSettings');
    const settings = await sidebarFrame(page);
    await settings.locator('button', { hasText: 'Turn on' }).click();
    await page.locator('#clock-triggers', { hasText: 'runReminders every hour' }).waitFor();
    await page.click('#sidebar-close');

    await page.selectOption('#clock-zone', 'Asia/Manila');
    await page.fill('#clock-wall', '2026-11-27T14:30');
    await page.click('#clock-set');
    await page.locator('#clock-now', { hasText: 'Fri, 27 Nov 2026, 14:30' }).waitFor();

    await runMenu(page, 'showReminderPreview');
    const handle = await page.locator('#dialog-body iframe').elementHandle();
    const preview = await handle?.contentFrame();
    if (!preview) throw new Error('The reminder preview did not open');
    await preview.locator('body', { hasText: 'Juan dela Cruz' }).waitFor();
    const text = (await preview.locator('body').textContent()) ?? '';
    expect(text).toContain('2026-11-27 07:30, Europe/Copenhagen');
    expect(text).toContain('Missing entry');
    await page.click('#dialog-close');

    // +1 hour: the hourly trigger runs and the reminders land in the Outbox, captured.
    const ran = page.waitForResponse((r) => r.url().endsWith('/api/clock'));
    await page.click('#clock-hour');
    await ran;
    await openTab(page, 'Outbox');
    const outbox = await page.$$eval('table.sheet tbody tr:not(.spacer)', (rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? '')),
    );
    const juan = outbox.find((cells) => cells.includes('juan@example.com'));
    expect(juan).toBeDefined();
    expect(juan?.join(' ')).toContain('Missing entry');
    expect(juan).toContain('Sent');

    await page.click('#messages-button');
    const mail = page.locator('.message-card.mail', { hasText: 'juan@example.com' });
    await mail.waitFor();
    const body = await (await mail.locator('iframe').elementHandle())?.contentFrame();
    expect(await body?.locator('body').textContent()).toContain('Missing entry');
    expect(session.pageErrors).toEqual([]);
  });
});
