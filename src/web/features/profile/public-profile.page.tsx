// A member's public profile at /u/:username.
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Loading } from '../../components/guards';
import { Link } from '../../components/link';
import { formatDate, formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/site';
import { useResource } from '../../lib/use-resource';
import { Avatar } from './avatar';
import { MemberPosts } from './member-posts';
import { MemberBadges } from '../programs/badges/member-badges';

export function PublicProfilePage({ username }: { username: string }) {
  useTitle(username);
  const { me } = useSession();
  const profile = useResource(() => call(api.GET('/api/users/{username}', { params: { path: { username } } })), [username]);

  if (profile.status === 'loading') return <Loading />;
  if (profile.status === 'failed') {
    return (
      <section>
        <h1>{profile.problem.status === 404 ? 'Member not found' : 'Could not load this profile'}</h1>
        <p>{profile.problem.status === 404 ? `Nobody here is called ${username}.` : profile.problem.message}</p>
        <p>
          <Link href="/">Back to the home page</Link>
        </p>
      </section>
    );
  }
  const member = profile.data;
  return (
    <section class="profile">
      <div class="profile-head">
        <Avatar url={member.avatarUrl} name={member.displayName || member.username} size="large" />
        <div>
          <h1>{member.displayName || member.username}</h1>
          <p class="muted">
            @{member.username}
            {member.role !== 'member' && <span class="badge">{member.role}</span>}
          </p>
        </div>
      </div>
      {member.bio && <p class="bio">{member.bio}</p>}
      <dl class="facts">
        {member.location && (
          <>
            <dt>Location</dt>
            <dd>{member.location}</dd>
          </>
        )}
        {member.company && (
          <>
            <dt>Company</dt>
            <dd>{member.company}</dd>
          </>
        )}
        <dt>Joined</dt>
        <dd>{formatDate(member.joinedAt)}</dd>
        <dt>Last seen</dt>
        <dd>{formatDateTime(member.lastSeenAt, 'Not yet')}</dd>
        <dt>Trust level</dt>
        <dd>{member.trustLevel}</dd>
      </dl>
      {me?.username === member.username && (
        <p>
          <Link href="/profile">Edit your profile</Link>
        </p>
      )}
      {me && me.username !== member.username && (
        <p>
          <Link href={`/messages/new?to=${encodeURIComponent(member.username)}`} class="button button-secondary" data-testid="message-member">
            Message<span class="visually-hidden"> {member.username}</span>
          </Link>
        </p>
      )}
      <MemberBadges username={member.username} />
      <MemberPosts username={member.username} />
    </section>
  );
}
