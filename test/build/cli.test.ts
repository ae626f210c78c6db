import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '../..');

/** Runs `tsx scripts/build.ts` on a fixture entry file into a temporary folder. */
function build(fixture: string, outDir: string): { status: number | null; output: string } {
  const entry = path.join('test/build/fixtures', fixture, 'index.ts');
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/build.ts', '--entry', entry, '--out', outDir],
    { cwd: root, encoding: 'utf8' },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('npm run build, pointed at a fixture entry file', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-loop-build-'));
  });
  afterEach(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('writes Code.js, the manifest and one file per page, and nothing left over', () => {
    fs.writeFileSync(path.join(outDir, 'stale.html'), 'from an older build');
    const { status, output } = build('good', outDir);
    expect(status).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      'Code.js',
      'appsscript.json',
      'notes.html',
      'panel.html',
    ]);
    expect(fs.readFileSync(path.join(outDir, 'appsscript.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8'),
    );
    expect(output).toMatch(/Code\.js +\d+\.\d KB/);
    expect(output).toContain('KPI_DEMO(kpi, period)  @customfunction');
  });

  it('fails with the reason and leaves no Code.js to push', () => {
    const { status, output } = build('bad-missing-param', outDir);
    expect(status).toBe(1);
    expect(output).toContain('Build failed:\n  - test/build/fixtures/bad-missing-param/');
    expect(fs.existsSync(path.join(outDir, 'Code.js'))).toBe(false);
  });
});
