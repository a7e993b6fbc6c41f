// The environment schema: defaults, and a bad value names the variable and what it expects.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/server/config';

test('defaults: 127.0.0.1:3000, ./data, embedded database', () => {
  const config = loadConfig({});
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.port, 3000);
  assert.equal(config.dataDir, path.resolve('data'));
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
  assert.equal(config.redisPrefix, 'hearth:');
});

test('PUBLIC_URL loses its trailing slash; 0.0.0.0 links point at localhost', () => {
  assert.equal(loadConfig({ PUBLIC_URL: 'https://community.example.com/' }).publicUrl, 'https://community.example.com');
  assert.equal(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl, 'http://localhost:8080');
});

test('each bad value is refused with the variable name and what it expects', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: '70000' }, /PORT must be an integer from 0 to 65535 \(got "70000"\)/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY must be true or false/],
    [{ SESSION_DAYS: '0' }, /SESSION_DAYS must be an integer from 1 to 365/],
    [{ REDIS_PREFIX: 'no-colon' }, /REDIS_PREFIX must be/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
  ];
  for (const [env, message] of cases) {
    assert.throws(() => loadConfig(env), (error: unknown) => error instanceof ConfigError && message.test(error.message), JSON.stringify(env));
  }
});
