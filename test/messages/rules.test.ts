// Table tests for the pure private-message rules: names, messageable groups, who sees and who hears.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMessageable, isSilenced, maySee, normalizeNames, recipientsOfMessage, unreadCount, type Standing } from '../../src/server/features/messages/messages.rules';

test('normalizeNames', () => {
  const cases: [string[], string[]][] = [
    [['alice', ' @Bob ', 'ALICE', 'bob'], ['alice', 'Bob']],
    [['', '  ', '@'], []],
    [['@@x'], ['@x']],
  ];
  for (const [names, expected] of cases) assert.deepEqual(normalizeNames(names), expected, names.join(','));
});

test('isMessageable', () => {
  const cases: [string, boolean, boolean][] = [
    ['moderators', true, true],
    ['admins', true, true],
    ['everyone', true, false],
    ['members', true, false],
    ['trust_level_2', true, false],
    ['designers', false, true],
  ];
  for (const [name, builtIn, expected] of cases) assert.equal(isMessageable({ name, builtIn }), expected, name);
});

test('isSilenced', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  assert.equal(isSilenced(null, now), false);
  assert.equal(isSilenced(new Date('2029-12-31T23:59:59Z'), now), false);
  assert.equal(isSilenced(new Date('2030-01-01T00:00:01Z'), now), true);
});

test('maySee', () => {
  const left = new Date();
  const cases: [string, Standing, boolean][] = [
    ['invited', { participant: { direct: true, leftAt: null }, viaGroup: false }, true],
    ['invited, left', { participant: { direct: true, leftAt: left }, viaGroup: false }, false],
    ['invited, left, still in a group', { participant: { direct: true, leftAt: left }, viaGroup: true }, true],
    ['through a group', { participant: undefined, viaGroup: true }, true],
    ['through a group, left', { participant: { direct: false, leftAt: left }, viaGroup: true }, true],
    ['out of the group, read it once', { participant: { direct: false, leftAt: null }, viaGroup: false }, false],
    ['stranger', { participant: undefined, viaGroup: false }, false],
  ];
  for (const [name, standing, expected] of cases) assert.equal(maySee(standing), expected, name);
});

test('recipientsOfMessage and unreadCount', () => {
  assert.deepEqual(recipientsOfMessage({ authorId: 1, direct: [1, 2, 3], viaGroups: [3, 4, 5, 1], left: [5] }), [2, 3, 4]);
  assert.deepEqual(recipientsOfMessage({ authorId: 1, direct: [1], viaGroups: [], left: [] }), []);
  assert.equal(unreadCount(7, 3), 4);
  assert.equal(unreadCount(3, 7), 0);
});
