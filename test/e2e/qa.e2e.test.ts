// Browser flow for Q&A spaces on the built app and a real server: the admin creates a Q&A space in the
// admin pages; member A asks a question; member B answers it (and cannot vote for their own answer); A
// votes the answer up and accepts it (B, on the same question, sees both live); the accepted answer shows under the question and the question is
// marked answered in the space; the leaderboard lists B with 25 points; B's profile shows the badge.
// Needs `node scripts/build.mjs` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nav, startBrowserSession, visible, type BrowserSession } from '../support/browser';
import { pageAs as signedInPage, setUpAdmin, signUpMember, type ApiMember } from '../support/e2e-members';

let session: BrowserSession | undefined;
let admin: ApiMember;
let asker: ApiMember;
let answerer: ApiMember;
const errors: string[] = [];

before(async () => {
  session = await startBrowserSession();
  admin = await setUpAdmin(session.server, 'ada_admin');
  asker = await signUpMember(session.server, 'ana_asks', 'Ana Asks');
  answerer = await signUpMember(session.server, 'ben_answers', 'Ben Answers');
});
after(() => session?.close());

const pageAs = (member: ApiMember) => signedInPage(session, errors, member);

void test('ask, answer, vote, accept; leaderboard and badge', { timeout: 180_000 }, async () => {
  // 1. The admin creates a Q&A space.
  const ada = await pageAs(admin);
  await ada.page.goto('/admin?tab=spaces');
  const form = await visible(ada.page.getByRole('form', { name: 'New space' }));
  await form.getByLabel('Name').fill('Help desk');
  await form.getByLabel('Slug').fill('help-desk');
  await form.getByLabel('Kind').selectOption('qa');
  await form.getByRole('button', { name: 'Create space' }).click();
  await visible(ada.page.getByRole('link', { name: 'Help desk' }).first());

  // 2. Member A opens the space (tabs, no questions yet) and asks.
  const ana = await pageAs(asker);
  await ana.page.goto('/');
  await ana.page.getByRole('complementary').getByRole('link', { name: 'Help desk' }).click();
  await visible(ana.page.getByRole('heading', { name: 'Help desk', level: 1 }));
  await visible(ana.page.getByRole('tab', { name: 'Unanswered' }));
  await visible(ana.page.getByText('No questions yet.'));
  await ana.page.getByRole('link', { name: 'Ask a question' }).click();
  await ana.page.getByLabel('Title').fill('How do I send email from Hearth?');
  await ana.page.getByLabel('Body').fill('Mail never arrives. What do I set?');
  await ana.page.getByRole('button', { name: 'Create topic' }).click();
  await visible(ana.page.getByRole('heading', { name: 'How do I send email from Hearth?', level: 1 }));
  await visible(ana.page.getByTestId('qa-no-accepted').filter({ hasText: 'No answers yet.' }));
  const questionUrl = ana.page.url();
  assert.equal(await ana.page.getByTestId('post').first().getByTestId('qa-actions').count(), 0, 'no vote or accept on the question itself');

  // 3. Member B answers; on their own answer there is a count but no vote button, and no "Accept answer".
  const ben = await pageAs(answerer);
  await ben.page.goto(questionUrl);
  await ben.page.getByLabel('Your reply').fill('Set **SMTP_URL** to your mail server and restart.');
  await ben.page.getByRole('button', { name: 'Post reply' }).click();
  const benAnswer = await visible(ben.page.getByTestId('post').filter({ hasText: 'SMTP_URL' }));
  await visible(benAnswer.getByTestId('vote-count'));
  assert.equal(await benAnswer.getByTestId('upvote').count(), 0, 'no vote for your own answer');
  assert.equal(await benAnswer.getByTestId('accept-answer').count(), 0, 'only the asker accepts');

  // 4. A votes the answer up and accepts it: it shows under the question, marked in the thread.
  await ana.page.goto(questionUrl);
  const answer = await visible(ana.page.getByTestId('post').filter({ hasText: 'SMTP_URL' }));
  const upvote = answer.getByTestId('upvote');
  await visible(upvote.filter({ hasText: '0' }));
  await upvote.click();
  await visible(upvote.filter({ hasText: '1' }));
  assert.equal(await upvote.getAttribute('aria-pressed'), 'true');
  await answer.getByRole('button', { name: /Accept answer/ }).click();
  const panel = await visible(ana.page.getByTestId('accepted-answer'));
  assert.match((await panel.textContent()) ?? '', /Accepted answer by ben_answers/);
  await visible(panel.locator('strong', { hasText: 'SMTP_URL' }));
  assert.match((await panel.getByRole('link', { name: 'Go to the answer in the thread' }).getAttribute('href')) ?? '', /#post-2$/);
  await visible(answer.getByTestId('accepted-mark'));
  // B, still on the question, sees the vote and the acceptance without a reload.
  await visible(benAnswer.getByTestId('vote-count').filter({ hasText: '1' }));
  await visible(ben.page.getByTestId('accepted-answer'));
  await visible(benAnswer.getByTestId('accepted-mark'));

  // 5. In the space, the question is answered: listed under Answered, not under Unanswered.
  await ana.page.getByRole('link', { name: 'Help desk' }).first().click();
  const row = await visible(ana.page.getByTestId('question-row').filter({ hasText: 'How do I send email from Hearth?' }));
  await visible(row.getByTestId('answered-mark'));
  assert.match((await row.textContent()) ?? '', /1 answer/);
  await ana.page.getByRole('tab', { name: 'Unanswered' }).click();
  await visible(ana.page.getByText('Every question has a reply.'));
  await ana.page.getByRole('tab', { name: 'Answered', exact: true }).click();
  await visible(ana.page.getByTestId('question-row').filter({ hasText: 'How do I send email from Hearth?' }));

  // 6. The leaderboard lists B with 25 points (accepted 15 + one up-vote 10).
  await nav(ana.page).getByRole('link', { name: 'Leaderboard' }).click();
  await visible(ana.page.getByRole('heading', { name: 'Leaderboard', level: 1 }));
  const leader = await visible(ana.page.getByTestId('leaderboard-row').filter({ hasText: 'ben_answers' }));
  assert.equal((await leader.getByTestId('points').textContent())?.trim(), '25');

  // 7. B's profile shows the reputation and the "First accepted answer" badge.
  await leader.getByRole('link', { name: 'ben_answers' }).click();
  const badges = await visible(ana.page.getByTestId('member-badges'));
  await visible(badges.getByTestId('member-badge').filter({ hasText: 'First accepted answer' }));
  assert.equal((await badges.getByTestId('reputation').textContent())?.trim(), '25');

  // 8. Staff see the space's response times: one question, accepted, with a median time to the answer.
  await ada.page.getByRole('link', { name: 'Help desk' }).first().click();
  const stats = await visible(ada.page.getByTestId('qa-stats'));
  assert.match((await stats.textContent()) ?? '', /Questions1With an answer1Accepted answer1 \(100%\)/);
  await ada.page.getByRole('button', { name: '365 days' }).click();
  await visible(ada.page.getByRole('button', { name: '365 days', pressed: true }));
  assert.equal(await ana.page.getByTestId('qa-stats').count(), 0, 'members do not see the staff figures');

  // 9. The admin changes what an up-vote earns in Admin → Settings; the setting is saved.
  await ada.page.goto('/admin?tab=settings');
  const reputation = ada.page.getByRole('form', { name: 'Q&A reputation' });
  await reputation.getByLabel('Points per up-vote').fill('5');
  await reputation.getByRole('button', { name: 'Save reputation settings' }).click();
  await visible(reputation.getByText('Reputation settings saved.'));
  const saved = await admin.client.get<{ qaReputation: { accepted: number; upvote: number } }>('/api/admin/settings');
  assert.deepEqual(saved.body.qaReputation, { accepted: 15, upvote: 5 });

  assert.deepEqual(errors, []);
  for (const context of [ada.context, ana.context, ben.context]) await context.close();
});
