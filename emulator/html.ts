/**
 * HtmlService: outputs, files read from `htmlDir/<name>.html`, and templates with scriptlets
 * (https://developers.google.com/apps-script/guides/html/templates): `<? code ?>`, `<?= expr ?>`
 * (HTML-escaped) and `<?!= expr ?>` (raw). A template runs in the bundle's realm, so its code sees
 * the bundle's globals, and the template's own properties are its variables. Apps Script escapes by
 * context (e.g. JavaScript inside <script>); the emulator always escapes as HTML text.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { SandboxMode, XFrameOptionsMode } from './enums';
import type { Runtime } from './runtime';
import { SERVICE } from './runtime';
import type { HtmlRecord } from './ui';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

export class HtmlOutput {
  readonly [SERVICE] = 'HtmlOutput';
  private title = '';
  private width = 0;
  private height = 0;
  private faviconUrl: string | null = null;
  private readonly metaTags: Array<{ name: string; content: string }> = [];

  constructor(
    private readonly env: HtmlEnv,
    private content = '',
  ) {}

  getContent(): string {
    return this.content;
  }

  setContent(content: string): this {
    this.content = String(content);
    return this;
  }

  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): this {
    return this.append(escapeHtml(String(addedContent)));
  }

  clear(): this {
    this.content = '';
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }

  getWidth(): number {
    return this.width;
  }

  setWidth(width: number): this {
    this.width = width;
    return this;
  }

  getHeight(): number {
    return this.height;
  }

  setHeight(height: number): this {
    this.height = height;
    return this;
  }

  /** IFRAME is the only mode left; the others are accepted and ignored, as in Apps Script. */
  setSandboxMode(_mode: unknown): this {
    return this;
  }

  setXFrameOptionsMode(_mode: unknown): this {
    return this;
  }

  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  getMetaTags(): Array<{ getName(): string; getContent(): string }> {
    return this.metaTags.map((tag) => ({ getName: () => tag.name, getContent: () => tag.content }));
  }

  setFaviconUrl(url: string): this {
    this.faviconUrl = String(url);
    return this;
  }

  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }

  asTemplate(): HtmlTemplate {
    return new HtmlTemplate(this.env, this.content);
  }

  /** What the UI records of a shown page. */
  record(): HtmlRecord {
    return { title: this.title, content: this.content, width: this.width, height: this.height };
  }
}

const SOURCE = Symbol('template source');
const ENV = Symbol('template environment');

/** Scriptlets become one function; `with` makes the template's properties its variables. */
function compile(source: string): string {
  const parts = source.split(/<\?(!=|=)?([\s\S]*?)\?>/);
  let code = '';
  for (let i = 0; i < parts.length; i += 3) {
    code += `__out.push(${JSON.stringify(parts[i] ?? '')});\n`;
    const kind = parts[i + 1];
    const body = parts[i + 2];
    if (body === undefined) continue;
    if (kind === '=') code += `__out.push(__escape(${body}));\n`;
    else if (kind === '!=') code += `__out.push(__text(${body}));\n`;
    else code += `${body}\n`;
  }
  return `(function (__vars, __escape, __text) { var __out = []; with (__vars) {\n${code}} return __out.join(''); })`;
}

interface HtmlEnv {
  rt: Runtime;
  output(content: string): HtmlOutput;
}

export class HtmlTemplate {
  readonly [SERVICE] = 'HtmlTemplate';
  private readonly [SOURCE]: string;
  private readonly [ENV]: HtmlEnv;

  constructor(env: HtmlEnv, source: string) {
    this[ENV] = env;
    this[SOURCE] = source;
  }

  getRawContent(): string {
    return this[SOURCE];
  }

  getCode(): string {
    return compile(this[SOURCE]);
  }

  /** null and undefined print as nothing. */
  evaluate(): HtmlOutput {
    const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
    const run = vm.runInContext(compile(this[SOURCE]), this[ENV].rt.context) as (
      vars: object,
      escape: (value: unknown) => string,
      text: (value: unknown) => string,
    ) => string;
    return this[ENV].output(run({ ...this }, (value) => escapeHtml(text(value)), text));
  }
}

export class HtmlService {
  readonly [SERVICE] = 'HtmlService';
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  private readonly env: HtmlEnv;

  constructor(
    rt: Runtime,
    private readonly htmlDir: string,
  ) {
    this.env = { rt, output: (content) => new HtmlOutput(this.env, content) };
  }

  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(this.env, html === undefined ? '' : String(html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.env, this.read(filename));
  }

  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(this.env, String(html));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this.env, this.read(filename));
  }

  /** Project files have no extension in Apps Script; "Sidebar" is Sidebar.html here. */
  private read(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const file = path.join(this.htmlDir, `${name}.html`);
    if (!fs.existsSync(file)) this.env.rt.fail(`No HTML file named ${name} was found.`);
    return fs.readFileSync(file, 'utf8');
  }
}
