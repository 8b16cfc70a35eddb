import assert from 'node:assert/strict';
import { createDockerClient } from '../../src/docker/client';
import { DockerModel } from '../../src/docker/model';
import { TEST_LABEL, removeContainer, runBusybox, testClient, uniqueName } from '../support/daemon';
import { CountingProxy, startCountingProxy } from '../support/socket-proxy';
import { waitFor } from '../support/wait';

describe('docker/model: event-driven daemon model (real daemon)', () => {
  const client = testClient();
  let proxy: CountingProxy;
  let model: DockerModel;
  const created: string[] = [];

  beforeEach(async () => {
    proxy = await startCountingProxy();
    model = new DockerModel(createDockerClient({ host: `unix://${proxy.socketPath}` }));
    await model.start();
    assert.equal(model.connection.kind, 'connected');
  });

  afterEach(async () => {
    model.dispose();
    await proxy.close();
    while (created.length) await removeContainer(client, created.pop()!);
  });

  it('loads containers, images, networks and volumes on connect', () => {
    assert.ok(model.images.some((i) => i.tags.includes('busybox:latest')));
    assert.ok(model.networks.some((n) => n.name === 'bridge' && n.driver === 'bridge'));
    assert.ok(Array.isArray(model.volumes));
  });

  it('adds a new container from the event stream, without a refresh, and follows its state', async () => {
    const name = uniqueName('evt');
    const id = await runBusybox(client, name);
    created.push(id);
    await waitFor(() => model.containers.some((c) => c.id === id && c.state === 'running'), 'the running container appears', 3000);
    await client.api.getContainer(id).stop({ t: 0 });
    await waitFor(() => model.containers.some((c) => c.id === id && c.state === 'exited'), 'the container shows as exited', 3000);
    await removeContainer(client, id);
    await waitFor(() => !model.containers.some((c) => c.id === id), 'the removed container disappears', 3000);
  });

  it('follows images, networks and volumes through their events', async () => {
    const tag = uniqueName('img');
    await client.api.getImage('busybox:latest').tag({ repo: 'shipshape-test', tag });
    await waitFor(() => model.images.some((i) => i.tags.includes(`shipshape-test:${tag}`)), 'the new tag appears', 3000);
    await client.api.getImage(`shipshape-test:${tag}`).remove();
    const network = await client.api.createNetwork({ Name: uniqueName('net'), Labels: { [TEST_LABEL]: 'true' } });
    const volume = await client.api.createVolume({ Name: uniqueName('vol'), Labels: { [TEST_LABEL]: 'true' } });
    try {
      await waitFor(() => model.networks.some((n) => n.id === network.id), 'the new network appears', 3000);
      await waitFor(() => model.volumes.some((v) => v.name === (volume as unknown as { name: string }).name), 'the new volume appears', 3000);
    } finally {
      await network.remove();
      await (volume as unknown as { remove(): Promise<void> }).remove();
    }
    await waitFor(() => !model.images.some((i) => i.tags.includes(`shipshape-test:${tag}`)), 'the removed tag disappears', 3000);
  });

  it('makes no API request while idle (only the open event stream)', async () => {
    const before = proxy.requests.length;
    await new Promise((r) => setTimeout(r, 3000));
    assert.deepEqual(proxy.requests.slice(before), []);
    assert.ok(proxy.requests.includes('GET /events'), 'one event stream is open');
  });

  it('answers a burst of container events with few list requests', async () => {
    // Count the container events ourselves on a second stream.
    const events = (await client.api.getEvents({ filters: { type: ['container', 'network'] } })) as NodeJS.ReadableStream & { destroy(): void };
    let seen = 0;
    events.on('data', (chunk: Buffer) => (seen += chunk.toString().split('\n').filter((l) => l.trim()).length));
    const before = proxy.requests.length;
    const ids = await Promise.all([1, 2, 3, 4, 5].map((i) => runBusybox(client, uniqueName(`burst${i}`))));
    created.push(...ids);
    await waitFor(() => ids.every((id) => model.containers.some((c) => c.id === id && c.state === 'running')), 'all five appear', 5000);
    await new Promise((r) => setTimeout(r, 200));
    events.destroy();
    const lists = proxy.requests.slice(before).filter((r) => r === 'GET /containers/json').length;
    assert.ok(seen >= 10, `saw ${seen} events`);
    assert.ok(lists < seen, `${lists} list requests for ${seen} container and network events`);
  });

  it('shows a list the live daemon refuses (HTTP 500) as a problem of that part with its reason, keeps the rest live, and clears it on the next event', async () => {
    model.dispose();
    proxy.refuse('GET /volumes', 500, 'volume store is not readable (refused by the test proxy)');
    model = new DockerModel(createDockerClient({ host: `unix://${proxy.socketPath}` }), { partRetryMs: [60_000] });
    await model.start();
    assert.equal(model.connection.kind, 'connected');
    assert.deepEqual(model.problems.map((p) => [p.part, p.message]), [['volumes', 'volume store is not readable (refused by the test proxy)']]);
    assert.ok(model.images.some((i) => i.tags.includes('busybox:latest')), 'the other parts are live');
    proxy.allow('GET /volumes');
    const volume = (await client.api.createVolume({ Name: uniqueName('vol'), Labels: { [TEST_LABEL]: 'true' } })) as unknown as { name: string; remove(): Promise<void> };
    try {
      await waitFor(() => model.problems.length === 0 && model.volumes.some((v) => v.name === volume.name), 'the volume event read the volumes again', 3000);
    } finally {
      await volume.remove();
    }
  });

  it('reports disconnected when the socket goes away, and reconnects when it returns', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const socket = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-gone-')), 'docker.sock');
    const own = await startCountingProxy('/var/run/docker.sock', socket);
    model.dispose();
    model = new DockerModel(createDockerClient({ host: `unix://${socket}` }));
    await model.start();
    assert.equal(model.connection.kind, 'connected');
    await own.close();
    await waitFor(() => model.connection.kind === 'disconnected', 'disconnected within 2 s', 2000);
    const lost = model.connection as { kind: string; reason?: string };
    assert.match(lost.reason ?? '', /event stream ended|no daemon socket/);
    const back = await startCountingProxy('/var/run/docker.sock', socket);
    try {
      await waitFor(() => model.connection.kind === 'connected', 'reconnected within 5 s', 5000);
    } finally {
      model.dispose();
      await back.close();
    }
  });
});
