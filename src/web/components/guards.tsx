// Pages that need a signed-in member (or staff) render through these.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Me } from '../api/client';
import { navigate, useLocation } from '../lib/router';
import { isStaff, useSession } from '../lib/session';
import { Link } from './link';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

/** Sends signed-out visitors to the login page, which brings them back afterwards. */
export function RequireMember({ children }: { children: (me: Me) => ComponentChildren }) {
  const { isLoading, me } = useSession();
  const { path } = useLocation();
  useEffect(() => {
    if (!isLoading && !me) navigate(`/login?next=${encodeURIComponent(path)}`, { replace: true });
  }, [isLoading, me, path]);
  if (!me) return <Loading />;
  return <>{children(me)}</>;
}

export function RequireStaff({ children }: { children: (me: Me) => ComponentChildren }) {
  return (
    <RequireMember>
      {(me) =>
        isStaff(me) ? (
          children(me)
        ) : (
          <section>
            <h1>Staff only</h1>
            <p>This page is for moderators and admins.</p>
            <p>
              <Link href="/">Back to the home page</Link>
            </p>
          </section>
        )
      }
    </RequireMember>
  );
}
