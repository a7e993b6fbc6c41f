import type { Queryable } from '../../platform/db/database';

export async function readSettingRows(db: Queryable): Promise<{ key: string; value: unknown }[]> {
  return db.selectFrom('settings').select(['key', 'value']).execute();
}

export async function writeSetting(db: Queryable, key: string, value: unknown, actorId: number | null): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_by: actorId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_by: actorId, updated_at: new Date() }))
    .execute();
}
