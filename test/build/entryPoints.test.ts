import path from 'node:path';
import vm from 'node:vm';
import { BuildError } from '../../scripts/build/errors';
import { collectEntryPoints, renderStubs, type EntryPoint } from '../../scripts/build/entryPoints';
import { bundleServer } from '../../scripts/build/server';

const fixture = (name: string): string => path.join(__dirname, 'fixtures', name, 'index.ts');

/** The problems a BuildError lists, or a failure if the call succeeds. */
function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BuildError) return error.problems;
    throw error;
  }
  throw new Error('expected a BuildError');
}

describe('collectEntryPoints on an entry file with every export shape', () => {
  let entries: EntryPoint[];
  beforeAll(() => {
    entries = collectEntryPoints(fixture('good'));
  });
  const entry = (name: string): EntryPoint => {
    const found = entries.find((e) => e.name === name);
    if (!found) throw new Error(`no entry point ${name}`);
    return found;
  };

  it('lists the exports in the order the entry file gives them', () => {
    expect(entries.map((e) => e.name)).toEqual(['onOpen', 'showPanel', 'KPI_DEMO', 'onEdit']);
  });

  it('reads the parameter names where a re-exported function is declared', () => {
    expect(entry('onOpen').params).toEqual(['event']);
    expect(entry('onOpen').sourceFile).toBe(path.join(__dirname, 'fixtures/good/menu.ts'));
  });

  it('names a renamed export by its exported name and keeps the real parameters', () => {
    expect(entry('showPanel')).toMatchObject({ params: ['title', 'width'], jsDoc: undefined });
  });

  it('keeps the JSDoc of a custom function, re-indented to the top level', () => {
    expect(entry('KPI_DEMO')).toMatchObject({ params: ['kpi', 'period'], isCustomFunction: true });
    expect(entry('KPI_DEMO').jsDoc).toBe(
      [
        '/**',
        ' * Demo status of a KPI.',
        ' *',
        ' * @param {string} kpi KPI ID or name.',
        ' * @param {string} [period] A period key; blank means the current period.',
        ' * @return {string} The status word.',
        ' * @customfunction',
        ' */',
      ].join('\n'),
    );
  });

  it('marks a documented function without @customfunction as no custom function', () => {
    expect(entry('onOpen').isCustomFunction).toBe(false);
    expect(entry('onOpen').jsDoc).toContain('@param {Object} event');
  });

  it('reads a function exported from the entry file itself', () => {
    expect(entry('onEdit')).toMatchObject({ params: ['event'], jsDoc: undefined });
  });
});

describe('renderStubs', () => {
  const customFunction: EntryPoint = {
    name: 'KPI_STATUS',
    params: ['kpi', 'period', 'assistant'],
    jsDoc: '/**\n * Status of a KPI.\n * @param {string} kpi x\n * @customfunction\n */',
    isCustomFunction: true,
    sourceFile: '/src/functions/status.ts',
  };
  const trigger: EntryPoint = {
    name: 'onOpen',
    params: ['e'],
    jsDoc: undefined,
    isCustomFunction: false,
    sourceFile: '/src/ui/menu.ts',
  };

  it('writes each stub under its JSDoc, forwarding the parameters to KpiLoop_', () => {
    expect(renderStubs([customFunction])).toBe(
      '/**\n * Status of a KPI.\n * @param {string} kpi x\n * @customfunction\n */\n' +
        'function KPI_STATUS(kpi, period, assistant) { return KpiLoop_.KPI_STATUS(kpi, period, assistant); }\n',
    );
  });

  it('gives a stub without JSDoc a one-line comment, and separates stubs by a blank line', () => {
    expect(renderStubs([trigger, { ...trigger, name: 'showHelp', params: [] }])).toBe(
      '// entry point\nfunction onOpen(e) { return KpiLoop_.onOpen(e); }\n' +
        '\n' +
        '// entry point\nfunction showHelp() { return KpiLoop_.showHelp(); }\n',
    );
  });
});

describe('entry files the build refuses', () => {
  it('fails on a custom function without a @param for one of its parameters', () => {
    expect(problemsOf(() => collectEntryPoints(fixture('bad-missing-param')))).toEqual([
      'test/build/fixtures/bad-missing-param/functions/half.ts:6: custom function KPI_HALF has no ' +
        '@param for "period"; Sheets autocomplete shows only documented parameters',
    ]);
  });

  it('fails on a function under functions/ without @customfunction', () => {
    expect(problemsOf(() => collectEntryPoints(fixture('bad-functions-folder')))).toEqual([
      'test/build/fixtures/bad-functions-folder/functions/helper.ts:5: helper is declared under ' +
        'test/build/fixtures/bad-functions-folder/functions/ but its JSDoc has no @customfunction ' +
        'tag, so Sheets would not offer it as a formula',
    ]);
  });

  it('fails on an export that is not a function declaration', () => {
    expect(problemsOf(() => collectEntryPoints(fixture('bad-not-function')))).toEqual([
      'test/build/fixtures/bad-not-function/index.ts:1: export KPI_ARROW is not a function ' +
        'declaration (found VariableDeclaration); Apps Script can only call a `function` declared ' +
        'with a body',
    ]);
  });

  it('lists every bad signature at once: rest, destructured, and a name Apps Script hides', () => {
    expect(problemsOf(() => collectEntryPoints(fixture('bad-signatures')))).toEqual([
      'test/build/fixtures/bad-signatures/index.ts:2: spread has a rest parameter; entry points ' +
        'need plain named parameters',
      'test/build/fixtures/bad-signatures/index.ts:6: parameter 1 of unpack is destructured; entry ' +
        'points need plain named parameters',
      'test/build/fixtures/bad-signatures/index.ts:10: Apps Script hides functions whose name ends ' +
        'with "_", so hidden_ could not be called',
    ]);
  });
});

describe('bundleServer on the fixture entry file', () => {
  it('exposes only KpiLoop_ and the stubs, and a stub call reaches the bundled function', async () => {
    const { code } = await bundleServer(fixture('good'));
    // Run the file as Apps Script does: one script sharing a global scope.
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const globals = vm.runInContext('Object.keys(this)', context) as string[];
    expect(globals.sort()).toEqual(['KPI_DEMO', 'KpiLoop_', 'onEdit', 'onOpen', 'showPanel']);
    expect(vm.runInContext('KPI_DEMO("Leads", undefined)', context)).toBe('Leads@now');
    expect(vm.runInContext('showPanel("Help", 300)', context)).toBe('Help:300');
  });
});
