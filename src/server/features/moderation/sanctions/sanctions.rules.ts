// Sanctions as plain rules: who may sanction whom, the escalation ladder, and end times.
import type { Role } from '../../../platform/db/schema';
import type { SanctionKind } from '../../../platform/db/schema-moderation';

const HOUR = 3_600_000;

/** The escalation ladder for silences and suspensions: 1 day → 3 days → 1 week → 30 days. */
export const LADDER_HOURS = [24, 72, 168, 720] as const;

/** Moderators sanction members; admins also moderators; nobody sanctions an admin or themselves. */
export function maySanction(actor: { memberId: number; role: Role }, target: { id: number; role: Role }): boolean {
  if (actor.memberId === target.id || target.role === 'admin') return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'moderator' && target.role === 'member';
}

/** The next step for a member with these earlier silences/suspensions/bans (warnings do not count). */
export function suggestNext(history: readonly { kind: SanctionKind; overturned: boolean }[]): { kind: SanctionKind; hours: number; step: number } {
  const counted = history.filter((h) => h.kind !== 'warning' && !h.overturned).length;
  const warned = history.some((h) => h.kind === 'warning' && !h.overturned);
  if (counted === 0 && !warned) return { kind: 'warning', hours: 0, step: 0 };
  const step = Math.min(counted, LADDER_HOURS.length - 1);
  return { kind: counted >= 2 ? 'suspension' : 'silence', hours: LADDER_HOURS[step] ?? 720, step: step + 1 };
}

/** When a sanction ends: warnings end at once (they are a record), bans and others after `hours`. */
export function endsAt(kind: SanctionKind, start: Date, hours: number | undefined): Date {
  if (kind === 'warning') return start;
  return new Date(start.getTime() + (hours ?? LADDER_HOURS[0]) * HOUR);
}

export function describe(kind: SanctionKind, start: Date, end: Date): string {
  if (kind === 'warning') return 'a warning';
  const hours = Math.round((end.getTime() - start.getTime()) / HOUR);
  const span = hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? '' : 's'}` : `${hours} hours`;
  return kind === 'silence' ? `silenced for ${span}` : kind === 'suspension' ? `suspended for ${span}` : `banned for ${span}`;
}
