// Shown on the login and sign-up pages to someone who is already signed in.
import type { Me } from '../../api/client';
import { Link } from '../../components/link';

export function AlreadySignedIn({ me, title }: { me: Me; title: string }) {
  return (
    <section class="narrow">
      <h1>{title}</h1>
      <p>
        You are already logged in as <strong>{me.username}</strong>. <Link href="/">Go to the home page</Link>, or log out first to use another account.
      </p>
    </section>
  );
}
