// A topic's tags as links to their tag pages.
import { Link } from '../../components/link';

export const tagPath = (tag: string): string => `/tags/${encodeURIComponent(tag)}`;

export function TagChips({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <span class="tag-chips">
      {tags.map((tag) => (
        <Link key={tag} href={tagPath(tag)} class="tag tag-link">
          <span aria-hidden="true">#</span>
          {tag}
          <span class="visually-hidden"> (tag)</span>
        </Link>
      ))}
    </span>
  );
}
