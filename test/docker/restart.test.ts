// Stops and restarts a dockerd under a live model: a private one this test starts and stops
// (test/support/private-dockerd.ts), never the machine's daemon, whose containers are the user's.
import assert from 'node:assert/strict';
import { DockerModel } from '../../src/docker/model';
import { TEST_LABEL, runBusybox, uniqueName } from '../support/daemon';
import { PrivateDockerd } from '../support/private-dockerd';
import { waitFor } from '../support/wait';

describe('docker/model across a daemon restart (a private dockerd of the test\'s own)', () => {
  it('shows disconnected within 2 s of dockerd stopping while a container runs, reconnects within 5 s of its restart with the lists reloaded, with no unhandled rejection', async function () {
    this.timeout(300_000); // start, a stop of 10+ s, a restart, and cleanup that may wait for a stuck daemon
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    let daemon: PrivateDockerd | undefined;
    let model: DockerModel | undefined;
    try {
      daemon = await PrivateDockerd.start(); // throws (and so fails the test) with the reason when it cannot run
      const client = daemon.client();
      // busybox as PID 1 ignores SIGTERM: dockerd waits its stop timeout (10 s) before killing it.
      const id = await runBusybox(client, uniqueName('restart'));
      model = new DockerModel(client);
      await model.start();
      assert.equal(model.connection.kind, 'connected');
      assert.ok(model.containers.some((c) => c.id === id && c.state === 'running'), 'the running container is listed');

      const stopping = Date.now();
      const stopped = daemon.stop();
      await waitFor(() => model!.connection.kind === 'disconnected', 'disconnected while dockerd stops its container', 2000);
      const disconnectedAfter = Date.now() - stopping;
      const stopTook = await stopped;
      assert.ok(stopTook > 2000, `dockerd took ${stopTook} ms to stop: the bound was met while it was still stopping the container`);
      assert.equal(model.connection.kind, 'disconnected');

      await daemon.restart(); // same data-root: the container and busybox are still there
      const answering = Date.now();
      await waitFor(() => model!.connection.kind === 'connected', 'reconnected', 5000);
      const reconnectedAfter = Date.now() - answering;
      console.log(`      disconnected ${disconnectedAfter} ms after SIGTERM (dockerd took ${stopTook} ms to exit); reconnected ${reconnectedAfter} ms after it answered again`);
      assert.ok(model.images.some((i) => i.tags.includes('busybox:latest')), 'images reloaded after reconnecting');
      const again = model.containers.find((c) => c.id === id);
      assert.ok(again, 'containers reloaded after reconnecting');
      assert.equal(again.labels[TEST_LABEL], 'true');
      assert.notEqual(again.state, 'running', 'the container dockerd stopped is listed as stopped');
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(rejections, []);
    } finally {
      model?.dispose();
      process.off('unhandledRejection', onRejection);
      await daemon?.dispose();
    }
  });
});
