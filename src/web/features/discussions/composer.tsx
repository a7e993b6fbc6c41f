// A Markdown text box with Write/Preview tabs. There is no server preview route, so the preview shows
// the Markdown as typed (plain text); the server renders and sanitizes it when the post is saved.
import { useId, useState } from 'preact/hooks';
import { Tabs } from '../../components/tabs';

interface ComposerProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  idPrefix: string;
}

export function Composer({ label, value, onInput, error, idPrefix }: ComposerProps) {
  const [tab, setTab] = useState('write');
  const id = useId();
  return (
    <div class="field composer">
      <Tabs
        label="Write or preview"
        tabs={[
          { id: `${idPrefix}-write`, label: 'Write' },
          { id: `${idPrefix}-preview`, label: 'Preview' },
        ]}
        selected={tab === 'write' ? `${idPrefix}-write` : `${idPrefix}-preview`}
        onSelect={(next) => setTab(next.endsWith('-write') ? 'write' : 'preview')}
      >
        {tab === 'write' ? (
          <>
            <label for={id}>{label}</label>
            <textarea
              id={id}
              rows={6}
              value={value}
              required
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onInput={(event) => onInput(event.currentTarget.value)}
            />
          </>
        ) : value.trim() ? (
          <pre class="preview">{value}</pre>
        ) : (
          <p class="muted">Nothing to preview yet.</p>
        )}
      </Tabs>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
