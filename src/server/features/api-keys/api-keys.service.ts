// API keys for bots and integrations: created by members for themselves (or by admins for anyone),
// revocable, with the last-used time kept.
import type { AppContext } from '../../context';
import type { Role } from '../../platform/db/schema';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { hasRole, requireMember, type Actor } from '../../platform/http/principal';
import { randomToken, sha256 } from '../../platform/safety/tokens';
import { insertAudit } from '../audit';
import type { ApiKeyLookup } from '../accounts';
import type { ApiKeyView, CreateApiKeyBody, CreatedApiKey } from './api-keys.schema';
import { KEY_PREFIX, displayPrefix, mayHoldScope } from './api-keys.rules';
import { findActiveApiKeyByHash, findApiKey, insertApiKey, listApiKeys, revokeApiKey, touchApiKey, type ApiKeyRow } from './api-keys.store';

function present(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    memberId: row.member_id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export interface KeyOwner {
  id: number;
  role: Role;
}

export function createApiKeysService(ctx: AppContext, findMember: (memberId: number) => Promise<KeyOwner | undefined>) {
  const db = ctx.database.db;

  /** Issues a key; the caller has already decided that `actorId` may do so for `owner`. */
  async function issue(owner: KeyOwner, body: Omit<CreateApiKeyBody, 'memberId'>, actorId: number | null, ip: string | null): Promise<CreatedApiKey> {
    if (!mayHoldScope(owner.role, body.scope)) {
      throw new AppError('forbidden', 'Only moderators and admins can hold keys with the admin scope', { field: 'scope' });
    }
    const key = KEY_PREFIX + randomToken(32);
    const row = await ctx.database.tx(async (trx) => {
      const inserted = await insertApiKey(trx, { memberId: owner.id, name: body.name.trim(), prefix: displayPrefix(key), keyHash: sha256(key), scope: body.scope });
      await insertAudit(trx, { actorId, action: 'apiKey.create', targetType: 'apiKey', targetId: inserted.id, after: { memberId: owner.id, scope: body.scope, name: inserted.name }, ip });
      return inserted;
    });
    return { ...present(row), key };
  }

  async function ownerFor(actor: Actor, memberId: number | undefined): Promise<KeyOwner> {
    const member = requireMember(actor);
    if (memberId === undefined || memberId === member.memberId) return { id: member.memberId, role: member.role };
    if (!hasRole(member, 'admin')) throw forbidden('Only admins can manage other members\' API keys');
    const owner = await findMember(memberId);
    if (!owner) throw notFound('Member not found');
    return owner;
  }

  const lookup: ApiKeyLookup = {
    find: async (keyHash) => {
      const row = await findActiveApiKeyByHash(db, keyHash);
      return row ? { id: row.id, memberId: row.member_id, scope: row.scope } : undefined;
    },
    touch: (keyId) => touchApiKey(db, keyId),
  };

  return {
    lookup,
    issue,

    async create(actor: Actor, body: CreateApiKeyBody, ip: string): Promise<CreatedApiKey> {
      const owner = await ownerFor(actor, body.memberId);
      return issue(owner, body, requireMember(actor).memberId, ip);
    },

    /** For the shell: no actor, the caller already has the right. */
    async listForMember(memberId: number, includeRevoked: boolean): Promise<ApiKeyView[]> {
      return (await listApiKeys(db, memberId, includeRevoked)).map(present);
    },

    async list(actor: Actor, options: { memberId?: number; includeRevoked?: boolean }): Promise<ApiKeyView[]> {
      const owner = await ownerFor(actor, options.memberId);
      return (await listApiKeys(db, owner.id, options.includeRevoked ?? false)).map(present);
    },

    async revoke(actor: Actor | 'system', keyId: number, ip: string | null): Promise<void> {
      const row = await findApiKey(db, keyId);
      if (!row) throw notFound('API key not found');
      let actorId: number | null = null;
      if (actor !== 'system') {
        const member = requireMember(actor);
        if (row.member_id !== member.memberId && !hasRole(member, 'admin')) throw notFound('API key not found');
        actorId = member.memberId;
      }
      if (row.revoked_at) return;
      await ctx.database.tx(async (trx) => {
        await revokeApiKey(trx, keyId);
        await insertAudit(trx, { actorId, action: 'apiKey.revoke', targetType: 'apiKey', targetId: keyId, ip });
      });
      await ctx.bus.emit('apiKey.revoked', { keyHash: row.key_hash, memberId: row.member_id });
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
