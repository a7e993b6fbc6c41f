// Serves the built browser app from dist/web, with index.html for every app path (client routing).
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendRouteNotFound } from './error-handler';

const htmlCsp = [
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
