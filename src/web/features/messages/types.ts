// Shapes of the messages API, from the generated schema so they never drift from the server.
import type { components, paths } from '../../api/schema';

type Ok<Op> = Op extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type Conversation = components['schemas']['Conversation'];
export type Message = components['schemas']['Message'];
export type ConversationDetail = Ok<paths['/api/messages/{id}']['get']>;
export type MemberRef = Conversation['participants'][number];

/** "alice, bob and the moderators group", for lists and headings. */
export function peopleOf(conversation: Pick<Conversation, 'participants' | 'groups'>, meId: number | null): string {
  const names = conversation.participants.filter((p) => p.id !== meId).map((p) => p.username ?? p.displayName);
  const groups = conversation.groups.map((g) => `${g.name} group`);
  const all = [...names, ...groups];
  if (all.length === 0) return 'only you';
  if (all.length === 1) return all[0] ?? '';
  return `${all.slice(0, -1).join(', ')} and ${all.at(-1) ?? ''}`;
}
