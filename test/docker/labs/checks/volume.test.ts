// The volume kind against the real daemon: a labelled volume mounted read-only in one container and
// read-write in another.
import assert from 'node:assert/strict';
import volume from '../../../../src/core/labs/checks/volume';
import { TEST_LABEL, removeContainer, testClient, uniqueName } from '../../../support/daemon';
import { field, judge, labContext, passed, itFails, type FailingCase } from '../../../support/lab-checks';

describe('labs check: volume (real daemon)', () => {
  const client = testClient();
  const vol = uniqueName('vol');
  const ro = uniqueName('vro');
  const rw = uniqueName('vrw');
  const ids: string[] = [];

  before(async () => {
    await client.api.createVolume({ Name: vol, Labels: { [TEST_LABEL]: 'true', course: 'docker-101' } });
    for (const [name, bind] of [[ro, `${vol}:/data:ro`], [rw, `${vol}:/srv/data`]] as const) {
      const c = await client.api.createContainer({ name, Image: 'busybox:latest', Cmd: ['sleep', '300'], Labels: { [TEST_LABEL]: 'true' }, HostConfig: { Binds: [bind] } });
      ids.push(c.id);
    }
  });

  after(async () => {
    for (const id of ids) await removeContainer(client, id);
    await client.api.getVolume(vol).remove().catch(() => undefined);
  });

  it('passes: exists, driver, labels, mounted read-only at /data and read-write at /srv/data', async () => {
    const ctx = labContext();
    const one = await judge(volume, { volume: vol, driver: 'local', labels: { course: 'docker-101' }, mountedIn: ro, path: '/data', readOnly: true }, ctx);
    assert.ok(passed(one), JSON.stringify(one));
    const two = await judge(volume, { volume: vol, mountedIn: rw, path: '/srv/data', readOnly: false }, ctx);
    assert.ok(passed(two), JSON.stringify(two));
    assert.equal(field(two, 'readOnly').actual, 'read-write');
  });

  const failing: FailingCase[] = [
    { title: 'a missing volume', fields: { volume: `${vol}-x`, mountedIn: ro }, field: 'exists', expected: `volume ${vol}-x exists`, actual: `no volume ${vol}-x`, hint: /docker volume create/ },
    { title: 'a volume that should be gone', fields: { volume: vol, exists: false }, field: 'exists', expected: `no volume ${vol}`, actual: `volume ${vol} exists`, hint: /docker volume rm/ },
    { title: 'another driver', fields: { volume: vol, driver: 'nfs' }, field: 'driver', expected: 'driver nfs', actual: 'driver local', hint: /--driver nfs/ },
    { title: 'a label with another value', fields: { volume: vol, labels: { course: 'k8s' } }, field: 'labels.course', expected: 'label course=k8s', actual: 'label course=docker-101', hint: /--label course=k8s/ },
    { title: 'a label it lacks', fields: { volume: vol, labels: { owner: 'me' } }, field: 'labels.owner', expected: 'label owner=me', actual: 'no label owner', hint: /--label owner=me/ },
    { title: 'mounted elsewhere', fields: { volume: vol, mountedIn: ro, path: '/var/data' }, field: 'mountedIn', expected: `${vol} mounted in ${ro}:/var/data`, actual: 'mounted at /data', hint: new RegExp(`-v ${vol}:/var/data`) },
    { title: 'read-write where read-only is wanted', fields: { volume: vol, mountedIn: rw, path: '/srv/data', readOnly: true }, field: 'readOnly', expected: 'read-only', actual: 'read-write', hint: /:ro/ },
    { title: 'a container that does not exist', fields: { volume: vol, mountedIn: `${ro}-gone` }, field: 'mountedIn', expected: `${vol} mounted in ${ro}-gone`, actual: `no container ${ro}-gone`, hint: /re-create/ },
  ];
  itFails(volume, failing, () => labContext());

  it('refuses path or readOnly without mountedIn, and a relative path, at load', () => {
    assert.deepEqual(volume.validate!({ volume: vol, path: 'data' }).map((p) => p.message), [
      'path says where the volume is mounted, so it needs mountedIn',
      'path "data" is not absolute',
    ]);
  });
});
