// Redis connections, when REDIS_URL is set: one for commands and publishing, one for subscribing.
import { Redis } from 'ioredis';
import { StartupError } from './db/data-dir';

export interface RedisConnections {
  command: Redis;
  subscriber: Redis;
  close(): Promise<void>;
}

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || '6379'}`;
  } catch {
    return 'REDIS_URL';
  }
}

export async function connectRedis(url: string): Promise<RedisConnections> {
  const options = { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5000, enableOfflineQueue: true };
  const command = new Redis(url, options);
  const subscriber = new Redis(url, options);
  // Errors after start-up are retried by ioredis; start-up failures are reported below.
  command.on('error', () => undefined);
  subscriber.on('error', () => undefined);
  try {
    await Promise.all([command.connect(), subscriber.connect()]);
    await command.ping();
  } catch (error) {
    command.disconnect();
    subscriber.disconnect();
    throw new StartupError(`Cannot connect to Redis at ${describe(url)}: ${(error as Error).message}`);
  }
  return {
    command,
    subscriber,
    close: async () => {
      await Promise.allSettled([command.quit(), subscriber.quit()]);
    },
  };
}
