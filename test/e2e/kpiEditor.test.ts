/**
 * The KPI editor in the playground, in Chromium: the SMART check follows
 * the form as the manager fills it in, and a KPI whose name is markup is
 * shown as text everywhere it appears.
 */
import type { Frame, Page } from 'playwright-core';
import {
  BROWSER_TEST_TIMEOUT_MS,
  JUAN,
  METTE,
  cellByKey,
  openPlayground,
  openTab,
  runMenu,
  sidebarFrame,
  switchUser,
  waitForCell,
  type Session,
} from './support';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

const SMART_OK = 'The KPI is specific, measurable, achievable, relevant and time-bound.';
const MARKUP_NAME = '<img src=x onerror=alert(1)>';

let session: Session;
beforeEach(async () => {
  session = await openPlayground();
});
afterEach(async () => {
  await session?.close();
});

/** The SMART letters the editor shows as failing, in order, without repeats. */
async function failingLetters(sidebar: Frame): Promise<string[]> {
  const letters = await sidebar.$$eval('.smart .smart-findings abbr', (abbrs) =>
    abbrs.map((a) => a.textContent ?? ''),
  );
  return [...new Set(letters)];
}

async function openKpiEditorAsManager(page: Page): Promise<Frame> {
  await switchUser(page, METTE);
  await runMenu(page, 'showKpiEditor');
  const sidebar = await sidebarFrame(page);
  await sidebar.locator('#name').waitFor();
  return sidebar;
}

/** A complete, SMART KPI for Juan, named `name`. */
async function fillKpi(sidebar: Frame, name: string): Promise<void> {
  await sidebar.fill('#name', name);
  await sidebar.selectOption('#owner', JUAN);
  await sidebar.fill('#measure', 'Customer calls answered within three rings');
  await sidebar.selectOption('#goalId', 'G2');
  await sidebar.selectOption('#taskType', 'Customer service');
  await sidebar.selectOption('#aggregation', 'Sum');
  await sidebar.selectOption('#direction', 'At least');
  await sidebar.fill('#target', '40');
  await sidebar.fill('#unit', 'calls');
  await sidebar.selectOption('#period', 'Week');
  await sidebar.fill('#reviewBy', '2027-03-31');
}

describe('the playground in Chromium: the KPI editor', () => {
  test('creating a KPI: the SMART check goes from its failing letters to OK', async () => {
    const { page } = session;
    const sidebar = await openKpiEditorAsManager(page);
    expect(await failingLetters(sidebar)).toEqual(['S', 'M', 'R', 'T']);

    await sidebar.fill('#name', 'Calls answered');
    await sidebar.selectOption('#owner', JUAN);
    await sidebar.fill('#measure', 'Customer calls answered within three rings');
    // Specific now: Measure and Owner are there.
    await sidebar.waitForFunction(() =>
      Array.from(document.querySelectorAll('.smart abbr')).every((a) => a.textContent !== 'S'),
    );
    expect(await failingLetters(sidebar)).toEqual(['M', 'R', 'T']);

    await fillKpi(sidebar, 'Calls answered');
    await sidebar.locator('.smart', { hasText: SMART_OK }).waitFor();
    expect(await failingLetters(sidebar)).toEqual([]);

    await sidebar.click('button[type=submit]');
    await sidebar.locator('[role=status]', { hasText: 'K11' }).waitFor();
    await openTab(page, 'KPIs');
    expect((await cellByKey(page, 'K11', 'KPI')).text).toBe('Calls answered');
    expect((await cellByKey(page, 'K11', 'SMART')).text).toBe('OK');
    expect(session.pageErrors).toEqual([]);
  });

  test('a KPI named <img src=x onerror=alert(1)> is shown as text in the sheet and in every sidebar', async () => {
    const { page } = session;
    const editor = await openKpiEditorAsManager(page);
    await fillKpi(editor, MARKUP_NAME);
    await editor.click('button[type=submit]');
    await editor.locator('[role=status]', { hasText: 'K11' }).waitFor();

    await openTab(page, 'KPIs');
    expect((await cellByKey(page, 'K11', 'KPI')).text).toBe(MARKUP_NAME);

    await runMenu(page, 'refreshDashboard');
    await openTab(page, 'Dashboard');
    await waitForCell(page, (await cellByKey(page, 'K11', 'KPI')).a1, MARKUP_NAME);

    await runMenu(page, 'showKpiEditor');
    const reopened = await sidebarFrame(page);
    await reopened.locator('#pick option', { hasText: MARKUP_NAME }).waitFor({ state: 'attached' });

    await switchUser(page, JUAN);
    await runMenu(page, 'showLogWork');
    const logWork = await sidebarFrame(page);
    await logWork.locator('#kpi option', { hasText: MARKUP_NAME }).waitFor({ state: 'attached' });
    await logWork.selectOption('#kpi', { label: `${MARKUP_NAME} (calls)` });
    await logWork.locator('.kpi-summary').waitFor();

    // Nothing ran: no alert in any frame, and no <img> element anywhere.
    expect(session.dialogs).toEqual([]);
    for (const frame of page.frames()) {
      expect(await frame.$$eval('img', (images) => images.length)).toBe(0);
    }
    expect(session.pageErrors).toEqual([]);
  });
});
