// Idea rows → API shapes.
import type { IdeaListRow } from './ideas-list.store';
import { roundScore } from './ideas.rules';
import type { IdeaStatusChangeView, IdeaSummaryView } from './ideas.schema';
import type { StatusChangeRow } from './ideas.store';
import type { Static } from '@sinclair/typebox';

export function presentSummary(row: IdeaListRow): IdeaSummaryView {
  return {
    topicId: row.id,
    title: row.title,
    slug: row.slug,
    author: { id: row.author_id, username: row.username, displayName: row.display_name },
    createdAt: row.created_at.toISOString(),
    replyCount: row.reply_count,
    votes: Number(row.votes),
    voted: row.voted,
    status: row.status,
    trendingScore: roundScore(Number(row.trending_score)),
    mergedIntoId: row.merged_into_id,
  };
}

export function presentStatusChange(row: StatusChangeRow): Static<typeof IdeaStatusChangeView> {
  return {
    status: row.status,
    previousStatus: row.previous_status,
    comment: row.comment,
    commentHtml: row.comment_html,
    actor: row.actor_id === null ? null : { id: row.actor_id, username: row.username, displayName: row.display_name ?? '' },
    at: row.created_at.toISOString(),
  };
}
