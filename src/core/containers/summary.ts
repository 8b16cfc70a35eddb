// What the Containers view and `shipshape ps` show for one container, derived from an
// entry of the Engine API's GET /containers/json. Pure: no daemon, no vscode.

/** The fields of a /containers/json entry that Shipshape reads. */
export interface ApiContainerListEntry {
  Id: string;
  Names?: string[];
  Image?: string;
  ImageID?: string;
  State?: string;
  Status?: string;
  Created?: number;
  Labels?: Record<string, string> | null;
  Ports?: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[] | null;
}

/** A container port, and where the host publishes it (no publicPort: exposed only). */
export interface ContainerPort {
  privatePort: number;
  publicPort?: number;
  /** tcp, udp or sctp. */
  type: string;
  /** The host address it is published on; 0.0.0.0 or :: for every address. */
  ip?: string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead' | 'unknown';

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  /** The daemon's human text, e.g. "Up 3 minutes (healthy)" or "Exited (0) 2 hours ago". */
  status: string;
  /** ISO 8601 creation time. */
  created: string;
  labels: Record<string, string>;
  ports: ContainerPort[];
}

const KNOWN_STATES: ReadonlySet<string> = new Set(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);

export function summarizeContainer(entry: ApiContainerListEntry): ContainerSummary {
  const state = (entry.State ?? '').toLowerCase();
  // The first name is the container's own; others are legacy link aliases like /web/db.
  const name = (entry.Names ?? []).map((n) => n.replace(/^\//, '')).find((n) => !n.includes('/')) ?? entry.Id.slice(0, 12);
  return {
    id: entry.Id,
    name,
    image: entry.Image ?? entry.ImageID ?? '',
    state: KNOWN_STATES.has(state) ? (state as ContainerState) : 'unknown',
    status: entry.Status ?? '',
    created: new Date((entry.Created ?? 0) * 1000).toISOString(),
    labels: { ...(entry.Labels ?? {}) },
    ports: (entry.Ports ?? []).map((p) => ({
      privatePort: p.PrivatePort,
      ...(p.PublicPort ? { publicPort: p.PublicPort } : {}),
      type: p.Type,
      ...(p.IP ? { ip: p.IP } : {}),
    })),
  };
}

/** Published TCP ports as browser URLs, one per host port: the daemon lists 0.0.0.0 and :: bindings
 * of the same port separately. A wildcard address means "this machine", which is `localHost`. */
export function publishedTcpUrls(ports: readonly ContainerPort[], localHost = '127.0.0.1'): { url: string; port: ContainerPort }[] {
  const seen = new Set<number>();
  const urls: { url: string; port: ContainerPort }[] = [];
  for (const port of ports) {
    if (port.type !== 'tcp' || !port.publicPort || seen.has(port.publicPort)) continue;
    seen.add(port.publicPort);
    const ip = !port.ip || port.ip === '0.0.0.0' || port.ip === '::' ? localHost : port.ip;
    urls.push({ url: `http://${ip.includes(':') ? `[${ip}]` : ip}:${port.publicPort}`, port });
  }
  return urls.sort((a, b) => a.port.publicPort! - b.port.publicPort!);
}

const STATE_ORDER: Record<ContainerState, number> = {
  running: 0, restarting: 1, paused: 2, created: 3, removing: 4, exited: 5, dead: 6, unknown: 7,
};

/** Running containers first, then the rest; by name within each state. */
export function sortContainers(list: readonly ContainerSummary[]): ContainerSummary[] {
  return [...list].sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.name.localeCompare(b.name));
}

/** A plain-text table like `docker ps -a`, for terminals. */
export function formatContainerTable(list: readonly ContainerSummary[]): string {
  const header = ['CONTAINER ID', 'NAME', 'IMAGE', 'STATE', 'STATUS'];
  const rows = list.map((c) => [c.id.slice(0, 12), c.name, c.image, c.state, c.status]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('   ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export const GROUP_LABELS = { compose: 'com.docker.compose.project', swarm: 'com.docker.swarm.service.name' } as const;

/** Containers under their Compose project or Swarm service label; the rest stay ungrouped (`key` null). */
export function groupContainers(list: readonly ContainerSummary[], by: keyof typeof GROUP_LABELS): { key: string | null; containers: ContainerSummary[] }[] {
  const label = GROUP_LABELS[by];
  const groups = new Map<string, ContainerSummary[]>();
  const loose: ContainerSummary[] = [];
  for (const c of list) {
    const key = c.labels[label];
    if (key) groups.set(key, [...(groups.get(key) ?? []), c]);
    else loose.push(c);
  }
  return [...[...groups.keys()].sort().map((key) => ({ key, containers: groups.get(key)! })), ...(loose.length ? [{ key: null, containers: loose }] : [])];
}
