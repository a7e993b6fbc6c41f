// How closely the signed-in member follows a topic or a space: watching, tracking, normal or muted.
// A native select, so it works by keyboard and on touch screens as every other select does.
import { useEffect, useId, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call, type ApiProblem } from '../../api/result';
import type { NotificationLevel } from '../../api/types';

const levels: { value: NotificationLevel; label: string; hint: string }[] = [
  { value: 'watching', label: 'Watching', hint: 'You are notified of every new post.' },
  { value: 'tracking', label: 'Tracking', hint: 'You are notified of replies to you and mentions; unread posts are counted.' },
  { value: 'normal', label: 'Normal', hint: 'You are notified of replies to you and mentions.' },
  { value: 'muted', label: 'Muted', hint: 'You are only notified when someone mentions you.' },
];

const isLevel = (value: string): value is NotificationLevel => levels.some((l) => l.value === value);

interface Props {
  kind: 'topic' | 'space';
  id: number;
  /** The level the page already knows (a topic's detail carries it); a space's is fetched when absent. */
  level?: NotificationLevel | undefined;
  onChange?: (level: NotificationLevel) => void;
}

function save(kind: Props['kind'], id: number, level: NotificationLevel) {
  const options = { params: { path: { id } }, body: { level } };
  return call(kind === 'topic' ? api.PUT('/api/topics/{id}/notification-level', options) : api.PUT('/api/spaces/{id}/notification-level', options));
}

export function NotificationLevelControl({ kind, id, level: known, onChange }: Props) {
  const fieldId = useId();
  const [level, setLevel] = useState<NotificationLevel | null>(known ?? null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    if (known) return setLevel(known);
    if (kind !== 'space') return setLevel('normal');
    let isCurrent = true;
    void call(api.GET('/api/spaces/{id}/notification-level', { params: { path: { id } } })).then((result) => {
      if (!isCurrent) return;
      if (result.ok) setLevel(result.data.level);
      else setProblem(result.problem);
    });
    return () => {
      isCurrent = false;
    };
  }, [kind, id, known]);

  const choose = async (value: string) => {
    if (!isLevel(value) || value === level) return;
    const previous = level;
    setLevel(value);
    setBusy(true);
    setSaved('');
    const result = await save(kind, id, value);
    setBusy(false);
    if (!result.ok) {
      setLevel(previous);
      return setProblem(result.problem);
    }
    setProblem(null);
    setSaved(`Notifications for this ${kind}: ${levels.find((l) => l.value === value)?.label ?? value}.`);
    onChange?.(value);
  };

  const current = levels.find((l) => l.value === level);
  return (
    <div class="notification-level" data-testid={`${kind}-notification-level`}>
      <label for={fieldId}>Notifications</label>
      <select
        id={fieldId}
        value={level ?? ''}
        disabled={level === null || busy}
        aria-describedby={`${fieldId}-hint`}
        aria-busy={busy ? 'true' : undefined}
        onChange={(event) => void choose(event.currentTarget.value)}
      >
        {level === null && <option value="">Loading…</option>}
        {levels.map((l) => (
          <option key={l.value} value={l.value}>
            {l.label}
          </option>
        ))}
      </select>
      <span class="small muted notification-level-hint" id={`${fieldId}-hint`}>
        {current?.hint ?? ''}
      </span>
      <span class="visually-hidden" role="status">
        {saved}
      </span>
      {problem && (
        <span class="field-error" role="alert">
          {problem.message}
        </span>
      )}
    </div>
  );
}
