// Public pages: topics and spaces as guests see them, with the canonical URL, or a 404 page.
import type { AppContext } from '../../../context';
import { AppError } from '../../../platform/errors';
import type { HtmlPage } from '../../../platform/http/web';
import { cacheTags, type ReadCache } from '../read-cache';
import type { SpacesService } from '../spaces/spaces.service';
import type { TopicsService } from '../topics/topics.service';
import { notFoundPage, spacePage, topicPage } from './pages.presenter';

const GUEST = null;
const SPACE_TOPICS = 50;

/** A page (with the read-cache value it came from, when cached) or a redirect. */
export type PublicPage = { page: HtmlPage; cachedAs?: object } | { redirect: string };

/** A rendered page and the slug its canonical URL has (null: any slug gets this answer). */
interface SluggedPage {
  slug: string | null;
  result: PublicPage;
}

/** A page for what a guest may see; 404 for what is private, deleted or unknown. */
async function withSlug(render: () => Promise<SluggedPage>): Promise<SluggedPage> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return { slug: null, result: { page: notFoundPage() } };
    throw error;
  }
}

export function createPagesService(ctx: AppContext, spaces: SpacesService, topics: TopicsService, cache: ReadCache) {
  const base = ctx.config.publicUrl;

  return {
    notFound: (): PublicPage => ({ page: notFoundPage() }),

    /** Cached per topic page without the slug (so made-up slugs cannot fill the cache); a wrong slug redirects. */
    async topic(id: number, slug: string, after: number): Promise<PublicPage> {
      const found = await cache.get(`page:topic:${id}:${after}`, [cacheTags.topic(id), cacheTags.spaces], () => withSlug(async () => {
        const detail = await topics.detail(GUEST, id, after);
        if (detail.mergedIntoId !== null) {
          // Old links to a merged topic move on to where its posts went (that one may have been merged too: it redirects again).
          const into = await topics.detail(GUEST, detail.mergedIntoId, 0);
          return { slug: null, result: { redirect: `/t/${into.slug}/${into.id}` } };
        }
        const { space } = await spaces.visible(GUEST, detail.spaceId);
        return { slug: detail.slug, result: { page: topicPage(base, detail, space) } };
      }));
      if (found.slug !== null && found.slug !== slug) return { redirect: `/t/${found.slug}/${id}${after > 0 ? `?after=${after}` : ''}` };
      return 'page' in found.result ? { page: found.result.page, cachedAs: found } : found.result;
    },

    async space(id: number, slug: string): Promise<PublicPage> {
      const found = await cache.get(`page:space:${id}`, [cacheTags.space(id), cacheTags.spaces], () => withSlug(async () => {
        const { space } = await spaces.visible(GUEST, id);
        const list = await topics.list(GUEST, id, { limit: SPACE_TOPICS });
        return { slug: space.slug, result: { page: spacePage(base, space, list.items) } };
      }));
      if (found.slug !== null && found.slug !== slug) return { redirect: `/s/${found.slug}/${id}` };
      return 'page' in found.result ? { page: found.result.page, cachedAs: found } : found.result;
    },
  };
}

export type PagesService = ReturnType<typeof createPagesService>;
