// SQL for API keys. Only the SHA-256 of a key is stored.
import type { Queryable } from '../../platform/db/database';
import type { ApiKeyScope } from '../../platform/db/schema';

const columns = ['id', 'member_id', 'name', 'prefix', 'scope', 'created_at', 'last_used_at', 'revoked_at'] as const;

export async function insertApiKey(db: Queryable, key: { memberId: number; name: string; prefix: string; keyHash: string; scope: ApiKeyScope }) {
  return db
    .insertInto('api_keys')
    .values({ member_id: key.memberId, name: key.name, prefix: key.prefix, key_hash: key.keyHash, scope: key.scope })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export type ApiKeyRow = Awaited<ReturnType<typeof insertApiKey>>;

export async function listApiKeys(db: Queryable, memberId: number, includeRevoked: boolean): Promise<ApiKeyRow[]> {
  let query = db.selectFrom('api_keys').select(columns).where('member_id', '=', memberId).orderBy('id', 'desc');
  if (!includeRevoked) query = query.where('revoked_at', 'is', null);
  return query.execute();
}

export async function findApiKey(db: Queryable, id: number): Promise<(ApiKeyRow & { key_hash: string }) | undefined> {
  return db.selectFrom('api_keys').select([...columns, 'key_hash']).where('id', '=', id).executeTakeFirst();
}

export async function findActiveApiKeyByHash(db: Queryable, keyHash: string) {
  return db.selectFrom('api_keys').select(['id', 'member_id', 'scope']).where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function revokeApiKey(db: Queryable, id: number): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function touchApiKey(db: Queryable, id: number): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', id).execute();
}
