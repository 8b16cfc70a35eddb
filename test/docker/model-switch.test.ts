// Re-pointing the live model at another daemon (a context switch), at an unreachable one, and at an
// endpoint error (a malformed config.json), against the real daemon behind counting proxies.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDockerClient } from '../../src/docker/client';
import { EndpointError } from '../../src/docker/endpoint';
import { Connection, DockerModel } from '../../src/docker/model';
import { removeContainer, runBusybox, testClient, uniqueName } from '../support/daemon';
import { CountingProxy, startCountingProxy } from '../support/socket-proxy';

describe('docker/model: switching daemons (real daemon)', () => {
  /** Read afresh each time (assert.equal would otherwise narrow the type for the rest of a test). */
  const state = (): Connection => model.connection;
  const client = testClient();
  let proxy: CountingProxy;
  let model: DockerModel;
  let id = '';
  const dead = `unix://${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-dead-')), 'docker.sock')}`;

  before(async () => {
    id = await runBusybox(client, uniqueName('switch'));
  });
  after(async () => removeContainer(client, id));
  beforeEach(async () => {
    proxy = await startCountingProxy();
  });
  afterEach(async () => {
    model?.dispose();
    await proxy.close();
  });

  it('drops the old daemon\'s objects at once, says connecting, then shows the new daemon\'s', async () => {
    model = new DockerModel(createDockerClient({ host: dead }));
    await model.start();
    assert.equal(state().kind, 'disconnected');
    assert.match((state() as { reason: string }).reason, /no daemon socket at unix:\/\/.*docker\.sock/);
    const seen: Connection['kind'][] = [];
    model.onDidChange((c) => c === 'connection' && seen.push(state().kind));
    const switching = model.setClient(createDockerClient({ host: `unix://${proxy.socketPath}` }));
    assert.equal(state().kind, 'connecting');
    assert.equal(state().endpoint, `unix://${proxy.socketPath}`);
    await switching;
    assert.equal(state().kind, 'connected');
    assert.ok(model.containers.some((c) => c.id === id));
    assert.deepEqual(seen, ['connecting', 'connected']);
    // And away again: nothing of the live daemon stays on screen.
    await model.setClient(createDockerClient({ host: dead }));
    assert.equal(state().kind, 'disconnected');
    assert.deepEqual([model.containers.length, model.images.length, model.networks.length, model.volumes.length], [0, 0, 0, 0]);
  });

  it('shows an endpoint error (file and hint) without retrying, and connects once a client is given', async () => {
    model = new DockerModel(new EndpointError('/x/config.json: not valid JSON (Unexpected end of JSON input)', 'fix or remove the file', { file: '/x/config.json' }));
    await model.start();
    assert.deepEqual(state(), { kind: 'misconfigured', endpoint: '/x/config.json', reason: '/x/config.json: not valid JSON (Unexpected end of JSON input)', hint: 'fix or remove the file', file: '/x/config.json' });
    await model.refresh(); // nothing to retry: the files have to change
    assert.equal(state().kind, 'misconfigured');
    await model.setClient(createDockerClient({ host: `unix://${proxy.socketPath}` }));
    assert.equal(state().kind, 'connected');
    assert.ok(model.containers.some((c) => c.id === id));
    await model.setClient(new EndpointError('Docker context "gone" not found (no /x/meta.json)', 'list contexts', { file: '/x/meta.json', context: 'gone' }));
    assert.equal(state().kind, 'misconfigured');
    assert.equal(state().endpoint, 'context "gone"');
    assert.equal(model.containers.length, 0);
    const before = proxy.requests.length;
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(proxy.requests.slice(before), [], 'the old daemon is left alone');
  });

  it('does not connect on a switch while nobody has asked for the model (view never shown)', async () => {
    model = new DockerModel(createDockerClient({ host: dead }));
    await model.setClient(createDockerClient({ host: `unix://${proxy.socketPath}` }));
    assert.equal(state().kind, 'connecting');
    assert.deepEqual(proxy.requests, []);
    await model.start();
    assert.equal(state().kind, 'connected');
  });
});
