// A Markdown text box with Write/Preview tabs and @mention autocomplete. The preview is the server's own
// rendering (sanitized HTML, exactly what the post will show), fetched when the Preview tab opens.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import { Tabs } from '../../components/tabs';
import { useMentionAutocomplete } from './mentions';

type Preview = { state: 'loading' } | { state: 'ready'; html: string } | { state: 'failed'; message: string };

function usePreview(markdown: string, active: boolean): Preview {
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  useEffect(() => {
    if (!active || !markdown.trim()) return;
    let current = true;
    setPreview({ state: 'loading' });
    void call(api.POST('/api/markdown/preview', { body: { body: markdown } })).then((result) => {
      if (!current) return;
      setPreview(result.ok ? { state: 'ready', html: result.data.html } : { state: 'failed', message: result.problem.message });
    });
    return () => {
      current = false;
    };
  }, [markdown, active]);
  return preview;
}

interface ComposerProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  idPrefix: string;
  /** Suggest members while an @name is typed (default true). */
  mentions?: boolean;
}

export function Composer({ label, value, onInput, error, idPrefix, mentions = true }: ComposerProps) {
  const [tab, setTab] = useState('write');
  const id = useId();
  const preview = usePreview(value, tab === 'preview');
  const box = useRef<HTMLTextAreaElement>(null);
  const mention = useMentionAutocomplete(id, value, onInput, box);
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
            <div class="mention-anchor">
              <textarea
                id={id}
                ref={box}
                rows={6}
                value={value}
                required
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                {...(mentions ? mention.inputProps : {})}
                onInput={(event) => {
                  onInput(event.currentTarget.value);
                  if (mentions) mention.onTyped(event.currentTarget);
                }}
              />
              {mentions && mention.listbox}
            </div>
          </>
        ) : value.trim() ? (
          preview.state === 'ready' ? (
            // Sanitized on the server, as saved posts are.
            <div class="preview post-body" dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : (
            <p class="muted" role="status">
              {preview.state === 'loading' ? 'Rendering preview…' : preview.message}
            </p>
          )
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
