// A member's moderation page for staff at /moderation/members/:id: flags, review items, sanctions, appeals, notes.
import { useState } from 'preact/hooks';
import { api, type Me } from '../../api/client';
import { call } from '../../api/result';
import { Loading, RequireStaff } from '../../components/guards';
import { Link } from '../../components/link';
import { formatDate, formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/site';
import { useResource } from '../../lib/use-resource';
import { AppealList } from './appeals-tab';
import { MemberNotes } from './member-notes';
import { staffPath } from './paths';
import { QueueItem } from './queue-item';
import { SanctionForm } from './sanction-form';
import { SanctionList } from './sanction-list';
import type { MemberModeration, ReviewItem } from './types';

function FlagCounts({ flags }: { flags: MemberModeration['flags'] }) {
  const rows = [
    { label: 'Given', counts: flags.given },
    { label: 'Received', counts: flags.received },
  ];
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">Flags given and received</caption>
        <thead>
          <tr>
            <th scope="col">Flags</th>
            <th scope="col">Total</th>
            <th scope="col">Open</th>
            <th scope="col">Agreed</th>
            <th scope="col">Disagreed</th>
            <th scope="col">Ignored</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, counts }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{counts.total}</td>
              <td>{counts.open}</td>
              <td>{counts.agreed}</td>
              <td>{counts.disagreed}</td>
              <td>{counts.ignored}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MemberFacts({ member }: { member: MemberModeration['member'] }) {
  const now = Date.now();
  const until = (iso: string | null) => (iso && new Date(iso).getTime() > now ? formatDateTime(iso) : 'no');
  return (
    <dl class="facts">
      <dt>Role</dt>
      <dd>{member.role}</dd>
      <dt>Trust level</dt>
      <dd>{member.trustLevel}</dd>
      <dt>Joined</dt>
      <dd>{formatDate(member.joinedAt)}</dd>
      <dt>Posts</dt>
      <dd>{member.posts}</dd>
      <dt>Silenced until</dt>
      <dd>{until(member.silencedUntil)}</dd>
      <dt>Suspended until</dt>
      <dd>{until(member.suspendedUntil)}</dd>
    </dl>
  );
}

function MemberModerationView({ id, me }: { id: number; me: Me }) {
  const page = useResource(() => call(api.GET('/api/moderation/members/{id}', { params: { path: { id } } })), [id]);
  const [changed, setChanged] = useState<Map<number, ReviewItem>>(new Map());
  useTitle(page.data ? `Moderation: ${page.data.member.username}` : 'Moderation');
  if (page.status === 'failed' && !page.data) {
    return (
      <section>
        <h1>{page.problem.status === 404 ? 'Member not found' : 'Could not load this member'}</h1>
        <p>{page.problem.message}</p>
      </section>
    );
  }
  if (!page.data) return <Loading />;
  const data = page.data;
  const { member } = data;
  return (
    <section class="member-moderation">
      <p class="small">
        <Link href={staffPath()}>← Moderation</Link>
      </p>
      <h1>
        {member.displayName} <span class="muted">@{member.username}</span>
      </h1>
      <p>
        <Link href={`/u/${encodeURIComponent(member.username)}`}>Public profile</Link>
      </p>
      <MemberFacts member={member} />
      <h2>Flags</h2>
      <FlagCounts flags={data.flags} />
      <h2>Review items</h2>
      {data.items.length === 0 && <p class="muted">None.</p>}
      <ul class="plain-list review-list" aria-label="Review items">
        {data.items.map((item) => (
          <QueueItem key={item.id} item={changed.get(item.id) ?? item} me={me} onChange={(next) => setChanged((previous) => new Map(previous).set(next.id, next))} />
        ))}
      </ul>
      <h2>Sanctions</h2>
      <SanctionList sanctions={data.sanctions} onChanged={page.reload} />
      {member.role === 'member' && <SanctionForm memberId={member.id} who={member.username} suggestion={data.suggestion} onDone={page.reload} />}
      <h2>Appeals</h2>
      <AppealList appeals={data.appeals} me={me} empty="No appeals." />
      <h2>Notes</h2>
      <MemberNotes memberId={member.id} notes={data.notes} onAdded={page.reload} />
    </section>
  );
}

export function MemberModerationPage({ id }: { id: number }) {
  return <RequireStaff>{(me) => <MemberModerationView id={id} me={me} />}</RequireStaff>;
}
