// Builds what `clasp push` uploads (see .clasp.json, rootDir dist):
//   dist/Code.js           src/index.ts bundled, plus one top-level stub per export
//   dist/appsscript.json   the manifest, copied
//   dist/<page>.html       one self-contained file per src/ui/pages/<page>/
//
// Usage: tsx scripts/build.ts [--entry src/index.ts] [--out dist]
// (--entry/--out let a fixture entry file be built without touching dist/.)
import fs from 'node:fs';
import path from 'node:path';
import { BuildError, displayPath } from './build/errors';
import { buildPage, findPages } from './build/pages';
import { bundleServer, kilobytes } from './build/server';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const entry = path.resolve(option('--entry') ?? path.join(root, 'src/index.ts'));
  const outDir = path.resolve(option('--out') ?? path.join(root, 'dist'));
  // Pages live beside the entry file: src/ui/pages for src/index.ts.
  const pagesDir = path.join(path.dirname(entry), 'ui', 'pages');

  // 1. Clean, so a deleted page does not linger in the upload.
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, content: string): void => {
    const file = path.join(outDir, name);
    fs.writeFileSync(file, content);
    written.push(file);
  };

  // 2–3. The server bundle and its entry-point stubs.
  const server = await bundleServer(entry);
  write('Code.js', server.code);

  // 4. The manifest: scopes and runtime (test/manifest.test.ts checks them).
  write('appsscript.json', fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8'));

  // 5. Sidebars and dialogs.
  for (const page of findPages(pagesDir)) {
    write(`${page.name}.html`, await buildPage(page));
  }

  // 6. Report.
  const width = Math.max(...written.map((file) => displayPath(file).length));
  for (const file of written) {
    const size = kilobytes(fs.statSync(file).size).padStart(7);
    console.log(`${displayPath(file).padEnd(width)} ${size} KB`);
  }
  console.log(`Entry points (${server.entries.length}):`);
  for (const { name, params, isCustomFunction } of server.entries) {
    console.log(`  ${name}(${params.join(', ')})${isCustomFunction ? '  @customfunction' : ''}`);
  }
}

/** The value after a `--name` argument, if given. */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  if (value === undefined || value.startsWith('--'))
    throw new BuildError([`${name} needs a value`]);
  return value;
}

main().catch((error: unknown) => {
  if (error instanceof BuildError) {
    console.error(`Build failed:\n${error.problems.map((p) => `  - ${p}`).join('\n')}`);
  } else {
    // esbuild's own errors already name file and line.
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
