// Browser tests' API side: the first admin through the setup link, members through sign-up, and their
// sessions handed to browser contexts, so a test spends its browser time on what it checks.
import assert from 'node:assert/strict';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { Client } from './client';
import { relaxedModeration } from './server';
import type { PageElement } from './page-globals';
import { watchedPage, type BrowserSession, type RunningServer } from './browser';

export const E2E_PASSWORD = 'a long enough password';

export interface ApiMember {
  id: number;
  username: string;
  client: Client;
}

/** The first admin, created with the server's one-time setup token. */
/**
 * Creates the first admin. Unless `moderation` is 'default', the admin then switches off the spam
 * hold and the new-member posting limits (PATCH /api/admin/settings), for stories about other features.
 */
export async function setUpAdmin(server: RunningServer, username = 'ada_admin', moderation: 'relaxed' | 'default' = 'relaxed'): Promise<ApiMember> {
  const token = new URL(server.setupLink).searchParams.get('token') ?? '';
  const client = new Client(server.baseUrl);
  const reply = await client.post<{ id: number }>('/api/setup', { token, username, email: `${username}@example.com`, password: E2E_PASSWORD });
  assert.equal(reply.status, 201, reply.text);
  if (moderation === 'relaxed') {
    const relaxed = await client.patch('/api/admin/settings', relaxedModeration);
    assert.equal(relaxed.status, 200, relaxed.text);
  }
  return { id: reply.body.id, username, client };
}

/** A member who signed up through the API (and so is signed in on the returned client). */
export async function signUpMember(server: RunningServer, username: string, displayName = username): Promise<ApiMember> {
  const client = new Client(server.baseUrl);
  const reply = await client.post<{ id: number }>('/api/users', { username, email: `${username}@example.com`, password: E2E_PASSWORD, acceptGuidelines: true, displayName });
  assert.equal(reply.status, 201, reply.text);
  return { id: reply.body.id, username, client };
}

/** Signs a browser context in as the member by giving it their session cookie. */
export async function signInContext(context: BrowserContext, member: ApiMember, baseUrl: string): Promise<void> {
  await context.addCookies([...member.client.cookies].map(([name, value]) => ({ name, value, url: baseUrl })));
}

/** kind: 'discussion' (the default) or a program's kind ('qa', 'ideas', 'bugs', 'events', 'articles'). */
export async function createSpace(admin: ApiMember, name: string, slug: string, visibility: 'public' | 'private', kind?: string): Promise<{ id: number; slug: string }> {
  const reply = await admin.client.post<{ id: number; slug: string }>('/api/spaces', { name, slug, visibility, description: `${name} space`, ...(kind ? { kind } : {}) });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

export async function createTopic(member: ApiMember, spaceId: number, title: string, body: string, tags?: string[]): Promise<{ id: number; slug: string }> {
  const reply = await member.client.post<{ id: number; slug: string }>('/api/topics', { spaceId, title, body, ...(tags ? { tags } : {}) });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

export function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((element: PageElement) => element.ownerDocument.activeElement === element);
}

/** Presses Tab until the locator has focus: proves it is reachable by keyboard (within `max` presses). */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  await target.waitFor({ state: 'attached' });
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach ${String(target)} with ${max} Tab presses`);
}

/** The signed-in admin of `page` switches off the spam hold and new-member limits (see setUpAdmin). */
export async function relaxModerationAs(page: Page, baseUrl: string): Promise<void> {
  const session = await page.request.get(`${baseUrl}/api/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const reply = await page.request.patch(`${baseUrl}/api/admin/settings`, { data: relaxedModeration, headers: { 'x-csrf-token': csrfToken } });
  assert.equal(reply.status(), 200, await reply.text());
}

/** A member signed up through the API whom the admin then makes a moderator. */
export async function makeModerator(server: RunningServer, admin: ApiMember, name: string): Promise<ApiMember> {
  const member = await signUpMember(server, name);
  const reply = await admin.client.patch(`/api/admin/members/${member.id}`, { role: 'moderator' });
  assert.equal(reply.status, 200, reply.text);
  return member;
}

/** A fresh browser context signed in as the member, with a watched page (at a given viewport, if any). */
export async function pageAs(
  session: BrowserSession | undefined,
  errors: string[],
  member: ApiMember,
  viewport?: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  assert.ok(session);
  const { browser, server } = session;
  const context = await browser.newContext({ baseURL: server.baseUrl, ...(viewport ? { viewport } : {}) });
  await signInContext(context, member, server.baseUrl);
  const page = await watchedPage(context, errors, 15_000);
  return { context, page };
}
