// Checks the file clasp uploads, dist/Code.js, as Apps Script and Sheets see
// it: only the listed globals, every custom function documented for
// autocomplete, every stub a plain forward. `npm test` builds before jest.
import fs from 'node:fs';
import path from 'node:path';
import { parse, type Comment, type FunctionDeclaration, type Program } from 'acorn';

/**
 * Every global function Apps Script can call. Adding one is a conscious
 * change: a menu item, trigger or formula is public surface (PRODUCT.md §8:
 * only the generated entry points are global). Keep it sorted.
 */
const ALLOWED_ENTRY_POINTS = [
  'KPI_ACTUAL',
  'KPI_PROGRESS',
  'KPI_SCORE',
  'KPI_STATUS',
  'KPI_TARGET',
  'KPI_TREND',
  'SMART_CHECK',
  'acknowledgeFeedback',
  'answerUpwardQuestion',
  'emailReport',
  'getCheckInContext',
  'getFeedbackContext',
  'getKpiEditorContext',
  'getLogWorkContext',
  'getReport',
  'getReportContext',
  'getSettingsContext',
  'giveFeedback',
  'onEdit',
  'onInstall',
  'onOpen',
  'recordCheckIn',
  'refreshAfterEdit',
  'refreshDashboard',
  'reviewKpi',
  'runReminders',
  'saveKpi',
  'saveLogEntry',
  'saveSettings',
  'saveWebhook',
  'scheduleCheckIn',
  'sendRemindersNow',
  'sendTestMessage',
  'setReminderTrigger',
  'setUpTracker',
  'setUpTrackerWithExamples',
  'showCheckIn',
  'showFeedback',
  'showHelp',
  'showKpiEditor',
  'showLogWork',
  'showReminderPreview',
  'showReport',
  'showSettings',
  'updateAction',
];

/** PRODUCT.md §5: names and argument order are public API, shown in autocomplete. */
const CUSTOM_FUNCTION_PARAMS: Record<string, string[]> = {
  KPI_STATUS: ['kpi', 'period', 'assistant'],
  KPI_ACTUAL: ['kpi', 'period', 'assistant'],
  KPI_TARGET: ['kpi', 'period', 'assistant'],
  KPI_PROGRESS: ['kpi', 'period', 'assistant'],
  KPI_TREND: ['kpi', 'count', 'assistant'],
  KPI_SCORE: ['assistant', 'period'],
  SMART_CHECK: ['kpi'],
};

const isCustomFunctionName = (name: string): boolean => /^[A-Z][A-Z0-9_]*$/.test(name);
const CUSTOM_FUNCTIONS = ALLOWED_ENTRY_POINTS.filter(isCustomFunctionName);

const root = path.join(__dirname, '../..');
const codeFile = path.join(root, 'dist/Code.js');
if (!fs.existsSync(codeFile)) {
  throw new Error(`${path.relative(root, codeFile)} is missing: run npm run build first`);
}
const code = fs.readFileSync(codeFile, 'utf8');

// ecmaVersion 2019: syntax Apps Script's V8 may not know fails the parse.
const comments: Comment[] = [];
let program: Program | undefined;
let parseError: unknown;
try {
  program = parse(code, { ecmaVersion: 2019, sourceType: 'script', onComment: comments });
} catch (error) {
  parseError = error;
}

function ast(): Program {
  if (!program) throw new Error(`dist/Code.js does not parse as ES2019: ${String(parseError)}`);
  return program;
}

function stubs(): FunctionDeclaration[] {
  return ast().body.filter(
    (node): node is FunctionDeclaration => node.type === 'FunctionDeclaration',
  );
}

function paramNames(fn: FunctionDeclaration): string[] {
  return fn.params.map((param) => (param.type === 'Identifier' ? param.name : `<${param.type}>`));
}

/** The JSDoc block right above a function, with nothing but whitespace between. */
function jsDocAbove(fn: FunctionDeclaration): string | undefined {
  const above = comments.filter((c) => c.end <= fn.start).pop();
  if (!above || above.type !== 'Block' || !above.value.startsWith('*')) return undefined;
  return /^\s*$/.test(code.slice(above.end, fn.start)) ? above.value : undefined;
}

