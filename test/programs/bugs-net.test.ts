// The outbound HTTP guard: which addresses are refused (table-tested), the allow list, and real
// requests against a local server: refused without the allow list, allowed with it, and timed out.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { OutboundError, blockedAddressReason, createOutbound, embeddedIPv4, isAllowedHost, isPublicAddress } from '../../src/server/platform/net';
import { isTransientStatus, parseIssueUrl, verifySignature } from '../../src/server/features/programs/bugs/github.rules';

describe('address rules', () => {
  test('private, loopback, link-local, CGNAT, multicast, reserved IPv4 are refused; public ones pass', () => {
    const refused = ['127.0.0.1', '127.255.255.254', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.255', '0.0.0.0', '224.0.0.251', '239.255.255.250', '240.0.0.1', '255.255.255.255', '192.0.2.1', '198.18.0.1'];
    for (const ip of refused) assert.ok(blockedAddressReason(ip) !== null, `${ip} must be refused`);
    const allowed = ['8.8.8.8', '140.82.112.3', '1.1.1.1', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '192.169.0.1', '223.255.255.255'];
    for (const ip of allowed) assert.equal(blockedAddressReason(ip), null, `${ip} is public`);
    assert.match(blockedAddressReason('100.64.0.1') ?? '', /carrier-grade NAT/);
    assert.match(blockedAddressReason('169.254.169.254') ?? '', /link-local/);
  });

  test('IPv6: loopback, unspecified, ULA, link-local, multicast refused; IPv4 inside IPv6 checked as IPv4', () => {
    const refused = ['::1', '::', 'fc00::1', 'fd12:3456:789a::1', 'fe80::1', 'fe80::1%eth0', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:c0a8:101::1', '2001:db8::1', '::101', '::ffff:0:7f00:1', '64:ff9b:1::a00:1', '2001:0:4136:e378:8000:63bf:80ff:fffe', '::ffff:127.0.0.1%eth0'];
    for (const ip of refused) assert.ok(blockedAddressReason(ip) !== null, `${ip} must be refused`);
    const allowed = ['2606:4700:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808'];
    for (const ip of allowed) assert.equal(blockedAddressReason(ip), null, `${ip} is public`);
    assert.equal(embeddedIPv4('::ffff:7f00:1'), '127.0.0.1');
    assert.equal(embeddedIPv4('2002:c0a8:101::1'), '192.168.1.1');
    assert.equal(embeddedIPv4('2606:4700::1'), null);
    assert.equal(isPublicAddress('[::1]'), false);
    assert.equal(isPublicAddress('example.com'), false, 'a name is not an address');
  });

  test('allow list: exact host names in lower case, IPv6 with or without brackets', () => {
    assert.equal(isAllowedHost('127.0.0.1', ['127.0.0.1']), true);
    assert.equal(isAllowedHost('GitHub.Example', ['github.example']), true);
    assert.equal(isAllowedHost('[::1]', ['::1']), true);
    assert.equal(isAllowedHost('127.0.0.2', ['127.0.0.1']), false);
    assert.equal(isAllowedHost('evil.github.example', ['github.example']), false);
  });
});

describe('GitHub rules', () => {
  test('issue URLs: github.com issues only, normalized; anything else is a problem', () => {
    const hosts = ['github.com', 'www.github.com'];
    assert.deepEqual(parseIssueUrl('https://github.com/Codertocat/Hello-World/issues/1', hosts), { repo: 'Codertocat/Hello-World', number: 1, url: 'https://github.com/Codertocat/Hello-World/issues/1' });
    assert.deepEqual(parseIssueUrl(' https://github.com/a/b/issues/42/ ', hosts), { repo: 'a/b', number: 42, url: 'https://github.com/a/b/issues/42' });
    for (const bad of ['https://github.com/a/b/pull/1', 'https://evil.com/a/b/issues/1', 'ftp://github.com/a/b/issues/1', 'not a url', 'https://github.com/a/b/issues/0', 'https://github.com/a/issues/1']) {
      assert.ok('problem' in parseIssueUrl(bad, hosts), bad);
    }
  });

  test('signatures: sha256= + hex HMAC of the exact bytes', () => {
    const body = Buffer.from('{"a":1}');
    assert.equal(verifySignature('s3cret', body, `sha256=${'0'.repeat(64)}`), false, 'a made-up digest fails');
    const real = `sha256=${crypto.createHmac('sha256', 's3cret').update(body).digest('hex')}`;
    assert.equal(verifySignature('s3cret', body, real), true);
    assert.equal(verifySignature('other', body, real), false);
    assert.equal(verifySignature('s3cret', Buffer.from('{"a": 1}'), real), false, 'the same JSON with other bytes fails');
    assert.equal(verifySignature('s3cret', body, undefined), false);
    assert.equal(verifySignature('s3cret', body, real.replace('sha256=', 'sha1=')), false);
  });

  test('transient answers: 5xx, 408, 429', () => {
    assert.deepEqual([500, 502, 503, 408, 429, 401, 404, 422].map(isTransientStatus), [true, true, true, true, true, false, false, false]);
  });
});

describe('outbound requests', () => {
  let server: http.Server;
  let port = 0;
  before(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/slow') return; // never answers
      if (request.url === '/big') return void response.end('x'.repeat(5000));
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`hello ${request.method}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('loopback is refused by address and by name, unless the host is allow-listed', async () => {
    const guarded = createOutbound({ allowHosts: [] });
    await assert.rejects(guarded({ method: 'GET', url: `http://127.0.0.1:${port}/` }), (e: unknown) => e instanceof OutboundError && e.kind === 'blocked');
    await assert.rejects(guarded({ method: 'GET', url: `http://localhost:${port}/` }), (e: unknown) => e instanceof OutboundError && e.kind === 'blocked');
    await assert.rejects(guarded({ method: 'GET', url: `http://[::ffff:127.0.0.1]:${port}/` }), (e: unknown) => e instanceof OutboundError && e.kind === 'blocked');
    await assert.rejects(guarded({ method: 'GET', url: 'file:///etc/passwd' }), (e: unknown) => e instanceof OutboundError && e.kind === 'invalid_url');
    const allowed = createOutbound({ allowHosts: ['127.0.0.1'] });
    const answer = await allowed({ method: 'POST', url: `http://127.0.0.1:${port}/`, body: '{}' });
    assert.equal(answer.status, 200);
    assert.equal(answer.text, 'hello POST');
  });

  test('an answer larger than maxBytes is refused, not cut short', async () => {
    const allowed = createOutbound({ allowHosts: ['127.0.0.1'], maxBytes: 100 });
    await assert.rejects(allowed({ method: 'GET', url: `http://127.0.0.1:${port}/big` }), (e: unknown) => e instanceof OutboundError && e.kind === 'too_large');
  });

  test('a server that does not answer times out', async () => {
    const allowed = createOutbound({ allowHosts: ['127.0.0.1'], timeoutMs: 300 });
    const started = Date.now();
    await assert.rejects(allowed({ method: 'GET', url: `http://127.0.0.1:${port}/slow` }), (e: unknown) => e instanceof OutboundError && e.kind === 'timeout');
    assert.ok(Date.now() - started < 5000);
  });
});
