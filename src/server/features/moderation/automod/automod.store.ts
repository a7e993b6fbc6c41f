// SQL for automod rules and for the posts a dry-run scans.
import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database';

export async function listRules(db: Queryable) {
  return db.selectFrom('automod_rules').selectAll().orderBy('position').orderBy('id').execute();
}

export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

export async function findRule(db: Queryable, id: number): Promise<RuleRow | undefined> {
  return db.selectFrom('automod_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRule(db: Queryable, rule: { name: string; enabled: boolean; definition: unknown; createdBy: number }): Promise<number> {
  const row = await db
    .insertInto('automod_rules')
    .values({
      name: rule.name,
      enabled: rule.enabled,
      definition: JSON.stringify(rule.definition),
      created_by: rule.createdBy,
      position: sql<number>`coalesce((select max(position) from automod_rules), 0) + 1`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRule(db: Queryable, id: number, rule: { name: string; enabled: boolean; definition: unknown }): Promise<void> {
  await db.updateTable('automod_rules').set({ name: rule.name, enabled: rule.enabled, definition: JSON.stringify(rule.definition), updated_at: new Date() }).where('id', '=', id).execute();
}

export async function deleteRule(db: Queryable, id: number): Promise<boolean> {
  const result = await db.deleteFrom('automod_rules').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function setPositions(db: Queryable, ids: readonly number[]): Promise<void> {
  for (const [index, id] of ids.entries()) await db.updateTable('automod_rules').set({ position: index + 1 }).where('id', '=', id).execute();
}

export async function bumpRuleHits(db: Queryable, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('automod_rules').set((eb) => ({ hits: eb('hits', '+', 1), last_hit_at: at })).where('id', 'in', ids).execute();
}

/** A batch of posts written since `since`, after id `afterId` (topics, authors and scores are read per batch, apart). */
export async function dryRunBatch(db: Queryable, since: Date, afterId: number, limit: number) {
  return db
    .selectFrom('posts')
    .select(['id', 'body', 'author_id', 'topic_id', 'created_at', 'post_number'])
    .where('created_at', '>=', since)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export type DryRunRow = Awaited<ReturnType<typeof dryRunBatch>>[number];

export async function topicsByIds(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('topics').select(['id', 'title', 'space_id']).where('id', 'in', ids).execute();
}

export async function authorsByIds(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('members').select(['id', 'trust_level', 'joined_at']).where('id', 'in', ids).execute();
}

export async function scoresByPostIds(db: Queryable, firstId: number, lastId: number) {
  return db.selectFrom('post_scores').select(['post_id', 'spam', 'hate', 'offensive']).where('post_id', '>=', firstId).where('post_id', '<=', lastId).execute();
}
