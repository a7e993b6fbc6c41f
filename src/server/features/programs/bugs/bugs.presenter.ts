// Bug report rows → the API shape.
import type { BugReportView } from './bugs.schema';
import type { BugReportRow } from './bugs.store';
import { presentLink } from './github.presenter';

export function presentBugReport(row: BugReportRow, voted: boolean, sync: { pending: boolean; error: string | null } | undefined, staff: boolean): BugReportView {
  return {
    topicId: row.topic_id,
    spaceId: row.space_id,
    title: row.title,
    slug: row.slug,
    tags: row.tags,
    reporter: row.reporter_id === null ? null : { id: row.reporter_id, username: row.username, displayName: row.display_name ?? '' },
    steps: row.steps,
    expected: row.expected,
    actual: row.actual,
    version: row.version,
    status: row.status,
    statusChangedAt: row.status_changed_at ? row.status_changed_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    replyCount: row.reply_count,
    votes: Number(row.vote_count ?? 0),
    voted,
    github: presentLink(row, sync, staff),
  };
}
