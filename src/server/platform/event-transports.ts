// The two ways events travel between Hearth processes.
import type { Redis } from 'ioredis';
import type { EventTransport } from './events';
import type { Notifications } from './db/database';

export function redisTransport(publisher: Redis, subscriber: Redis, channel: string): EventTransport {
  return {
    name: 'redis',
    publish: async (message) => {
      await publisher.publish(channel, message);
    },
    subscribe: async (onMessage) => {
      subscriber.on('message', (from: string, message: string) => {
        if (from === channel) onMessage(message);
      });
      await subscriber.subscribe(channel);
    },
  };
}

/** PostgreSQL LISTEN/NOTIFY: needs no Redis. A notification carries at most 8000 bytes, plenty for an event. */
export function postgresTransport(notifications: Notifications, channel: string): EventTransport {
  return {
    name: 'postgres',
    publish: (message) => notifications.notify(channel, message),
    subscribe: (onMessage) => notifications.listen(channel, onMessage),
  };
}
