// The network kind against the real daemon: a labelled network with a subnet, two members (one with an
// alias), name resolution through nslookup in busybox.
import assert from 'node:assert/strict';
import network from '../../../../src/core/labs/checks/network';
import { TEST_LABEL, removeContainer, testClient, uniqueName } from '../../../support/daemon';
import { field, judge, labContext, passed, itFails, type FailingCase } from '../../../support/lab-checks';

describe('labs check: network (real daemon)', () => {
  const client = testClient();
  const net = uniqueName('net');
  const a = uniqueName('na');
  const b = uniqueName('nb');
  const outsider = uniqueName('nc');
  let subnet = '';
  const ids: string[] = [];

  before(async () => {
    for (let tries = 0; !subnet; tries++) {
      const candidate = `10.${233 + (tries % 3)}.${Math.floor(Math.random() * 250) + 1}.0/24`;
      try {
        await client.api.createNetwork({ Name: net, Driver: 'bridge', Labels: { [TEST_LABEL]: 'true' }, IPAM: { Config: [{ Subnet: candidate }] } });
        subnet = candidate;
      } catch (error) {
        if (tries > 10) throw error; // overlapping pools: try another
      }
    }
    const run = async (name: string, aliases: string[] = [], attach = true) => {
      const c = await client.api.createContainer({
        name, Image: 'busybox:latest', Cmd: ['sleep', '300'], Labels: { [TEST_LABEL]: 'true' },
        HostConfig: { NetworkMode: attach ? net : 'bridge' },
        ...(attach ? { NetworkingConfig: { EndpointsConfig: { [net]: { Aliases: aliases } } } } : {}),
      });
      ids.push(c.id);
      await c.start();
    };
    await run(a);
    await run(b, ['database', 'db2']);
    await run(outsider, [], false);
  });

  after(async () => {
    for (const id of ids) await removeContainer(client, id);
    await client.api.getNetwork(net).remove().catch(() => undefined);
  });

  const ctx = () => labContext();

  it('passes: exists, driver, subnet, members, aliases, and a resolves b', async () => {
    const obs = await judge(network, { network: net, driver: 'bridge', subnet, members: [a, b], aliases: { [b]: 'database, db2' }, resolves: { from: a, name: b } }, ctx());
    assert.ok(passed(obs), JSON.stringify(obs));
    assert.match(field(obs, 'resolves').actual, new RegExp(`^${a} resolves ${b} to ${subnet.replace(/0\/24$/, '').replace(/\./g, '\\.')}\\d+$`));
    assert.equal(field(obs, 'exists').actual, `network ${net} exists`);
  });

  const failing: FailingCase[] = [
    { title: 'a missing network', fields: { network: `${net}-nope`, driver: 'bridge' }, field: 'exists', expected: `network ${net}-nope exists`, actual: `no network ${net}-nope`, hint: /^create it: docker network create / },
    { title: 'a network that should be gone', fields: { network: net, exists: false }, field: 'exists', expected: `no network ${net}`, actual: `network ${net} exists`, hint: /^remove it: docker network rm / },
    { title: 'another driver', fields: { network: net, driver: 'overlay' }, field: 'driver', expected: 'driver overlay', actual: 'driver bridge', hint: /--driver overlay/ },
    { title: 'another subnet', fields: { network: net, subnet: '192.0.2.0/24' }, field: 'subnet', expected: 'subnet 192.0.2.0/24', actual: /^subnet 10\.23\d\.\d+\.0\/24$/, hint: /--subnet 192\.0\.2\.0\/24/ },
    { title: 'a container not attached', fields: { network: net, members: [outsider] }, field: `members.${outsider}`, expected: `${outsider} attached to ${net}`, actual: /^attached: .+ and .+$/, hint: new RegExp(`docker network connect ${net} ${outsider}`) },
    { title: 'an alias it lacks', fields: { network: net, aliases: { [b]: 'cache' } }, field: `aliases.${b}`, expected: `${b} known as cache on ${net}`, actual: 'aliases database and db2', hint: /--alias cache/ },
    { title: 'an alias of a container not on the network', fields: { network: net, aliases: { [outsider]: 'x1' } }, field: `aliases.${outsider}`, expected: `${outsider} known as x1 on ${net}`, actual: `${outsider} is not attached to ${net}`, hint: /network connect/ },
    { title: 'a name that does not resolve', fields: { network: net, resolves: { from: a, name: outsider } }, field: 'resolves', expected: `${a} resolves ${outsider}`, actual: `${a} cannot resolve ${outsider}`, hint: /user-defined networks/ },
    { title: 'resolution from a missing container', fields: { network: net, resolves: { from: `${a}-gone`, name: b } }, field: 'resolves', expected: `${a}-gone resolves ${b}`, actual: `no container ${a}-gone`, hint: /docker run -d --name/ },
  ];
  itFails(network, failing, ctx);

  it('passes: a removed network with exists: false', async () => {
    assert.ok(passed(await judge(network, { network: `${net}-nope`, exists: false }, ctx())));
  });

  it('refuses resolves without from and name at load', () => {
    assert.deepEqual(network.validate!({ network: net, resolves: { from: a, to: b } }), [
      { field: 'resolves', message: 'resolves takes exactly from and name (not to)', hint: 'write resolves: {from: web, name: db}' },
    ]);
  });
});
