// Draws the daemon model as a tree: Containers, Images, Networks, Volumes. It renders model state
// and subscribes to model changes; it never fetches on its own.
import * as vscode from 'vscode';
import { IMAGE_SIZE, formatBytes } from '../../core/containers/bytes';
import type { ImageSummary } from '../../core/containers/images';
import type { NetworkSummary } from '../../core/containers/networks';
import type { VolumeSummary } from '../../core/containers/volumes';
import { ContainerState, ContainerSummary, groupContainers, publishedTcpUrls } from '../../core/containers/summary';
import type { ContainerInternals } from '../../core/internals/model';
import { SOURCE_TEXT, formatTimestamp } from '../../core/internals/format';
import { readConfig } from '../config';
import { DockerModel, ModelChange, PartProblem } from '../../docker/model';
import { DetailRow, LiveUsage, namespaceRows, overviewRows, resourceRows, securityRows } from '../../core/internals/sections';
import type { ContainerDetails, ContainerDetailsModel } from '../../docker/container-details';

export type GroupNode = Extract<DockerNode, { kind: 'group' }>;
export type GroupKind = 'containers' | 'images' | 'networks' | 'volumes';
export type SectionKind = keyof typeof SECTIONS;

interface Section {
  label: string;
  icon: string;
  /** Shown only while the container runs (or is paused): read from its processes and cgroup. */
  running: boolean;
  rows(details: ContainerDetails, live: LiveUsage | undefined): DetailRow[];
}

/** Rows from the internals, or one row saying why they could not be read. */
const fromInternals = (rows: (i: ContainerInternals) => DetailRow[]) => (d: ContainerDetails): DetailRow[] =>
  d.internals ? rows(d.internals) : [{ label: 'not available', value: d.problem ?? 'internals could not be read', warn: true, lead: 'label' }];

/** A container's sections, in the order shown: adding one is one entry here. */
const SECTIONS = {
  overview: { label: 'Overview', icon: 'info', running: false, rows: (d) => overviewRows(d.inspect) },
  resources: { label: 'Resources (cgroup)', icon: 'dashboard', running: true, rows: (d, live) => fromInternals((i) => resourceRows(i, live))(d) },
  namespaces: { label: 'Namespaces', icon: 'symbol-namespace', running: true, rows: fromInternals(namespaceRows) },
  security: { label: 'Security', icon: 'shield', running: true, rows: fromInternals(securityRows) },
} satisfies Record<string, Section>;

const SECTION_KINDS = Object.keys(SECTIONS) as SectionKind[];

export type DockerNode =
  | { kind: 'group'; group: GroupKind }
  | { kind: 'container'; container: ContainerSummary }
  | { kind: 'project'; by: 'compose' | 'swarm'; key: string; containers: ContainerSummary[] }
  | { kind: 'section'; containerId: string; section: SectionKind }
  | { kind: 'row'; id: string; row: DetailRow }
  | { kind: 'image'; image: ImageSummary }
  | { kind: 'network'; network: NetworkSummary }
  | { kind: 'volume'; volume: VolumeSummary }
  | { kind: 'message'; text: string; detail?: string; icon: string; retry: boolean; command?: string };

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

