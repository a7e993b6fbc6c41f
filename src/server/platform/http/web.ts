// Serves the built browser app from dist/web, with index.html for every app path (client routing).
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isStillCached } from '../cache/tagged-cache';
import { sendBytes } from './compressed';
import { sendRouteNotFound } from './error-handler';
import { rememberHot } from './hot-lane';

/** The Content-Security-Policy of every HTML page: the app and the server-rendered public pages. */
export const htmlCsp = [
  "default-src 'self'",
  "img-src 'self' https: data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const missingBuild = `<!doctype html><meta charset="utf-8"><title>Hearth</title>
<p>The web app is not built. Run <code>npm run build</code>, then reload.</p>`;

/** A server-rendered page: its status, extra head tags (escaped by the caller) and the content of #app. */
export interface HtmlPage {
  status: number;
  title: string;
  head: string;
  body: string;
}

/** Sends a page; `cachedAs` is the read-cache value the page came from, if any, so the hot lane may send it again while it stays cached. */
export type SendHtmlPage = (reply: FastifyReply, page: HtmlPage, cachedAs?: object) => Promise<FastifyReply>;

const escapeTitle = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Renders pages into the built app's index.html: the title and head tags are replaced or added, the
 * content goes into #app, and the app's script takes over when JavaScript runs. Replacements use
 * functions, so `$&` in member text stays as written. The template is re-read when the file changes
 * (checked at most once a second), and a page object that comes back (from the read cache) is composed once.
 */
export function htmlPages(webDir: string): SendHtmlPage {
  const indexFile = path.join(webDir, 'index.html');
  const fallback = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Hearth</title>\n</head>\n<body>\n<div id="app"></div>\n</body>\n</html>\n';
  let template = { text: fallback, mtimeMs: -1, checkedAt: 0 };
  let composed = new WeakMap<HtmlPage, Buffer>();
  /** For the hot lane: the page and read-cache value behind bytes that were sent. */
  const sentFrom = new WeakMap<Buffer, { page: HtmlPage; cachedAs: object }>();
  // Still the page the cache holds, composed into the template as it was last checked (at most a second ago: after that Fastify checks again).
  const stillCurrent = (sent: Buffer): boolean => {
    const from = sentFrom.get(sent);
    return from !== undefined && isStillCached(from.cachedAs) && composed.get(from.page) === sent && Date.now() - template.checkedAt < 1000;
  };

  async function currentTemplate(): Promise<string> {
    const now = Date.now();
    if (now - template.checkedAt < 1000) return template.text;
    template.checkedAt = now;
    const stat = await fs.promises.stat(indexFile).catch(() => undefined);
    const mtimeMs = stat?.mtimeMs ?? -1;
    if (mtimeMs !== template.mtimeMs) {
      const text = await fs.promises.readFile(indexFile, 'utf8').catch(() => fallback);
      template = { text, mtimeMs, checkedAt: now };
      composed = new WeakMap();
    }
    return template.text;
  }

  function compose(source: string, page: HtmlPage): string {
    const title = `<title>${escapeTitle(page.title)}</title>`;
    let html = /<title>[\s\S]*?<\/title>/.test(source) ? source.replace(/<title>[\s\S]*?<\/title>/, () => title) : source.replace('</head>', () => `${title}</head>`);
    html = html.replace('</head>', () => `${page.head}\n  </head>`);
    const app = /<div id="app">\s*<\/div>/;
    return app.test(html) ? html.replace(app, () => `<div id="app">${page.body}</div>`) : html.replace(/<body[^>]*>/, (tag) => `${tag}<div id="app">${page.body}</div>`);
  }

  return async (reply, page, cachedAs) => {
    const source = await currentTemplate();
    let html = composed.get(page);
    if (html === undefined) composed.set(page, (html = Buffer.from(compose(source, page))));
    reply.code(page.status).header('content-security-policy', htmlCsp).header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (cachedAs !== undefined) {
      sentFrom.set(html, { page, cachedAs });
      rememberHot(reply, html, stillCurrent);
    }
    return sendBytes(reply, html);
  };
}

export async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const indexFile = path.join(webDir, 'index.html');
  const hasBuild = fs.existsSync(indexFile);
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const sendApp = (reply: FastifyReply): FastifyReply => {
    reply.header('content-security-policy', htmlCsp).header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (!hasBuild) return reply.send(missingBuild);
    return reply.send(fs.createReadStream(indexFile));
  };
  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendApp(reply));
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    // A page a browser navigates to (even /u/john.doe) gets the app; a missing script or image does not.
    const isAppPath = request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api';
    if (isAppPath && (request.headers.accept ?? '').includes('text/html')) return sendApp(reply);
    return sendRouteNotFound(request, reply);
  });
}
