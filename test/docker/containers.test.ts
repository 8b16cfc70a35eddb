import assert from 'node:assert/strict';
import { DaemonUnreachableError, createDockerClient } from '../../src/docker/client';
import { listContainers } from '../../src/docker/containers';
import { removeContainer, runBusybox, testClient, uniqueName } from '../support/daemon';

describe('docker/containers (real daemon)', () => {
  const client = testClient();
  const created: string[] = [];
  after(async () => {
    for (const id of created) await removeContainer(client, id);
  });

  it('lists a running and a stopped container with their state and status', async () => {
    const up = uniqueName('up');
    const done = uniqueName('done');
    created.push(await runBusybox(client, up), await runBusybox(client, done, ['true']));
    await client.api.getContainer(done).wait();
    const list = await listContainers(client);
    const byName = new Map(list.map((c) => [c.name, c]));
    assert.equal(byName.get(up)?.state, 'running');
    assert.match(byName.get(up)!.status, /^Up /);
    assert.equal(byName.get(done)?.state, 'exited');
    assert.match(byName.get(done)!.status, /^Exited \(0\)/);
    assert.equal(byName.get(up)?.image, 'busybox:latest');
    const firstExited = list.findIndex((c) => c.state === 'exited');
    assert.ok(list.slice(firstExited).every((c) => c.state !== 'running'), 'running containers come before stopped ones');
  });

  it('raises DaemonUnreachableError naming the socket when nothing listens there', async () => {
    const nowhere = createDockerClient({ host: 'unix:///tmp/shipshape-absent.sock' });
    await assert.rejects(listContainers(nowhere), (e: unknown) => e instanceof DaemonUnreachableError && /no daemon socket at unix:\/\/\/tmp\/shipshape-absent\.sock/.test(e.message));
  });
});
