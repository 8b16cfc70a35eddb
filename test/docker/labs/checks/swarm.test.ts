// The swarm kind: the machine's daemon (never put in a swarm by a test) for the inactive case, and a
// private dockerd put in a swarm of one with a 2-replica busybox service for the rest.
import assert from 'node:assert/strict';
import swarm from '../../../../src/core/labs/checks/swarm';
import { daemonForLabs } from '../../../../src/docker/labs';
import { uniqueName } from '../../../support/daemon';
import { field, judge, labContext, passed, itFails, type FailingCase } from '../../../support/lab-checks';
import { PrivateDockerd } from '../../../support/private-dockerd';
import { waitFor } from '../../../support/wait';

describe('labs check: swarm, inactive (the machine\'s daemon)', () => {
  it('passes active: false and fails active: true with swarm init as the hint', async () => {
    const state = (await labContext().daemon.swarm()).state;
    assert.equal(state, 'inactive', 'the machine\'s daemon is in a swarm: tests must never put it in one (see RECIPES.md)');
    assert.ok(passed(await judge(swarm, { active: false }, labContext())));
    const o = field(await judge(swarm, { active: true, service: 'web', replicas: 2 }, labContext()), 'active');
    assert.deepEqual([o.ok, o.expected, o.actual, o.hint], [false, 'swarm active', 'swarm inactive', 'docker swarm init --advertise-addr 127.0.0.1']);
  });
});

describe('labs check: swarm, active (a private dockerd)', function () {
  this.timeout(120_000);
  let dockerd: PrivateDockerd | undefined;
  const service = uniqueName('svc');
  const port = 30000 + Math.floor(Math.random() * 20000);
  const ctx = () => labContext({}, { daemon: daemonForLabs(() => dockerd!.client()) });

  before(async () => {
    const began = Date.now();
    dockerd = await PrivateDockerd.start();
    const api = dockerd.client().api;
    await api.swarmInit({ ListenAddr: `127.0.0.1:${port}`, AdvertiseAddr: '127.0.0.1' });
    await api.createService({
      Name: service,
      TaskTemplate: { ContainerSpec: { Image: 'busybox:latest', Command: ['sleep', '300'] } },
      Mode: { Replicated: { Replicas: 2 } },
      EndpointSpec: { Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: port + 1 }] },
    });
    await waitFor(async () => (await daemonForLabs(() => dockerd!.client()).service(service))?.runningTasks === 2, '2 replicas running', 60_000);
    console.log(`      (private dockerd, swarm init and 2 replicas running: ${Date.now() - began} ms)`);
  });

  after(async () => {
    await dockerd?.dispose();
  });

  it('passes: active, 1 node, the service with 2 running replicas, its image and published port', async () => {
    const obs = await judge(swarm, { active: true, nodes: 1, service, replicas: 2, image: 'busybox', published: [`${port + 1}:80`] }, ctx());
    assert.ok(passed(obs), JSON.stringify(obs, null, 1));
    assert.equal(field(obs, 'replicas').actual, '2 running of 2 desired');
  });

  const failing: FailingCase[] = [
    { title: 'a swarm that should be off', fields: { active: false }, field: 'active', expected: 'swarm inactive', actual: 'swarm active', hint: /swarm leave/ },
    { title: 'more nodes', fields: { nodes: 3 }, field: 'nodes', expected: 'at least 3 nodes', actual: '1 node', hint: /join-token/ },
    { title: 'a missing service', fields: { service: `${service}-x`, replicas: 1 }, field: 'service', expected: `service ${service}-x exists`, actual: `no service ${service}-x`, hint: /docker service create --name/ },
    { title: 'another replica count', fields: { service, replicas: 3 }, field: 'replicas', expected: '3 running', actual: '2 running of 2 desired', hint: new RegExp(`docker service scale ${service}=3`) },
    { title: 'another image', fields: { service, image: 'nginx:1.25' }, field: 'image', expected: 'image nginx:1.25', actual: /^image busybox:latest/, hint: /--image nginx:1\.25/ },
    { title: 'an update state of a service never updated', fields: { service, updateState: 'completed' }, field: 'updateState', expected: 'update completed', actual: 'update none (never updated)', hint: /inspect --pretty/ },
    { title: 'a port not published', fields: { service, published: ['8080:80'] }, field: 'published.8080:80', expected: 'port 8080:80/tcp published', actual: `published ${port + 1}:80/tcp`, hint: /--publish-add 8080:80\/tcp/ },
  ];
  itFails(swarm, failing, ctx);

  it('refuses at load service fields without a service, and a port it cannot read', () => {
    assert.deepEqual(swarm.validate!({ replicas: 2, published: ['80'] }).map((p) => p.message), ['replicas is about a service, so it needs service', 'published is about a service, so it needs service', '"80" is not a published port']);
  });
});
