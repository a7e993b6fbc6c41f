// Automod rules in the order they run: hit counts, switches, reordering, and the editor with its dry-run.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import { Loading } from '../../components/guards';
import { StatusMessage } from '../../components/form';
import { useResource } from '../../lib/use-resource';
import { RuleEditor } from './rule-editor';
import { RuleRow } from './rule-row';
import type { AutomodRule } from './types';

type Editing = { rule: AutomodRule | null } | null;

export function RulesTab() {
  const loaded = useResource(() => call(api.GET('/api/moderation/automod/rules')), []);
  const [rules, setRules] = useState<AutomodRule[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const shown = rules ?? loaded.data?.items ?? null;
  const move = async (from: number, to: number) => {
    if (!shown) return;
    const ids = shown.map((rule) => rule.id);
    const [moved] = ids.splice(from, 1);
    if (moved === undefined) return;
    ids.splice(to, 0, moved);
    const result = await call(api.PUT('/api/moderation/automod/order', { body: { ids } }));
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setRules(result.data.items);
    setStatus(`Moved “${shown[from]?.name ?? ''}” to position ${to + 1}.`);
  };
  const saved = (rule: AutomodRule) => {
    const list = shown ?? [];
    setRules(list.some((r) => r.id === rule.id) ? list.map((r) => (r.id === rule.id ? rule : r)) : [...list, rule]);
    setEditing(null);
    setStatus(`Saved “${rule.name}”.`);
  };
  return (
    <div>
      <h2>Automod rules</h2>
      <p class="muted">Rules run in this order on every new post by a member. A post matches a rule when all its conditions match.</p>
      {loaded.status === 'failed' && (
        <p class="alert alert-error" role="alert">
          {loaded.problem.message}
        </p>
      )}
      {!shown && loaded.status === 'loading' && <Loading />}
      {shown && shown.length === 0 && <p class="muted">No rules yet. The built-in spam check still holds likely spam from new members.</p>}
      {shown && (
        <ol class="plain-list rule-list" aria-label="Rules in order">
          {shown.map((rule, index) => (
            <RuleRow
              key={rule.id}
              rule={rule}
              index={index}
              count={shown.length}
              onChanged={(next) => setRules(shown.map((r) => (r.id === next.id ? next : r)))}
              onDeleted={() => setRules(shown.filter((r) => r.id !== rule.id))}
              onMove={(from, to) => void move(from, to)}
              onEdit={() => setEditing({ rule })}
            />
          ))}
        </ol>
      )}
      {problem && (
        <p class="alert alert-error" role="alert">
          {problem.message}
        </p>
      )}
      <StatusMessage message={status} />
      {editing ? (
        <RuleEditor key={editing.rule?.id ?? 'new'} rule={editing.rule} onSaved={saved} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" class="button button-primary" onClick={() => setEditing({ rule: null })}>
          New rule
        </button>
      )}
    </div>
  );
}
