// SQL for guideline versions and members' acceptance.
import type { Queryable } from '../../platform/db/database';

export async function insertGuidelineVersion(db: Queryable, version: number, markdown: string, by: number | null): Promise<void> {
  await db.insertInto('guideline_versions').values({ version, markdown, created_by: by }).onConflict((oc) => oc.column('version').doNothing()).execute();
}

export async function listGuidelineVersions(db: Queryable) {
  return db
    .selectFrom('guideline_versions as g')
    .leftJoin('accounts as a', 'a.member_id', 'g.created_by')
    .select(['g.version', 'g.created_at', 'a.username'])
    .orderBy('g.version', 'desc')
    .execute();
}

export async function findGuidelineVersion(db: Queryable, version: number) {
  return db.selectFrom('guideline_versions').select(['version', 'markdown', 'created_at']).where('version', '=', version).executeTakeFirst();
}

export async function acceptGuidelines(db: Queryable, memberId: number, version: number, at: Date): Promise<void> {
  await db.updateTable('accounts').set({ guidelines_version: version, guidelines_accepted_at: at }).where('member_id', '=', memberId).execute();
}
