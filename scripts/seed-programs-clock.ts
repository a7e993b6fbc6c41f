// Moving the demo programs' timestamps back in time, after the services stamped them now: votes and
// acceptances follow the answers they are about, ideas spread over three months, events move to their
// planned dates. Parameterized queries only; offsets derive from ids, so a seed gives the same times.
import { sql } from 'kysely';
import type { Db } from './demo-clock';

export const programsClock = {
  /** Votes come within three days of their answer, an acceptance within two days; first answers from the posts. */
  async questions(db: Db, topicIds: readonly number[]): Promise<void> {
    if (topicIds.length === 0) return;
    const ids = [...topicIds];
    await sql`update qa_votes v set created_at = least(now() - interval '1 minute', p.created_at + interval '1 hour' * ((v.member_id * 7 + v.post_id) % 72 + 1))
      from posts p where p.id = v.post_id and v.topic_id = any(${ids}::bigint[])`.execute(db);
    await sql`update qa_topics q set accepted_at = least(now() - interval '1 minute', p.created_at + interval '1 hour' * (q.topic_id % 48 + 1))
      from posts p where p.id = q.accepted_post_id and q.topic_id = any(${ids}::bigint[])`.execute(db);
    await sql`update qa_topics q set first_answer_at = f.at, first_answer_post_id = f.id
      from (select distinct on (p.topic_id) p.topic_id, p.id, p.created_at as at from posts p join topics t on t.id = p.topic_id
            where p.topic_id = any(${ids}::bigint[]) and p.post_number > 1 and p.author_id <> t.author_id and p.deleted_at is null
            order by p.topic_id, p.created_at, p.id) as f
      where q.topic_id = f.topic_id`.execute(db);
    await sql`update reputation_events r set created_at = v.created_at from qa_votes v
      where r.reason = 'answer_upvoted' and r.post_id = v.post_id and r.actor_id = v.member_id and v.topic_id = any(${ids}::bigint[])`.execute(db);
    await sql`update reputation_events r set created_at = q.accepted_at from qa_topics q
      where r.reason = 'answer_accepted' and r.post_id = q.accepted_post_id and q.topic_id = any(${ids}::bigint[])`.execute(db);
    await sql`update activities a set occurred_at = v.created_at from qa_votes v
      where a.kind = 'answer.upvoted' and a.post_id = v.post_id and a.member_id = v.member_id and v.topic_id = any(${ids}::bigint[])`.execute(db);
    await sql`update activities a set occurred_at = q.accepted_at from qa_topics q
      where a.kind = 'answer.accepted' and a.post_id = q.accepted_post_id and q.topic_id = any(${ids}::bigint[])`.execute(db);
  },

  /** Each idea at its planned time; its votes between then and now; its status set a week or two later. */
  async ideas(db: Db, rows: readonly { topicId: number; at: Date }[], now: number): Promise<void> {
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.topicId);
    const ats = rows.map((r) => r.at.toISOString());
    const nowAt = new Date(now).toISOString();
    await sql`update posts p set created_at = v.at, updated_at = v.at from unnest(${ids}::bigint[], ${ats}::timestamptz[]) as v(id, at) where p.topic_id = v.id`.execute(db);
    await sql`update topics t set created_at = v.at, updated_at = v.at, last_posted_at = v.at from unnest(${ids}::bigint[], ${ats}::timestamptz[]) as v(id, at) where t.id = v.id`.execute(db);
    await sql`update idea_votes iv set created_at = t.created_at + (${nowAt}::timestamptz - t.created_at) * (((iv.member_id * 13 + iv.topic_id) % 97 + 1) / 100.0)
      from topics t where t.id = iv.topic_id and t.id = any(${ids}::bigint[])`.execute(db);
    await sql`update idea_status_changes c set created_at = least(${nowAt}::timestamptz, t.created_at + interval '1 day' * (7 + c.topic_id % 10))
      from topics t where t.id = c.topic_id and t.id = any(${ids}::bigint[])`.execute(db);
    await sql`update ideas i set created_at = t.created_at, status_changed_at = (select max(c.created_at) from idea_status_changes c where c.topic_id = i.topic_id)
      from topics t where t.id = i.topic_id and t.id = any(${ids}::bigint[])`.execute(db);
    await sql`update activities a set occurred_at = iv.created_at from idea_votes iv
      where a.kind = 'idea.vote' and a.topic_id = iv.topic_id and a.member_id = iv.member_id and iv.topic_id = any(${ids}::bigint[])`.execute(db);
    await sql`update activities a set occurred_at = t.created_at from topics t
      where a.kind = 'topic.created' and a.topic_id = t.id and t.id = any(${ids}::bigint[])`.execute(db);
    await sql`update spaces s set last_posted_at = (select max(t.last_posted_at) from topics t where t.space_id = s.id and t.deleted_at is null)
      where s.id in (select space_id from topics where id = any(${ids}::bigint[]))`.execute(db);
  },

  /** Events created ahead (so members could RSVP) move to their planned dates. */
  async events(db: Db, rows: readonly { id: number; startsAt: Date; endsAt: Date }[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`update events e set starts_at = v.s, ends_at = v.e
      from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.startsAt.toISOString())}::timestamptz[], ${rows.map((r) => r.endsAt.toISOString())}::timestamptz[]) as v(id, s, e)
      where e.id = v.id`.execute(db);
    // Each event was announced (its topic started) two weeks before it, or an hour ago at the latest.
    const ids = rows.map((r) => r.id);
    const announced = sql`least(now() - interval '1 hour', e.starts_at - interval '14 days')`;
    await sql`update posts p set created_at = ${announced}, updated_at = ${announced} from events e where p.topic_id = e.topic_id and e.id = any(${ids}::bigint[])`.execute(db);
    await sql`update topics t set created_at = ${announced}, updated_at = ${announced}, last_posted_at = ${announced} from events e where t.id = e.topic_id and e.id = any(${ids}::bigint[])`.execute(db);
    await sql`update events e set created_at = ${announced} where e.id = any(${ids}::bigint[])`.execute(db);
    await sql`update spaces s set last_posted_at = (select max(t.last_posted_at) from topics t where t.space_id = s.id and t.deleted_at is null)
      where s.id in (select space_id from events where id = any(${ids}::bigint[]))`.execute(db);
  },
};