/** How long a connection may take before the view says "Connecting…" instead of what it showed. */
const CONNECTING_REDRAW_DELAY_MS = 250;

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
  private readonly subscriptions: { dispose(): void }[];
  /** Section nodes are kept per container so one section can be redrawn (live stats). */
  private readonly sectionNodes = new Map<string, Map<SectionKind, DockerNode>>();

  private connectingTimer: NodeJS.Timeout | undefined;

  constructor(private readonly model: DockerModel, private readonly details?: ContainerDetailsModel) {
    this.subscriptions = [model.onDidChange((change: ModelChange) => this.modelChanged(change))];
    if (details) this.subscriptions.push(details.onDidChangeLive((id) => this.changed.fire(this.sectionNode(id, 'resources'))));
  }

  /**
   * VS Code redraws a tree at once on the first change, then at most once per 200 ms (the extension
   * host debounces onDidChangeTreeData, leading edge). Drawing "Connecting…" at the start of every
   * (re)connection would push the tree that usually follows ~100 ms later (a context switch: connect,
   * 4 lists) to the end of that window. So "Connecting…" is drawn only when connecting takes a while,
   * and groups are redrawn only while they are shown: the connected state redraws everything at once.
   */
  private modelChanged(change: ModelChange): void {
    if (change !== 'connection') {
      if (this.model.connection.kind === 'connected') this.changed.fire(GROUP_NODES[change]);
      return;
    }
    clearTimeout(this.connectingTimer);
    this.connectingTimer = undefined;
    if (this.model.connection.kind === 'connecting') {
      this.connectingTimer = setTimeout(() => {
        this.connectingTimer = undefined;
        this.changed.fire(undefined);
      }, CONNECTING_REDRAW_DELAY_MS);
      return;
    }
    this.changed.fire(undefined);
  }

  sectionNode(containerId: string, section: SectionKind): DockerNode {
    let sections = this.sectionNodes.get(containerId);
    if (!sections) this.sectionNodes.set(containerId, (sections = new Map()));
    let node = sections.get(section);
    if (!node) sections.set(section, (node = { kind: 'section', containerId, section }));
    return node;
  }

  /** The root and the groups answer at once; container sections load their details first. */
  getChildren(): DockerNode[];
  getChildren(element: GroupNode): DockerNode[];
  getChildren(element?: DockerNode): DockerNode[] | Promise<DockerNode[]>;
  getChildren(element?: DockerNode): DockerNode[] | Promise<DockerNode[]> {
    if (!element) return rootNodes(this.model);
    if (element.kind === 'container') {
      const running = element.container.state === 'running' || element.container.state === 'paused';
      return SECTION_KINDS.filter((s) => running || !SECTIONS[s].running).map((s) => this.sectionNode(element.container.id, s));
    }
    if (element.kind === 'section') return this.sectionChildren(element.containerId, element.section);
    if (element.kind === 'row') return (element.row.children ?? []).map((row, i) => ({ kind: 'row', id: `${element.id}/${i}`, row }));
    if (element.kind === 'project') return element.containers.map((container) => ({ kind: 'container', container }));
    if (element.kind !== 'group') return [];
    const problem = this.model.problemOf(element.group);
    // A list the daemon refused: its reason first, then what it listed before, if anything.
    return problem ? [partProblemNode(problem), ...this.groupChildren(element.group).filter((n) => n.kind !== 'message')] : this.groupChildren(element.group);
  }

  private groupChildren(group: GroupKind): DockerNode[] {
    switch (group) {
      case 'containers': {
        if (!this.model.containers.length) return [{ kind: 'message', text: 'No containers yet', detail: 'Start one with `docker run`.', icon: 'info', retry: false }];
        const by = readConfig().groupBy;
        if (by === 'none') return this.model.containers.map((container) => ({ kind: 'container', container }));
        // Compose projects (or Swarm services) first, then the containers that belong to none.
        return groupContainers(this.model.containers, by).flatMap((g): DockerNode[] =>
          g.key === null ? g.containers.map((container) => ({ kind: 'container', container })) : [{ kind: 'project', by, key: g.key, containers: g.containers }],
        );
      }
      case 'images':
        return this.model.images.map((image) => ({ kind: 'image', image }));
      case 'networks':
        return this.model.networks.map((network) => ({ kind: 'network', network }));
      case 'volumes':
        return this.model.volumes.map((volume) => ({ kind: 'volume', volume }));
    }
  }

  private async sectionChildren(containerId: string, section: SectionKind): Promise<DockerNode[]> {
    const container = this.model.containers.find((c) => c.id === containerId);
    if (!container || !this.details) return [];
    const rowNodes = (rows: DetailRow[]) => rows.map((row, i): DockerNode => ({ kind: 'row', id: `${containerId}/${section}/${i}`, row }));
    try {
      const d = await this.details.details(container);
      return rowNodes(SECTIONS[section].rows(d, this.details.live(containerId)));
    } catch (error) {
      return rowNodes([{ label: 'error', value: error instanceof Error ? error.message : String(error), warn: true, lead: 'label' }]);
    }
  }

  /** Parents, so a node can be revealed (and a section expanded) by VS Code's TreeView.reveal. */
  getParent(node: DockerNode): DockerNode | undefined {
    if (node.kind === 'section') {
      const container = this.model.containers.find((c) => c.id === node.containerId);
      return container && { kind: 'container', container };
    }
    if (node.kind === 'container') {
      const by = readConfig().groupBy;
      const group = by === 'none' ? undefined : groupContainers(this.model.containers, by).find((g) => g.key !== null && g.containers.some((c) => c.id === node.container.id));
      return group?.key ? { kind: 'project', by: by as 'compose' | 'swarm', key: group.key, containers: group.containers } : GROUP_NODES.containers;
    }
    if (node.kind === 'image' || node.kind === 'network' || node.kind === 'volume') return GROUP_NODES[`${node.kind}s`];
    return undefined;
  }

  /** Tooltips of containers and images, made on hover: hundreds of rows are sent to the workbench without them. */
  resolveTreeItem(item: vscode.TreeItem, node: DockerNode): vscode.TreeItem {
    if (item.tooltip !== undefined) return item;
    if (node.kind === 'container') {
      const c = node.container;
      item.tooltip = new vscode.MarkdownString(
        [`**${c.name}** \`${c.id.slice(0, 12)}\``, `Image: \`${c.image}\``, `State: ${c.state} (${c.status})`, `Created: ${formatTimestamp(c.created)}`].join('\n\n'),
      );
    } else if (node.kind === 'image') {
      const i = node.image;
      item.tooltip = new vscode.MarkdownString([`\`${i.id}\``, ...i.tags.map((t) => `- ${t}`), `Created: ${formatTimestamp(i.created)}`].join('\n\n'));
    }
    return item;
  }

  /** Redraws the whole tree (a view setting changed). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: DockerNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project': {
        const item = new vscode.TreeItem(node.key, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `project:${node.by}:${node.key}`;
        const running = node.containers.filter((c) => c.state === 'running').length;
        item.description = `${node.by === 'compose' ? 'Compose project' : 'Swarm service'} · ${running}/${node.containers.length} running`;
        item.iconPath = new vscode.ThemeIcon(node.by === 'compose' ? 'layers' : 'server-environment');
        item.contextValue = `shipshape.project.${node.by}`;
        return item;
      }
      case 'section': {
        const s = SECTIONS[node.section];
        const item = new vscode.TreeItem(s.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `section:${node.containerId}:${node.section}`;
        item.iconPath = new vscode.ThemeIcon(s.icon);
        item.contextValue = `shipshape.section.${node.section}`;
        return item;
      }
      case 'row': {
        const r = node.row;
        // The value leads, so the sidebar cuts off the label rather than the figure; short names (namespace types) lead instead.
        const valueFirst = r.value !== '' && r.lead !== 'label';
        const item = new vscode.TreeItem(valueFirst ? r.value : r.label, r.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `row:${node.id}`;
        const via = r.source === 'api' ? ' · via API' : r.source === 'helper' ? ' · via helper' : '';
        item.description = `${valueFirst ? r.label : r.value}${via}`;
        item.tooltip = [r.value ? `${r.label}: ${r.value}` : r.label, r.detail, r.source ? `read from ${SOURCE_TEXT[r.source]}` : ''].filter(Boolean).join('\n');
        if (r.warn) item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        if (r.link) {
          item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(r.link)] };
          item.iconPath = new vscode.ThemeIcon('link-external');
        }
        return item;
      }
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
        } else if (node.command) {
          item.command = { command: node.command, title: node.text };
        }
        return item;
      }
      case 'container':
        return containerItem(node.container);
      case 'image': {
        const i = node.image;
        const item = new vscode.TreeItem(i.tags[0] ?? `<none> ${i.id.replace('sha256:', '').slice(0, 12)}`, vscode.TreeItemCollapsibleState.None);
        item.id = `image:${i.id}`;
        item.description = `${formatBytes(i.size, IMAGE_SIZE)}${i.tags.length > 1 ? ` · +${i.tags.length - 1} tags` : ''}`;
        item.iconPath = new vscode.ThemeIcon('package');
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
    clearTimeout(this.connectingTimer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function containerItem(c: ContainerSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `container:${c.id}`;
  item.description = `${c.image} · ${c.status}`;
  const [icon, color] = STATE_ICON[c.state];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  // ".published" offers "Open Published Port in Browser" (package.json menus) only where there is one.
  item.contextValue = `shipshape.container.${c.state}${publishedTcpUrls(c.ports).length ? '.published' : ''}`;
  return item;
}

/** A part the live daemon refused to list: the daemon's reason; a click retries now. */
export function partProblemNode(p: PartProblem): DockerNode {
  const detail = `Docker refused to list the ${p.part} (since ${p.since.toLocaleTimeString()}): ${p.message}\n\nRetrying by itself in ${Math.ceil(p.retryInMs / 1000)} s and on the next ${p.part} event.`;
  return { kind: 'message', text: `Could not list ${p.part}: ${p.message}`, detail, icon: 'error', retry: true };
}

