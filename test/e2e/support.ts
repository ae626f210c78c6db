/**
 * End-to-end tests: the playground server in this process, on a free port,
 * with a fresh workbook in a temporary folder and a fixed clock (Thu 26 Nov
 * 2026 12:00 in Copenhagen, the worked example), driven by real Chromium
 * through playwright-core.
 *
 * Chromium is Debian's package at /usr/bin/chromium, installed by .ci/run
 * (never `npx playwright install`). Without it these tests fail, loudly:
 * they are part of `npm test`, not an optional extra.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromium, requireChromium } from '../../scripts/playground/browser';
import { startPlayground, type RunningPlayground } from '../../scripts/playground/server';

export const WORKED_EXAMPLE_NOW = new Date('2026-11-26T11:00:00Z');
export const METTE = 'mette@example.com';
export const PRIYA = 'priya@example.com';
export const JUAN = 'juan@example.com';

/** Long enough for a cold Chromium on a busy CI machine; a wait that fails says what it waited for. */
export const BROWSER_TEST_TIMEOUT_MS = 120_000;
const WAIT_MS = 15_000;

export interface Session {
  page: Page;
  context: BrowserContext;
  running: RunningPlayground;
  /** Every alert, confirm or prompt any page or frame opened. */
  dialogs: string[];
  /** Uncaught errors in the playground page or a sidebar. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openPlayground(): Promise<Session> {
  requireChromium();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kpiloop-e2e-'));
  const running = await startPlayground({
    port: 0,
    stateFile: path.join(folder, 'workbook.json'),
    reset: true,
    now: WORKED_EXAMPLE_NOW,
    ticking: false,
  });
  const context = await launchChromium(path.join(folder, 'profile'), { width: 1400, height: 860 });
  context.setDefaultTimeout(WAIT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(running.url);
  await page.locator('table.sheet').waitFor();
  return {
    page,
    context,
    running,
    dialogs,
    pageErrors,
    close: async () => {
      await context.close();
      await running.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function switchUser(page: Page, email: string): Promise<void> {
  await page.selectOption('#user', email);
  await page.waitForFunction(
    (who) => document.querySelector<HTMLSelectElement>('#user')?.value === who,
    email,
  );
}

/** Clicks a KPI Loop menu item by the function it runs, and waits for the answer. */
export async function runMenu(page: Page, functionName: string): Promise<void> {
  await page.click('#menu-button');
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/menu'));
  await page.click(`#menu [data-function="${functionName}"]`);
  // A failing menu action says why here, rather than as a sidebar that never comes.
  const reply = (await (await answered).json()) as { error: string | null };
  if (reply.error) throw new Error(`The menu item ${functionName} failed: ${reply.error}`);
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.click(`#tabs button[role=tab]:text-is("${name}")`);
  await page.locator(`table.sheet[aria-label="${name}"]`).waitFor();
}

/** The open sidebar's frame, once its page has drawn its first field or message. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#sidebar iframe').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('No sidebar is open');
  await frame.locator('main#app > *').first().waitFor();
  await frame.locator('main#app [role=status]:text-is("Loading…")').waitFor({ state: 'detached' });
  return frame;
}

export async function cellText(page: Page, a1: string): Promise<string> {
  return (await page.locator(`td[data-a1="${a1}"]`).textContent()) ?? '';
}

/** Waits until a cell shows the text. */
export async function waitForCell(page: Page, a1: string, text: string): Promise<void> {
  await page.locator(`td[data-a1="${a1}"]`, { hasText: text }).waitFor();
}

/** Types a cell into the Name box and presses Enter: the grid selects it and scrolls to it. */
export async function goTo(page: Page, a1: string): Promise<void> {
  await page.fill('#name-box', a1);
  await page.press('#name-box', 'Enter');
  await page.locator(`td.selected[data-a1="${a1}"]`).waitFor();
}

/** The selected cell, as the Name box shows it. */
export async function selectedCell(page: Page): Promise<string> {
  return page.inputValue('#name-box');
}

/** One row of the open tab as displayed (it must be in view: the grid draws only those). */
export async function rowText(page: Page, row: number): Promise<string[]> {
  return page.$$eval(`table.sheet tr[aria-rowindex="${row + 1}"] td`, (cells) =>
    cells.map((td) => td.textContent ?? ''),
  );
}

/** The cell in the row whose first column is `key`, under the header `header` (the header row is found, not assumed; both in view). */
export async function cellByKey(
  page: Page,
  key: string,
  header: string,
): Promise<{ a1: string; text: string; background: string }> {
  return page.$$eval(
    'table.sheet tbody tr:not(.spacer)',
    (rows, [k, h]) => {
      const texts = rows.map((row) =>
        Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? ''),
      );
      const headerRow = texts.findIndex((cells) => cells.includes(h as string));
      const column = texts[headerRow]?.indexOf(h as string) ?? -1;
      const row = texts.findIndex((cells, i) => i > headerRow && cells[0] === k);
      const td = rows[row]?.querySelectorAll('td')[column] as HTMLElement | undefined;
      if (!td) throw new Error(`No cell for ${k} under ${h}`);
      return {
        a1: td.dataset.a1 ?? '',
        text: td.textContent ?? '',
        background: getComputedStyle(td).backgroundColor,
      };
    },
    [key, header],
  );
}

/** Types into the selected cell as a person does: keys, then Tab or Enter. */
export async function typeRow(page: Page, firstCell: string, values: string[]): Promise<void> {
  await page.click(`td[data-a1="${firstCell}"]`);
  for (const [i, value] of values.entries()) {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/type'));
    await page.keyboard.type(value);
    await page.keyboard.press(i === values.length - 1 ? 'Enter' : 'Tab');
    await answered;
  }
}

/** Runs axe-core in a frame; the serious and critical violations, as readable lines. */
export async function seriousViolations(frame: Frame): Promise<string[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await frame.evaluate(source);
  const results = await frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}
