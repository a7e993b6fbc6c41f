// Turns a session cookie or an API key into a Principal. Resolved credentials are cached in memory so
// an authenticated request needs no database round trip; logout, password changes, role changes and
// suspensions purge the cache at once, in every process (events travel through Redis).
import type { AppContext } from '../../context';
import type { ApiKeyScope } from '../../platform/db/schema';
import type { Principal } from '../../platform/http/principal';
import { sha256 } from '../../platform/safety/tokens';
import type { MeView } from './accounts.schema';
import { toMeView } from './accounts.presenter';
import { isSuspended } from './accounts.rules';
import { findAccountById, touchMemberSeen, type AccountRow } from './accounts.store';
import { findLiveSession, touchSession } from './sessions.store';

export interface ApiKeyLookup {
  find(keyHash: string): Promise<{ id: number; memberId: number; scope: ApiKeyScope } | undefined>;
  touch(keyId: number): Promise<void>;
}

export interface Credential {
  principal: Principal;
  me: MeView;
}

interface Entry extends Credential {
  credentialId: number;
  expiresAt: number;
  loadedAt: number;
  touchedAt: number;
}

/** A safety net: even a missed purge event stops mattering after this long. */
const CACHE_TTL_MS = 60_000;
const TOUCH_EVERY_MS = 5 * 60_000;
const MAX_ENTRIES = 50_000;

/** A cached entry may answer: loaded within the TTL and not expired. */
const usable = (entry: Entry, now: number): boolean => now - entry.loadedAt < CACHE_TTL_MS && entry.expiresAt > now;
/** The session or key should record that it was used (and the member that they were seen). */
const touchDue = (entry: Entry, now: number): boolean => now - entry.touchedAt > TOUCH_EVERY_MS;

export class CredentialResolver {
  readonly #entries = new Map<string, Entry>();
  readonly #byMember = new Map<number, Set<string>>();
  readonly #inflight = new Map<string, Promise<Entry | undefined>>();
  readonly #hashes = new Map<string, string>();
  #generation = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly apiKeys: ApiKeyLookup,
  ) {
    ctx.bus.on('session.revoked', ({ tokenHash }) => this.#drop(`s:${tokenHash}`));
    ctx.bus.on('apiKey.revoked', ({ keyHash }) => this.#drop(`k:${keyHash}`));
    ctx.bus.on('member.updated', ({ memberId }) => this.dropMember(memberId));
    ctx.bus.on('member.credentialsChanged', ({ memberId }) => this.dropMember(memberId));
  }

  async fromSessionToken(token: string): Promise<Credential | undefined> {
    return this.#resolve(`s:${this.#hashOf(token)}`, (hash) => this.#loadSession(hash));
  }

  /**
   * The principal of a session token resolved earlier, without waiting: undefined unless the cached
   * entry is fresh, unexpired and needs no touch (whoever gets undefined resolves it the usual way).
   */
  peekSession(token: string): Principal | undefined {
    const cached = this.#entries.get(`s:${this.#hashOf(token)}`);
    if (cached === undefined) return undefined;
    const now = Date.now();
    return usable(cached, now) && !touchDue(cached, now) ? cached.principal : undefined;
  }

  async fromApiKey(token: string): Promise<Credential | undefined> {
    return this.#resolve(`k:${this.#hashOf(token)}`, (hash) => this.#loadApiKey(hash));
  }

  /** SHA-256 of a presented token, remembered for tokens seen recently (hashing cost 3% of throughput). */
  #hashOf(token: string): string {
    let hash = this.#hashes.get(token);
    if (hash === undefined) {
      hash = sha256(token);
      if (this.#hashes.size >= MAX_ENTRIES) this.#hashes.clear();
      this.#hashes.set(token, hash);
    }
    return hash;
  }

  /** The cached profile of a principal resolved earlier, if it is still cached. */
  cachedMe(principal: Principal): MeView | undefined {
    const prefix = principal.via === 'session' ? 's:' : 'k:';
    return this.#entries.get(prefix + principal.credentialHash)?.me;
  }

  dropMember(memberId: number): void {
    this.#generation++;
    for (const key of this.#byMember.get(memberId) ?? []) this.#entries.delete(key);
    this.#byMember.delete(memberId);
  }

  #drop(key: string): void {
    this.#generation++;
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    if (entry) this.#byMember.get(entry.principal.memberId)?.delete(key);
  }

  async #resolve(key: string, load: (hash: string) => Promise<Entry | undefined>): Promise<Credential | undefined> {
    const now = Date.now();
    const cached = this.#entries.get(key);
    if (cached && usable(cached, now)) {
      if (touchDue(cached, now)) await this.#touch(cached, now);
      return cached;
    }
    let pending = this.#inflight.get(key);
    if (!pending) {
      const generation = this.#generation;
      pending = load(key.slice(2)).then((entry) => {
        if (entry && generation === this.#generation) this.#store(key, entry);
        return entry;
      });
      this.#inflight.set(key, pending);
      void pending.finally(() => this.#inflight.delete(key)).catch(() => undefined);
    }
    const entry = await pending;
    if (!entry) this.#drop(key);
    return entry;
  }

  #store(key: string, entry: Entry): void {
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#drop(oldest);
    }
    this.#entries.set(key, entry);
    const keys = this.#byMember.get(entry.principal.memberId) ?? new Set<string>();
    keys.add(key);
    this.#byMember.set(entry.principal.memberId, keys);
  }

  async #touch(entry: Entry, now: number): Promise<void> {
    entry.touchedAt = now;
    const db = this.ctx.database.db;
    if (entry.principal.via === 'session') await touchSession(db, entry.credentialId);
    else await this.apiKeys.touch(entry.credentialId);
    await touchMemberSeen(db, entry.principal.memberId);
  }

  async #loadSession(tokenHash: string): Promise<Entry | undefined> {
    const session = await findLiveSession(this.ctx.database.db, tokenHash);
    if (!session) return undefined;
    const account = await findAccountById(this.ctx.database.db, session.member_id);
    if (!account || isSuspended(account.suspended_until)) return undefined;
    const entry = this.#entry(account, { via: 'session', scope: 'admin', sessionId: session.id, sessionExpiresAt: session.expires_at, csrfToken: session.csrf_token, credentialHash: tokenHash });
    entry.credentialId = session.id;
    entry.expiresAt = session.expires_at.getTime();
    entry.touchedAt = session.last_seen_at.getTime();
    return entry;
  }

  async #loadApiKey(keyHash: string): Promise<Entry | undefined> {
    const key = await this.apiKeys.find(keyHash);
    if (!key) return undefined;
    const account = await findAccountById(this.ctx.database.db, key.memberId);
    if (!account || isSuspended(account.suspended_until)) return undefined;
    const entry = this.#entry(account, { via: 'apiKey', scope: key.scope, sessionId: undefined, sessionExpiresAt: undefined, csrfToken: undefined, credentialHash: keyHash });
    entry.credentialId = key.id;
    await this.#touch(entry, Date.now());
    return entry;
  }

  #entry(account: AccountRow, via: Pick<Principal, 'via' | 'scope' | 'sessionId' | 'sessionExpiresAt' | 'csrfToken' | 'credentialHash'>): Entry {
    const now = Date.now();
    return {
      principal: {
        memberId: account.id,
        username: account.username,
        role: account.role,
        trustLevel: account.trust_level,
        emailConfirmed: account.email_confirmed_at !== null,
        ...via,
      },
      me: toMeView(account),
      credentialId: 0,
      expiresAt: Number.POSITIVE_INFINITY,
      loadedAt: now,
      touchedAt: now,
    };
  }
}
