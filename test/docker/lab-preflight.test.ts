// What preflight is told of the real daemon, and which of a pack's images it has.
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadPack } from '../../src/core/labs/load';
import { imageReadiness } from '../../src/docker/lab-images';
import { daemonFacts } from '../../src/docker/lab-preflight';
import { testClient } from '../support/daemon';

describe('docker/lab-images preflight facts (real daemon)', () => {
  const client = testClient();

  it('reads the API version, a Linux engine, cgroup v1 (this machine), rootful, not Podman, swarm inactive', async () => {
    const facts = await daemonFacts(client);
    const version = (await client.api.version()) as { ApiVersion: string };
    assert.deepEqual(
      { api: facts.apiVersion, os: facts.osType, cgroup: facts.cgroupVersion, rootless: facts.rootless, podman: facts.podman, swarm: facts.swarm },
      { api: version.ApiVersion, os: 'linux', cgroup: 'v1', rootless: false, podman: false, swarm: 'inactive' },
    );
  });

  it('says which of a pack\'s images the daemon has, by the reference it goes by', async () => {
    const { pack } = await loadPack(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'packs', 'sample'));
    const all = await imageReadiness(client, { ...pack!, images: [{ name: 'base', kind: 'pull', reference: 'busybox:latest', at: pack!.images[0]!.at }, { name: 'gone', kind: 'pull', reference: 'shipshape-test/never-built:1', at: pack!.images[0]!.at }] });
    assert.deepEqual(all.map((r) => [r.reference, r.present]), [['busybox:latest', true], ['shipshape-test/never-built:1', false]]);
  });
});
