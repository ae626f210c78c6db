/**
 * Every sidebar the add-on's menu opens, for the manager and for an
 * assistant, checked by axe-core inside the sidebar's own frame: no serious
 * or critical violation. New sidebars are checked as soon as the menu offers
 * them.
 */
import {
  BROWSER_TEST_TIMEOUT_MS,
  METTE,
  PRIYA,
  openPlayground,
  runMenu,
  seriousViolations,
  sidebarFrame,
  switchUser,
  type Session,
} from './support';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS * 2);

let session: Session;
beforeAll(async () => {
  session = await openPlayground();
});
afterAll(async () => {
  await session?.close();
});

/** Menu items that open a page: by the add-on's convention their functions start with "show". */
async function pageOpeners(): Promise<string[]> {
  const functions = await session.page.$$eval('#menu [data-function]', (items) =>
    items.map((item) => item.getAttribute('data-function') ?? ''),
  );
  return functions.filter((name) => /^show[A-Z]/.test(name));
}

describe('accessibility of the sidebars (axe-core in Chromium)', () => {
  test.each([
    ['the manager', METTE],
    ['an assistant', PRIYA],
  ])('no serious or critical violations in any sidebar %s opens', async (_who, email) => {
    const { page } = session;
    await switchUser(page, email);
    const openers = await pageOpeners();
    expect(openers).toEqual(expect.arrayContaining(['showLogWork', 'showKpiEditor']));
    const found: string[] = [];
    let sidebars = 0;
    for (const opener of openers) {
      await runMenu(page, opener);
      if (await page.locator('#dialog-backdrop').isVisible()) {
        // A dialog, not a sidebar (Help): out of the way for the next item.
        await page.click('#dialog-close');
        await page.locator('#dialog-backdrop').waitFor({ state: 'hidden' });
      }
      if ((await page.locator('#sidebar iframe').count()) === 0) continue;
      sidebars += 1;
      const frame = await sidebarFrame(page);
      found.push(...(await seriousViolations(frame)).map((v) => `${opener}: ${v}`));
      await page.click('#sidebar-close');
      await page.locator('#sidebar').waitFor({ state: 'hidden' });
    }
    expect(sidebars).toBeGreaterThanOrEqual(2);
    expect(found).toEqual([]);
  });
});
