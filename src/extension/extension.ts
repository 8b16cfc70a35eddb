// Activation: build the context, register the command table and the views. Nothing touches the
// daemon until the Containers view is visible or a command asks.
import * as vscode from 'vscode';
import { affectsDaemon } from './config';
import { registerCommands } from './commands';
import { ShipshapeContext } from './context';
import { ContainersTreeProvider } from './views/containers';
import { LabsTreeProvider } from './views/labs';

/** What activate() returns: the live objects, so extension-host tests can assert on them. */
export interface ShipshapeApi {
  context: ShipshapeContext;
  containersView: ContainersTreeProvider;
}

export function activate(extension: vscode.ExtensionContext): ShipshapeApi {
  const ctx = new ShipshapeContext(extension);
  const containersView = new ContainersTreeProvider(ctx.containers);
  const containersTree = vscode.window.createTreeView('shipshape.containers', { treeDataProvider: containersView, showCollapseAll: false });
  const loadWhenVisible = () => {
    if (containersTree.visible && ctx.containers.state.kind === 'idle') void ctx.containers.refresh();
  };
  extension.subscriptions.push(
    ctx,
    containersView,
    containersTree,
    containersTree.onDidChangeVisibility(loadWhenVisible),
    vscode.window.registerTreeDataProvider('shipshape.labs', new LabsTreeProvider()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsDaemon(e)) void ctx.reconnect();
    }),
    ...registerCommands(ctx),
  );
  loadWhenVisible();
  return { context: ctx, containersView };
}

export function deactivate(): void {
  // Everything is disposed through extension.subscriptions.
}
