// One schema for the environment. A bad value stops start-up naming the variable and what it expects.
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  redisPrefix: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Signs links that act without a login (one-click unsubscribe); generated and kept in the database when unset. */
  secret: string | undefined;
  digestAwayHours: number;
  publicUrl: string;
  logLevel: LogLevel;
  sessionDays: number;
  trustProxy: boolean;
  rateLimitPerMinute: number;
  signupsPerHour: number;
  runJobs: boolean;
  dbPoolSize: number;
  responseCacheEntries: number;
  postsPerMinute: number;
  /** GitHub integration (bug reports): webhook secret, API token and API base URL. */
  githubWebhookSecret: string | undefined;
  githubToken: string | undefined;
  githubApiUrl: string;
  /** Hosts outbound HTTP may reach even on private addresses (lower case). */
  outboundAllowHosts: string[];
}

interface VarSpec<T> {
  name: string;
  expects: string;
  description: string;
  default?: string;
  parse: (raw: string) => T | undefined;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const int = (min: number, max: number) => (raw: string): number | undefined => {
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
};

const bool = (raw: string): boolean | undefined => {
  const v = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return undefined;
};

const url = (protocols: string[]) => (raw: string): string | undefined => {
  try {
    const u = new URL(raw);
    return protocols.includes(u.protocol) ? raw : undefined;
  } catch {
    return undefined;
  }
};

const text = (raw: string): string | undefined => (raw.trim() === '' ? undefined : raw.trim());

const logLevels: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The environment variables Hearth reads; README.md lists the same table. */
export const configVars = {
  host: { name: 'HOST', expects: 'a host name or IP address', description: 'Address the HTTP server listens on', default: '127.0.0.1', parse: text },
  port: { name: 'PORT', expects: 'an integer from 0 to 65535', description: 'HTTP port', default: '3000', parse: int(0, 65535) },
  dataDir: { name: 'HEARTH_DATA_DIR', expects: 'a directory path', description: 'Where the embedded database keeps its files', default: './data', parse: text },
  databaseUrl: { name: 'DATABASE_URL', expects: 'a postgres:// or postgresql:// URL', description: 'Use PostgreSQL 15+ instead of the embedded database', parse: url(['postgres:', 'postgresql:']) },
  redisUrl: { name: 'REDIS_URL', expects: 'a redis:// or rediss:// URL', description: 'Share realtime events, cache purges and rate limits between processes', parse: url(['redis:', 'rediss:']) },
  redisPrefix: { name: 'REDIS_PREFIX', expects: 'letters, digits, : _ or -, ending in :', description: 'Prefix of every Redis key and channel, so several Hearth sites can share one Redis', default: 'hearth:', parse: (raw: string) => (/^[A-Za-z0-9:_-]{1,60}:$/.test(raw) ? raw : undefined) },
  smtpUrl: { name: 'SMTP_URL', expects: 'an smtp:// or smtps:// URL', description: 'Send email; without it, links are written to the log', parse: url(['smtp:', 'smtps:']) },
  mailFrom: { name: 'MAIL_FROM', expects: 'an email sender such as "Hearth <hearth@example.com>"', description: 'Sender of outgoing email', default: 'Hearth <hearth@localhost>', parse: text },
  secret: { name: 'HEARTH_SECRET', expects: 'at least 32 characters', description: 'Signs emailed one-click links (unsubscribe); without it, a random secret is generated on first use and kept in the database', parse: (raw: string) => (raw.trim().length >= 32 ? raw.trim() : undefined) },
  digestAwayHours: { name: 'DIGEST_AWAY_HOURS', expects: 'an integer from 1 to 720', description: 'Email digests go to members not seen for this many hours', default: '24', parse: int(1, 720) },
  publicUrl: { name: 'PUBLIC_URL', expects: 'an http:// or https:// URL', description: 'Base URL used in emailed and printed links (default http://HOST:PORT)', parse: url(['http:', 'https:']) },
  logLevel: { name: 'LOG_LEVEL', expects: `one of ${logLevels.join(', ')}`, description: 'Log verbosity', default: 'info', parse: (raw: string) => logLevels.find((l) => l === raw) },
  sessionDays: { name: 'SESSION_DAYS', expects: 'an integer from 1 to 365', description: 'How long a login session lasts', default: '30', parse: int(1, 365) },
  trustProxy: { name: 'TRUST_PROXY', expects: 'true or false', description: 'Trust X-Forwarded-* headers from a reverse proxy', default: 'false', parse: bool },
  rateLimitPerMinute: { name: 'RATE_LIMIT_PER_MINUTE', expects: 'an integer from 1 to 10000000', description: 'Requests per minute per client (a member, or an IP address when signed out), across the API', default: '600', parse: int(1, 10_000_000) },
  signupsPerHour: { name: 'SIGNUP_LIMIT_PER_HOUR', expects: 'an integer from 1 to 100000', description: 'Sign-ups allowed per IP address per hour', default: '20', parse: int(1, 100_000) },
  runJobs: { name: 'HEARTH_JOBS', expects: 'true or false', description: 'Run background jobs in this process', default: 'true', parse: bool },
  dbPoolSize: { name: 'DATABASE_POOL_SIZE', expects: 'an integer from 1 to 200', description: 'PostgreSQL connections per process', default: '10', parse: int(1, 200) },
  responseCacheEntries: { name: 'RESPONSE_CACHE_ENTRIES', expects: 'an integer from 0 to 1000000', description: 'Rendered topic pages, topic lists and search results kept in memory per process (0: off)', default: '20000', parse: int(0, 1_000_000) },
  postsPerMinute: { name: 'POSTS_PER_MINUTE', expects: 'an integer from 1 to 10000000', description: 'New topics and replies per member per minute', default: '20', parse: int(1, 10_000_000) },
  githubWebhookSecret: { name: 'GITHUB_WEBHOOK_SECRET', expects: 'a non-empty secret', description: 'Verifies GitHub webhook deliveries (X-Hub-Signature-256); the admin setting is used when unset', parse: text },
  githubToken: { name: 'GITHUB_TOKEN', expects: 'a GitHub token', description: 'Creates and comments on GitHub issues for linked bug reports; the admin setting is used when unset', parse: text },
  githubApiUrl: { name: 'GITHUB_API_URL', expects: 'an http:// or https:// URL', description: 'GitHub REST API base URL (GitHub Enterprise: https://HOST/api/v3)', default: 'https://api.github.com', parse: url(['http:', 'https:']) },
  outboundAllowHosts: { name: 'OUTBOUND_ALLOW_HOSTS', expects: 'a comma-separated list of host names or IP addresses', description: 'Hosts outbound HTTP (GitHub) may reach although they resolve to private or loopback addresses', parse: (raw: string) => raw.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '') },
} satisfies Record<Exclude<keyof Config, never>, VarSpec<unknown>>;

