import kind from '../../../../src/core/labs/checks/ports';
import { uniqueName } from '../../../support/daemon';
import { kindCases, labContainers } from '../../../support/labs';

describe('labs check: ports (real daemon)', function () {
  this.timeout(60_000);
  const made = labContainers();
  const web = uniqueName('ports-web');
  const stopped = uniqueName('ports-stopped');
  const absent = uniqueName('ports-absent');
  // Host ports the daemon picked (free ones), read back after start.
  let any = 0;
  let loopback = 0;
  let udp = 0;

  before(async () => {
    const id = await made.run(web, {
      expose: ['9090/tcp'],
      hostConfig: { PortBindings: { '80/tcp': [{ HostPort: '' }], '81/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }], '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    const ports = (await made.client.api.getContainer(id).inspect()).NetworkSettings.Ports;
    any = Number(ports['80/tcp']![0]!.HostPort);
    loopback = Number(ports['81/tcp']![0]!.HostPort);
    udp = Number(ports['53/udp']![0]!.HostPort);
    await made.run(stopped, { start: false, hostConfig: { PortBindings: { '80/tcp': [{ HostPort: '' }] } } });
  });
  after(() => made.removeAll());

  kindCases(kind, {
    passing: [
      { name: 'one port, any host IP', fields: () => ({ container: web, published: `${any}:80` }) },
      { name: 'a list: any host IP, a given host IP, udp', fields: () => ({ container: web, published: [`${any}:80/tcp`, `127.0.0.1:${loopback}:81`, `${udp}:53/udp`] }) },
    ],
    failing: [
      {
        name: 'another host port, a port not published, a protocol not published, another host IP, exposed only',
        fields: () => ({ container: web, published: [`${loopback + 1}:81`, '8080:8080', `${loopback}:81/udp`, `10.0.0.1:${loopback}:81`, '9090:9090'] }),
        failures: () => [
          // On 127.0.0.1 only: a 0.0.0.0 binding also shows [::] where the host has IPv6, which varies between machines.
          { field: 'published', expected: `${loopback + 1}:81/tcp`, actual: `127.0.0.1:${loopback}->81/tcp`, hint: `re-create the container with \`-p ${loopback + 1}:81\`` },
          { field: 'published', expected: '8080:8080/tcp', actual: '8080/tcp not published', hint: 're-create the container with `-p 8080:8080`' },
          { field: 'published', expected: `${loopback}:81/udp`, actual: '81/udp not published', hint: `re-create the container with \`-p ${loopback}:81/udp\`` },
          { field: 'published', expected: `10.0.0.1:${loopback}:81/tcp`, actual: `127.0.0.1:${loopback}->81/tcp`, hint: `re-create the container with \`-p 10.0.0.1:${loopback}:81\`` },
          { field: 'published', expected: '9090:9090/tcp', actual: '9090/tcp exposed, not published', hint: 're-create the container with `-p 9090:9090`' },
        ],
      },
      {
        name: 'a stopped container publishes nothing',
        fields: () => ({ container: stopped, published: '8080:80' }),
        failures: () => [{ field: 'running', expected: 'running', actual: 'created', hint: `start it with \`docker start ${stopped}\`` }],
      },
      {
        name: 'a missing container',
        fields: () => ({ container: absent, published: '8080:80' }),
        failures: () => [{ field: 'container', expected: `a container named ${absent}`, actual: `no container named ${absent}`, hint: `create it with \`docker run --name ${absent} …\`` }],
      },
    ],
  });
});
