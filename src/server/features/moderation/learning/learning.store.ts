// SQL for retrained classifier models and the moderators' labels they learn from.
import type { Queryable } from '../../../platform/db/database';
import type { ClassifierKind } from '../../../platform/db/schema-moderation';

export async function latestModel(db: Queryable, kind: ClassifierKind) {
  return db.selectFrom('classifier_models').select(['version', 'model', 'trained_at', 'examples', 'community_examples']).where('kind', '=', kind).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertModel(db: Queryable, m: { kind: ClassifierKind; version: string; model: unknown; examples: number; communityExamples: number }): Promise<void> {
  await db
    .insertInto('classifier_models')
    .values({ kind: m.kind, version: m.version, model: JSON.stringify(m.model), examples: m.examples, community_examples: m.communityExamples })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
}

/** The latest label per post (a later decision, such as an overturned appeal, wins), plus unattached ones. */
export async function communityLabels(db: Queryable, kind: ClassifierKind) {
  const rows = await db.selectFrom('moderation_labels').select(['post_id', 'text', 'label', 'id']).where('kind', '=', kind).orderBy('id', 'asc').execute();
  const byPost = new Map<number | string, { text: string; label: string }>();
  for (const row of rows) byPost.set(row.post_id ?? `label-${row.id}`, { text: row.text, label: row.label });
  return [...byPost.values()];
}

export async function countLabelsSince(db: Queryable, kind: ClassifierKind, since: Date | null): Promise<number> {
  let query = db.selectFrom('moderation_labels').select((eb) => eb.fn.countAll<string | number>().as('n')).where('kind', '=', kind);
  if (since) query = query.where('decided_at', '>', since);
  return Number((await query.executeTakeFirst())?.n ?? 0);
}