function read<T>(env: NodeJS.ProcessEnv, spec: VarSpec<T>): T | undefined {
  const raw = env[spec.name];
  const value = raw === undefined || raw === '' ? spec.default : raw;
  if (value === undefined) return undefined;
  const parsed = spec.parse(value);
  if (parsed === undefined) {
    throw new ConfigError(`Invalid configuration: ${spec.name} must be ${spec.expects} (got "${value}")`);
  }
  return parsed;
}

function must<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new ConfigError(`Invalid configuration: ${name} is required`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = must(read(env, configVars.host), 'HOST');
  const port = must(read(env, configVars.port), 'PORT');
  const linkHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const publicUrl = (read(env, configVars.publicUrl) ?? `http://${linkHost}:${port}`).replace(/\/+$/, '');
  return {
    host,
    port,
    dataDir: path.resolve(must(read(env, configVars.dataDir), 'HEARTH_DATA_DIR')),
    databaseUrl: read(env, configVars.databaseUrl),
    redisUrl: read(env, configVars.redisUrl),
    redisPrefix: must(read(env, configVars.redisPrefix), 'REDIS_PREFIX'),
    smtpUrl: read(env, configVars.smtpUrl),
    mailFrom: must(read(env, configVars.mailFrom), 'MAIL_FROM'),
    secret: read(env, configVars.secret),
    digestAwayHours: must(read(env, configVars.digestAwayHours), 'DIGEST_AWAY_HOURS'),
    publicUrl,
    logLevel: must(read(env, configVars.logLevel), 'LOG_LEVEL'),
    sessionDays: must(read(env, configVars.sessionDays), 'SESSION_DAYS'),
    trustProxy: must(read(env, configVars.trustProxy), 'TRUST_PROXY'),
    rateLimitPerMinute: must(read(env, configVars.rateLimitPerMinute), 'RATE_LIMIT_PER_MINUTE'),
    signupsPerHour: must(read(env, configVars.signupsPerHour), 'SIGNUP_LIMIT_PER_HOUR'),
    runJobs: must(read(env, configVars.runJobs), 'HEARTH_JOBS'),
    dbPoolSize: must(read(env, configVars.dbPoolSize), 'DATABASE_POOL_SIZE'),
    responseCacheEntries: must(read(env, configVars.responseCacheEntries), 'RESPONSE_CACHE_ENTRIES'),
    postsPerMinute: must(read(env, configVars.postsPerMinute), 'POSTS_PER_MINUTE'),
    githubWebhookSecret: read(env, configVars.githubWebhookSecret),
    githubToken: read(env, configVars.githubToken),
    githubApiUrl: must(read(env, configVars.githubApiUrl), 'GITHUB_API_URL').replace(/\/+$/, ''),
    outboundAllowHosts: read(env, configVars.outboundAllowHosts) ?? [],
  };
}
