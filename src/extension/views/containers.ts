// Draws the daemon model as a tree: Containers, Images, Networks, Volumes. It renders model state
// and subscribes to model changes; it never fetches on its own.
import * as vscode from 'vscode';
import { formatSize } from '../../core/containers/objects';
import type { ImageSummary, NetworkSummary, VolumeSummary } from '../../core/containers/objects';
import { ContainerState, ContainerSummary } from '../../core/containers/summary';
import { DockerModel, ModelChange } from '../../docker/model';

export type GroupKind = 'containers' | 'images' | 'networks' | 'volumes';

export type DockerNode =
  | { kind: 'group'; group: GroupKind }
  | { kind: 'container'; container: ContainerSummary }
  | { kind: 'image'; image: ImageSummary }
  | { kind: 'network'; network: NetworkSummary }
  | { kind: 'volume'; volume: VolumeSummary }
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

const GROUPS: { group: GroupKind; label: string; icon: string }[] = [
  { group: 'containers', label: 'Containers', icon: 'vm' },
  { group: 'images', label: 'Images', icon: 'layers' },
  { group: 'networks', label: 'Networks', icon: 'type-hierarchy' },
  { group: 'volumes', label: 'Volumes', icon: 'database' },
];

/** Stable node objects per group, so VS Code can refresh one group at a time. */
const GROUP_NODES: Record<GroupKind, DockerNode> = {
  containers: { kind: 'group', group: 'containers' },
  images: { kind: 'group', group: 'images' },
  networks: { kind: 'group', group: 'networks' },
  volumes: { kind: 'group', group: 'volumes' },
};

export class DockerTreeProvider implements vscode.TreeDataProvider<DockerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DockerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly model: DockerModel) {
    this.subscription = model.onDidChange((change: ModelChange) => this.changed.fire(change === 'connection' ? undefined : GROUP_NODES[change]));
  }

  getChildren(element?: DockerNode): DockerNode[] {
    if (!element) return rootNodes(this.model);
    if (element.kind !== 'group') return [];
    switch (element.group) {
      case 'containers':
        return this.model.containers.length
          ? this.model.containers.map((container) => ({ kind: 'container', container }))
          : [{ kind: 'message', text: 'No containers yet', detail: 'Start one with `docker run`.', icon: 'info', retry: false }];
      case 'images':
        return this.model.images.map((image) => ({ kind: 'image', image }));
      case 'networks':
        return this.model.networks.map((network) => ({ kind: 'network', network }));
      case 'volumes':
        return this.model.volumes.map((volume) => ({ kind: 'volume', volume }));
    }
  }

  getTreeItem(node: DockerNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const g = GROUPS.find((x) => x.group === node.group)!;
        const count = node.group === 'containers' ? this.model.containers.length : this.model[node.group].length;
        const item = new vscode.TreeItem(g.label, node.group === 'containers' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `group:${node.group}`;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(g.icon);
        item.contextValue = `shipshape.group.${node.group}`;
        return item;
      }
      case 'message': {
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
      case 'container':
        return containerItem(node.container);
      case 'image': {
        const i = node.image;
        const item = new vscode.TreeItem(i.tags[0] ?? `<none> ${i.id.replace('sha256:', '').slice(0, 12)}`, vscode.TreeItemCollapsibleState.None);
        item.id = `image:${i.id}`;
        item.description = `${formatSize(i.size)}${i.tags.length > 1 ? ` · +${i.tags.length - 1} tags` : ''}`;
        item.iconPath = new vscode.ThemeIcon('package');
        item.tooltip = new vscode.MarkdownString([`\`${i.id}\``, ...i.tags.map((t) => `- ${t}`), `Created: ${i.created}`].join('\n\n'));
        item.contextValue = 'shipshape.image';
        return item;
      }
      case 'network': {
        const n = node.network;
        const item = new vscode.TreeItem(n.name, vscode.TreeItemCollapsibleState.None);
        item.id = `network:${n.id}`;
        item.description = `${n.driver} · ${n.scope}${n.internal ? ' · internal' : ''}`;
        item.iconPath = new vscode.ThemeIcon('type-hierarchy-sub');
        item.contextValue = 'shipshape.network';
        return item;
      }
      case 'volume': {
        const v = node.volume;
        const item = new vscode.TreeItem(v.name.length > 40 ? `${v.name.slice(0, 12)}…` : v.name, vscode.TreeItemCollapsibleState.None);
        item.id = `volume:${v.name}`;
        item.description = v.driver;
        item.tooltip = `${v.name}\n${v.mountpoint}`;
        item.iconPath = new vscode.ThemeIcon('database');
        item.contextValue = 'shipshape.volume';
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function containerItem(c: ContainerSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
  item.id = `container:${c.id}`;
  item.description = `${c.image} · ${c.status}`;
  const [icon, color] = STATE_ICON[c.state];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  item.contextValue = `shipshape.container.${c.state}`;
  item.tooltip = new vscode.MarkdownString(
    [`**${c.name}** \`${c.id.slice(0, 12)}\``, `Image: \`${c.image}\``, `State: ${c.state} (${c.status})`, `Created: ${c.created}`].join('\n\n'),
  );
  return item;
}

export function rootNodes(model: DockerModel): DockerNode[] {
  const c = model.connection;
  switch (c.kind) {
    case 'connecting':
      return [{ kind: 'message', text: 'Connecting to Docker…', detail: c.endpoint, icon: 'loading~spin', retry: false }];
    case 'disconnected':
      return [{ kind: 'message', text: `Docker is not reachable: ${c.reason}`, detail: `Retrying automatically (${c.endpoint}).`, icon: 'debug-disconnect', retry: true }];
    case 'connected':
      return GROUPS.map((g) => GROUP_NODES[g.group]);
  }
}
