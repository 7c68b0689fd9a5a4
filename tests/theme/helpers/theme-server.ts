import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ThemeServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface ThemeServerOptions {
  /** Rendered HTML by path (`/erp-orders/`). */
  readonly pages: ReadonlyMap<string, string>;
  readonly nonce: string;
  /** Cornerstone's compiled theme.css and the drop-in's installed bundle. */
  readonly themeCss: string;
  readonly bundle: string;
  /** Cornerstone's own scripts the page runs (theme-scripts.ts), served as `/assets/js/cornerstone-globals.js`. */
  readonly themeScripts: string;
  /** The dev host: every other path (API, current.jwt, demo login) is passed to it, so the page has one origin as on a store. */
  readonly upstream: string;
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const themeScriptsPath = '/assets/js/cornerstone-globals.js';

/** The page with Cornerstone's own scripts loaded as its layout loads its bundle: with the page nonce, at the end of body. */
export const withThemeScripts = (html: string, nonce: string) =>
  html.replace('</body>', `<script nonce="${nonce}" src="${themeScriptsPath}" defer></script>\n</body>`);

/**
 * Plays the store: serves rendered pages with a nonce-only script policy (as a store with
 * nonce-based script authorization does), the theme's CSS, the bundle, and proxies the rest.
 */
export async function startThemeServer(options: ThemeServerOptions): Promise<ThemeServer> {
  const css = readFileSync(options.themeCss);
  const js = readFileSync(options.bundle);
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://store').pathname;
    const page = options.pages.get(path);
    if (page !== undefined) {
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `script-src 'nonce-${options.nonce}'`,
      });
      return void response.end(page);
    }
    if (path === '/assets/css/theme.css') return void response.writeHead(200, { 'Content-Type': 'text/css' }).end(css);
    if (path === '/assets/js/erp-portal.js') return void response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(js);
    if (path === themeScriptsPath) return void response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(options.themeScripts);
    if (path.startsWith('/assets/')) return void response.writeHead(404).end();
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'cookie', 'accept', 'content-type']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // Request bodies too: the storefront's cart calls (POST /api/storefront/carts…) go to the same origin.
    readBody(request).then((body) => fetch(`${options.upstream}${request.url ?? '/'}`, { method: request.method, headers, body, redirect: 'manual' })).then(
      async (answer) => {
        const forwarded: Record<string, string> = {};
        for (const name of ['content-type', 'set-cookie', 'etag', 'cache-control']) {
          const value = answer.headers.get(name);
          if (value !== null) forwarded[name] = value;
        }
        response.writeHead(answer.status, forwarded).end(Buffer.from(await answer.arrayBuffer()));
      },
      () => response.writeHead(502).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
