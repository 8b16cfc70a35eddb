// The check context's I/O: HTTP to loopback only and no redirects followed, scripts with Docker's
// endpoint and a timeout that ends the whole script, files that stay inside the workspace.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { httpGet, readFile, runScript } from '../../src/process/lab-io';

describe('lab I/O: httpGet', () => {
  let server: http.Server;
  let base = '';
  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/moved') res.writeHead(302, { location: 'http://example.com/' }).end('moved');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello ${req.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('GETs a loopback URL: status and body', async () => {
    assert.deepEqual(await httpGet(`${base}/a`, 2000), { status: 200, body: 'hello /a' });
  });

  it('does not follow a redirect: the 302 is the answer', async () => {
    assert.deepEqual(await httpGet(`${base}/moved`, 2000), { status: 302, body: 'moved' });
  });

  it('refuses a host off loopback before connecting', async () => {
    await assert.rejects(httpGet('http://192.0.2.1/', 2000), /checks send traffic only to this machine .* not to 192\.0\.2\.1/);
  });

  it('keeps the code of a refused connection (the http check calls that failed, not errored)', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(httpGet(`http://127.0.0.1:${port}/`, 2000), (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED');
  });
});

describe('lab I/O: runScript', () => {
  it('gives the exit status and both outputs, a failure included', async () => {
    assert.deepEqual(await runScript('echo out; echo err >&2; exit 3', 5000), { exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
  });

  it('passes the Docker endpoint as DOCKER_HOST', async () => {
    const r = await runScript('printf %s "$DOCKER_HOST"', 5000, { dockerHost: 'unix:///tmp/other.sock', env: { PATH: process.env.PATH } });
    assert.equal(r.stdout, 'unix:///tmp/other.sock');
  });

  it('ends a script at its timeout, children included, and says so', async () => {
    const began = Date.now();
    await assert.rejects(runScript('sleep 30 & sleep 30; echo never', 300), /the script did not finish within 300 ms/);
    assert.ok(Date.now() - began < 5000, 'the timeout did not end the script and what it started');
  });
});

describe('lab I/O: readFile', () => {
  let root = '';
  let outsideDir = '';
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ws-'));
    outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-outside-'));
    fs.writeFileSync(path.join(outsideDir, 'secret'), 'no');
    fs.mkdirSync(path.join(root, 'web'));
    fs.writeFileSync(path.join(root, 'web', 'Dockerfile'), 'FROM busybox\n');
    fs.symlinkSync(path.join(outsideDir, 'secret'), path.join(root, 'link'));
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outsideDir, { recursive: true, force: true });
  });

  it('reads a file inside the workspace; undefined for one that does not exist', async () => {
    assert.equal(await readFile(root, 'web/Dockerfile'), 'FROM busybox\n');
    assert.equal(await readFile(root, 'web/Nope'), undefined);
  });

  it('refuses ../, an absolute path and a link leading out', async () => {
    await assert.rejects(readFile(root, '../etc/passwd'), /\.\.\/etc\/passwd is outside .*: checks read only files inside the workspace/);
    await assert.rejects(readFile(root, '/etc/passwd'), /\/etc\/passwd is outside/);
    await assert.rejects(readFile(root, 'link'), /link is a link to .*secret, outside/);
  });
});
