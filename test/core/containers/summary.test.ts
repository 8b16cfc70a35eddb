import assert from 'node:assert/strict';
import { ContainerSummary, formatContainerTable, publishedTcpUrls, sortContainers, summarizeContainer } from '../../../src/core/containers/summary';

const entry = {
  Id: '4f1c2b3a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a',
  Names: ['/web/db', '/db'],
  Image: 'postgres:16',
  State: 'running',
  Status: 'Up 3 minutes (healthy)',
  Created: 1_700_000_000,
  Labels: { 'com.docker.compose.project': 'shop' },
  Ports: [
    { IP: '0.0.0.0', PrivatePort: 5432, PublicPort: 15432, Type: 'tcp' },
    { IP: '::', PrivatePort: 5432, PublicPort: 15432, Type: 'tcp' },
    { PrivatePort: 9187, Type: 'tcp' },
  ],
};

describe('core/containers/summary', () => {
  it('takes the container name without its slash, skipping legacy link aliases', () => {
    assert.equal(summarizeContainer(entry).name, 'db');
  });

  it('falls back to the short id when the daemon gives no name', () => {
    assert.equal(summarizeContainer({ Id: entry.Id }).name, '4f1c2b3a9d8e');
  });

  it('keeps image, state, status, labels and an ISO creation time', () => {
    const s = summarizeContainer(entry);
    assert.deepEqual(
      { image: s.image, state: s.state, status: s.status, created: s.created, labels: s.labels },
      { image: 'postgres:16', state: 'running', status: 'Up 3 minutes (healthy)', created: '2023-11-14T22:13:20.000Z', labels: { 'com.docker.compose.project': 'shop' } },
    );
  });

  it('maps an unfamiliar state to "unknown" instead of passing it through', () => {
    assert.equal(summarizeContainer({ ...entry, State: 'hibernating' }).state, 'unknown');
    assert.equal(summarizeContainer({ ...entry, State: 'Exited' }).state, 'exited');
  });

  it('keeps the ports from the list entry, published or only exposed', () => {
    assert.deepEqual(summarizeContainer(entry).ports, [
      { privatePort: 5432, publicPort: 15432, type: 'tcp', ip: '0.0.0.0' },
      { privatePort: 5432, publicPort: 15432, type: 'tcp', ip: '::' },
      { privatePort: 9187, type: 'tcp' },
    ]);
    assert.deepEqual(summarizeContainer({ Id: entry.Id, Ports: null }).ports, []);
  });

  it('turns published TCP ports into one URL per host port, wildcards meaning this machine', () => {
    const ports = [
      ...summarizeContainer(entry).ports,
      { privatePort: 80, publicPort: 8080, type: 'tcp', ip: '127.0.0.1' },
      { privatePort: 53, publicPort: 5353, type: 'udp', ip: '0.0.0.0' },
      { privatePort: 443, publicPort: 8443, type: 'tcp', ip: '::1' },
    ];
    assert.deepEqual(publishedTcpUrls(ports).map((u) => u.url), ['http://127.0.0.1:8080', 'http://[::1]:8443', 'http://127.0.0.1:15432']);
    assert.deepEqual(publishedTcpUrls(ports, 'docker.example').map((u) => u.url).at(-1), 'http://docker.example:15432');
  });

  it('sorts running containers first, then by name', () => {
    const make = (name: string, state: ContainerSummary['state']): ContainerSummary => ({ ...summarizeContainer(entry), name, state });
    const sorted = sortContainers([make('b', 'exited'), make('z', 'running'), make('a', 'exited'), make('c', 'running'), make('p', 'paused')]);
    assert.deepEqual(sorted.map((c) => c.name), ['c', 'z', 'p', 'a', 'b']);
  });

  it('formats an aligned table with a header and the short id', () => {
    const table = formatContainerTable([summarizeContainer(entry)]);
    const [header, row] = table.trimEnd().split('\n');
    assert.match(header!, /^CONTAINER ID {3}NAME {3}IMAGE {9}STATE {5}STATUS$/);
    assert.equal(row, '4f1c2b3a9d8e   db     postgres:16   running   Up 3 minutes (healthy)');
  });
});

describe('core/containers/summary groupContainers', () => {
  it('puts containers under their Compose project, sorted, and keeps the rest ungrouped in their order', async () => {
    const { groupContainers, summarizeContainer } = await import('../../../src/core/containers/summary');
    const c = (name: string, project?: string) => summarizeContainer({ Id: name.padEnd(12, '0'), Names: [`/${name}`], State: 'running', Labels: project ? { 'com.docker.compose.project': project } : {} });
    const groups = groupContainers([c('web', 'shop'), c('lone'), c('db', 'shop'), c('api', 'blog')], 'compose');
    assert.deepEqual(groups.map((g) => [g.key, g.containers.map((x) => x.name)]), [['blog', ['api']], ['shop', ['web', 'db']], [null, ['lone']]]);
  });
});
