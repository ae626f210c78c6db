/**
 * `npm run screenshots`: the README's pictures, taken in Chromium from the
 * playground on the example workbook at the worked example's moment (Thu 26
 * Nov 2026 12:00 in Copenhagen), so they come out the same on every run.
 *
 * docs/screenshots/playground.png    npm start: the Dashboard, with Log work open for an assistant
 * docs/screenshots/dashboard.png     the Dashboard tab, as the manager sees it
 * docs/screenshots/charts.png        the Dashboard's two charts
 * docs/screenshots/<sidebar>.png     every sidebar the menu opens, 300 px wide
 *
 * A sidebar is shown to the manager, or to the first assistant when the
 * manager has nothing in it (Log work lists the caller's own KPIs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchChromium } from './playground/browser';
import { startPlayground } from './playground/server';

const OUT = path.resolve(__dirname, '../docs/screenshots');
const NOW = new Date('2026-11-26T11:00:00Z');
const MANAGER = 'mette@example.com';
const ASSISTANT = 'priya@example.com';

/** Before the picture: what a person would have done in the sidebar, to show it at work. */
const PREPARE: Record<string, (frame: Frame) => Promise<void>> = {
  showLogWork: async (frame) => {
    await frame.selectOption('#kpi', 'K1');
    await frame.fill('#value', '3');
  },
  showKpiEditor: async (frame) => {
    await frame.selectOption('#pick', 'K1');
  },
};

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kpiloop-screenshots-'));
  const running = await startPlayground({
    port: 0,
    stateFile: null,
    reset: true,
    now: NOW,
    ticking: false,
  });
  const context = await launchChromium(path.join(folder, 'profile'), {
    width: 1280,
    height: 760,
  });
  fs.mkdirSync(OUT, { recursive: true });
  const written: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(running.url);
    await page.locator('table.sheet[aria-label="Dashboard"]').waitFor();

    await page.screenshot({ path: path.join(OUT, 'dashboard.png') });
    written.push('dashboard.png');
    await page.setViewportSize({ width: 1280, height: 1060 });
    await showCharts(page);
    await page.locator('#grid').screenshot({ path: path.join(OUT, 'charts.png') });
    written.push('charts.png');

    await page.setViewportSize({ width: 1280, height: 760 });
    await page.evaluate(() => document.querySelector('#grid')?.scrollTo(0, 0));
    const logWork = await openSidebar(page, 'showLogWork', ASSISTANT);
    if (logWork) {
      await PREPARE.showLogWork?.(logWork);
      await page.screenshot({ path: path.join(OUT, 'playground.png') });
      written.push('playground.png');
    }

    // Sidebars: a tall window, so the whole sidebar is in the picture.
    await page.setViewportSize({ width: 1280, height: 2400 });
    for (const opener of await sidebarOpeners(page)) {
      const frame =
        (await openSidebar(page, opener, MANAGER)) ?? (await openSidebar(page, opener, ASSISTANT));
      if (!frame) continue;
      await PREPARE[opener]?.(frame);
      await page.waitForTimeout(200); // the live parts (SMART, status) settle
      const name = `${kebab(opener.replace(/^show/, ''))}.png`;
      await screenshotSidebar(page, frame, path.join(OUT, name));
      written.push(name);
    }
  } finally {
    await context.close();
    await running.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  console.log(`Wrote ${written.map((f) => `docs/screenshots/${f}`).join(', ')}`);
}

async function sidebarOpeners(page: Page): Promise<string[]> {
  const functions = await page.$$eval('#menu [data-function]', (items) =>
    items.map((item) => item.getAttribute('data-function') ?? ''),
  );
  return functions.filter((name) => /^show[A-Z]/.test(name) && name !== 'showHelp');
}

/** Opens a sidebar as that person; null when it opened none or only says there is nothing to do. */
async function openSidebar(page: Page, opener: string, email: string): Promise<Frame | null> {
  await page.selectOption('#user', email);
  await page.waitForFunction(
    (who) => document.querySelector<HTMLSelectElement>('#user')?.value === who,
    email,
  );
  await page.click('#menu-button');
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/menu'));
  await page.click(`#menu [data-function="${opener}"]`);
  await answered;
  if (await page.locator('#dialog-backdrop').isVisible()) await page.click('#dialog-close');
  if ((await page.locator('#sidebar iframe').count()) === 0) return null;
  const frame = await (await page.locator('#sidebar iframe').elementHandle())?.contentFrame();
  if (!frame) return null;
  await frame.locator('main#app > *').first().waitFor();
  await frame.locator('main#app [role=status]:text-is("Loading…")').waitFor({ state: 'detached' });
  const hasForm = (await frame.locator('form, select, input').count()) > 0;
  return hasForm ? frame : null;
}

/** The sidebar as Sheets shows it: its title bar and the page, as tall as the page's content. */
async function screenshotSidebar(page: Page, frame: Frame, file: string): Promise<void> {
  const contentHeight = await frame.evaluate(() =>
    Math.ceil(
      document.querySelector('main')?.getBoundingClientRect().bottom ?? document.body.scrollHeight,
    ),
  );
  const box = await page.locator('#sidebar').boundingBox();
  const iframeBox = await page.locator('#sidebar iframe').boundingBox();
  if (!box || !iframeBox) throw new Error('The sidebar is not on screen');
  await page.screenshot({
    path: file,
    clip: {
      x: box.x,
      y: box.y,
      width: box.width,
      height: Math.min(box.height, iframeBox.y - box.y + contentHeight + 16),
    },
  });
}

/** Scrolls the grid so the Dashboard's charts (anchored far right) are in view. */
async function showCharts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('#grid');
    const chart = grid?.querySelector<HTMLElement>('.chart');
    if (grid && chart) {
      grid.scrollLeft = chart.offsetLeft - 60;
      grid.scrollTop = chart.offsetTop - 30;
    }
  });
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
