// Client paths of private conversations.

/** /messages/:id, with #message-n to jump to a message. */
export function conversationPath(id: number, messageNumber?: number | null): string {
  return `/messages/${id}${messageNumber ? `#message-${messageNumber}` : ''}`;
}
