// Replying to and quoting a post in the browser: the Quote button fills the reply with a blockquote
// that links to the post, the reply answers that post, and the quoted author is notified.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startBrowserSession, visible, type BrowserSession } from '../support/browser';
import { createSpace, createTopic, hasFocus, setUpAdmin, signInContext, signUpMember, type ApiMember } from '../support/e2e-members';

let session: BrowserSession | undefined;
let admin: ApiMember;
let rosa: ApiMember;
let theo: ApiMember;

before(async () => {
  session = await startBrowserSession();
  admin = await setUpAdmin(session.server);
  rosa = await signUpMember(session.server, 'rosa', 'Rosa Gardener');
  theo = await signUpMember(session.server, 'theo', 'Theo');
});
after(() => session?.close());

void test('Quote fills the reply with the quoted post; the reply answers it and its author is notified', { timeout: 90_000 }, async () => {
  assert.ok(session);
  const space = await createSpace(admin, 'Orchard', 'orchard', 'public');
  const topic = await createTopic(admin, space.id, 'Pruning apple trees', 'When do you prune?');
  const answer = await rosa.client.post<{ id: number; postNumber: number }>(`/api/topics/${topic.id}/posts`, { body: 'Late winter, before the buds open.' });
  assert.equal(answer.status, 201, answer.text);

  const context = await session.browser.newContext({ baseURL: session.server.baseUrl });
  await signInContext(context, theo, session.server.baseUrl);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`/t/${topic.slug}/${topic.id}`);
  await page.getByRole('button', { name: `Quote post ${answer.body.postNumber}` }).click();
  const box = page.locator('.reply-form textarea');
  await visible(page.getByTestId('replying-to').filter({ hasText: '@rosa' }));
  const text = await box.inputValue();
  assert.ok(text.startsWith(`> [@rosa wrote](/t/${topic.slug}/${topic.id}#post-${answer.body.postNumber}):`), text);
  assert.ok(text.includes('> Late winter, before the buds open.'), text);
  assert.equal(await hasFocus(box), true, 'the reply box has focus');
  await box.press('End');
  await page.keyboard.type('Thanks, that matches my notes.');
  await page.getByRole('button', { name: 'Post reply' }).click();
  const posted = await visible(page.getByTestId('post').filter({ hasText: 'matches my notes' }));
  await visible(posted.locator('blockquote').filter({ hasText: 'Late winter' }));
  await context.close();

  const notifications = await rosa.client.get<{ items: { type: string; actor: { username: string | null } | null }[] }>('/api/notifications');
  assert.deepEqual(notifications.body.items.filter((n) => n.type === 'quote').map((n) => n.actor?.username), ['theo']);
  const detail = await admin.client.get<{ posts: { replyToPostId: number | null; body: string }[] }>(`/api/topics/${topic.id}`);
  assert.equal(detail.body.posts.find((p) => p.body.includes('matches my notes'))?.replyToPostId, answer.body.id, 'the reply answers the quoted post');
});
