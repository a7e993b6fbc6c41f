// Browser flow for the moderators' tools on the built app and a real server, with the default moderation
// settings: a moderator writes an automod rule at /moderation/rules (an unsafe regex is refused next to
// its field, a dry-run shows the figures, the broad-rule warning and the sample matches), saves it
// switched on, and it counts a hit when a new member's reply is held by it; then the moderator opens that
// member's moderation page (flags given and received, the held item, the ladder's suggestion filled in),
// adds a note and gives a warning through the form; last, the rule editor on a 375 px phone, by keyboard.
// The tests run in order and build on each other. Needs `node scripts/build.mjs` first and Chromium at
// /usr/bin/chromium (or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startBrowserSession, visible, type BrowserSession, type RunningServer } from '../support/browser';
import { createSpace, createTopic, hasFocus, setUpAdmin, signUpMember, tabTo, type ApiMember, pageAs as signedInPage, makeModerator } from '../support/e2e-members';

const WORD = 'kazoo';
const RULE = 'Kazoo watch';
const phone = { width: 375, height: 740 };

let session: BrowserSession | undefined;
let server: RunningServer | undefined;
let admin: ApiMember;
let moderator: ApiMember;
let tess: ApiMember;
let otto: ApiMember;
let band: { id: number; slug: string };
const errors: string[] = [];

async function adminReply(topicId: number, body: string): Promise<void> {
  const reply = await admin.client.post(`/api/topics/${topicId}/posts`, { body });
  assert.equal(reply.status, 201, reply.text);
}

async function flagMember(flagger: ApiMember, target: ApiMember, reason: string, message: string): Promise<void> {
  const reply = await flagger.client.post(`/api/members/${target.id}/flags`, { reason, message });
  assert.equal(reply.status, 201, reply.text);
}

before(async () => {
  session = await startBrowserSession();
  server = session.server;
  // 'default': the spam hold and the new-member posting limits stay on.
  admin = await setUpAdmin(server, 'ada_admin', 'default');
  const lounge = await createSpace(admin, 'Lounge', 'lounge', 'public');
  // Four posts, two of them with the word: a rule on it would catch 50% of recent posts.
  band = await createTopic(admin, lounge.id, 'Band practice', `Who is bringing a ${WORD} on Friday?`);
  await adminReply(band.id, `I will bring my ${WORD} and a tambourine.`);
  const bake = await createTopic(admin, lounge.id, 'Bake sale', 'Cakes and biscuits are welcome on Saturday.');
  await adminReply(bake.id, 'Count me in, I will make a lemon drizzle.');
  moderator = await makeModerator(session.server, admin, 'mod_maya');
  tess = await signUpMember(server, 'tess_new', 'Tess New');
  otto = await signUpMember(server, 'otto_other', 'Otto Other');
  for (const member of [tess, otto]) await member.client.get('/api/session'); // the CSRF token for their writes
  // Tess gives one flag and receives one; an earlier warning puts her on the ladder's first silence.
  await flagMember(tess, otto, 'spam', 'Keeps posting the same link.');
  await flagMember(otto, tess, 'harassment', 'Rude to me in the lounge.');
  const warned = await admin.client.post(`/api/moderation/members/${tess.id}/sanctions`, { kind: 'warning', reason: 'Shouting in the lounge', guideline: 'be-kind' });
  assert.equal(warned.status, 201, warned.text);
});
after(() => session?.close());

const pageAs = (member: ApiMember, viewport?: { width: number; height: number }) => signedInPage(session, errors, member, viewport);

function fitsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
}

/** An input as seen inside the page, enough to follow its aria-describedby. */
interface DescribedElement {
  getAttribute(name: string): string | null;
  ownerDocument: { getElementById(id: string): { textContent: string | null } | null };
}

