// A space's topics (pinned first) at /s/:slug/:id, with "New topic" for members who may post there.
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Loading } from '../../components/guards';
import { Link } from '../../components/link';
import { ListFooter } from '../../components/list-footer';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/site';
import { usePagedList } from '../../lib/use-paged-list';
import { newTopicAction } from '../programs/new-topic-action';
import { hasSpaceProgramView, SpaceProgramView } from '../programs/slots';
import { NewTopicsBanner, useNewActivity } from './new-topics';
import { NotificationLevelControl } from './notification-level';
import { TopicList } from './topic-list';
import { useSpaces } from './use-spaces';

export function SpacePage({ id }: { id: number }) {
  const { me } = useSession();
  const spaces = useSpaces();
  const space = spaces.data?.items.find((s) => s.id === id);
  useTitle(space?.name ?? 'Space');
  const topics = usePagedList((cursor) => call(api.GET('/api/spaces/{id}/topics', { params: { path: { id }, query: cursor ? { cursor } : {} } })), `${id}:${me?.id ?? ''}`);
  const activity = useNewActivity({ spaceId: id });

  if (spaces.status === 'loading' && !spaces.data) return <Loading />;
  if (!space || (topics.problem && topics.problem.status === 404)) {
    return (
      <section>
        <h1>Space not found</h1>
        <p>
          <Link href="/">Back to the home page</Link>
        </p>
      </section>
    );
  }
  return (
    <section class="space-page">
      <div class="page-head">
        <h1>{space.name}</h1>
        {me && space.canPost && (
          <Link href={newTopicAction(space).href} class="button button-primary">
            {newTopicAction(space).label}
          </Link>
        )}
      </div>
      {space.description && <p class="lead">{space.description}</p>}
      {me && <NotificationLevelControl kind="space" id={space.id} />}
      {hasSpaceProgramView(space) ? (
        <SpaceProgramView space={space} />
      ) : (
        <>
          <NewTopicsBanner activity={activity} onShow={topics.reload} />
          {topics.problem && <p class="alert alert-error">{topics.problem.message}</p>}
          {!topics.isLoading || topics.items.length ? <TopicList topics={topics.items} spaces={spaces.data?.items ?? []} label={`Topics in ${space.name}`} /> : null}
          <ListFooter list={topics} noun="topics" moreLabel="Load more topics" />
        </>
      )}
    </section>
  );
}
