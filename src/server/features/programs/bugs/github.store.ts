// SQL of the GitHub relay: links between topics and issues, calls waiting for a retry, webhook
// deliveries already seen, and the integration's admin settings.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';
import type { BugStatus, GitHubSyncOpKind } from '../../../platform/db/schema-bugs';

export async function findLink(db: Queryable, topicId: number) {
  return db.selectFrom('github_links').selectAll().where('topic_id', '=', topicId).executeTakeFirst();
}
export type LinkRow = NonNullable<Awaited<ReturnType<typeof findLink>>>;

export async function saveLink(db: Queryable, link: { topicId: number; repo: string; number: number | null; url: string | null; state: BugStatus | null; linkedBy: number | null }): Promise<void> {
  const values = { repo: link.repo, issue_number: link.number, issue_url: link.url, issue_state: link.state, linked_by: link.linkedBy, updated_at: new Date() };
  await db
    .insertInto('github_links')
    .values({ topic_id: link.topicId, ...values })
    .onConflict((oc) => oc.column('topic_id').doUpdateSet(values))
    .execute();
}

export async function setIssue(db: Queryable, topicId: number, issue: { number: number; url: string; state: BugStatus }): Promise<void> {
  await db.updateTable('github_links').set({ issue_number: issue.number, issue_url: issue.url, issue_state: issue.state, updated_at: new Date() }).where('topic_id', '=', topicId).execute();
}

export async function deleteLink(db: Queryable, topicId: number): Promise<boolean> {
  const gone = await db.deleteFrom('github_links').where('topic_id', '=', topicId).executeTakeFirst();
  // Calls still waiting belong to the old link: their jobs find nothing to do.
  await db.deleteFrom('github_sync_ops').where('topic_id', '=', topicId).execute();
  return Number(gone.numDeletedRows) > 0;
}

/** The topics linked to an issue, locked, with their space's kind and whether they are bug reports. */
export async function linksToIssue(db: Queryable, repo: string, number: number) {
  return db
    .selectFrom('github_links as l')
    .innerJoin('topics as t', 't.id', 'l.topic_id')
    .innerJoin('spaces as s', 's.id', 't.space_id')
    .leftJoin('bug_reports as b', 'b.topic_id', 'l.topic_id')
    .select(['l.topic_id', 't.space_id', 't.title', 't.slug', 't.deleted_at', 's.kind', 'b.status as bug_status', 'l.issue_state'])
    .where(sql<string>`lower(l.repo)`, '=', repo.toLowerCase())
    .where('l.issue_number', '=', number)
    .orderBy('l.topic_id')
    .forUpdate('l')
    .execute();
}

export async function setIssueState(db: Queryable, topicIds: readonly number[], state: BugStatus): Promise<void> {
  if (topicIds.length === 0) return;
  await db.updateTable('github_links').set({ issue_state: state, updated_at: new Date() }).where('topic_id', 'in', topicIds).execute();
}

export async function insertOp(db: Queryable, op: { topicId: number; kind: GitHubSyncOpKind; body: string }): Promise<number> {
  const row = await db.insertInto('github_sync_ops').values({ topic_id: op.topicId, kind: op.kind, body: op.body }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findOp(db: Queryable, id: number) {
  return db.selectFrom('github_sync_ops').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function finishOp(db: Queryable, id: number, outcome: { state: 'pending' | 'done' | 'failed'; error: string | null }): Promise<void> {
  await db
    .updateTable('github_sync_ops')
    .set((eb) => ({ state: outcome.state, last_error: outcome.error, attempts: eb('attempts', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

/** Per topic: whether a call waits for a retry, and the error of the newest call when it gave up. */
export async function syncStates(db: Queryable, topicIds: readonly number[]): Promise<Map<number, { pending: boolean; error: string | null }>> {
  const states = new Map<number, { pending: boolean; error: string | null }>();
  if (topicIds.length === 0) return states;
  const rows = await db.selectFrom('github_sync_ops').select(['topic_id', 'state', 'last_error']).where('topic_id', 'in', topicIds).orderBy('id', 'desc').execute();
  for (const id of topicIds) {
    const mine = rows.filter((r) => r.topic_id === id);
    const waiting = mine.find((r) => r.state === 'pending');
    const newest = mine[0];
    if (waiting) states.set(id, { pending: true, error: waiting.last_error });
    else states.set(id, { pending: false, error: newest?.state === 'failed' ? newest.last_error : null });
  }
  return states;
}

/** Records a delivery id; false when it was seen before (a redelivery). */
export async function rememberDelivery(db: Queryable, deliveryId: string, event: string): Promise<boolean> {
  const row = await db.insertInto('github_deliveries').values({ delivery_id: deliveryId, event }).onConflict((oc) => oc.column('delivery_id').doNothing()).returning('delivery_id').executeTakeFirst();
  return row !== undefined;
}

/** Forgets deliveries received before the time; returns how many. */
export async function forgetDeliveries(db: Queryable, before: Date): Promise<number> {
  const result = await db.deleteFrom('github_deliveries').where('received_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function readGitHubSettings(db: Queryable) {
  return db.selectFrom('github_settings').select(['webhook_secret', 'token', 'default_repo', 'updated_at']).executeTakeFirst();
}

export async function writeGitHubSettings(db: Queryable, changes: { webhook_secret?: string | null; token?: string | null; default_repo?: string | null }, actorId: number): Promise<void> {
  const values = { ...changes, updated_by: actorId, updated_at: new Date() };
  await db
    .insertInto('github_settings')
    .values({ id: true, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
