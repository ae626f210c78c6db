/**
 * The playground's HTTP server: node:http on 127.0.0.1 only. It serves the
 * page (ui/, bundled by esbuild when the server starts), the add-on's own
 * sidebars and dialogs with the google.script.run shim, and the API.
 *
 * The server runs the add-on as whoever the page says is at the keyboard,
 * so it must answer only that page: every API call carries a token that is
 * written into the page when it is served (another web site cannot read
 * it), and a request naming another host is refused (DNS rebinding).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import esbuild from 'esbuild';
import { handleApi } from './api';
import { injectShim } from './shim';
import { Playground, type PlaygroundOptions } from './state';

export interface ServerOptions extends PlaygroundOptions {
  /** 0 picks any free port. */
  port: number;
  /** When the port is taken, try the next ones (the default port; not one the person chose). */
  tryNextPorts?: boolean;
}

export interface RunningPlayground {
  url: string;
  port: number;
  token: string;
  playground: Playground;
  close(): Promise<void>;
}

const UI_DIR = path.join(__dirname, 'ui');
const MAX_BODY_BYTES = 2_000_000;
const PORT_ATTEMPTS = 20;

/** The page may load only its own script and style, and talk only to this server. */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Mail previews are srcdoc frames, which inherit this policy: e-mails carry inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * A sidebar runs in a sandbox without same-origin access, as Google serves
 * it from another origin: it cannot reach into the playground's page.
 */
const SIDEBAR_CSP = 'sandbox allow-scripts allow-forms allow-modals allow-popups';

export async function startPlayground(options: ServerOptions): Promise<RunningPlayground> {
  const [script, style, index] = await Promise.all([
    bundleUi(),
    fs.promises.readFile(path.join(UI_DIR, 'style.css'), 'utf8'),
    fs.promises.readFile(path.join(UI_DIR, 'index.html'), 'utf8'),
  ]);
  const playground = new Playground(options);
  const token = crypto.randomBytes(24).toString('hex');
  let port = options.port;

  const server = http.createServer((request, response) => {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      return send(response, 403, 'text/plain', 'This server answers only http://127.0.0.1.');
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (request.method === 'GET') {
      if (url.pathname === '/') {
        const html = index.replace('__TOKEN__', token);
        return send(response, 200, 'text/html', html, { 'Content-Security-Policy': PAGE_CSP });
      }
      if (url.pathname === '/app.js') return send(response, 200, 'text/javascript', script);
      if (url.pathname === '/style.css') return send(response, 200, 'text/css', style);
      const pageId = /^\/page\/([\w-]+)$/.exec(url.pathname)?.[1];
      if (pageId !== undefined) {
        const page = playground.page(pageId);
        if (!page || !sameToken(url.searchParams.get('token') ?? '', token))
          return send(response, 404, 'text/plain', 'This sidebar is closed.');
        const functions = [...playground.callable];
        const html = injectShim(page.html, { token, page: page.id, functions }, page.title);
        return send(response, 200, 'text/html', html, { 'Content-Security-Policy': SIDEBAR_CSP });
      }
      return send(response, 404, 'text/plain', 'Not found');
    }
    const route = /^\/api\/([a-z]+)$/.exec(url.pathname)?.[1];
    if (request.method !== 'POST' || route === undefined)
      return send(response, 404, 'text/plain', 'Not found');
    // Sidebars call from their sandbox (origin "null"); the token is what lets them in.
    const cors: Record<string, string> =
      route === 'run' ? { 'Access-Control-Allow-Origin': '*' } : {};
    readBody(request)
      .then((text) => {
        const body = JSON.parse(text) as Record<string, unknown>;
        if (
          typeof body !== 'object' ||
          body === null ||
          !sameToken(String(body.token ?? ''), token)
        )
          return send(
            response,
            403,
            'application/json',
            JSON.stringify({ error: 'Bad token' }),
            cors,
          );
        const answer = handleApi(playground, route, body);
        send(response, answer.status, 'application/json', JSON.stringify(answer.body), cors);
      })
      .catch((error: unknown) => {
        options.log?.(`${route}: ${error instanceof Error ? error.stack : String(error)}`);
        send(response, 500, 'application/json', JSON.stringify({ error: String(error) }), cors);
      });
  });

  for (let attempt = 0; ; attempt++) {
    try {
      port = await listen(server, port);
      break;
    } catch (error) {
      const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!taken || !options.tryNextPorts || attempt >= PORT_ATTEMPTS) {
        throw taken
          ? new Error(`Port ${port} is in use: choose another with --port or PORT.`)
          : error;
      }
      port += 1;
    }
  }

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    playground,
    close: () =>
      new Promise<void>((resolve) => {
        playground.save();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error): void => {
      server.off('listening', listening);
      reject(error);
    };
    const listening = (): void => {
      server.off('error', failed);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, '127.0.0.1');
  });
}

/** ui/app.ts and what it imports, as one script for the browser. */
async function bundleUi(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(UI_DIR, 'app.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function send(
  response: http.ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(body);
}
