// Public pages: topics and spaces as guests see them, with the canonical URL, or a 404 page.
import type { AppContext } from '../../../context';
import { AppError } from '../../../platform/errors';
import type { HtmlPage } from '../../../platform/http/web';
import type { SpacesService } from '../spaces/spaces.service';
import type { TopicsService } from '../topics/topics.service';
import { notFoundPage, spacePage, topicPage } from './pages.presenter';

const GUEST = null;
const SPACE_TOPICS = 50;

export type PublicPage = { page: HtmlPage } | { redirect: string };

/** A page for what a guest may see; 404 for what is private, deleted or unknown. */
async function orNotFound(render: () => Promise<PublicPage>): Promise<PublicPage> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return { page: notFoundPage() };
    throw error;
  }
}

export function createPagesService(ctx: AppContext, spaces: SpacesService, topics: TopicsService) {
  const base = ctx.config.publicUrl;

  return {
    notFound: (): PublicPage => ({ page: notFoundPage() }),

    topic(id: number, slug: string, after: number): Promise<PublicPage> {
      return orNotFound(async () => {
        const detail = await topics.detail(GUEST, id, after);
        if (slug !== detail.slug) return { redirect: `/t/${detail.slug}/${detail.id}${after > 0 ? `?after=${after}` : ''}` };
        const { space } = await spaces.visible(GUEST, detail.spaceId);
        return { page: topicPage(base, detail, space) };
      });
    },

    space(id: number, slug: string): Promise<PublicPage> {
      return orNotFound(async () => {
        const { space } = await spaces.visible(GUEST, id);
        if (slug !== space.slug) return { redirect: `/s/${space.slug}/${space.id}` };
        const list = await topics.list(GUEST, id, { limit: SPACE_TOPICS });
        return { page: spacePage(base, space, list.items) };
      });
    },
  };
}

export type PagesService = ReturnType<typeof createPagesService>;
