// Versioned guidelines: sections that moderators cite, every version kept, and members accepting the
// current version again after a change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { guidelineSections } from '../../src/server/features/settings/guidelines.rules';
import { assertError } from '../discussions/helpers';
import { createMember, signUp, type TestMember } from '../support/members';
import { startTestServer, type TestServer } from '../support/server';

interface GuidelinesBody {
  version: number;
  markdown: string;
  sections: { id: string; title: string }[];
}

let server: TestServer;
let admin: TestMember;

describe('guidelines', () => {
  before(async () => {
    server = await startTestServer();
    admin = await createMember(server, 'admin');
  });
  after(() => server.close());

  test('sections come from headings and bold list items, outside code', () => {
    const sections = guidelineSections('# Rules\n\n## Be kind\ntext\n\n1. **No spam.** Really.\n- **Stay on topic:** yes\n```\n## not a heading\n```\n## Be kind\n');
    assert.deepEqual(sections, [
      { id: 'be-kind', title: 'Be kind' },
      { id: 'no-spam', title: 'No spam' },
      { id: 'stay-on-topic', title: 'Stay on topic' },
    ]);
  });

  test('the default guidelines have citable sections', async () => {
    const reply = await server.client().get<GuidelinesBody>('/api/guidelines');
    assert.equal(reply.status, 200);
    assert.ok(reply.body.sections.some((s) => s.id === 'no-spam'), reply.text);
  });

  test('a change makes a new version, keeps the old one, and asks members to accept again', async () => {
    const member = await signUp(server);
    const start = (await server.client().get<GuidelinesBody>('/api/guidelines')).body;
    const changed = await admin.client.patch('/api/admin/settings', { guidelines: `${start.markdown}\n## Use English\nPlease.\n` });
    assert.equal(changed.status, 200, changed.text);
    const now = (await server.client().get<GuidelinesBody>('/api/guidelines')).body;
    assert.equal(now.version, start.version + 1);
    assert.ok(now.sections.some((s) => s.id === 'use-english'));
    const versions = await server.client().get<{ current: number; items: { version: number; by: string | null }[] }>('/api/guidelines/versions');
    assert.deepEqual(versions.body.items.map((v) => v.version), [now.version, start.version]);
    assert.equal(versions.body.items[0]?.by, admin.username);
    const old = await server.client().get<GuidelinesBody>(`/api/guidelines/versions/${start.version}`);
    assert.equal(old.body.markdown, start.markdown);
    assertError(await server.client().get('/api/guidelines/versions/999'), 404, 'not_found');

    const me = await member.client.get<{ guidelinesVersion: number }>('/api/me');
    assert.equal(me.body.guidelinesVersion, start.version, 'the member accepted the old version at sign-up');
    assertError(await member.client.post('/api/me/guidelines', { version: start.version }), 409, 'conflict', 'version');
    assertError(await server.client().post('/api/me/guidelines', { version: now.version }), 401, 'unauthorized');
    const accepted = await member.client.post<{ version: number }>('/api/me/guidelines', { version: now.version });
    assert.equal(accepted.status, 200, accepted.text);
    const after = await member.client.get<{ guidelinesVersion: number }>('/api/me');
    assert.equal(after.body.guidelinesVersion, now.version);
  });
});
