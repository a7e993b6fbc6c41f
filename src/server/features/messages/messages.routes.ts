import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParam, NoContent, errorResponses } from '../../platform/http/schemas';
import {
  ConversationDetail, ConversationListQuery, ConversationPage, ConversationQuery, CreateConversationBody, MessageView, ReadBody, ReadView, ReplyBody,
} from './messages.schema';
import type { MessagesService } from './messages.service';

/** Per member: starting conversations is rarer than replying, and both are what spam looks like. */
const createLimit = { max: 20, timeWindow: 10 * 60_000 };
const replyLimit = { max: 60, timeWindow: 60_000 };

export function registerMessageRoutes(app: FastifyInstance, messages: MessagesService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const member = { auth: 'member' as const };
  const tags = ['messages'];
  const private404 = 'A conversation the viewer does not take part in (by name or through a group) is 404, never 403.';

  r.get(
    '/api/messages',
    {
      config: member,
      schema: {
        tags,
        summary: 'The viewer\'s private conversations, latest activity first, with unread counts',
        description: 'Conversations the viewer left are not listed. ?q= keeps those whose title or messages match the words.',
        querystring: ConversationListQuery,
        response: { 200: ConversationPage, ...errorResponses(401) },
      },
    },
    async (request) => messages.list(request.principal, request.query),
  );

  r.post(
    '/api/messages',
    {
      config: { ...member, rateLimit: createLimit },
      schema: {
        tags,
        summary: 'Start a private conversation with members and groups',
        description: 'An unknown username or group is 400 unknown_recipient (field recipients or groups). Silenced members get 403 account_silenced. Mentions do not notify anyone outside the conversation.',
        body: CreateConversationBody,
        response: { 201: ConversationDetail, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await messages.create(request.principal, request.body)),
  );

  r.get(
    '/api/messages/:id',
    {
      config: member,
      schema: { tags, summary: 'A conversation with a page of its messages', description: private404, params: IdParam, querystring: ConversationQuery, response: { 200: ConversationDetail, ...errorResponses(401, 404) } },
    },
    async (request) => messages.detail(request.principal, request.params.id, request.query.after ?? 0),
  );

  r.post(
    '/api/messages/:id/replies',
    {
      config: { ...member, rateLimit: replyLimit },
      schema: { tags, summary: 'Reply in a conversation', description: private404, params: IdParam, body: ReplyBody, response: { 201: MessageView, ...errorResponses(401, 403, 404) } },
    },
    async (request, reply) => reply.code(201).send(await messages.reply(request.principal, request.params.id, request.body.body)),
  );

  r.patch(
    '/api/messages/replies/:id',
    {
      config: { ...member, rateLimit: replyLimit },
      schema: { tags, summary: 'Edit one of your messages (the first one of a conversation included)', params: IdParam, body: ReplyBody, response: { 200: MessageView, ...errorResponses(401, 403, 404) } },
    },
    async (request) => messages.edit(request.principal, request.params.id, request.body.body),
  );

  r.delete(
    '/api/messages/replies/:id',
    { config: member, schema: { tags, summary: 'Delete one of your messages (it keeps its place, its text is gone)', params: IdParam, response: { 204: NoContent, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      await messages.remove(request.principal, request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/api/messages/:id/read',
    {
      config: member,
      schema: {
        tags,
        summary: 'Record how far the viewer read a conversation',
        description: 'The mark only moves forward and is clamped to the last message; notifications about messages up to it are marked read.',
        params: IdParam,
        body: ReadBody,
        response: { 200: ReadView, ...errorResponses(401, 404) },
      },
    },
    async (request) => messages.markRead(request.principal, request.params.id, request.body.number),
  );

  r.delete(
    '/api/messages/:id/participation',
    {
      config: member,
      schema: {
        tags,
        summary: 'Leave a conversation',
        description: 'Members invited by name lose access. Members who reach it through a group only take it out of their inbox and stop being notified, until they reply. Its notifications are marked read.',
        params: IdParam,
        response: { 204: NoContent, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await messages.leave(request.principal, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
