// Shown for any path the app does not know.
import { Link } from '../components/link';
import { useTitle } from '../lib/site';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <section class="narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </section>
  );
}
