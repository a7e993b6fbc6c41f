// Client paths for spaces and topics.
export function spacePath(space: { id: number; slug: string }): string {
  return `/s/${encodeURIComponent(space.slug || 'space')}/${space.id}`;
}

export function topicPath(topic: { id: number; slug?: string }, postNumber?: number | null): string {
  const base = `/t/${encodeURIComponent(topic.slug || 'topic')}/${topic.id}`;
  return postNumber && postNumber > 1 ? `${base}#post-${postNumber}` : base;
}

/** A readable colour chip style; the server stores #rrggbb. */
export function chipStyle(color: string): Record<string, string> {
  return /^#[0-9a-f]{6}$/i.test(color) ? { background: color } : {};
}
