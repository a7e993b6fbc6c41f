// The public transparency page: which audit actions are moderation (and may be counted in public),
// the months it covers, and the one detail it shows of an action: the guideline cited.

export const transparencyRules = { months: 12, recentLimit: 50, guidelineMax: 200 } as const;

/** Moderation actions by name; other audit entries (settings, roles, API keys, notes…) stay private. */
export const publicActions = [
  'post.hide', 'post.unhide', 'post.reject', 'post.approve', 'post.delete', 'post.restore', 'post.edit',
  'topic.hide', 'topic.reject', 'topic.delete', 'topic.restore', 'topic.lock', 'topic.close', 'topic.slowMode', 'topic.merge', 'topic.split', 'topic.move',
  'member.warn', 'member.silence', 'member.unsilence', 'member.suspend', 'member.unsuspend', 'member.ban', 'member.unban',
] as const;

/** Whole families of moderation actions: sanction.*, appeal.* (upheld, overturned…), mediation.*, review.*, flag.*. */
export const publicFamilies = ['sanction.', 'appeal.', 'mediation.', 'review.', 'flag.'] as const;

export function isPublicAction(action: string): boolean {
  return (publicActions as readonly string[]).includes(action) || publicFamilies.some((f) => action.startsWith(f));
}

/** The first day (UTC) of the month `months - 1` months before now's. */
export function periodStart(now: Date, months: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
}

export function shortGuideline(value: string | null): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  return text.length > transparencyRules.guidelineMax ? `${text.slice(0, transparencyRules.guidelineMax - 1)}…` : text;
}

export interface MonthCount {
  month: string;
  kind: string;
  count: number;
}

/** Counts grouped by month, newest month first, kinds by name. */
export function byMonth(rows: readonly MonthCount[]): { month: string; total: number; counts: { kind: string; count: number }[] }[] {
  const months = new Map<string, { kind: string; count: number }[]>();
  for (const r of rows) {
    if (!isPublicAction(r.kind)) continue;
    const list = months.get(r.month) ?? [];
    list.push({ kind: r.kind, count: r.count });
    months.set(r.month, list);
  }
  return [...months.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([month, counts]) => ({ month, total: counts.reduce((n, c) => n + c.count, 0), counts: counts.sort((x, y) => x.kind.localeCompare(y.kind)) }));
}
