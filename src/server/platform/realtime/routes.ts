import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../http/schemas';
import type { RealtimeHub } from './hub';

export function registerRealtimeRoutes(app: FastifyInstance, hub: RealtimeHub): void {
  app.get(
    '/api/realtime',
    {
      schema: {
        tags: ['realtime'],
        summary: 'Server-Sent Events stream of what the viewer may see',
        description: 'Events: ready, member.joined (staff), member.updated (the member), job.progress (staff); topic.created, topic.updated, topic.deleted, post.created, post.updated, post.deleted, reaction.added, reaction.removed (viewers who may see the space; ids only, fetch the rest); notification.created (the recipient); message.created, message.updated, message.deleted (those who take part in the conversation). The stream closes when the session ends.',
        produces: ['text/event-stream'],
        response: { 200: Type.String({ description: 'An event stream' }), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      reply.hijack();
      await hub.connect(request.principal, reply.raw);
    },
  );
}
