// Create, list and revoke your API keys. A new key's secret is shown exactly once.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { CreatedApiKey } from '../../api/types';
import { RequireMember } from '../../components/guards';
import { isStaff } from '../../lib/session';
import { useTitle } from '../../lib/site';
import { useResource } from '../../lib/use-resource';
import { CreateKeyForm } from './create-key-form';
import { KeyList } from './key-list';
import { NewKeyNotice } from './new-key-notice';

function ApiKeys({ canUseAdminScope }: { canUseAdminScope: boolean }) {
  const keys = useResource(() => call(api.GET('/api/api-keys')), []);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const onCreated = (key: CreatedApiKey) => {
    setCreated(key);
    keys.reload();
  };
  return (
    <section>
      <h1>API keys</h1>
      <p>
        API keys let scripts and integrations use the <a href="/api/docs">Hearth API</a> as you. Send one as <code>Authorization: Bearer &lt;key&gt;</code>. Revoke a key as soon as you no longer need it.
      </p>
      {created && <NewKeyNotice created={created} onDone={() => setCreated(null)} />}
      <CreateKeyForm canUseAdminScope={canUseAdminScope} onCreated={onCreated} />
      <h2>Your keys</h2>
      {keys.status === 'failed' && <p class="alert alert-error">{keys.problem.message}</p>}
      {keys.data ? <KeyList keys={keys.data.items} onChanged={keys.reload} /> : keys.status === 'loading' && <p role="status">Loading keys…</p>}
    </section>
  );
}

export function ApiKeysPage() {
  useTitle('API keys');
  return <RequireMember>{(me) => <ApiKeys canUseAdminScope={isStaff(me)} />}</RequireMember>;
}
