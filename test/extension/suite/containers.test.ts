import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ShipshapeApi } from '../../../src/extension/extension';
import type { DockerNode, GroupNode } from '../../../src/extension/containers/tree';
import { removeContainer, runBusybox, runBusyboxWith, testClient, uniqueName } from '../../support/daemon';
import { startCountingProxy } from '../../support/socket-proxy';
import { waitFor } from '../../support/wait';

async function api(): Promise<ShipshapeApi> {
  const extension = vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape');
  assert.ok(extension, 'the Shipshape extension is installed in this VS Code');
  return extension.activate();
}

type View = ShipshapeApi['containersView'];

/** The nodes under the Containers group (the root holds the groups when connected). */
function containerNodes(view: View) {
  const group = view.getChildren().find((n): n is GroupNode => n.kind === 'group' && n.group === 'containers');
  return group ? view.getChildren(group) : [];
}

describe('Containers view (real daemon, real VS Code)', () => {
  const client = testClient();
  let id: string | undefined;

  afterEach(async () => {
    if (id) await removeContainer(client, id);
    id = undefined;
  });

  it('shows a container created through dockerode, from the event stream alone (no refresh)', async () => {
    const shipshape = await api();
    await shipshape.context.docker.start();
    const name = uniqueName('view');
    id = await runBusybox(client, name);
    await waitFor(() => containerNodes(shipshape.containersView).some((n) => n.kind === 'container' && n.container.id === id && n.container.state === 'running'), 'the node appears', 5000);
    const node = containerNodes(shipshape.containersView).find((n) => n.kind === 'container' && n.container.id === id);
    assert.ok(node && node.kind === 'container');
    const item = shipshape.containersView.getTreeItem(node);
    assert.equal(item.label, name);
    assert.match(String(item.description), /^busybox:latest · Up /);
    // No ".published": the menu does not offer "Open Published Port in Browser" for it.
    assert.equal(item.contextValue, 'shipshape.container.running');
  });

  it('drops the container from the tree once it is removed', async () => {
    const shipshape = await api();
    await shipshape.context.docker.start();
    const created = await runBusybox(client, uniqueName('gone'));
    const has = () => containerNodes(shipshape.containersView).some((n) => n.kind === 'container' && n.container.id === created);
    await waitFor(has, 'the node appears', 5000);
    await removeContainer(client, created);
    await waitFor(() => !has(), 'the node disappears', 5000);
  });

  it('groups images, networks and volumes beside containers, with counts', async () => {
    const shipshape = await api();
    await shipshape.context.docker.start();
    const view = shipshape.containersView;
    const groups = view.getChildren();
    assert.deepEqual(groups.map((g) => (g.kind === 'group' ? g.group : g.kind)), ['containers', 'images', 'networks', 'volumes']);
    const images = view.getChildren(groups[1] as GroupNode);
    assert.ok(images.some((n) => n.kind === 'image' && view.getTreeItem(n).label === 'busybox:latest'));
    assert.equal(view.getTreeItem(groups[1]!).description, String(images.length));
    assert.ok(view.getChildren(groups[2] as GroupNode).some((n) => n.kind === 'network' && n.network.name === 'bridge'));
  });

  it('shows "Docker is not reachable" with a retry action when the daemon setting points nowhere, and recovers', async () => {
    const shipshape = await api();
    const config = vscode.workspace.getConfiguration('shipshape');
    try {
      await config.update('docker.host', 'unix:///tmp/shipshape-no-such.sock', vscode.ConfigurationTarget.Global);
      await waitFor(() => shipshape.context.docker.connection.kind === 'disconnected');
      const [node] = shipshape.containersView.getChildren();
      assert.ok(node && node.kind === 'message');
      const item = shipshape.containersView.getTreeItem(node);
      assert.match(String(item.label), /^Docker is not reachable: no daemon socket at unix:\/\/\/tmp\/shipshape-no-such\.sock/);
      assert.equal(item.command?.command, 'shipshape.containers.refresh');
    } finally {
      await config.update('docker.host', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => shipshape.context.docker.connection.kind === 'connected');
  });

  it('shows a list the daemon refuses as an error row under its group, with the reason and a retry, counted in the status bar', async () => {
    const shipshape = await api();
    const config = vscode.workspace.getConfiguration('shipshape');
    const proxy = await startCountingProxy();
    proxy.refuse('GET /volumes', 500, 'volume store is not readable (refused by the test proxy)');
    const volumeRows = () => {
      const group = shipshape.containersView.getChildren().find((n): n is GroupNode => n.kind === 'group' && n.group === 'volumes');
      return group ? shipshape.containersView.getChildren(group).map((n) => shipshape.containersView.getTreeItem(n)) : [];
    };
    try {
      await config.update('docker.host', `unix://${proxy.socketPath}`, vscode.ConfigurationTarget.Global);
      await waitFor(() => shipshape.context.docker.connection.kind === 'connected' && shipshape.context.docker.problems.length === 1, 'connected, volumes refused', 5000);
      const [row] = volumeRows();
      assert.equal(String(row?.label), 'Could not list volumes: volume store is not readable (refused by the test proxy)');
      assert.equal(row?.command?.command, 'shipshape.containers.refresh');
      assert.match(shipshape.statusItem()?.text ?? '', /^\$\(vm-running\) Docker \S+ · 1 problem$/);
      assert.ok(containerNodes(shipshape.containersView).length > 0, 'the containers stay listed');
      proxy.allow('GET /volumes');
      await vscode.commands.executeCommand('shipshape.containers.refresh');
      await waitFor(() => shipshape.context.docker.problems.length === 0 && !/problem/.test(shipshape.statusItem()?.text ?? ''), 'the retry cleared the problem', 5000);
      assert.ok(!volumeRows().some((r) => /^Could not list/.test(String(r.label))));
    } finally {
      await config.update('docker.host', undefined, vscode.ConfigurationTarget.Global);
      await proxy.close();
    }
    await waitFor(() => shipshape.context.docker.connection.kind === 'connected');
  });
});

/**
 * Each detail row as the workbench draws it, read back as [label, value]: the value leads (TreeItem label)
 * and its label follows (description), except rows whose short label leads (namespace types).
 */
function drawnRows(view: View, nodes: DockerNode[]): [string, string][] {
  return nodes.map((n) => {
    assert.ok(n.kind === 'row');
    const item = view.getTreeItem(n);
    const first = String(typeof item.label === 'object' ? item.label.label : item.label);
    const second = String(item.description);
    const valueFirst = n.row.value !== '' && n.row.lead !== 'label';
    assert.equal(first, valueFirst ? n.row.value : n.row.label, 'what leads');
    assert.match(String(item.tooltip), new RegExp(`^${n.row.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), 'the tooltip names the row');
    return valueFirst ? [second.replace(/ · via (API|helper)$/, ''), first] : [first, second.replace(/ · via (API|helper)$/, '')];
  });
}

describe('Container internals in the tree (real daemon, real VS Code)', () => {
  const client = testClient();
  let id = '';
  const name = uniqueName('internals');
  before(async () => {
    id = await runBusyboxWith(client, name, { Memory: 64 * 1024 * 1024, NanoCpus: 500_000_000, PidsLimit: 50, UTSMode: 'host' });
  });
  after(async () => removeContainer(client, id));

  async function sectionRows(section: string) {
    const shipshape = await api();
    await shipshape.context.docker.start();
    const view = shipshape.containersView;
    await waitFor(() => containerNodes(view).some((n) => n.kind === 'container' && n.container.id === id && n.container.state === 'running'), 'container listed', 5000);
    const node = containerNodes(view).find((n) => n.kind === 'container' && n.container.id === id)!;
    assert.equal(view.getTreeItem(node).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const sections = await view.getChildren(node);
    assert.deepEqual(sections.map((s) => String(view.getTreeItem(s).label)), ['Overview', 'Resources (cgroup)', 'Namespaces', 'Security']);
    const target = sections.find((s) => s.kind === 'section' && s.section === section)!;
    return drawnRows(view, await view.getChildren(target));
  }

  it('Resources shows the cgroup limits in effect: 64 MiB, 0.5 CPU, 50 pids', async () => {
    const rows = new Map(await sectionRows('resources'));
    assert.equal(rows.get('memory limit'), '64 MiB');
    assert.match(rows.get('OOM killer') ?? '', /^no process killed/);
    assert.match(rows.get('cpu quota') ?? '', /0\.5 CPU/);
    assert.equal(rows.get('pids limit'), '50');
    assert.match(rows.get('path') ?? '', new RegExp(id));
  });

  it('Namespaces classifies uts as host and net as private', async () => {
    const rows = new Map(await sectionRows('namespaces'));
    assert.match(rows.get('uts') ?? '', /^host · \d+/);
    assert.match(rows.get('net') ?? '', /^private · \d+/, 'the inode beside the sharing, not only in the tooltip');
  });

  it('Overview shows created and started as local time and how long ago, not as ISO strings', async () => {
    const rows = new Map(await sectionRows('overview'));
    assert.match(rows.get('created') ?? '', /^(now|\d+ (seconds?|minutes?) ago) \(\d\d:\d\d\)$/);
    assert.match(rows.get('started') ?? '', /^(now|\d+ (seconds?|minutes?) ago) \(\d\d:\d\d\)$/);
  });

  it('has one exhaustive table of sections: an unknown section does not compile', async () => {
    const view = (await api()).containersView;
    // @ts-expect-error 'limits' is no section: SectionKind is the keys of the sections table
    const node = view.sectionNode(id, 'limits');
    assert.throws(() => view.getTreeItem(node));
  });

  it('Security lists the capabilities in effect and seccomp filtering', async () => {
    const rows = new Map(await sectionRows('security'));
    assert.match(rows.get('capabilities') ?? '', /^\d+ in effect$/);
    assert.match(rows.get('seccomp') ?? '', /^filter/);
  });
});

describe('Grouping containers by Compose project (real daemon, real VS Code)', () => {
  const client = testClient();
  const project = uniqueName('proj');
  const ids: string[] = [];
  before(async () => {
    for (const service of ['web', 'db']) {
      const c = await client.api.createContainer({
        name: uniqueName(service),
        Image: 'busybox:latest',
        Cmd: ['sleep', '300'],
        Labels: { 'dev.shipshape.test': 'true', 'com.docker.compose.project': project, 'com.docker.compose.service': service },
      });
      await c.start();
      ids.push(c.id);
    }
  });
  after(async () => {
    await vscode.workspace.getConfiguration('shipshape').update('containers.groupBy', undefined, vscode.ConfigurationTarget.Global);
    for (const id of ids) await removeContainer(client, id);
  });

  it('shows a project node holding the project\'s containers when shipshape.containers.groupBy is "compose"', async () => {
    const shipshape = await api();
    await shipshape.context.docker.start();
    const view = shipshape.containersView;
    await waitFor(() => ids.every((id) => containerNodes(view).some((n) => n.kind === 'container' && n.container.id === id)), 'both listed flat', 5000);
    await vscode.workspace.getConfiguration('shipshape').update('containers.groupBy', 'compose', vscode.ConfigurationTarget.Global);
    await waitFor(() => containerNodes(view).some((n) => n.kind === 'project' && n.key === project), 'the project node', 5000);
    const node = containerNodes(view).find((n) => n.kind === 'project' && n.key === project)!;
    assert.match(String(view.getTreeItem(node).description), /^Compose project · 2\/2 running$/);
    const inside = await view.getChildren(node);
    assert.deepEqual(inside.map((n) => (n.kind === 'container' ? n.container.id : '')).sort(), [...ids].sort());
    assert.ok(!containerNodes(view).some((n) => n.kind === 'container' && ids.includes(n.container.id)), 'not also listed at the top level');
  });
});

/** An HTTP proxy in front of the real Docker socket that can be told to refuse stats calls, as a failing daemon would. */
async function startStatsProxy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-stats-proxy-'));
  const socketPath = path.join(dir, 'docker.sock');
  const state = { refuseStats: false, statsCalls: 0 };
  const server = http.createServer((req, res) => {
    if (/\/containers\/[^/]+\/stats/.test(req.url ?? '')) {
      state.statsCalls++;
      if (state.refuseStats) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: 'stats refused by the test proxy' }));
        return;
      }
    }
    const upstream = http.request({ socketPath: '/var/run/docker.sock', method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.flushHeaders(); // the /events stream sends its headers long before any event
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    host: `unix://${socketPath}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => (fs.rmSync(dir, { recursive: true, force: true }), resolve()));
      }),
  };
}

describe('Live usage in the Resources section (real daemon behind a proxy, real VS Code)', () => {
  const client = testClient();

  it('shows "live usage stopped" with the daemon\'s reason when a stats call fails, and samples no more', async () => {
    const proxy = await startStatsProxy();
    const config = vscode.workspace.getConfiguration('shipshape');
    const id = await runBusybox(client, uniqueName('live'));
    try {
      const shipshape = await api();
      await config.update('docker.host', proxy.host, vscode.ConfigurationTarget.Global);
      await shipshape.context.docker.start();
      const view = shipshape.containersView;
      await waitFor(() => shipshape.context.endpoint?.host === proxy.host && containerNodes(view).some((n) => n.kind === 'container' && n.container.id === id), 'listed through the proxy', 10_000);
      // Expanded in the workbench, as a click would: the view's expand event starts the watch.
      const section = view.sectionNode(id, 'resources');
      await shipshape.containersTree.reveal(section, { expand: true });
      const liveRows = async () => drawnRows(view, await view.getChildren(section)).filter(([label]) => label.startsWith('live'));
      await waitFor(async () => (await liveRows()).some(([label, value]) => label === 'live' && /^[\d.]+% CPU · [\d.]+ [KMG]?i?B · \d+ pids?$/.test(value)), 'live usage sampled', 10_000);

      proxy.state.refuseStats = true;
      await waitFor(async () => (await liveRows()).some(([label, value]) => label === 'live usage stopped' && value === 'stats refused by the test proxy'), 'the row says sampling stopped and why', 10_000);
      assert.deepEqual(await liveRows(), [['live usage stopped', 'stats refused by the test proxy']]);
      const calls = proxy.state.statsCalls;
      await new Promise((r) => setTimeout(r, 3500));
      assert.equal(proxy.state.statsCalls, calls, 'no stats call after the watch was dropped');
    } finally {
      await config.update('docker.host', undefined, vscode.ConfigurationTarget.Global);
      await removeContainer(client, id);
      await proxy.close();
    }
  });
});
