// The site-wide announcement banner: the active announcements for the viewer, each dismissable with
// a button. Members' dismissals are kept by the server; guests' in this browser's localStorage.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { call, type ApiProblem } from '../../../api/result';
import { useSession } from '../../../lib/session';
import type { ActiveAnnouncement } from './types';
import './articles.css';

const STORAGE_KEY = 'hearth.dismissedAnnouncements';

function guestDismissed(): Set<number> {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : []);
  } catch {
    return new Set();
  }
}

function rememberGuestDismissal(id: number): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...guestDismissed(), id].slice(-100)));
  } catch {
    // Storage may be full or blocked; the banner is hidden for this page view anyway.
  }
}

export function AnnouncementBanner() {
  const { me, isLoading } = useSession();
  const [items, setItems] = useState<ActiveAnnouncement[]>([]);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const memberId = me?.id ?? null;

  useEffect(() => {
    if (isLoading) return;
    let isCurrent = true;
    void call(api.GET('/api/announcements/active')).then((result) => {
      if (!isCurrent || !result.ok) return;
      const hidden = memberId === null ? guestDismissed() : new Set<number>();
      setItems(result.data.items.filter((a) => !hidden.has(a.id)));
    });
    return () => {
      isCurrent = false;
    };
  }, [isLoading, memberId]);

  const dismiss = async (announcement: ActiveAnnouncement) => {
    setProblem(null);
    if (memberId === null) rememberGuestDismissal(announcement.id);
    else {
      const result = await call(api.POST('/api/announcements/{id}/dismiss', { params: { path: { id: announcement.id } } }));
      if (!result.ok) {
        setProblem(result.problem);
        return;
      }
    }
    setItems((current) => current.filter((a) => a.id !== announcement.id));
    // The button is gone: keep keyboard users in the page rather than at its top.
    document.getElementById('main')?.focus({ preventScroll: true });
  };

  if (items.length === 0 && !problem) return null;
  return (
    <section class="announcements" aria-label="Announcements" data-testid="announcements">
      {items.map((a) => (
        <div key={a.id} class="announcement" role="region" aria-labelledby={`announcement-${a.id}`} data-testid="announcement">
          <div class="announcement-text">
            <h2 id={`announcement-${a.id}`} class="announcement-title">
              {a.title}
            </h2>
            <div class="post-body" dangerouslySetInnerHTML={{ __html: a.html }} />
          </div>
          <button type="button" class="button button-secondary button-small" aria-label={`Dismiss announcement: ${a.title}`} onClick={() => void dismiss(a)}>
            Dismiss
          </button>
        </div>
      ))}
      {problem && (
        <p class="alert alert-error" role="alert">
          {problem.message}
        </p>
      )}
    </section>
  );
}
