import path from 'node:path';
import { BuildError } from '../../scripts/build/errors';
import { buildPage, findPages, findRemoteAssets } from '../../scripts/build/pages';

const fixtures = path.join(__dirname, 'fixtures');
const goodPages = path.join(fixtures, 'good/ui/pages');
const sharedPages = path.join(fixtures, 'pages-shared');

async function problemsOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof BuildError) return error.problems;
    throw error;
  }
  throw new Error('expected a BuildError');
}

describe('findPages', () => {
  it('finds the folders with a page.html, and skips the others', () => {
    expect(findPages(goodPages).map((p) => p.name)).toEqual(['notes', 'panel']);
  });

  it('finds a folder with only a client.ts, and skips the code the pages share', () => {
    expect(findPages(sharedPages).map((p) => p.name)).toEqual(['sidebar', 'wide']);
  });

  it('finds nothing when there is no pages folder yet', () => {
    expect(findPages(path.join(fixtures, 'no-such-folder'))).toEqual([]);
  });
});

describe('buildPage', () => {
  it('inlines the bundled client script and the shared and page styles', async () => {
    const html = await buildPage({ name: 'panel', dir: path.join(goodPages, 'panel') });
    expect(html).not.toContain('<!-- @');
    expect(html).toMatch(/<style>\nbody \{\n {2}font-family: Arial, sans-serif;\n\}\nh1 \{/);
    expect(html).toContain('document.body.dataset.closingTag');
    // client.ts imports markup.ts: the bundle holds both.
    expect(html).toContain('<\\/script>');
  });

  it('escapes </script in the client code so the element ends only where it should', async () => {
    const html = await buildPage({ name: 'panel', dir: path.join(goodPages, 'panel') });
    expect(html.match(/<\/script/gi)).toHaveLength(1);
  });

  it('builds a page without client.ts from its HTML and styles alone', async () => {
    const html = await buildPage({ name: 'notes', dir: path.join(goodPages, 'notes') });
    expect(html).toContain('<style>\nbody {');
    expect(html).not.toContain('<script');
  });

  it('builds a page without its own page.html from the shared one, as a sidebar', async () => {
    const html = await buildPage({ name: 'sidebar', dir: path.join(sharedPages, 'sidebar') });
    expect(html).not.toContain('<!-- @');
    expect(html).toContain('<main id="app" class="sidebar"></main>');
    expect(html).toContain('<style>\n.sidebar {');
    expect(html).toContain('Hello from the shared page.html');
  });

  it('builds a page whose page.json says dialog with the dialog class', async () => {
    const html = await buildPage({ name: 'wide', dir: path.join(sharedPages, 'wide') });
    expect(html).toContain('<main id="app" class="dialog"></main>');
    expect(html).toContain('A dialog');
  });

  it('fails on a page with no page.html of its own and none beside it', async () => {
    const problems = await problemsOf(() =>
      buildPage({ name: 'orphan', dir: path.join(fixtures, 'pages-bad/orphan') }),
    );
    expect(problems).toEqual([
      'test/build/fixtures/pages-bad/orphan: has no page.html, and there is no shared ' +
        'test/build/fixtures/pages-bad/page.html',
    ]);
  });

  it('fails on a page.json with a layout it does not know, or another option', async () => {
    const problems = await problemsOf(() =>
      buildPage({ name: 'badlayout', dir: path.join(fixtures, 'pages-bad/badlayout') }),
    );
    expect(problems).toEqual([
      'test/build/fixtures/pages-bad/badlayout/page.json: "width" is not a page option; ' +
        'only "layout" is',
      'test/build/fixtures/pages-bad/badlayout/page.json: "layout" is "sidebar" or "dialog"',
    ]);
  });

  it('fails on a page.json layout that the page.html has no place for', async () => {
    const problems = await problemsOf(() =>
      buildPage({ name: 'nolayoutslot', dir: path.join(fixtures, 'pages-bad/nolayoutslot') }),
    );
    expect(problems).toEqual([
      'test/build/fixtures/pages-bad/nolayoutslot/page.html: needs exactly one <!-- @layout --> ' +
        "for page.json's layout (found 0)",
    ]);
  });

  it('fails on a page that loads a script or a stylesheet from the network', async () => {
    const problems = await problemsOf(() =>
      buildPage({ name: 'remote', dir: path.join(fixtures, 'pages-bad/remote') }),
    );
    expect(problems).toEqual([
      'test/build/fixtures/pages-bad/remote/page.html: loads <script src="//cdn.example.com/lib.js">; ' +
        'inline it instead, pages fetch nothing',
      'test/build/fixtures/pages-bad/remote/page.html: loads <link rel="stylesheet" ' +
        'href="https://fonts.example.com/font.css" />; inline it instead, pages fetch nothing',
    ]);
  });

  it('fails on a client.ts that the page has no <!-- @script --> for', async () => {
    const problems = await problemsOf(() =>
      buildPage({ name: 'noslot', dir: path.join(fixtures, 'pages-bad/noslot') }),
    );
    expect(problems).toEqual([
      'test/build/fixtures/pages-bad/noslot/page.html: needs exactly one <!-- @script --> for ' +
        'client.ts (found 0)',
    ]);
  });

  it('refuses a page name that would clash with Code.js or the manifest', async () => {
    const problems = await problemsOf(() =>
      buildPage({ name: 'Code', dir: path.join(goodPages, 'notes') }),
    );
    expect(problems).toEqual([
      'test/build/fixtures/good/ui/pages/notes/page.html: "Code" cannot name an Apps Script HTML ' +
        'file; rename the folder',
    ]);
  });
});

describe('findRemoteAssets', () => {
  it('flags https, protocol-relative and relative script sources and stylesheets', () => {
    expect(
      findRemoteAssets(
        '<script src="https://a.example/x.js"></script><script\n  src=//b.example/y.js></script>' +
          '<script src="local.js"></script><link href="http://c.example/z.css" rel=stylesheet>',
      ),
    ).toHaveLength(4);
  });

  it('lets inline scripts, icons and data through', () => {
    expect(findRemoteAssets('<script>var a = 1;</script><link rel="icon" href="data:,">')).toEqual(
      [],
    );
  });
});
