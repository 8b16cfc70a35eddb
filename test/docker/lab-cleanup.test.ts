import assert from 'node:assert/strict';
import { PACK_LABEL } from '../../src/core/labs/pack';
import { ownershipOnDocker } from '../../src/docker/lab-cleanup';
import { TEST_LABEL, removeContainer, testClient, uniqueName } from '../support/daemon';
import { pack } from '../support/lab-pack';

describe('docker/lab-cleanup: a pack removes only what it owns (real daemon)', () => {
  const client = testClient();
  const u = uniqueName('own');
  const packId = u.replace(/^shipshape-test-/, '');
  const sample = pack([], {
    id: packId,
    resources: { containers: [`${u}-web`], networks: [`${u}-net`], volumes: [`${u}-data`], images: [`${u}-img:1`], prefixes: [`${u}-p-`] },
  });
  const made = { containers: [] as string[], networks: [] as string[], volumes: [] as string[], images: [] as string[] };

  const container = async (name: string, labels: Record<string, string> = {}) => {
    const c = await client.api.createContainer({ name, Image: 'busybox:latest', Cmd: ['sleep', '300'], Labels: { [TEST_LABEL]: 'true', ...labels } });
    made.containers.push(c.id);
    await c.start();
  };
  const network = async (name: string) => made.networks.push((await client.api.createNetwork({ Name: name, Labels: { [TEST_LABEL]: 'true' } })).id);
  const volume = async (name: string, labels: Record<string, string> = {}) => {
    await client.api.createVolume({ Name: name, Labels: { [TEST_LABEL]: 'true', ...labels } });
    made.volumes.push(name);
  };
  const tag = async (repo: string) => {
    await client.api.getImage('busybox:latest').tag({ repo, tag: '1' });
    made.images.push(`${repo}:1`);
  };

  before(async () => {
    // The pack's: a declared name, a prefix, its label.
    await container(`${u}-web`);
    await container(`${u}-p-one`);
    await container(`${u}-labelled`, { [PACK_LABEL]: packId });
    await network(`${u}-net`);
    await network(`${u}-p-net`);
    await volume(`${u}-data`);
    await volume(`${u}-labelled-vol`, { [PACK_LABEL]: packId });
    await tag(`${u}-img`);
    // Not the pack's: the prefix only as a substring, a name that merely starts with a declared one, another pack's label.
    await container(`x${u}-p-one`);
    await container(`${u}-web2`);
    await container(`${u}-other`, { [PACK_LABEL]: `${packId}-other` });
    await network(`x${u}-p-net`);
    await volume(`x${u}-data`);
    await tag(`x${u}-img`);
  });

  after(async () => {
    for (const id of made.containers) await removeContainer(client, id);
    for (const id of made.networks) await client.api.getNetwork(id).remove().catch(() => undefined);
    for (const name of made.volumes) await client.api.getVolume(name).remove().catch(() => undefined);
    for (const ref of made.images) await client.api.getImage(ref).remove().catch(() => undefined);
  });

  it('lists exactly the pack\'s objects, saying why each is the pack\'s, then removes them and nothing else', async () => {
    const ownership = ownershipOnDocker(() => client);
    const listed = await ownership.list(sample);
    assert.deepEqual(listed.map((o) => `${o.kind} ${o.name} (${o.because})`).sort(), [
      `container ${u}-labelled (label ${PACK_LABEL}=${packId})`,
      `container ${u}-p-one (prefix ${u}-p-)`,
      `container ${u}-web (declared)`,
      `image ${u}-img:1 (declared)`,
      `network ${u}-net (declared)`,
      `network ${u}-p-net (prefix ${u}-p-)`,
      `volume ${u}-data (declared)`,
      `volume ${u}-labelled-vol (label ${PACK_LABEL}=${packId})`,
    ]);
    const { removed, failed } = await ownership.remove(listed);
    assert.deepEqual(failed, []);
    assert.equal(removed.length, 8);
    assert.deepEqual(await ownership.list(sample), [], 'nothing of the pack is left');

    const names = (await client.api.listContainers({ all: true })).flatMap((c) => c.Names.map((n) => n.slice(1)));
    for (const name of [`x${u}-p-one`, `${u}-web2`, `${u}-other`]) assert.ok(names.includes(name), `container ${name} is untouched`);
    assert.ok((await client.api.listNetworks()).some((n) => n.Name === `x${u}-p-net`), 'the unrelated network is untouched');
    assert.ok((await client.api.listVolumes()).Volumes.some((v) => v.Name === `x${u}-data`), 'the unrelated volume is untouched');
    assert.ok(await client.api.getImage(`x${u}-img:1`).inspect(), 'the unrelated tag is untouched');
    assert.ok(await client.api.getImage('busybox:latest').inspect(), 'the image the pack\'s tag pointed at is still there');
  });
});