/** What a stub's body does, as `KpiLoop_.name(a, b)` when it is a plain forward. */
function forwardOf(fn: FunctionDeclaration): string {
  const [statement, ...rest] = fn.body.body;
  if (!statement || rest.length > 0 || statement.type !== 'ReturnStatement')
    return '<not one return>';
  const call = statement.argument;
  if (!call || call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') {
    return '<not a method call>';
  }
  const { object, property, computed } = call.callee;
  if (object.type !== 'Identifier' || property.type !== 'Identifier' || computed) {
    return '<not a plain member>';
  }
  const args = call.arguments.map((arg) =>
    arg.type === 'Identifier' ? arg.name : `<${arg.type}>`,
  );
  return `${object.name}.${property.name}(${args.join(', ')})`;
}

describe('dist/Code.js', () => {
  it('parses as ES2019, the syntax the Apps Script runtime is built against', () => {
    expect(parseError).toBeUndefined();
  });

  it('declares only KpiLoop_ and the allowed entry points at top level', () => {
    const declared = ast().body.flatMap((node): string[] => {
      if (node.type === 'FunctionDeclaration') return [node.id.name];
      if (node.type === 'VariableDeclaration') {
        return node.declarations.map((d) => (d.id.type === 'Identifier' ? d.id.name : '<pattern>'));
      }
      // "use strict" is allowed; any other statement could leak a global.
      if (node.type === 'ExpressionStatement' && node.directive !== undefined) return [];
      return [`<${node.type}>`];
    });
    const [first, ...rest] = declared;
    expect([first, ...rest.sort()]).toEqual(['KpiLoop_', ...ALLOWED_ENTRY_POINTS]);
  });

  it('keeps the allow-list sorted, so a new entry point shows up in review', () => {
    expect([...ALLOWED_ENTRY_POINTS].sort()).toEqual(ALLOWED_ENTRY_POINTS);
    expect(Object.keys(CUSTOM_FUNCTION_PARAMS).sort()).toEqual(CUSTOM_FUNCTIONS);
  });

  it('puts a JSDoc block with @customfunction and one @param per parameter above every custom function', () => {
    const custom = stubs().filter((fn) => CUSTOM_FUNCTIONS.includes(fn.id.name));
    expect(custom.map((fn) => fn.id.name).sort()).toEqual(CUSTOM_FUNCTIONS);
    for (const fn of custom) {
      const jsDoc = jsDocAbove(fn) ?? '';
      const documented = [...jsDoc.matchAll(/@param\s+(?:\{[^}]*\}\s*)?\[?([A-Za-z_$][\w$]*)/g)];
      expect({ name: fn.id.name, customfunction: /@customfunction\b/.test(jsDoc) }).toEqual({
        name: fn.id.name,
        customfunction: true,
      });
      expect({ name: fn.id.name, params: documented.map((m) => m[1]).sort() }).toEqual({
        name: fn.id.name,
        params: paramNames(fn).sort(),
      });
    }
  });

  it('gives each custom function the arguments PRODUCT.md §5 names, in that order', () => {
    const signatures = Object.fromEntries(
      stubs()
        .filter((fn) => isCustomFunctionName(fn.id.name))
        .map((fn) => [fn.id.name, paramNames(fn)]),
    );
    expect(signatures).toEqual(CUSTOM_FUNCTION_PARAMS);
  });

  it('marks no other function as a custom function', () => {
    const marked = stubs()
      .filter((fn) => /@customfunction\b/.test(jsDocAbove(fn) ?? ''))
      .map((fn) => fn.id.name);
    expect(marked.sort()).toEqual(CUSTOM_FUNCTIONS);
  });

  it('has every stub forward its parameters unchanged to KpiLoop_', () => {
    for (const fn of stubs()) {
      expect(forwardOf(fn)).toBe(`KpiLoop_.${fn.id.name}(${paramNames(fn).join(', ')})`);
    }
  });

  it('stays under 250 KB, since every custom function call loads it', () => {
    expect(fs.statSync(codeFile).size).toBeLessThan(250 * 1024);
  });

  it('ships the manifest unchanged as dist/appsscript.json', () => {
    expect(fs.readFileSync(path.join(root, 'dist/appsscript.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8'),
    );
  });
});
