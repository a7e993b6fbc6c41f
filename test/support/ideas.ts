// Shapes and small helpers for the ideas boards tests (integration and browser).
import type { Client } from './client';

export interface IdeaVote {
  topicId: number;
  votes: number;
  voted: boolean;
}

interface Ref {
  id: number;
  title: string;
  slug: string;
}

export interface Idea {
  topicId: number;
  spaceId: number;
  title: string;
  votes: number;
  voted: boolean;
  status: string;
  statusComment: string;
  statusCommentHtml: string;
  statusChangedAt: string | null;
  mergedInto: Ref | null;
  duplicates: Ref[];
  history: { status: string; previousStatus: string; comment: string; actor: { id: number } | null; at: string }[];
  canManage: boolean;
}

export interface IdeaSummary {
  topicId: number;
  title: string;
  votes: number;
  voted: boolean;
  status: string;
  trendingScore: number;
  mergedIntoId: number | null;
}

export interface IdeaPage {
  items: IdeaSummary[];
  nextCursor: string | null;
}

export interface Roadmap {
  spaceId: number;
  columns: { status: string; count: number; items: IdeaSummary[] }[];
}

export interface Notice {
  type: string;
  title: string;
  notice: { text: string; url: string | null } | null;
}

/** The member's notices about ideas ('notice' notifications titled "Idea …"), newest first. */
export async function ideaNotices(member: { client: Client }): Promise<Notice[]> {
  const reply = await member.client.get<{ items: Notice[] }>('/api/notifications?limit=50');
  if (reply.status !== 200) throw new Error(`notifications: ${reply.status} ${reply.text}`);
  return reply.body.items.filter((n) => n.type === 'notice' && n.title.startsWith('Idea "'));
}
