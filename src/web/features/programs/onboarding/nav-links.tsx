// Header links: "Invites" for every member, "Newcomers" for staff and the welcome helpers.
import { api } from '../../../api/client';
import { call } from '../../../api/result';
import { Link } from '../../../components/link';
import { useLocation } from '../../../lib/router';
import { isStaff, useSession } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';

function NavItem({ href, children }: { href: string; children: string }) {
  const { path } = useLocation();
  return (
    <Link href={href} class="nav-link" aria-current={path === href || path.startsWith(`${href}/`) ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** Members outside staff learn from their checklist whether they are in the helpers group (once per sign-in). */
function HelperLink({ memberId }: { memberId: number }) {
  const checklist = useResource(() => call(api.GET('/api/me/onboarding')), [memberId]);
  return checklist.data?.canHelp ? <NavItem href="/newcomers">Newcomers</NavItem> : null;
}

export function OnboardingNavLinks() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <>
      <NavItem href="/invites">Invites</NavItem>
      {isStaff(me) ? <NavItem href="/newcomers">Newcomers</NavItem> : <HelperLink memberId={me.id} />}
    </>
  );
}
