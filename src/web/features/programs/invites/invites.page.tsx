// /invites: make personal invite links, see who joined through them, revoke them; staff also see the
// advocates list (/invites?tab=advocates).
import { useState } from 'preact/hooks';
import type { Me } from '../../../api/client';
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { RequireMember } from '../../../components/guards';
import { Tabs } from '../../../components/tabs';
import { navigate, useLocation } from '../../../lib/router';
import { isStaff } from '../../../lib/session';
import { useTitle } from '../../../lib/site';
import { usePagedList } from '../../../lib/use-paged-list';
import { AdvocatesList } from './advocates';
import { CreateInviteForm } from './create-invite-form';
import { InviteList } from './invite-list';
import { NewInviteNotice } from './new-invite-notice';
import type { CreatedInvite } from './types';
import './invites.css';

function MyInvites() {
  const list = usePagedList((cursor) => call(api.GET('/api/invites', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } })), 'mine');
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  return (
    <div>
      <p>Invite people you think would enjoy this community. Each link is personal: members who join through it are shown here.</p>
      {created && <NewInviteNotice invite={created} onDone={() => setCreated(null)} />}
      <CreateInviteForm
        onCreated={(invite) => {
          setCreated(invite);
          list.reload();
        }}
      />
      <h2>Your invites</h2>
      {list.problem && (
        <p class="alert alert-error" role="alert">
          {list.problem.message}
        </p>
      )}
      {list.isLoading && list.items.length === 0 ? <p role="status">Loading invites…</p> : <InviteList invites={list.items} onChanged={list.reload} />}
      {list.hasMore && (
        <button type="button" class="button button-secondary" disabled={list.isLoading} onClick={list.loadMore}>
          Load more
        </button>
      )}
    </div>
  );
}

function Invites({ me }: { me: Me }) {
  const { query } = useLocation();
  if (!isStaff(me)) return <MyInvites />;
  const selected = query.get('tab') === 'advocates' ? 'advocates' : 'mine';
  return (
    <Tabs
      label="Invites"
      tabs={[
        { id: 'mine', label: 'My invites' },
        { id: 'advocates', label: 'Advocates' },
      ]}
      selected={selected}
      onSelect={(id) => navigate(id === 'mine' ? '/invites' : `/invites?tab=${id}`, { replace: true, keepScroll: true })}
    >
      {selected === 'mine' ? <MyInvites /> : <AdvocatesList />}
    </Tabs>
  );
}

export function InvitesPage() {
  useTitle('Invites');
  return (
    <section>
      <h1>Invites</h1>
      <RequireMember>{(me) => <Invites me={me} />}</RequireMember>
    </section>
  );
}
