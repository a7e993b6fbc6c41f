import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../../platform/http/schemas';
import { TopicPage } from '../topics/topics.schema';
import { AtomXml, FeedQuery } from './feeds.schema';
import type { FeedsService } from './feeds.service';

const ATOM = 'application/atom+xml; charset=utf-8';

export function registerFeedRoutes(app: FastifyInstance, feeds: FeedsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/topics',
    {
      schema: {
        tags: ['discussions'],
        summary: 'Latest, top or new topics across the spaces the viewer may see',
        description:
          'latest: by last activity, cursor-paged. top: by replies plus reactions in the period; topics without any are left out. ' +
          'Unlisted and deleted topics are left out. new (members only, 401 for guests): topics by others created in the last 14 days and since the ' +
          'member joined that they never opened and did not mute (topic or space), newest first, cursor-paged; staff also see unlisted ones.',
        querystring: FeedQuery,
        response: { 200: TopicPage, ...errorResponses(401) },
      },
    },
    async (request) => feeds.topics(request.principal, request.query),
  );

  r.get(
    '/api/feed.atom',
    { schema: { tags: ['discussions'], summary: 'Atom feed of the latest topics in public spaces', produces: ['application/atom+xml'], response: { 200: AtomXml } } },
    async (_request, reply) => reply.type(ATOM).send(await feeds.siteAtom()),
  );

  r.get(
    '/api/spaces/:id/feed.atom',
    {
      schema: {
        tags: ['discussions'],
        summary: 'Atom feed of the latest topics in a public space',
        description: 'A private space answers 404, whoever asks: feed readers carry no session.',
        produces: ['application/atom+xml'],
        params: IdParam,
        response: { 200: AtomXml, ...errorResponses(404) },
      },
    },
    async (request, reply) => reply.type(ATOM).send(await feeds.spaceAtom(request.params.id)),
  );
}
