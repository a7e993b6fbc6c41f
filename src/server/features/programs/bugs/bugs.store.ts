// SQL of bug reports: the template's fields and status, "affects me too" votes, the list of a space's
// reports, and who hears about a report (its reporter, voters and followers).
import type { Queryable } from '../../../platform/db/database';
import type { BugStatus } from '../../../platform/db/schema-bugs';

export async function insertBugReport(db: Queryable, report: { topicId: number; reporterId: number; steps: string; expected: string; actual: string; version: string }): Promise<void> {
  await db
    .insertInto('bug_reports')
    .values({ topic_id: report.topicId, reporter_id: report.reporterId, steps: report.steps, expected: report.expected, actual: report.actual, version: report.version })
    .execute();
}

function reports(db: Queryable) {
  return db
    .selectFrom('bug_reports as b')
    .innerJoin('topics as t', 't.id', 'b.topic_id')
    .leftJoin('members as m', 'm.id', 'b.reporter_id')
    .leftJoin('accounts as a', 'a.member_id', 'b.reporter_id')
    .leftJoin('github_links as l', 'l.topic_id', 'b.topic_id')
    .select((eb) => [
      'b.topic_id', 'b.reporter_id', 'b.steps', 'b.expected', 'b.actual', 'b.version', 'b.status', 'b.status_changed_at', 'b.created_at',
      't.space_id', 't.title', 't.slug', 't.reply_count', 't.tags', 't.deleted_at', 'a.username', 'm.display_name',
      'l.repo', 'l.issue_number', 'l.issue_url', 'l.issue_state',
      eb.selectFrom('bug_votes as v').select((v) => v.fn.countAll<number>().as('n')).whereRef('v.topic_id', '=', 'b.topic_id').as('vote_count'),
    ]);
}
export type BugReportRow = NonNullable<Awaited<ReturnType<typeof findBugReport>>>;

export async function findBugReport(db: Queryable, topicId: number) {
  return reports(db).where('b.topic_id', '=', topicId).executeTakeFirst();
}

export async function listBugReports(db: Queryable, spaceId: number, options: { status: BugStatus; limit: number; beforeId: number | undefined; includeUnlisted: boolean }) {
  let query = reports(db).where('t.space_id', '=', spaceId).where('b.status', '=', options.status).where('t.deleted_at', 'is', null);
  if (!options.includeUnlisted) query = query.where('t.unlisted', '=', false);
  if (options.beforeId !== undefined) query = query.where('b.topic_id', '<', options.beforeId);
  return query.orderBy('b.topic_id', 'desc').limit(options.limit + 1).execute();
}

/** The report's status, locked for a change. */
export async function lockBugStatus(db: Queryable, topicId: number): Promise<BugStatus | undefined> {
  const row = await db.selectFrom('bug_reports').select('status').where('topic_id', '=', topicId).forUpdate().executeTakeFirst();
  return row?.status;
}

export async function setBugStatus(db: Queryable, topicIds: readonly number[], status: BugStatus, at: Date): Promise<void> {
  if (topicIds.length === 0) return;
  await db.updateTable('bug_reports').set({ status, status_changed_at: at }).where('topic_id', 'in', topicIds).execute();
}

export async function addVote(db: Queryable, topicId: number, memberId: number): Promise<boolean> {
  const row = await db.insertInto('bug_votes').values({ topic_id: topicId, member_id: memberId }).onConflict((oc) => oc.doNothing()).returning('member_id').executeTakeFirst();
  return row !== undefined;
}

export async function removeVote(db: Queryable, topicId: number, memberId: number): Promise<boolean> {
  const gone = await db.deleteFrom('bug_votes').where('topic_id', '=', topicId).where('member_id', '=', memberId).executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

export async function votedBy(db: Queryable, topicIds: readonly number[], memberId: number): Promise<Set<number>> {
  if (topicIds.length === 0) return new Set();
  const rows = await db.selectFrom('bug_votes').select('topic_id').where('topic_id', 'in', topicIds).where('member_id', '=', memberId).execute();
  return new Set(rows.map((r) => r.topic_id));
}

/**
 * Everyone who hears about a report's or idea's new state: its author and reporter, who voted on it
 * (bug votes and idea votes) and who follows it (watching or tracking); not who muted the topic.
 */
export async function interestedMembers(db: Queryable, topicId: number): Promise<number[]> {
  // One after another: this may run on a transaction's single connection.
  const topic = await db.selectFrom('topics').select('author_id').where('id', '=', topicId).executeTakeFirst();
  const reporter = await db.selectFrom('bug_reports').select('reporter_id').where('topic_id', '=', topicId).executeTakeFirst();
  const bugVoters = await db.selectFrom('bug_votes').select('member_id').where('topic_id', '=', topicId).execute();
  const ideaVoters = await db.selectFrom('idea_votes').select('member_id').where('topic_id', '=', topicId).execute();
  const levels = await db.selectFrom('topic_notification_levels').select(['member_id', 'level']).where('topic_id', '=', topicId).execute();
  const followers = levels.filter((l) => l.level === 'watching' || l.level === 'tracking');
  const muted = levels.filter((l) => l.level === 'muted');
  const ids = new Set<number>();
  if (topic) ids.add(topic.author_id);
  if (reporter?.reporter_id != null) ids.add(reporter.reporter_id);
  for (const r of [...bugVoters, ...ideaVoters, ...followers]) ids.add(r.member_id);
  for (const r of muted) ids.delete(r.member_id);
  return [...ids].sort((a, b) => a - b);
}

/** The topic with its space's kind, for the link routes. */
export async function topicKind(db: Queryable, topicId: number) {
  return db
    .selectFrom('topics as t')
    .innerJoin('spaces as s', 's.id', 't.space_id')
    .select(['t.id', 't.space_id', 't.title', 't.slug', 's.kind'])
    .where('t.id', '=', topicId)
    .executeTakeFirst();
}

/** The first post's Markdown (the body when staff create one). */
export async function firstPostBody(db: Queryable, topicId: number): Promise<string> {
  const row = await db.selectFrom('posts').select('body').where('topic_id', '=', topicId).where('post_number', '=', 1).executeTakeFirst();
  return row?.body ?? '';
}