/** The text of the hint and error notes an input points to with aria-describedby. */
function describedText(input: Locator): Promise<string> {
  return input.evaluate((element: DescribedElement) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

async function openRules(page: Page): Promise<void> {
  await page.goto('/moderation/rules');
  await visible(page.getByRole('heading', { name: 'Automod rules', level: 2 }));
  assert.equal(await page.getByRole('tab', { name: 'Rules' }).getAttribute('aria-selected'), 'true');
}

function ruleRow(page: Page): Locator {
  return page.getByTestId('rule').filter({ has: page.getByRole('heading', { name: `1. ${RULE}`, level: 3 }) });
}

void test('rule editor: unsafe regex refused, dry-run, save, a hit', { timeout: 180_000 }, async () => {
  const { context, page } = await pageAs(moderator);
  await openRules(page);
  await visible(page.getByText('No rules yet.'));
  await page.getByRole('button', { name: 'New rule' }).click();
  const editor = await visible(page.getByRole('form', { name: 'New rule' }));
  const name = editor.getByLabel('Name', { exact: true });
  assert.equal(await hasFocus(name), true, 'the editor opens with focus on its first input');
  await name.fill(RULE);
  assert.equal(await editor.getByLabel('Enabled', { exact: true }).isChecked(), false, 'a new rule starts switched off');
  assert.equal(await editor.getByLabel('Action 1 kind').inputValue(), 'hold', 'the first action is to hold the post');

  // 1. A pattern with catastrophic backtracking is refused, and the refusal sits at the pattern field.
  await editor.getByLabel('Condition 1 kind').selectOption('regex');
  const pattern = await visible(editor.getByLabel('Regular expression'));
  await pattern.fill('(a+)+$');
  await editor.getByRole('button', { name: 'Save rule' }).click();
  await visible(editor.getByText(/The regular expression was refused: Nested or too many quantifiers/).first());
  assert.equal(await pattern.getAttribute('aria-invalid'), 'true', 'the pattern field is marked invalid');
  assert.match(await describedText(pattern), /The regular expression was refused: Nested or too many quantifiers/, 'the pattern field names the refusal');
  const patternField = editor.locator('.field', { has: page.getByLabel('Regular expression') });
  await visible(patternField.locator('.field-error').filter({ hasText: 'refused' }));
  assert.equal(await page.getByTestId('rule').count(), 0, 'the refused rule was not stored');

  // 2. A words condition instead, dry-run first: figures, the broad-rule warning, the sample matches.
  await editor.getByLabel('Condition 1 kind').selectOption('words');
  await pattern.waitFor({ state: 'detached' });
  await editor.getByLabel('Words or phrases').fill(WORD);
  assert.equal(await editor.getByLabel('Dry-run over').inputValue(), '30');
  await editor.getByRole('button', { name: 'Dry-run', exact: true }).click();
  const dryRun = await visible(editor.getByRole('region', { name: 'Dry-run over the last 30 days' }));
  const figures = (await dryRun.locator('p').first().textContent()) ?? '';
  assert.match(figures, /Scanned 4 posts: 2 matched \(50%\)\. It would have held 2 and refused 0\./);
  const warning = await visible(dryRun.locator('.alert-warn'));
  assert.match((await warning.textContent()) ?? '', /caught 50\.0% of the posts of the last 30 days \(more than 5\.0%\).*too broad/);
  await visible(dryRun.getByRole('heading', { name: 'Sample matches', level: 4 }));
  const samples = dryRun.locator('.dry-run-sample');
  assert.equal(await samples.count(), 2, 'both posts with the word are listed');
  const sampleText = (await samples.allTextContents()).join('\n');
  assert.match(sampleText, /Who is bringing a kazoo on Friday\?/);
  assert.match(sampleText, /I will bring my kazoo and a tambourine\./);
  assert.doesNotMatch(sampleText, /Bake sale|lemon drizzle/, 'posts without the word are not listed');
  assert.equal(await samples.getByRole('link', { name: 'Band practice' }).count(), 2, 'each sample links its topic');
  assert.match(sampleText, /by ada_admin/);
  assert.match(sampleText, /would be held/);
  assert.equal(await page.getByTestId('rule').count(), 0, 'a dry-run stores nothing');

  // 3. Saved switched on, it is listed with no hits yet.
  await editor.getByLabel('Enabled', { exact: true }).check();
  await editor.getByRole('button', { name: 'Save rule' }).click();
  await editor.waitFor({ state: 'detached' });
  await visible(page.getByRole('status').filter({ hasText: `Saved “${RULE}”.` }));
  const row = await visible(ruleRow(page));
  assert.deepEqual(await row.locator('.badge').allTextContents(), ['on', '0 hits']);
  const rowText = (await row.textContent()) ?? '';
  assert.match(rowText, /When contains words: hold the post for review\. Last hit never\./);
  assert.equal(await row.getByRole('switch', { name: new RegExp(`^Enabled\\s*: ${RULE}$`) }).getAttribute('aria-checked'), 'true');

  // 4. A trust-level-0 member's reply with the word is held by the rule; after a reload it shows 1 hit.
  const held = await tess.client.post<{ status: string; reason: { rule: string | null } }>(`/api/topics/${band.id}/posts`, { body: `Can I join in with my ${WORD} too?` });
  assert.equal(held.status, 202, held.text);
  assert.equal(held.body.status, 'held');
  assert.equal(held.body.reason.rule, RULE, 'held by the new rule');
  await page.reload();
  const counted = await visible(ruleRow(page).filter({ has: page.locator('.badge', { hasText: /^1 hit$/ }) }));
  assert.deepEqual(await counted.locator('.badge').allTextContents(), ['on', '1 hit']);
  assert.doesNotMatch((await counted.textContent()) ?? '', /Last hit never/);

  assert.deepEqual(errors, []);
  await context.close();
});

void test('member moderation page: flags, held item, ladder, note, warning', { timeout: 180_000 }, async () => {
  const { context, page } = await pageAs(moderator);
  await page.goto(`/moderation/members/${tess.id}`);
  await visible(page.getByRole('heading', { name: /Tess New\s*@tess_new/, level: 1 }));

  // Flags given and received: one open flag each way.
  const flags = await visible(page.getByRole('table', { name: 'Flags given and received' }));
  const counts = (label: string) => flags.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('td').allTextContents();
  assert.deepEqual(await counts('Given'), ['1', '1', '0', '0', '0'], 'total, open, agreed, disagreed, ignored of the flags given');
  assert.deepEqual(await counts('Received'), ['1', '1', '0', '0', '0'], 'total, open, agreed, disagreed, ignored of the flags received');

  // The reply the rule held, waiting for review, with the rule as its reason.
  const items = page.getByRole('list', { name: 'Review items' });
  const heldItem = await visible(items.getByTestId('review-item').filter({ hasText: 'Can I join in with my kazoo too?' }));
  const heldText = (await heldItem.textContent()) ?? '';
  assert.match(heldText, /Held post in “Band practice”/);
  assert.match(heldText, /Waiting for review/);
  assert.match(heldText, new RegExp(`Automod rule “${RULE}”`));
  assert.match(heldText, /trust level 0/);

  // The ladder's next step after a warning (a one-day silence) is filled in.
  const sanctionForm = await visible(page.getByRole('form', { name: 'Sanction tess_new' }));
  await visible(sanctionForm.getByText('The escalation ladder suggests silence for 1 day (step 1).'));
  const kind = sanctionForm.getByLabel('Sanction', { exact: true });
  assert.equal(await kind.inputValue(), 'silence', 'the suggested kind is chosen');
  assert.equal(await sanctionForm.getByLabel('For how long').inputValue(), '24', 'the suggested length is chosen');
  const sanctions = page.getByRole('list', { name: 'Sanctions' });
  assert.equal(await sanctions.getByTestId('sanction').count(), 1, 'only the earlier warning so far');

  // A private note, listed with its author.
  await visible(page.getByText('No notes yet.'));
  const note = 'Talked to Tess in DMs; she says the flag on her was a misunderstanding.';
  await page.getByLabel('New note').fill(note);
  await page.getByRole('button', { name: 'Add note' }).click();
  const listed = await visible(page.getByRole('list', { name: 'Notes' }).getByRole('listitem').filter({ hasText: note }));
  assert.match((await listed.textContent()) ?? '', /mod_maya/);
  assert.equal(await page.getByLabel('New note').inputValue(), '', 'the note box is cleared');

  // A warning through the form, instead of the suggested silence: it joins the sanctions list.
  await kind.selectOption('warning');
  await sanctionForm.getByLabel('Reason').fill('Kept posting about kazoos in the bake sale topic');
  await sanctionForm.getByLabel('Guideline').fill('stay-on-topic');
  await sanctionForm.getByLabel('Message to the member').fill('Please keep each topic to its subject.');
  await sanctionForm.getByRole('button', { name: 'Apply sanction' }).click();
  const warning = await visible(sanctions.getByTestId('sanction').filter({ hasText: 'Kept posting about kazoos' }));
  const warningText = (await warning.textContent()) ?? '';
  assert.match(warningText, /^Warning/);
  assert.match(warningText, /by mod_maya/);
  assert.match(warningText, /Guideline: stay-on-topic/);
  assert.match(warningText, /Message: Please keep each topic to its subject\./);
  assert.equal(await sanctions.getByTestId('sanction').count(), 2);
  assert.equal(await warning.getByRole('button', { name: /Lift/ }).count(), 0, 'a warning has nothing to lift');
  const mine = await tess.client.get<{ sanctions: { kind: string; reason: string }[] }>('/api/me/moderation');
  assert.ok(mine.body.sanctions.some((s) => s.kind === 'warning' && s.reason.startsWith('Kept posting about kazoos')), 'the member has the warning');

  assert.deepEqual(errors, []);
  await context.close();
});

void test('rule editor on a 375 px phone, by keyboard', { timeout: 120_000 }, async () => {
  const { context, page } = await pageAs(moderator, phone);
  await openRules(page);
  await visible(ruleRow(page));
  assert.equal(await fitsSideways(page), true, 'the rule list fits a phone');

  // Open the editor with the keyboard, type its name, then Tab to Dry-run and run it with Enter.
  const newRule = page.getByRole('button', { name: 'New rule' });
  await tabTo(page, newRule);
  await page.keyboard.press('Enter');
  const editor = await visible(page.getByRole('form', { name: 'New rule' }));
  assert.equal(await hasFocus(editor.getByLabel('Name', { exact: true })), true, 'the editor opens with focus on its name');
  await page.keyboard.type('Kazoo check');
  await editor.getByLabel('Words or phrases').fill(WORD);
  assert.equal(await fitsSideways(page), true, 'the rule editor fits a phone');
  const dryRunButton = editor.getByRole('button', { name: 'Dry-run', exact: true });
  await tabTo(page, dryRunButton);
  await page.keyboard.press('Enter');
  const dryRun = await visible(editor.getByRole('region', { name: 'Dry-run over the last 30 days' }));
  await visible(dryRun.locator('.dry-run-sample').first());
  assert.match((await dryRun.locator('p').first().textContent()) ?? '', /Scanned \d+ posts: \d+ matched/);
  assert.equal(await fitsSideways(page), true, 'the dry-run result fits a phone');

  // Cancel closes the editor without storing the draft.
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await editor.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('rule').count(), 1, 'only the saved rule is listed');

  assert.deepEqual(errors, []);
  await context.close();
});
