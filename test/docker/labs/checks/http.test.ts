// The http kind against a busybox httpd container published on 127.0.0.1 (a port the daemon picks).
import assert from 'node:assert/strict';
import http from '../../../../src/core/labs/checks/http';
import { TEST_LABEL, removeContainer, testClient, uniqueName } from '../../../support/daemon';
import { field, judge, labContext, passed } from '../../../support/lab-checks';
import { waitFor } from '../../../support/wait';
import { httpGet } from '../../../../src/process/lab-io';

describe('labs check: http (real daemon, busybox httpd on loopback)', () => {
  const client = testClient();
  let id = '';
  let base = '';

  before(async () => {
    const c = await client.api.createContainer({
      name: uniqueName('http'), Image: 'busybox:latest', Labels: { [TEST_LABEL]: 'true' },
      Cmd: ['sh', '-c', 'mkdir -p /www && echo "Welcome to the shop" > /www/index.html && exec httpd -f -p 80 -h /www'],
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    id = c.id;
    await c.start();
    const port = (await c.inspect()).NetworkSettings.Ports['80/tcp']![0]!.HostPort;
    base = `http://127.0.0.1:${port}`;
    await waitFor(() => httpGet(`${base}/`, 1000).then(() => true, () => false), 'httpd answering');
  });

  after(() => removeContainer(client, id));

  it('passes: status 200 and the body contains the page\'s text', async () => {
    const obs = await judge(http, { url: `${base}/`, body: { contains: 'Welcome' } }, labContext());
    assert.ok(passed(obs), JSON.stringify(obs));
    assert.equal(field(obs, 'status').actual, 'status 200');
  });

  it('passes: a missing page with status 404, and a body that matches', async () => {
    assert.ok(passed(await judge(http, { url: `${base}/nope`, status: 404 }, labContext())));
    assert.ok(passed(await judge(http, { url: `${base}/index.html`, body: { matches: '^Welcome to the \\w+' } }, labContext())));
  });

  it('fails: another status, with what the server answered', async () => {
    const o = field(await judge(http, { url: `${base}/nope` }, labContext()), 'status');
    assert.deepEqual([o.ok, o.expected, o.actual], [false, 'status 200', 'status 404']);
    assert.match(o.hint!, /answered 404/);
  });

  it('fails: a body without the text, quoting the body', async () => {
    const o = field(await judge(http, { url: `${base}/`, body: { contains: 'Goodbye' } }, labContext()), 'body');
    assert.deepEqual([o.ok, o.expected, o.actual], [false, 'body to contain "Goodbye"', 'body "Welcome to the shop\\n"']);
  });

  it('fails (not errored): nothing listening on the port, with how to publish it', async () => {
    await removeContainer(client, id);
    const o = field(await judge(http, { url: `${base}/` }, labContext()), 'status');
    assert.equal(o.ok, false);
    assert.equal(o.actual, `nothing answered at ${base}/ (ECONNREFUSED)`);
    assert.match(o.hint!, new RegExp(`-p 127\\.0\\.0\\.1:${new URL(base).port}:PORT`));
  });

  it('refuses at load a URL off loopback or not http', () => {
    assert.deepEqual(http.validate!({ url: 'http://example.com/' }).map((p) => p.message), ['http://example.com/: checks send traffic only to this machine (localhost, 127.0.0.1, [::1]), not to example.com']);
    assert.deepEqual(http.validate!({ url: 'https://localhost/' }).map((p) => p.message), ['https://localhost/: only http:// URLs are checked (not https)']);
    assert.deepEqual(http.validate!({ url: 'http://localhost:8080/' }), []);
    assert.deepEqual(http.validate!({ url: 'http://[::1]:8080/' }), []);
  });
});
