// Announcements: staff post site-wide banners (Markdown) with an optional window and audience;
// members dismiss them for themselves (guests dismiss them in their browser).
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../platform/db/database';
import { TaggedCache } from '../../../platform/cache/tagged-cache';
import { invalid, notFound } from '../../../platform/errors';
import { requireMember, requireRole, type Actor } from '../../../platform/http/principal';
import { insertAudit } from '../../audit';
import { renderMarkdown } from '../../discussions';
import { announcementState, audiencesFor, windowProblem } from './announcements.rules';
import { announcementLimits, type ActiveAnnouncements, type AnnouncementBody, type AnnouncementList, type AnnouncementPatch, type AnnouncementView } from './announcements.schema';
import {
  currentAnnouncements, deleteAnnouncement, dismissedAmong, findAnnouncement, insertAnnouncement, insertDismissal, listAnnouncements, updateAnnouncement, type AnnouncementRow,
  type CurrentAnnouncementRow,
} from './announcements.store';

function present(row: AnnouncementRow, now: Date): AnnouncementView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    html: row.html,
    audience: row.audience,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at?.toISOString() ?? null,
    state: announcementState(row.starts_at, row.ends_at, now),
    createdBy: row.created_by !== null ? { id: row.created_by, username: row.username ?? null } : null,
    dismissals: Number(row.dismissals),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function text(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw invalid(field, `${field} must not be blank`);
  return field === 'body' ? value : trimmed;
}

/** The banner shows at most this many; older starts give way. */
const ACTIVE_MAX = 10;
const MINUTE = 60_000;
const ACTIVE_TAG = 'announcements';

const toDate = (value: string | null | undefined): Date | null | undefined => (value === undefined ? undefined : value === null ? null : new Date(value));

