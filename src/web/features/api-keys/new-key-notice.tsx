// Shows a freshly created key once, with a copy button.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CreatedApiKey } from '../../api/types';

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard access can be refused (no permission, insecure origin): select the text so people can copy it themselves.
    input?.select();
    return false;
  }
}

export function NewKeyNotice({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  useEffect(() => headingRef.current?.focus(), [created.id]);
  const copy = async () => {
    const isCopied = await copyText(created.key, inputRef.current);
    setCopyStatus(isCopied ? 'Copied to the clipboard.' : 'Could not copy automatically: the key is selected, press Ctrl+C (⌘C on a Mac).');
  };
  return (
    <div class="panel panel-success" role="region" aria-labelledby="created-key-heading">
      <h2 id="created-key-heading" tabIndex={-1} ref={headingRef}>
        Your new key “{created.name}”
      </h2>
      <p class="alert alert-warn">
        <strong>Copy it now.</strong> This is the only time the key is shown; Hearth keeps only a hash of it.
      </p>
      <div class="copy-row">
        <label for="created-key" class="visually-hidden">
          New API key
        </label>
        <input id="created-key" ref={inputRef} class="mono" readOnly value={created.key} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button button-secondary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p role="status" class="muted">
        {copyStatus}
      </p>
      <button type="button" class="button button-primary" onClick={onDone}>
        I have saved the key
      </button>
    </div>
  );
}
