// Members for tests: created through the real sign-up service, logged in over HTTP.
import crypto from 'node:crypto';
import type { Client } from './client';
import type { TestServer } from './server';

export type TestRole = 'member' | 'moderator' | 'admin';

export interface TestMember {
  id: number;
  username: string;
  email: string;
  password: string;
  client: Client;
}

export const PASSWORD = 'correct horse battery';

export function uniqueName(prefix = 'user'): string {
  return `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
}

/** Creates an account with the given role and returns a client logged in as it. */
export async function createMember(server: TestServer, role: TestRole = 'member', name = uniqueName(role)): Promise<TestMember> {
  const email = `${name}@example.com`;
  const created = await server.runtime.services.accounts.signup.createAccount(
    { username: name, email, password: PASSWORD, acceptGuidelines: true },
    { role, byStaff: true, actorId: null, ip: null },
  );
  const client = server.client();
  const login = await client.post('/api/session', { login: name, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login of ${name} failed: ${login.status} ${login.text}`);
  return { id: created.me.id, username: name, email, password: PASSWORD, client };
}

/** Signs up through POST /api/users, as a visitor would. */
export async function signUp(server: TestServer, name = uniqueName()): Promise<TestMember> {
  const client = server.client();
  const email = `${name}@example.com`;
  const reply = await client.post<{ id: number }>('/api/users', { username: name, email, password: PASSWORD, acceptGuidelines: true });
  if (reply.status !== 201) throw new Error(`sign-up of ${name} failed: ${reply.status} ${reply.text}`);
  return { id: reply.body.id, username: name, email, password: PASSWORD, client };
}

/** Creates an API key with the given scope for a logged-in member and returns it. */
export async function createApiKey(member: TestMember, scope: 'read' | 'write' | 'admin'): Promise<{ id: number; key: string }> {
  const reply = await member.client.post<{ id: number; key: string }>('/api/api-keys', { name: `${scope} key`, scope });
  if (reply.status !== 201) throw new Error(`API key creation failed: ${reply.status} ${reply.text}`);
  return reply.body;
}
