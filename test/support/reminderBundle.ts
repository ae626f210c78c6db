/**
 * The add-on with its reminder planner swapped for hand-made messages: the
 * dispatcher's integration tests decide what is due, and everything else —
 * Outbox, channels, quota, lock, trigger, Settings — is src/index.ts
 * compiled as `npm run build` compiles it, run in the emulator. Built once
 * per test file into a temporary folder; dist/ is left alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { createEmulator, type EmulatorOptions } from '../../emulator';
import { bundleServer } from '../../scripts/build/server';
import { DIST, EXAMPLE_OPTIONS, type Addon } from '../../scripts/lib/addon';
import type { PlannedMessage, RuleId } from '../../src/engine/reminders/types';
import type { Channel, Email, Lang } from '../../src/engine/types';
import { TEST_PLANNER_GLOBAL, type TestPlanner } from './fixturePlanner';

const root = path.resolve(__dirname, '../..');
const PLAN_MODULE = path.join(root, 'src/sheets/reminders/plan.ts');
const FIXTURE = path.join(__dirname, 'fixturePlanner.ts');

/** Resolves the dispatcher's and the preview's `./plan` to the fixture. */
const swapPlanner: Plugin = {
  name: 'swap-reminder-planner',
  setup(build) {
    build.onResolve({ filter: /^\.\/plan$/ }, (args) =>
      path.resolve(args.resolveDir, args.path + '.ts') === PLAN_MODULE
        ? { path: FIXTURE }
        : undefined,
    );
  },
};

const built = new Map<string, Promise<string>>();

/**
 * The folder holding a test bundle's Code.js: with the planner swapped for
 * the test's messages, or ('real') the add-on as it ships, the size limit
 * aside (the real build keeps it; these bundles are never shipped).
 */
export function buildReminderBundle(planner: 'fixture' | 'real' = 'fixture'): Promise<string> {
  let folder = built.get(planner);
  if (!folder) {
    folder = (async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-loop-reminders-'));
      const bundle = await bundleServer(path.join(root, 'src/index.ts'), {
        plugins: planner === 'fixture' ? [swapPlanner] : [],
        maxBytes: Infinity,
      });
      if (planner === 'fixture' && !bundle.code.includes(TEST_PLANNER_GLOBAL))
        throw new Error('the planner was not swapped: did src/sheets/reminders/plan.ts move?');
      fs.writeFileSync(path.join(dir, 'Code.js'), bundle.code);
      return dir;
    })();
    built.set(planner, folder);
  }
  return folder;
}

export interface ReminderAddon extends Addon {
  /** What the planner says is due from now on. */
  plan(planner: TestPlanner): void;
}

/** The test bundle loaded in a fresh emulator, with the example workbook set up. */
export function loadReminderAddon(dir: string, options: EmulatorOptions = {}): ReminderAddon {
  const emu = createEmulator({ ...EXAMPLE_OPTIONS, htmlDir: DIST, ...options });
  const gas = emu.load(dir);
  emu.run(() => gas.setUpTrackerWithExamples());
  emu.resetCalls();
  return {
    emu,
    gas,
    plan(planner) {
      (emu.globals as unknown as Record<string, unknown>)[TEST_PLANNER_GLOBAL] = planner;
    },
  };
}

export interface MessageOptions {
  rule?: RuleId;
  subject?: string;
  period?: string;
  channel?: Channel;
  lang?: Lang;
  dueAt?: number;
  title?: string;
  text?: string;
  html?: string;
}

/** A message as the planner makes one: one item, keyed rule|recipient|subject|period. */
export function plannedMessage(recipient: string, options: MessageOptions = {}): PlannedMessage {
  const rule = options.rule ?? 'missingEntry';
  const subject = options.subject ?? 'K1';
  const period = options.period ?? '2026-11-26';
  const title = options.title ?? 'KPI Loop reminder: Missing entry';
  const text = options.text ?? `Approved posts: no entry for Thu 26 Nov yet (${recipient})`;
  return {
    key: [rule, recipient, subject, period].join('|'),
    recipient: recipient as Email,
    channel: options.channel ?? 'Email',
    lang: options.lang ?? 'en',
    dueAt: options.dueAt ?? 0,
    items: [{ rule, recipient: recipient as Email, subject, period, line: text }],
    title,
    text,
    html: options.html ?? `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
    localDay: 0,
  };
}
