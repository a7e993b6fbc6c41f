// @mention autocomplete for a text box: finds the @name being typed at the caret, asks the server for
// matching members, and shows them as a listbox the text box drives (aria-activedescendant), so focus
// never leaves the text box: arrows move, Enter or Tab inserts, Escape closes, a click inserts too.
import type { ComponentChildren, TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { call } from '../../api/result';
import type { MemberSuggestion } from '../../api/types';
import { useSession } from '../../lib/session';
import { Avatar } from '../profile/avatar';

/** The @name being typed: where its @ is, where it ends (the caret) and the name so far. */
export interface MentionQuery {
  start: number;
  end: number;
  text: string;
}

// As the server reads mentions: an @ not after a letter, digit, _ . - / @ or `, then name characters.
const TYPED_MENTION = /(?:^|[^A-Za-z0-9_.\-/@`])@([A-Za-z0-9_][A-Za-z0-9_.-]{0,29})$/;
const DEBOUNCE_MS = 150;

export function mentionAt(value: string, caret: number): MentionQuery | null {
  const match = TYPED_MENTION.exec(value.slice(0, caret));
  const text = match?.[1];
  if (text === undefined) return null;
  return { start: caret - text.length - 1, end: caret, text };
}

/** The text with the mention replaced by `@username ` and where the caret goes after it. */
export function insertMention(value: string, query: MentionQuery, username: string): { value: string; caret: number } {
  const rest = value.slice(query.end).replace(/^[A-Za-z0-9_.-]*/, '');
  const spacer = /^\s/.test(rest) ? '' : ' ';
  const inserted = `@${username}${spacer}`;
  return { value: value.slice(0, query.start) + inserted + rest, caret: query.start + inserted.length + (spacer ? 0 : 1) };
}

/** Suggestions for the name being typed, asked for once typing pauses; stale answers are dropped. */
function useSuggestions(text: string | null): { items: MemberSuggestion[]; text: string | null } {
  const { me } = useSession();
  const [found, setFound] = useState<{ items: MemberSuggestion[]; text: string | null }>({ items: [], text: null });
  useEffect(() => {
    if (text === null || !me) return;
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      void call(api.GET('/api/members/autocomplete', { params: { query: { q: text } } })).then((result) => {
        if (isCurrent) setFound({ items: result.ok ? result.data.items : [], text });
      });
    }, DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [text, me?.id]);
  return found;
}

export interface MentionAutocomplete {
  /** Spread onto the text box. */
  inputProps: {
    'aria-autocomplete': 'list';
    'aria-haspopup': 'listbox';
    'aria-controls': string | undefined;
    'aria-activedescendant': string | undefined;
    onKeyDown: (event: TargetedKeyboardEvent<HTMLTextAreaElement>) => void;
    onKeyUp: (event: TargetedKeyboardEvent<HTMLTextAreaElement>) => void;
    onClick: (event: Event) => void;
    onBlur: () => void;
  };
  /** Call from the text box's input handler with the box itself. */
  onTyped: (box: HTMLTextAreaElement) => void;
  listbox: ComponentChildren;
}

const navigationKeys = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

export function useMentionAutocomplete(id: string, value: string, onInput: (value: string) => void, box: { current: HTMLTextAreaElement | null }): MentionAutocomplete {
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const [closedAt, setClosedAt] = useState<string | null>(null);
  const caretAfter = useRef<{ value: string; caret: number } | null>(null);
  const found = useSuggestions(query?.text ?? null);
  const key = query ? `${query.start}:${query.text}` : null;
  const items = query && found.text === query.text ? found.items : [];
  const isOpen = items.length > 0 && key !== closedAt;
  const listId = `${id}-mentions`;
  const optionId = (index: number) => `${id}-mention-${index}`;

  useEffect(() => setActive(0), [key, items.length]);

  // Put the caret after an inserted name once the new text is rendered, unless typing went on meanwhile
  // (effects run after paint: moving the caret then would put the new keystrokes before it).
  useEffect(() => {
    const inserted = caretAfter.current;
    if (inserted === null || !box.current) return;
    caretAfter.current = null;
    if (box.current.value !== inserted.value) return;
    box.current.focus();
    box.current.setSelectionRange(inserted.caret, inserted.caret);
  }, [value]);

  const follow = (element: HTMLTextAreaElement) => {
    setQuery(element.selectionStart === element.selectionEnd ? mentionAt(element.value, element.selectionStart) : null);
  };

  const pick = (member: MemberSuggestion) => {
    if (!query) return;
    const next = insertMention(value, query, member.username);
    // Change the text box at once, so keys typed before the next render land after the name.
    if (box.current) {
      box.current.value = next.value;
      box.current.setSelectionRange(next.caret, next.caret);
    }
    caretAfter.current = next;
    setQuery(null);
    onInput(next.value);
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (!isOpen) return;
    const count = items.length;
    const chosen = items[active];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && chosen) {
      event.preventDefault();
      pick(chosen);
    } else if (event.key === 'Escape') {
      // Closing the list must not also close whatever holds the composer.
      event.preventDefault();
      event.stopPropagation();
      setClosedAt(key);
    }
  };

  const listbox = isOpen ? (
    <ul class="mention-list" role="listbox" id={listId} aria-label="Members to mention">
      {items.map((member, index) => (
        <li
          key={member.username}
          id={optionId(index)}
          role="option"
          aria-selected={index === active ? 'true' : 'false'}
          class={index === active ? 'mention-option active' : 'mention-option'}
          // Keep focus (and the caret) in the text box while the pointer picks.
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => setActive(index)}
          onClick={() => pick(member)}
        >
          <span class="mention-avatar" aria-hidden="true">
            <Avatar url={member.avatarUrl} name={member.displayName || member.username} label="" />
          </span>
          <span class="mention-name">{member.displayName || member.username}</span>
          <span class="mention-username muted">@{member.username}</span>
        </li>
      ))}
    </ul>
  ) : null;

  return {
    inputProps: {
      'aria-autocomplete': 'list',
      'aria-haspopup': 'listbox',
      'aria-controls': isOpen ? listId : undefined,
      'aria-activedescendant': isOpen ? optionId(active) : undefined,
      onKeyDown,
      onKeyUp: (event) => {
        if (navigationKeys.has(event.key)) follow(event.currentTarget);
      },
      onClick: (event) => follow(event.currentTarget as HTMLTextAreaElement),
      onBlur: () => setQuery(null),
    },
    onTyped: follow,
    listbox: (
      <>
        {listbox}
        <span class="visually-hidden" role="status" aria-live="polite">
          {isOpen ? `${items.length} ${items.length === 1 ? 'member' : 'members'} found: arrow keys to choose, Enter to insert, Escape to close.` : ''}
        </span>
      </>
    ),
  };
}
