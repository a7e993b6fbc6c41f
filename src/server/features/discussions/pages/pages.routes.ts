// GET /t/:slug/:id and /s/:slug/:id: server-rendered pages that the app takes over when JavaScript runs.
// They answer HTML whatever the id looks like, so a bad link gets the 404 page, not a JSON error.
import type { FastifyInstance } from 'fastify';
import type { SendHtmlPage } from '../../../platform/http/web';
import type { PagesService, PublicPage } from './pages.service';

interface PageRequest {
  Params: { slug: string; id: string };
  Querystring: { after?: string };
}

const parseId = (text: string): number | null => (/^[1-9][0-9]{0,15}$/.test(text) && Number(text) <= Number.MAX_SAFE_INTEGER ? Number(text) : null);

export function registerPageRoutes(app: FastifyInstance, pages: PagesService, sendPage: SendHtmlPage): void {
  const send = async (reply: Parameters<SendHtmlPage>[0], result: PublicPage) =>
    'redirect' in result ? reply.redirect(result.redirect, 301) : sendPage(reply, result.page, result.cachedAs);

  // Both pages are hot reads: their cached answers may be sent again by the hot lane.
  app.get<PageRequest>('/t/:slug/:id', { schema: { hide: true }, config: { hotLane: true } }, async (request, reply) => {
    const id = parseId(request.params.id);
    const after = parseId(request.query.after ?? '') ?? 0;
    return send(reply, id === null ? pages.notFound() : await pages.topic(id, request.params.slug, after));
  });

  app.get<PageRequest>('/s/:slug/:id', { schema: { hide: true }, config: { hotLane: true } }, async (request, reply) => {
    const id = parseId(request.params.id);
    return send(reply, id === null ? pages.notFound() : await pages.space(id, request.params.slug));
  });
}
