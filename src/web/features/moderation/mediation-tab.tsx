// Mediation: pairs of members in conflict (suggested from mutual flags and heated threads), and open mediations.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import { FormAlert, SubmitButton, TextArea, formText } from '../../components/form';
import { Loading } from '../../components/guards';
import { submitForm, useAction } from '../../lib/use-action';
import { useResource } from '../../lib/use-resource';
import { MediationCard } from './mediation-card';
import type { MediationSuggestion } from './types';

function Suggestion({ suggestion, onOpened }: { suggestion: MediationSuggestion; onOpened: () => void }) {
  const [isOpening, setOpening] = useState(false);
  const names = suggestion.members.map((m) => m.username ?? `member ${m.id}`).join(' and ');
  const open = useAction(async (form: HTMLFormElement) => {
    const body = { memberIds: suggestion.members.map((m) => m.id), message: formText(form)('message').trim(), ...(suggestion.topic ? { topicId: suggestion.topic.id } : {}) };
    const result = await call(api.POST('/api/moderation/mediations', { body }));
    if (!result.ok) return result.problem;
    setOpening(false);
    onOpened();
  });
  return (
    <li class="mediation">
      <p>
        <strong>{names}</strong>
        {suggestion.topic ? ` in “${suggestion.topic.title}”` : ''}
      </p>
      <p class="small muted">{suggestion.evidence.join('; ')}</p>
      {suggestion.mediationOpen ? (
        <p class="small">A mediation is open.</p>
      ) : isOpening ? (
        <form onSubmit={submitForm(open)} class="panel" aria-label={`Open a mediation between ${names}`}>
          <TextArea label="First message to both (Markdown)" name="message" required rows={3} maxLength={10000} />
          <FormAlert problem={open.problem} />
          <SubmitButton pending={open.pending}>Open mediation</SubmitButton>
        </form>
      ) : (
        <button type="button" class="button button-secondary button-small" onClick={() => setOpening(true)}>
          Mediate<span class="visually-hidden"> between {names}</span>…
        </button>
      )}
    </li>
  );
}

export function MediationTab() {
  const suggestions = useResource(() => call(api.GET('/api/moderation/mediation/suggestions')), []);
  const open = useResource(() => call(api.GET('/api/moderation/mediations', { params: { query: { status: 'open' } } })), []);
  const reload = () => {
    suggestions.reload();
    open.reload();
  };
  return (
    <div>
      <h2>Mediation</h2>
      <h3>Suggested pairs</h3>
      {suggestions.status === 'failed' && <p class="alert alert-error">{suggestions.problem.message}</p>}
      {!suggestions.data && suggestions.status === 'loading' && <Loading />}
      {suggestions.data && suggestions.data.items.length === 0 && <p class="muted">No pairs in conflict right now.</p>}
      <ul class="plain-list">
        {suggestions.data?.items.map((s) => <Suggestion key={s.members.map((m) => m.id).join('-')} suggestion={s} onOpened={reload} />)}
      </ul>
      <h3>Open mediations</h3>
      {open.status === 'failed' && <p class="alert alert-error">{open.problem.message}</p>}
      {open.data && open.data.items.length === 0 && <p class="muted">None open.</p>}
      <ul class="plain-list">
        {open.data?.items.map((m) => <MediationCard key={m.id} mediation={m} onChange={reload} />)}
      </ul>
    </div>
  );
}
