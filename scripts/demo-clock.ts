// Moving a demo community's timestamps back in time: the services stamp now, the demo spreads its
// content over months. Parameterized queries only.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/platform/db/schema';

export type Db = Kysely<DB>;

export function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const demoClock = {
  async members(db: Db, rows: { id: number; at: Date }[]): Promise<void> {
    for (const part of chunks(rows)) {
      const ids = part.map((r) => r.id);
      const ats = part.map((r) => r.at.toISOString());
      // Demo members have been around for months: trust level 2, so new-member limits and the spam hold do not apply.
      await sql`update members m set joined_at = v.at, trust_level = greatest(m.trust_level, 2) from unnest(${ids}::bigint[], ${ats}::timestamptz[]) as v(id, at) where m.id = v.id`.execute(db);
      await sql`update accounts a set email_confirmed_at = m.joined_at, guidelines_accepted_at = m.joined_at from members m
        where a.member_id = m.id and m.id = any(${ids}::bigint[])`.execute(db);
      await sql`update activities a set occurred_at = m.joined_at from members m
        where a.member_id = m.id and a.kind = 'member.joined' and m.id = any(${ids}::bigint[])`.execute(db);
    }
  },

  async posts(db: Db, rows: { id: number; at: Date }[]): Promise<void> {
    for (const part of chunks(rows)) {
      const ids = part.map((r) => r.id);
      const ats = part.map((r) => r.at.toISOString());
      await sql`update posts p set created_at = v.at, updated_at = v.at from unnest(${ids}::bigint[], ${ats}::timestamptz[]) as v(id, at) where p.id = v.id`.execute(db);
      await sql`update activities a set occurred_at = p.created_at from posts p
        where a.post_id = p.id and a.kind in ('topic.created', 'post.created') and p.id = any(${ids}::bigint[])`.execute(db);
      await sql`update notifications n set created_at = p.created_at from posts p
        where n.post_id = p.id and n.type <> 'reaction' and p.id = any(${ids}::bigint[])`.execute(db);
    }
  },

  async reactions(db: Db, rows: { postId: number; memberId: number; emoji: string; at: Date }[]): Promise<void> {
    for (const part of chunks(rows)) {
      const postIds = part.map((r) => r.postId);
      await sql`update post_reactions r set created_at = v.at
        from unnest(${postIds}::bigint[], ${part.map((r) => r.memberId)}::bigint[], ${part.map((r) => r.emoji)}::text[], ${part.map((r) => r.at.toISOString())}::timestamptz[]) as v(post_id, member_id, emoji, at)
        where r.post_id = v.post_id and r.member_id = v.member_id and r.emoji = v.emoji`.execute(db);
      await sql`update activities a set occurred_at = r.created_at from post_reactions r
        where a.kind = 'reaction.added' and a.post_id = r.post_id and a.member_id = r.member_id and a.props->>'emoji' = r.emoji
          and r.post_id = any(${postIds}::bigint[])`.execute(db);
      await sql`update notifications n set created_at = latest.at
        from (select post_id, max(created_at) as at from post_reactions where post_id = any(${postIds}::bigint[]) group by post_id) as latest
        where n.type = 'reaction' and n.post_id = latest.post_id`.execute(db);
    }
  },

  /** Topics and spaces follow their posts: created with the first, last activity with the latest. */
  async topicsAndSpaces(db: Db, topicIds: number[], spaceIds: number[], spacesCreatedAt: Date): Promise<void> {
    for (const ids of chunks(topicIds)) {
      await sql`update topics t set created_at = s.first_at, updated_at = s.last_at, last_posted_at = s.last_at
        from (select topic_id, min(created_at) as first_at, max(created_at) as last_at from posts where topic_id = any(${ids}::bigint[]) group by topic_id) as s
        where t.id = s.topic_id`.execute(db);
      await sql`update topic_reads r set updated_at = t.last_posted_at from topics t where r.topic_id = t.id and t.id = any(${ids}::bigint[])`.execute(db).catch(() => undefined);
    }
    await sql`update spaces s set created_at = ${spacesCreatedAt.toISOString()}::timestamptz, updated_at = ${spacesCreatedAt.toISOString()}::timestamptz,
        last_posted_at = (select max(t.last_posted_at) from topics t where t.space_id = s.id and t.deleted_at is null)
      where s.id = any(${spaceIds}::bigint[])`.execute(db);
  },
};
