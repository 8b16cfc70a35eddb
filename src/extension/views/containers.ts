// Draws the containers model as a tree. It renders model state and never fetches on its own.
import * as vscode from 'vscode';
import { ContainerState, ContainerSummary } from '../../core/containers/summary';
import { ContainersModel, ContainersState } from '../../docker/containers';

export type ContainersNode =
  | { kind: 'container'; container: ContainerSummary }
  | { kind: 'message'; text: string; detail?: string; icon: string; retry: boolean };

const STATE_ICON: Record<ContainerState, [string, string | undefined]> = {
  running: ['vm-running', 'testing.iconPassed'],
  restarting: ['sync', 'list.warningForeground'],
  paused: ['debug-pause', 'list.warningForeground'],
  created: ['vm-outline', undefined],
  removing: ['trash', undefined],
  exited: ['vm-outline', 'disabledForeground'],
  dead: ['error', 'errorForeground'],
  unknown: ['question', undefined],
};

export class ContainersTreeProvider implements vscode.TreeDataProvider<ContainersNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ContainersNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly model: ContainersModel) {
    this.subscription = model.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(element?: ContainersNode): ContainersNode[] {
    if (element) return [];
    return nodesFor(this.model.state);
  }

  getTreeItem(node: ContainersNode): vscode.TreeItem {
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.tooltip = node.detail ?? node.text;
      if (node.retry) {
        item.description = 'click to retry';
        item.command = { command: 'shipshape.containers.refresh', title: 'Retry' };
        item.contextValue = 'shipshape.retry';
      }
      return item;
    }
    const c = node.container;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
    item.id = c.id;
    item.description = `${c.image} · ${c.status}`;
    const [icon, color] = STATE_ICON[c.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = `shipshape.container.${c.state}`;
    item.tooltip = new vscode.MarkdownString(
      [`**${c.name}** \`${c.id.slice(0, 12)}\``, `Image: \`${c.image}\``, `State: ${c.state} (${c.status})`, `Created: ${c.created}`].join('\n\n'),
    );
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function nodesFor(state: ContainersState): ContainersNode[] {
  switch (state.kind) {
    case 'idle':
    case 'loading':
      return [{ kind: 'message', text: 'Connecting to Docker…', icon: 'loading~spin', retry: false }];
    case 'disconnected':
      return [{ kind: 'message', text: `Docker is not reachable: ${state.reason}`, icon: 'debug-disconnect', retry: true }];
    case 'error':
      return [{ kind: 'message', text: `Could not list containers: ${state.message}`, icon: 'error', retry: true }];
    case 'connected':
      if (state.containers.length === 0) {
        return [{ kind: 'message', text: 'No containers yet', detail: `Daemon at ${state.endpoint}. Start one with \`docker run\`.`, icon: 'info', retry: false }];
      }
      return state.containers.map((container) => ({ kind: 'container', container }));
  }
}
