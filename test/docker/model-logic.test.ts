// DockerModel's logic against a fake of its daemon calls (no daemon needed): event ordering,
// coalescing, reconnect backoff and the parts a live daemon refuses. model.test.ts holds it to dockerd.
import assert from 'node:assert/strict';
import { DockerModel, ModelTiming } from '../../src/docker/model';
import { FakeDaemon, apiError, connectionError, fakeClient } from '../support/fake-daemon';
import { waitFor } from '../support/wait';

const container = (Id: string) => ({ Id, Names: [`/${Id}`], Image: 'busybox', State: 'running', Status: 'Up' });

describe('docker/model logic (fake daemon)', () => {
  let daemon: FakeDaemon;
  let model: DockerModel;
  const open = async (timing: Partial<ModelTiming> = {}) => {
    model = new DockerModel(fakeClient(daemon), { coalesceMs: 5, ...timing });
    await model.start();
  };

  beforeEach(() => (daemon = new FakeDaemon()));
  afterEach(() => model?.dispose());

  it('holds events that arrive while the lists are read and applies them after, on top of the lists', async () => {
    daemon.containers = [container('gone')];
    const release = daemon.hold('listContainers');
    const started = open();
    await waitFor(() => daemon.count('listContainers') === 1, 'the first list was asked for');
    // Both happen after the daemon answered the list (its answer has "gone" and not "new").
    daemon.containers = [container('new')];
    daemon.event('container', 'create', 'new');
    daemon.event('container', 'destroy', 'gone');
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(daemon.count('listContainers'), 1, 'no reload before the list has been applied');
    release();
    await started;
    await waitFor(() => model.containers.map((c) => c.id).join() === 'new', 'the held events applied after the list');
    assert.deepEqual(daemon.calls.filter((c) => c.startsWith('listContainers')), ['listContainers', 'listContainers id=new']);
  });

  it('answers a burst of container events with one filtered list request', async () => {
    await open();
    daemon.containers = ['a', 'b', 'c', 'd', 'e'].map(container);
    for (const c of daemon.containers) daemon.event('container', 'start', c.Id);
    await waitFor(() => model.containers.length === 5, 'five containers');
    assert.deepEqual(daemon.calls.filter((c) => c.startsWith('listContainers id=')), ['listContainers id=a,b,c,d,e']);
  });

  it('sends the ids that arrive while a reload is in flight together in the next request', async () => {
    await open();
    daemon.containers = ['a', 'b', 'c'].map(container);
    const release = daemon.hold('listContainers');
    daemon.event('container', 'start', 'a');
    await waitFor(() => daemon.count('listContainers id=a') === 1, 'the first reload asked for');
    daemon.event('container', 'start', 'b');
    daemon.event('container', 'start', 'c');
    release();
    await waitFor(() => model.containers.length === 3, 'three containers');
    assert.deepEqual(daemon.calls.filter((c) => c.startsWith('listContainers id=')), ['listContainers id=a', 'listContainers id=b,c']);
  });

  it('reconnects after the stream ends, waiting longer after each failed attempt, and starts over once connected', async () => {
    await open({ reconnectMs: [10, 40, 80] });
    const waits: number[] = [];
    model.onDidChange((change) => change === 'connection' && model.connection.kind === 'disconnected' && waits.push(model.connection.retryInMs));
    daemon.fail('getEvents', connectionError('ECONNREFUSED'), connectionError('ENOENT')); // other reasons, so each wait is announced
    daemon.stream.end();
    await waitFor(() => waits.length === 3 && model.connection.kind === 'connected', 'connected again');
    // One step of the backoff per failed attempt: a stream's 'end' and 'close' are one loss, not two.
    assert.deepEqual(waits.slice(0, 3), [10, 40, 80]);
    daemon.stream.end();
    await waitFor(() => model.connection.kind === 'connected' && waits.length === 4, 'connected once more');
    assert.equal(waits[3], 10);
  });

  it('shows a part a live daemon refuses to list with its reason, keeps the other parts, and clears it when a retry works', async () => {
    daemon.fail('listVolumes', apiError(500, 'error while listing volumes: plugin "nfs" not found'));
    daemon.volumes = [{ Name: 'data' }];
    const changes: string[] = [];
    model = new DockerModel(fakeClient(daemon), { partRetryMs: [30] });
    model.onDidChange((change) => changes.push(change));
    await model.start();
    assert.equal(model.connection.kind, 'connected');
    assert.deepEqual(model.problems.map(({ part, message, retryInMs }) => ({ part, message, retryInMs })), [
      { part: 'volumes', message: 'error while listing volumes: plugin "nfs" not found', retryInMs: 30 },
    ]);
    assert.ok(model.problemOf('volumes')!.since instanceof Date);
    assert.deepEqual(model.images.map((i) => i.tags[0]), ['busybox:latest']);
    assert.equal(model.volumes.length, 0);
    await waitFor(() => model.problems.length === 0, 'the retry cleared the problem', 2000);
    assert.deepEqual(model.volumes.map((v) => v.name), ['data']);
    assert.equal(daemon.count('listVolumes'), 2);
    assert.ok(changes.filter((c) => c === 'volumes').length >= 2, 'the volumes part changed when it failed and when it recovered');
  });

  it('does not swallow a reload a live daemon refuses after an event: the part is marked, and the next event clears it', async () => {
    await open({ partRetryMs: [60_000] });
    daemon.fail('listVolumes', apiError(500, 'boom'));
    daemon.event('volume', 'create', 'v1');
    await waitFor(() => model.problemOf('volumes')?.message === 'boom', 'the refused reload is shown');
    assert.equal(model.connection.kind, 'connected');
    daemon.volumes = [{ Name: 'v1' }];
    daemon.event('volume', 'create', 'v1');
    await waitFor(() => model.problems.length === 0 && model.volumes.length === 1, 'the next event read the part again');
  });

  it('waits longer before each retry of a part that keeps failing', async () => {
    daemon.fail('listImages', apiError(500, 'one'), apiError(500, 'two'), apiError(500, 'three'));
    const seen: number[] = [];
    model = new DockerModel(fakeClient(daemon), { partRetryMs: [10, 30, 60] });
    model.onDidChange((change) => {
      const p = model.problemOf('images');
      if (change === 'images' && p && seen.at(-1) !== p.retryInMs) seen.push(p.retryInMs);
    });
    await model.start();
    await waitFor(() => model.problems.length === 0, 'the fourth attempt worked', 2000);
    assert.deepEqual(seen, [10, 30, 60]);
    assert.equal(daemon.count('listImages'), 4);
  });

  it('retries a refused container list in full, and a container event then reads them all, not only its own', async () => {
    daemon.fail('listContainers', apiError(500, 'containers are not readable'));
    await open({ partRetryMs: [60_000] });
    assert.equal(model.problemOf('containers')?.message, 'containers are not readable');
    daemon.containers = ['a', 'b'].map(container);
    daemon.event('container', 'start', 'b');
    await waitFor(() => model.containers.length === 2 && model.problems.length === 0, 'both containers, problem cleared');
    assert.deepEqual(daemon.calls.filter((c) => c.startsWith('listContainers')), ['listContainers', 'listContainers']);
  });

  it('takes a lost connection during the lists as a disconnection, not as a part problem', async () => {
    daemon.fail('listNetworks', connectionError('ECONNRESET'));
    await open({ reconnectMs: [60_000] });
    assert.equal(model.connection.kind, 'disconnected');
    assert.deepEqual(model.problems, []);
  });

  it('forgets the previous daemon\'s problems on a switch', async () => {
    daemon.fail('listVolumes', apiError(500, 'boom'));
    await open({ partRetryMs: [60_000] });
    assert.equal(model.problems.length, 1);
    await model.setClient(fakeClient(new FakeDaemon()));
    assert.equal(model.connection.kind, 'connected');
    assert.deepEqual(model.problems, []);
  });
});
