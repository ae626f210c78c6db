import path from 'node:path';
import { BuildError } from '../../scripts/build/errors';
import { buildPage, findPages, findRemoteAssets } from '../../scripts/build/pages';

const fixtures = path.join(__dirname, 'fixtures');
const goodPages = path.join(fixtures, 'good/ui/pages');

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
