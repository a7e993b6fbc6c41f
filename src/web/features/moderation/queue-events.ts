// Tells the header's pending count that a review item was decided somewhere on the page.
const eventName = 'hearth:moderation-changed';

export function announceQueueChange(): void {
  window.dispatchEvent(new Event(eventName));
}

export function onQueueChange(listener: () => void): () => void {
  window.addEventListener(eventName, listener);
  return () => window.removeEventListener(eventName, listener);
}