export function createAnnouncementsService(ctx: AppContext) {
  const db = ctx.database.db;
  // GET /api/announcements/active runs on every page load: per audience set (guests; members) the
  // candidates of the current minute are cached and filtered by time on each read, every change
  // (in any process) drops them, and a member's dismissals are one look-up among the showing ones.
  const activeCache = new TaggedCache<CurrentAnnouncementRow[]>(ctx.config.responseCacheEntries > 0 ? 8 : 0);
  ctx.bus.on('announcement.changed', () => activeCache.purge(ACTIVE_TAG));

  /** After commit: drop the cached active announcements everywhere. */
  async function changed(id: number): Promise<void> {
    await ctx.bus.emit('announcement.changed', { announcementId: id });
  }

  /** Announcements not ended at the start of now's minute and starting before its end, latest start first. */
  async function candidates(audiences: ('everyone' | 'members')[], now: Date): Promise<CurrentAnnouncementRow[]> {
    const minute = Math.floor(now.getTime() / MINUTE);
    const compute = () => currentAnnouncements(db, { now: new Date(minute * MINUTE), until: new Date((minute + 1) * MINUTE), audiences, limit: announcementLimits.listMax });
    return (await activeCache.get(`${audiences.join(',')}:${minute}`, [ACTIVE_TAG], compute)).value;
  }

  async function read(id: number): Promise<AnnouncementView> {
    const row = await findAnnouncement(db, id);
    if (!row) throw notFound('Announcement not found');
    return present(row, new Date());
  }

  /** Writes an announcement in a transaction and audits it (also used by scheduled publishing). */
  async function insert(trx: Queryable, authorId: number, body: AnnouncementBody, at: Date, ip: string | null, reason?: string): Promise<number> {
    const startsAt = toDate(body.startsAt) ?? at;
    const endsAt = toDate(body.endsAt) ?? null;
    const problem = windowProblem(startsAt, endsAt);
    if (problem) throw invalid('endsAt', problem);
    const title = text('title', body.title);
    const markdown = text('body', body.body);
    const audience = body.audience ?? 'everyone';
    const id = await insertAnnouncement(trx, { title, body: markdown, html: renderMarkdown(markdown), audience, startsAt, endsAt, createdBy: authorId, at });
    await insertAudit(trx, { actorId: authorId, action: 'announcement.create', targetType: 'announcement', targetId: id, reason, after: { title, audience, startsAt: startsAt.toISOString(), endsAt: endsAt?.toISOString() ?? null }, ip });
    return id;
  }

  return {
    insert,
    changed,

    async create(actor: Actor, body: AnnouncementBody, ip: string | null): Promise<AnnouncementView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can post announcements');
      const id = await ctx.database.tx((trx) => insert(trx, staff.memberId, body, new Date(), ip));
      await changed(id);
      return read(id);
    },

    async update(actor: Actor, id: number, patch: AnnouncementPatch, ip: string | null): Promise<AnnouncementView> {
      const staff = requireRole(actor, 'moderator', 'Only staff can change announcements');
      const row = await findAnnouncement(db, id);
      if (!row) throw notFound('Announcement not found');
      const startsAt = toDate(patch.startsAt) ?? row.starts_at;
      const endsAt = patch.endsAt !== undefined ? (toDate(patch.endsAt) ?? null) : row.ends_at;
      const problem = windowProblem(startsAt, endsAt);
      if (problem) throw invalid('endsAt', problem);
      const title = patch.title !== undefined ? text('title', patch.title) : undefined;
      const body = patch.body !== undefined ? text('body', patch.body) : undefined;
      const changes = {
        ...(title !== undefined ? { title } : {}),
        ...(body !== undefined ? { body, html: renderMarkdown(body) } : {}),
        ...(patch.audience !== undefined ? { audience: patch.audience } : {}),
        ...(patch.startsAt !== undefined ? { startsAt } : {}),
        ...(patch.endsAt !== undefined ? { endsAt } : {}),
      };
      await ctx.database.tx(async (trx) => {
        await updateAnnouncement(trx, id, changes, new Date());
        const before = { title: row.title, audience: row.audience, startsAt: row.starts_at.toISOString(), endsAt: row.ends_at?.toISOString() ?? null };
        await insertAudit(trx, { actorId: staff.memberId, action: 'announcement.update', targetType: 'announcement', targetId: id, before, after: { ...patch, body: undefined }, ip });
      });
      await changed(id);
      return read(id);
    },

    async remove(actor: Actor, id: number, ip: string | null): Promise<void> {
      const staff = requireRole(actor, 'moderator', 'Only staff can delete announcements');
      await ctx.database.tx(async (trx) => {
        const row = await findAnnouncement(trx, id);
        if (!row || !(await deleteAnnouncement(trx, id))) throw notFound('Announcement not found');
        await insertAudit(trx, { actorId: staff.memberId, action: 'announcement.delete', targetType: 'announcement', targetId: id, before: { title: row.title, body: row.body }, ip });
      });
      await changed(id);
    },

    /** Staff: every announcement, the latest start first. */
    async list(actor: Actor): Promise<AnnouncementList> {
      requireRole(actor, 'moderator', 'Only staff can list all announcements');
      const now = new Date();
      return { items: (await listAnnouncements(db, announcementLimits.listMax)).map((r) => present(r, now)) };
    },

    /** What the viewer's banner shows now: guests get those for everyone; members leave out what they dismissed. */
    async active(actor: Actor, now = new Date()): Promise<ActiveAnnouncements> {
      const showing = (await candidates(audiencesFor(actor !== null), now)).filter((r) => announcementState(r.starts_at, r.ends_at, now) === 'active');
      const dismissed = actor ? await dismissedAmong(db, actor.memberId, showing.map((r) => r.id)) : new Set<number>();
      const rows = showing.filter((r) => !dismissed.has(r.id)).slice(0, ACTIVE_MAX);
      return { items: rows.map((r) => ({ id: r.id, title: r.title, html: r.html, audience: r.audience, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at?.toISOString() ?? null })) };
    },

    async dismiss(actor: Actor, id: number): Promise<void> {
      const member = requireMember(actor);
      const row = await findAnnouncement(db, id);
      if (!row) throw notFound('Announcement not found');
      await insertDismissal(db, id, member.memberId, new Date());
    },
  };
}

export type AnnouncementsService = ReturnType<typeof createAnnouncementsService>;