const SWITCH_CONTEXT_NODE: DockerNode = { kind: 'message', text: 'Switch Docker Context…', detail: 'Pick another of Docker\'s contexts for Shipshape', icon: 'server-environment', retry: false, command: 'shipshape.switchContext' };

export function rootNodes(model: DockerModel): DockerNode[] {
  const c = model.connection;
  switch (c.kind) {
    case 'connecting':
      return [{ kind: 'message', text: 'Connecting to Docker…', detail: c.endpoint, icon: 'loading~spin', retry: false }];
    case 'disconnected':
      return [
        { kind: 'message', text: `Docker is not reachable: ${c.reason}`, detail: `Retrying automatically (${c.endpoint}).`, icon: 'debug-disconnect', retry: true },
        SWITCH_CONTEXT_NODE,
      ];
    case 'misconfigured':
      // Two rows, so the file and the way out are both visible without hovering.
      return [
        { kind: 'message', text: `Cannot tell which Docker daemon to use: ${c.reason}`, detail: `${c.reason}\n\nFix it and Shipshape reconnects by itself.`, icon: 'warning', retry: true },
        { kind: 'message', text: `Hint: ${c.hint}`, icon: 'lightbulb', retry: false },
        SWITCH_CONTEXT_NODE,
      ];
    case 'connected':
      return GROUPS.map((g) => GROUP_NODES[g.group]);
  }
}
