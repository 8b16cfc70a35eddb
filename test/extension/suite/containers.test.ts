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

describe('Containers view (real daemon, real VS Code)', () => {
  const client = testClient();
  let id: string | undefined;

  afterEach(async () => {
    if (id) await removeContainer(client, id);
    id = undefined;
  });

  it('lists a container created through dockerode after a refresh', async () => {
    const shipshape = await api();
    const name = uniqueName('view');
    id = await runBusybox(client, name);
    await vscode.commands.executeCommand('shipshape.containers.refresh');
    const nodes = shipshape.containersView.getChildren();
    const node = nodes.find((n) => n.kind === 'container' && n.container.id === id);
    assert.ok(node && node.kind === 'container', `the tree has a node for ${name}; got ${nodes.map((n) => (n.kind === 'container' ? n.container.name : n.text)).join(', ')}`);
    const item = shipshape.containersView.getTreeItem(node);
    assert.equal(item.label, name);
    assert.match(String(item.description), /^busybox:latest · Up /);
    assert.equal(item.contextValue, 'shipshape.container.running');
  });

  it('drops the container from the tree once it is removed', async () => {
    const shipshape = await api();
    const name = uniqueName('gone');
    const created = await runBusybox(client, name);
    await vscode.commands.executeCommand('shipshape.containers.refresh');
    assert.ok(shipshape.containersView.getChildren().some((n) => n.kind === 'container' && n.container.id === created));
    await removeContainer(client, created);
    await vscode.commands.executeCommand('shipshape.containers.refresh');
    assert.ok(!shipshape.containersView.getChildren().some((n) => n.kind === 'container' && n.container.id === created));
  });

  it('shows "Docker is not reachable" with a retry action when the daemon setting points nowhere, and recovers', async () => {
    const shipshape = await api();
    const config = vscode.workspace.getConfiguration('shipshape');
    try {
      await config.update('docker.host', 'unix:///tmp/shipshape-no-such.sock', vscode.ConfigurationTarget.Global);
      await waitFor(() => shipshape.context.containers.state.kind === 'disconnected');
      const [node] = shipshape.containersView.getChildren();
      assert.ok(node && node.kind === 'message');
      const item = shipshape.containersView.getTreeItem(node);
      assert.match(String(item.label), /^Docker is not reachable: no daemon socket at unix:\/\/\/tmp\/shipshape-no-such\.sock/);
      assert.equal(item.command?.command, 'shipshape.containers.refresh');
    } finally {
      await config.update('docker.host', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => shipshape.context.containers.state.kind === 'connected');
  });
});
