// Stops and restarts the real dockerd under a live model. Runs after the other daemon tests in
// this folder (mocha loads files in name order); scripts/docker-up brings the daemon back.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DockerModel } from '../../src/docker/model';
import { testClient } from '../support/daemon';
import { waitFor } from '../support/wait';

const root = path.resolve(__dirname, '..', '..', '..');

function localDockerd(): boolean {
  return !process.env.DOCKER_HOST && spawnSync('pgrep', ['-x', 'dockerd']).status === 0;
}

const dockerdRunning = () => spawnSync('pgrep', ['-x', 'dockerd']).status === 0;

/** Brings the daemon back whatever happened, so no later test (or person) is left without one. */
function dockerUp(): { status: number | null; stderr: string } {
  return spawnSync('bash', [path.join(root, 'scripts', 'docker-up')], { encoding: 'utf8' });
}

describe('docker/model across a daemon restart (real dockerd)', () => {
  it('shows disconnected within 2 s of dockerd stopping, reconnects within 5 s of its restart, with no unhandled rejection', async function () {
    this.timeout(180_000);
    if (!localDockerd()) {
      // Only a dockerd this machine runs can be restarted; CI always has one.
      if (process.env.CI) assert.fail('CI must run a local dockerd (scripts/docker-up)');
      this.skip();
    }
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const model = new DockerModel(testClient());
    try {
      await model.start();
      assert.equal(model.connection.kind, 'connected');
      const stopped = Date.now();
      assert.equal(spawnSync('pkill', ['-x', 'dockerd']).status, 0, 'pkill dockerd');
      await waitFor(() => model.connection.kind === 'disconnected', 'disconnected', 2000);
      const disconnectedAfter = Date.now() - stopped;
      // dockerd stops its containers before it exits (up to its shutdown timeout each).
      await waitFor(() => !dockerdRunning(), 'dockerd exited', 120_000);
      const up = dockerUp();
      assert.equal(up.status, 0, up.stderr);
      const restarted = Date.now();
      await waitFor(() => model.connection.kind === 'connected', 'reconnected', 5000);
      console.log(`      disconnected after ${disconnectedAfter} ms; reconnected ${Date.now() - restarted} ms after the daemon answered again`);
      assert.ok(model.images.some((i) => i.tags.includes('busybox:latest')), 'lists reloaded after reconnecting');
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(rejections, []);
    } finally {
      model.dispose();
      process.off('unhandledRejection', onRejection);
      if (!dockerdRunning()) dockerUp();
    }
  });
});
