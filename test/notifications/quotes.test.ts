// Quotes: a reply that quotes a post (a blockquote opening with a link to it, as the Quote button
// writes) notifies the quoted author as 'quote'; the rule that finds quoted posts, and who is not told.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { quotedPosts } from '../../src/server/features/notifications/quotes.rules';
import { createMember, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';
import { createSpace, createTopic, replyTo, type Space } from '../discussions/helpers';

interface Notification {
  type: string;
  actor: { username: string | null } | null;
  postId: number | null;
}

describe('quotedPosts', () => {
  test('finds links to posts in blockquotes, each once, and nothing in code or outside quotes', () => {
    const markdown = [
      '> [@alice wrote](/t/some-topic/12#post-3):',
      '> hello',
      '',
      '>> [@bob wrote](/t/other/7#post-1): nested',
      '> again [@alice wrote](/t/some-topic/12#post-3)',
      'Not quoted: [x](/t/x/99#post-2)',
      '```',
      '> [@carol wrote](/t/code/5#post-5)',
      '```',
      '> [@dave](/t/no-anchor/8)',
    ].join('\n');
    assert.deepEqual(quotedPosts(markdown), [
      { topicId: 12, postNumber: 3 },
      { topicId: 7, postNumber: 1 },
    ]);
    assert.deepEqual(quotedPosts('plain text'), []);
  });
});

describe('quote notifications over HTTP', () => {
  let server: TestServer;
  let alice: TestMember;
  let bob: TestMember;
  let admin: TestMember;
  let space: Space;

  const notificationsOf = async (member: TestMember): Promise<Notification[]> => {
    const reply = await member.client.get<{ items: Notification[] }>('/api/notifications?limit=100');
    assert.equal(reply.status, 200, reply.text);
    return reply.body.items;
  };

  before(async () => {
    server = await startTestServer();
    [alice, bob, admin] = await Promise.all([createMember(server), createMember(server), createMember(server, 'admin')]);
    space = await createSpace(admin.client, 'public');
  });
  after(() => server.close());

  test('quoting a post notifies its author once, as a quote', async () => {
    const topic = await createTopic(admin.client, space.id);
    const quoted = await replyTo(alice.client, topic.id, 'Tomatoes need sun');
    const quoting = await replyTo(bob.client, topic.id, `> [@${alice.username} wrote](/t/${topic.slug}/${topic.id}#post-${quoted.postNumber}):\n> Tomatoes need sun\n\nAnd water.`);
    const mine = (await notificationsOf(alice)).filter((n) => n.postId === quoting.id);
    assert.deepEqual(mine.map((n) => [n.type, n.actor?.username]), [['quote', bob.username]]);
  });

  test('a mention wins over a quote; quoting yourself or a muted author tells nobody', async () => {
    const topic = await createTopic(admin.client, space.id);
    const quoted = await replyTo(alice.client, topic.id, 'Peppers too');
    const quote = `> [@${alice.username} wrote](/t/${topic.slug}/${topic.id}#post-${quoted.postNumber}):\n> Peppers too\n\n`;
    const both = await replyTo(bob.client, topic.id, `${quote}@${alice.username} agreed`);
    assert.deepEqual((await notificationsOf(alice)).filter((n) => n.postId === both.id).map((n) => n.type), ['mention']);

    const own = await replyTo(alice.client, topic.id, `${quote}Quoting myself`);
    assert.equal((await notificationsOf(alice)).filter((n) => n.postId === own.id).length, 0);

    const muted = await alice.client.request('PUT', `/api/topics/${topic.id}/notification-level`, { body: { level: 'muted' } });
    assert.equal(muted.status, 200, muted.text);
    const silent = await replyTo(bob.client, topic.id, `${quote}Quoted while muted`);
    assert.equal((await notificationsOf(alice)).filter((n) => n.postId === silent.id).length, 0);
  });

  test('a quote from another space the quoter can see tells its author; one from a space they cannot see, or of a deleted post, tells nobody', async () => {
    const elsewhere = await createSpace(admin.client, 'public');
    const origin = await createTopic(admin.client, elsewhere.id);
    const said = await replyTo(alice.client, origin.id, 'Compost in autumn');
    const here = await createTopic(admin.client, space.id);
    const carried = await replyTo(bob.client, here.id, `> [@${alice.username} wrote](/t/${origin.slug}/${origin.id}#post-${said.postNumber}):\n> Compost in autumn\n\nAs said over there.`);
    assert.deepEqual((await notificationsOf(alice)).filter((n) => n.postId === carried.id).map((n) => n.type), ['quote'], 'a quote across public spaces');

    const other = await createSpace(admin.client, 'private');
    const secret = await createTopic(admin.client, other.id);
    const hidden = await replyTo(admin.client, secret.id, 'Staff only');
    const topic = await createTopic(alice.client, space.id);
    const across = await replyTo(bob.client, topic.id, `> [@${admin.username} wrote](/t/x/${secret.id}#post-${hidden.postNumber}):\n> guessed\n\nHm`);
    assert.equal((await notificationsOf(admin)).filter((n) => n.postId === across.id).length, 0, 'bob cannot see the private space, so his guessed quote tells nobody');
    const inPrivate = await replyTo(admin.client, secret.id, `> [@${alice.username} wrote](/t/${origin.slug}/${origin.id}#post-${said.postNumber}):\n> Compost in autumn\n\nNoted, among staff.`);
    assert.equal((await notificationsOf(alice)).filter((n) => n.postId === inPrivate.id).length, 0, 'alice cannot see the private space the quote is in');

    const gone = await replyTo(admin.client, topic.id, 'Soon deleted');
    assert.equal((await admin.client.delete(`/api/posts/${gone.id}`)).status, 204);
    const late = await replyTo(bob.client, topic.id, `> [@${admin.username} wrote](/t/${topic.slug}/${topic.id}#post-${gone.postNumber}):\n> Soon deleted\n\nToo late`);
    assert.equal((await notificationsOf(admin)).filter((n) => n.postId === late.id).length, 0);
  });
});
