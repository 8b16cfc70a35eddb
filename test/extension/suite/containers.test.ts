import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShipshapeApi } from '../../../src/extension/extension';
import { removeContainer, runBusybox, testClient, uniqueName } from '../../support/daemon';
import { waitFor } from '../../support/wait';

async function api(): Promise<ShipshapeApi> {
  const extension = vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape');
  assert.ok(extension, 'the Shipshape extension is installed in this VS Code');
  return extension.activate();
}

type View = ShipshapeApi['containersView'];

/** The nodes under the Containers group (the root holds the groups when connected). */
function containerNodes(view: View) {
  const group = view.getChildren().find((n) => n.kind === 'group' && n.group === 'containers');
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
    const images = view.getChildren(groups[1]);
    assert.ok(images.some((n) => n.kind === 'image' && view.getTreeItem(n).label === 'busybox:latest'));
    assert.equal(view.getTreeItem(groups[1]!).description, String(images.length));
    assert.ok(view.getChildren(groups[2]).some((n) => n.kind === 'network' && n.network.name === 'bridge'));
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
});
