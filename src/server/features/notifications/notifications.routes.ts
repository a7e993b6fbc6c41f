import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, errorResponses } from '../../platform/http/schemas';
import { LevelBody, LevelView, MarkReadBody, MarkReadResult, NotificationPage, NotificationQuery, TopicReadBody, TopicReadView, UnreadCount, UnreadTopicPage } from './notifications.schema';
import type { NotificationsService } from './notifications.service';

export function registerNotificationRoutes(app: FastifyInstance, notifications: NotificationsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const member = { auth: 'member' as const };
  const tags = ['notifications'];

  r.get(
    '/api/notifications',
    { config: member, schema: { tags, summary: 'The viewer\'s notifications, newest first', querystring: NotificationQuery, response: { 200: NotificationPage, ...errorResponses(401) } } },
    async (request) => notifications.list(request.principal, request.query),
  );

  r.get(
    '/api/notifications/unread-count',
    { config: member, schema: { tags, summary: 'How many of the viewer\'s notifications are unread', response: { 200: UnreadCount, ...errorResponses(401) } } },
    async (request) => notifications.unreadCount(request.principal),
  );

  r.post(
    '/api/notifications/read',
    {
      config: member,
      schema: { tags, summary: 'Mark notifications read (the given ids, or all)', body: MarkReadBody, response: { 200: MarkReadResult, ...errorResponses(401, 403, 404) } },
    },
    async (request) => notifications.markRead(request.principal, request.body),
  );

  r.put(
    '/api/topics/:id/notification-level',
    { config: member, schema: { tags, summary: 'How closely the viewer follows a topic', params: IdParam, body: LevelBody, response: { 200: LevelView, ...errorResponses(401, 403, 404) } } },
    async (request) => notifications.setTopicLevel(request.principal, request.params.id, request.body),
  );

  r.get(
    '/api/spaces/:id/notification-level',
    { config: member, schema: { tags, summary: 'How closely the viewer follows a space (normal unless they chose)', params: IdParam, response: { 200: LevelView, ...errorResponses(401, 404) } } },
    async (request) => notifications.spaceLevel(request.principal, request.params.id),
  );

  r.put(
    '/api/spaces/:id/notification-level',
    {
      config: member,
      schema: { tags, summary: 'How closely the viewer follows a space (a topic\'s own level wins)', params: IdParam, body: LevelBody, response: { 200: LevelView, ...errorResponses(401, 403, 404) } },
    },
    async (request) => notifications.setSpaceLevel(request.principal, request.params.id, request.body),
  );

  r.get(
    '/api/topics/unread',
    {
      config: member,
      schema: {
        tags,
        summary: 'Topics with posts the viewer has not read',
        description: 'Among the topics the viewer tracks or watches (their own included), or began reading and did not mute; latest activity first.',
        querystring: NotificationQuery,
        response: { 200: UnreadTopicPage, ...errorResponses(401) },
      },
    },
    async (request) => notifications.unreadTopics(request.principal, request.query),
  );

  r.put(
    '/api/topics/:id/read',
    {
      config: member,
      schema: {
        tags,
        summary: 'Record how far the viewer read a topic',
        description: 'The mark only moves forward and is clamped to the topic\'s last post; notifications about posts up to it are marked read.',
        params: IdParam,
        body: TopicReadBody,
        response: { 200: TopicReadView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => notifications.markTopicRead(request.principal, request.params.id, request.body.postNumber),
  );
}
