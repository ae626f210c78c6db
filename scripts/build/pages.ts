// Sidebars and dialogs: HtmlService serves one HTML file per page, and a page
// must not fetch anything from the network, so each folder
// `<pagesDir>/<name>/` (client.ts, style.css) becomes one self-contained
// `<name>.html` with its script and styles inlined. The HTML around them is
// `<pagesDir>/page.html`, shared by every page, unless the folder has a
// page.html of its own; a page.json in the folder may say the page is a
// dialog rather than a sidebar.
import fs from 'node:fs';
import path from 'node:path';
import esbuild from 'esbuild';
import { BuildError, displayPath } from './errors';

export const SCRIPT_SLOT = '<!-- @script -->';
export const STYLE_SLOT = '<!-- @style -->';
/** Where the shared page.html names how the page is shown: the class of its frame. */
export const LAYOUT_SLOT = '<!-- @layout -->';

/**
 * How Apps Script shows a page (showSidebar or showModalDialog), as a class
 * that shared.css and a page's style.css style.
 */
const LAYOUTS = ['sidebar', 'dialog'] as const;
type Layout = (typeof LAYOUTS)[number];

export interface PageSource {
  /** Folder name, and the output file name without `.html`. */
  name: string;
  dir: string;
}

/**
 * Every folder of `pagesDir` that holds a page.html or a client.ts, sorted by
 * name; none if the folder is missing. (shared/, the code pages import, has
 * neither.)
 */
export function findPages(pagesDir: string): PageSource[] {
  if (!fs.existsSync(pagesDir)) return [];
  const isPage = (dir: string): boolean =>
    fs.existsSync(path.join(dir, 'page.html')) || fs.existsSync(path.join(dir, 'client.ts'));
  return fs
    .readdirSync(pagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isPage(path.join(pagesDir, entry.name)))
    .map((entry) => ({ name: entry.name, dir: path.join(pagesDir, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Builds one page from its page.html or the shared one: client.ts bundled for
 * the browser into the script slot, shared.css (next to the page folders) and
 * the page's style.css into the style slot, its layout into the layout slot.
 */
export async function buildPage(page: PageSource): Promise<string> {
  const problems: string[] = [];
  const ownHtml = path.join(page.dir, 'page.html');
  const sharedHtml = path.join(path.dirname(page.dir), 'page.html');
  const htmlFile = fs.existsSync(ownHtml) ? ownHtml : sharedHtml;
  const clientFile = path.join(page.dir, 'client.ts');
  const where =
    htmlFile === ownHtml
      ? displayPath(ownHtml)
      : `${displayPath(page.dir)} (with ${displayPath(sharedHtml)})`;
  if (!fs.existsSync(htmlFile)) {
    throw new BuildError([
      `${displayPath(page.dir)}: has no page.html, and there is no shared ${displayPath(sharedHtml)}`,
    ]);
  }
  const template = fs.readFileSync(htmlFile, 'utf8');

  // Apps Script file names share one namespace across .gs and .html.
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(page.name) || /^(code|appsscript)$/i.test(page.name)) {
    problems.push(
      `${where}: "${page.name}" cannot name an Apps Script HTML file; rename the folder`,
    );
  }

  const hasClient = fs.existsSync(clientFile);
  const scriptSlots = count(template, SCRIPT_SLOT);
  if (hasClient && scriptSlots !== 1) {
    problems.push(
      `${where}: needs exactly one ${SCRIPT_SLOT} for client.ts (found ${scriptSlots})`,
    );
  }
  if (!hasClient && scriptSlots > 0) {
    problems.push(`${where}: has ${SCRIPT_SLOT} but the folder has no client.ts`);
  }

  const css = [path.join(path.dirname(page.dir), 'shared.css'), path.join(page.dir, 'style.css')]
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8').trim())
    .join('\n');
  const styleSlots = count(template, STYLE_SLOT);
  if (styleSlots > 1 || (css !== '' && styleSlots === 0)) {
    problems.push(`${where}: needs exactly one ${STYLE_SLOT} for its CSS (found ${styleSlots})`);
  }
  if (/<\/style/i.test(css)) {
    problems.push(`${where}: its CSS contains "</style", which would end the <style> early`);
  }
  if (/@import\b/i.test(css)) {
    problems.push(`${where}: its CSS uses @import; inline the rules instead, pages fetch nothing`);
  }

  const layout = readLayout(page.dir, problems);
  const layoutSlots = count(template, LAYOUT_SLOT);
  if (layoutSlots > 1 || (layout.given && layoutSlots === 0)) {
    problems.push(
      `${where}: needs exactly one ${LAYOUT_SLOT} for page.json's layout (found ${layoutSlots})`,
    );
  }
  if (problems.length > 0) throw new BuildError(problems);

  const script = hasClient ? await bundleClient(clientFile) : '';
  // Replacer functions, not strings: minified code may contain `$&` or `$'`.
  const html = template
    .replace(SCRIPT_SLOT, () => `<script>\n${script}</script>`)
    .replace(STYLE_SLOT, () => (css === '' ? '' : `<style>\n${css}\n</style>`))
    .replace(LAYOUT_SLOT, () => layout.value);

  const remote = findRemoteAssets(html);
  if (remote.length > 0) {
    throw new BuildError(
      remote.map((tag) => `${where}: loads ${tag}; inline it instead, pages fetch nothing`),
    );
  }
  return html;
}

/**
 * The page's layout from its page.json (`{ "layout": "dialog" }`), else a
 * sidebar; `given` when page.json names one, so a template without the slot
 * cannot drop it unseen.
 */
function readLayout(dir: string, problems: string[]): { value: Layout; given: boolean } {
  const file = path.join(dir, 'page.json');
  const sidebar = { value: 'sidebar' as const, given: false };
  if (!fs.existsSync(file)) return sidebar;
  const where = displayPath(file);
  let options: unknown;
  try {
    options = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${where}: is not JSON (${error instanceof Error ? error.message : error})`);
    return sidebar;
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    problems.push(`${where}: must be an object such as { "layout": "dialog" }`);
    return sidebar;
  }
  for (const key of Object.keys(options)) {
    if (key !== 'layout')
      problems.push(`${where}: "${key}" is not a page option; only "layout" is`);
  }
  const layout = (options as { layout?: unknown }).layout;
  if (layout === undefined) return sidebar;
  if (!LAYOUTS.includes(layout as Layout)) {
    problems.push(`${where}: "layout" is ${LAYOUTS.map((l) => `"${l}"`).join(' or ')}`);
    return sidebar;
  }
  return { value: layout as Layout, given: true };
}

/** client.ts and its imports as one minified browser script, safe inside <script>. */
async function bundleClient(clientFile: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [clientFile],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  // `</script` anywhere in the code, even in a string, would end the element.
  return code.replace(/<\/script/gi, '<\\/script');
}

/** `<script src>` and stylesheet `<link>` tags: a page that needs them is not self-contained. */
export function findRemoteAssets(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (/\ssrc\s*=/i.test(tag)) found.push(tag);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (/\srel\s*=\s*["']?[^"'>]*stylesheet/i.test(tag)) found.push(tag);
  }
  return found;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
