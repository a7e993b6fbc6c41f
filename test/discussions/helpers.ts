// Shapes and small factories for the discussions tests.
import assert from 'node:assert/strict';
import type { Client } from '../support/client';
import { uniqueName } from '../support/members';

export interface ErrorReply {
  error: { code: string; message: string; field?: string; requestId: string };
}

export interface Space {
  id: number;
  parentId: number | null;
  name: string;
  slug: string;
  visibility: 'public' | 'private';
  kind: string;
  topicCount: number;
  postCount: number;
  canPost: boolean;
  canReply: boolean;
}

export interface Reaction {
  emoji: string;
  count: number;
  reacted: boolean;
}

export interface Post {
  id: number;
  topicId: number;
  postNumber: number;
  author: { id: number; username: string | null; displayName: string };
  replyToPostId: number | null;
  body: string;
  html: string;
  revision: number;
  deleted: boolean;
  editedAt: string | null;
  reactions: Reaction[];
}

export interface Topic {
  id: number;
  spaceId: number;
  title: string;
  slug: string;
  tags: string[];
  author: { id: number };
  pinned: boolean;
  locked: boolean;
  closed: boolean;
  unlisted: boolean;
  replyCount: number;
  lastPostedAt: string;
}

export interface TopicDetail extends Topic {
  canReply: boolean;
  posts: Post[];
  nextAfter: number | null;
}

export const slug = (): string => uniqueName('s').toLowerCase().replace(/_/g, '-');

export async function createSpace(admin: Client, visibility: 'public' | 'private' = 'public', extra: Record<string, unknown> = {}): Promise<Space> {
  const s = slug();
  const reply = await admin.post<Space>('/api/spaces', { name: `Space ${s}`, slug: s, description: 'for tests', visibility, ...extra });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

export async function createTopic(client: Client, spaceId: number, body = 'First post', title = 'A topic to discuss'): Promise<TopicDetail> {
  const reply = await client.post<TopicDetail>('/api/topics', { spaceId, title, body });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

export async function replyTo(client: Client, topicId: number, body = 'A reply'): Promise<Post> {
  const reply = await client.post<Post>(`/api/topics/${topicId}/posts`, { body });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

export function assertError(reply: { status: number; body: unknown; text: string }, status: number, code: string, field?: string): void {
  assert.equal(reply.status, status, reply.text);
  const error = (reply.body as ErrorReply).error;
  assert.equal(error.code, code, reply.text);
  if (field !== undefined) assert.equal(error.field, field, reply.text);
}
