// Mentions on write: every @name must be a member (checked before the post is stored), and resolves to ids.
import type { Queryable } from '../../platform/db/database';
import { AppError, invalid } from '../../platform/errors';
import { MENTIONS_MAX, extractMentions } from './mentions.rules';
import { accountsByUsernames } from './notifications.store';

/** The ids of the members a Markdown body mentions; 400 unknown_mention (field body) for a name nobody has. */
export async function requireKnownMentions(db: Queryable, markdown: string): Promise<number[]> {
  const names = extractMentions(markdown);
  if (names.length > MENTIONS_MAX) throw invalid('body', `A post can mention at most ${MENTIONS_MAX} members`);
  const rows = await accountsByUsernames(db, names);
  const known = new Map(rows.map((r) => [r.username.toLowerCase(), r.member_id]));
  const missing = names.find((name) => !known.has(name));
  if (missing !== undefined) throw new AppError('unknown_mention', `Nobody here is called @${missing}`, { field: 'body' });
  return [...known.values()];
}

/** The ids of the members a stored body mentions (names that no longer exist are skipped). */
export async function mentionedMemberIds(db: Queryable, markdown: string): Promise<number[]> {
  const names = extractMentions(markdown).slice(0, MENTIONS_MAX);
  return (await accountsByUsernames(db, names)).map((r) => r.member_id);
}
