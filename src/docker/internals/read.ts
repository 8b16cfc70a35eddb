// readInternals: one model per container, read the best way the daemon allows. A local Linux daemon
// (rootful or rootless) is read straight from /proc and /sys/fs/cgroup; anything else through the
// Engine API, plus the read-only helper container when the caller opts in. Every running container
// is looked at, so namespaces shared with containers that were not asked for are still named.
import type Dockerode from 'dockerode';
import { assembleInternals, containerName } from '../../core/internals/assemble';
import { ContainerInspect, ContainerInternals, ContainerStats, DaemonInfo, InternalsSource, NamespaceType, ProcessSnapshot } from '../../core/internals/model';
import { HostReferencePart, NamespaceParticipant, hostReferenceFrom } from '../../core/internals/namespaces';
import { DockerClient, onDaemon } from '../client';
import { HelperReading } from '../../core/internals/helper-script';
import { HelperError, HelperOptions, runHelper } from './helper';
import { HOST_ROOTS, LocalRoots, readLocalProcess, readNamespaceInodes } from './local';

export interface ReadInternalsOptions {
  /** Read this machine's /proc and cgroup files when the daemon's processes are here (default true). */
  local?: boolean;
  /** Opt in to the helper container for containers that cannot be read locally; false by default. */
  helper?: boolean | HelperOptions;
  /** Other roots for /proc and /sys/fs/cgroup (tests). */
  roots?: Partial<LocalRoots>;
}

/** Names or ids the daemon does not know. */
export class ContainerNotFoundError extends Error {
  constructor(readonly references: string[], readonly endpoint: string) {
    super(`no such container${references.length > 1 ? 's' : ''} on ${endpoint}: ${references.map((r) => `"${r}"`).join(', ')}`);
    this.name = 'ContainerNotFoundError';
  }
}

const statusCode = (error: unknown) => (error as { statusCode?: number }).statusCode;

// GET /info costs ~10 ms (the daemon gathers every subsystem's state), more than the rest of a local read;
// what internals take from it (cgroup version and driver, security options) changes only with a daemon restart.
const INFO_TTL_MS = 30_000;
const infoCache = new WeakMap<DockerClient, { at: number; info: Promise<DaemonInfo> }>();

function daemonInfo(client: DockerClient): Promise<DaemonInfo> {
  const cached = infoCache.get(client);
  if (cached && Date.now() - cached.at < INFO_TTL_MS) return cached.info;
  const info = onDaemon(client, (api) => api.info()) as Promise<DaemonInfo>;
  infoCache.set(client, { at: Date.now(), info });
  info.catch(() => infoCache.delete(client));
  return info;
}

// The other running containers are inspected only for their PID and namespace modes, which hold for as long as
// the container runs; a local read validates the PID (its cgroup must name the container), so they are reused.
const runningCache = new WeakMap<DockerClient, Map<string, ContainerInspect>>();

async function inspectOrMissing(client: DockerClient, reference: string): Promise<ContainerInspect | null> {
  try {
    return (await onDaemon(client, (api) => api.getContainer(reference).inspect())) as unknown as ContainerInspect;
  } catch (error) {
    if (statusCode(error) === 404) return null;
    throw error;
  }
}

function runningPid(inspect: ContainerInspect): number | null {
  return inspect.State?.Running && inspect.State.Pid ? inspect.State.Pid : null;
}

interface Reading {
  source: InternalsSource;
  snapshot: ProcessSnapshot;
}

/** What one readInternals call has found so far, filled by the local reader, then the helper, then the API. */
interface Gathered {
  targets: ContainerInspect[];
  targetIds: Set<string>;
  /** The targets (running or not), then every other running container. */
  everyone: ContainerInspect[];
  readings: Map<string, Reading>;
  inodes: Map<string, { source: InternalsSource; inodes: Partial<Record<NamespaceType, number>> }>;
  hostParts: HostReferencePart[];
  notes: Map<string, string[]>;
}

export async function readInternals(client: DockerClient, references: readonly string[], options: ReadInternalsOptions = {}): Promise<ContainerInternals[]> {
  const [info, requested, running] = await Promise.all([
    daemonInfo(client),
    Promise.all(references.map((r) => inspectOrMissing(client, r))),
    onDaemon(client, (api) => api.listContainers({ all: false })) as Promise<Dockerode.ContainerInfo[]>,
  ]);
  const missing = references.filter((_, i) => requested[i] === null);
  if (missing.length) throw new ContainerNotFoundError(missing, client.endpoint.host);
  const targets = dedupe(requested as ContainerInspect[]);
  const targetIds = new Set(targets.map((t) => t.Id));
  const local = options.local !== false;
  const { others, reused } = await inspectOthers(client, running.filter((c) => !targetIds.has(c.Id)), local);
  const g: Gathered = {
    targets,
    targetIds,
    everyone: [...targets, ...others],
    readings: new Map(),
    inodes: new Map(),
    hostParts: [],
    notes: new Map(targets.map((t) => [t.Id, []])),
  };

  if (local) {
    const roots = { ...HOST_ROOTS, ...options.roots };
    readLocally(g, g.everyone, roots);
    // A reused inspect whose PID no longer names its container (it restarted): ask again and read again.
    const stale = others.filter((o) => reused.has(o.Id) && !g.inodes.has(o.Id));
    if (stale.length) {
      const fresh = (await inspectOthers(client, stale.map((o) => ({ Id: o.Id, Names: [o.Name ?? ''] })), false)).others;
      g.everyone = [...g.everyone.filter((c) => !stale.includes(c)), ...fresh];
      readLocally(g, fresh, roots);
    }
    const cache = runningCache.get(client)!;
    for (const o of others) if (!g.inodes.has(o.Id)) cache.delete(o.Id);
    for (const o of g.everyone) if (g.inodes.has(o.Id)) cache.set(o.Id, o);
  }
  const unread = () => targets.filter((t) => runningPid(t) !== null && !g.readings.has(t.Id));
  if (options.helper && unread().length) await readThroughHelper(client, g, info, unread(), typeof options.helper === 'object' ? options.helper : {});
  const stats = new Map<string, ContainerStats>();
  await Promise.all(unread().map((t) => readStats(client, t, stats, g.notes.get(t.Id)!, options)));

  const host = hostReferenceFrom(g.hostParts);
  const participants: NamespaceParticipant[] = g.everyone.map((c) => ({
    id: c.Id,
    name: containerName(c),
    hostConfig: c.HostConfig,
    inodes: g.inodes.get(c.Id)?.inodes ?? {},
    source: g.inodes.get(c.Id)?.source ?? 'api',
  }));
  return targets.map((t) => {
    const reading = g.readings.get(t.Id);
    return assembleInternals({
      inspect: t,
      info,
      source: reading?.source ?? 'api',
      snapshot: reading?.snapshot ?? null,
      stats: stats.get(t.Id) ?? null,
      participants,
      host,
      notes: g.notes.get(t.Id),
    });
  });
}

/**
 * Every other running container's inspect (one that stops meanwhile is skipped). With `reuse`, inspects
 * validated by an earlier local read are taken from the cache (`reused` names them) instead of asked again.
 */
async function inspectOthers(
  client: DockerClient,
  list: Array<Pick<Dockerode.ContainerInfo, 'Id' | 'Names'>>,
  reuse: boolean,
): Promise<{ others: ContainerInspect[]; reused: Set<string> }> {
  let cache = runningCache.get(client);
  if (!cache) runningCache.set(client, (cache = new Map()));
  const running = new Set(list.map((c) => c.Id));
  if (reuse) for (const id of cache.keys()) if (!running.has(id)) cache.delete(id);
  const reused = new Set<string>();
  const found = await Promise.all(
    list.map(async (c) => {
      const cached = reuse ? cache.get(c.Id) : undefined;
      if (!cached) return inspectOrMissing(client, c.Id);
      reused.add(c.Id);
      // The name comes from the list: `docker rename` changes it while the container runs.
      return { ...cached, Name: c.Names?.[0] ?? cached.Name };
    }),
  );
  return { others: found.filter((o): o is ContainerInspect => o !== null && runningPid(o) !== null), reused };
}

/** Reads the containers whose main process this machine can see (targets in full, the others' namespaces). */
function readLocally(g: Gathered, list: readonly ContainerInspect[], roots: LocalRoots): void {
  let any = false;
  for (const c of list) {
    const pid = runningPid(c);
    const read = pid === null ? null : readLocalProcess(pid, c.Id, roots, g.targetIds.has(c.Id));
    if (!read) continue;
    any = true;
    g.inodes.set(c.Id, { source: 'local', inodes: read.snapshot.namespaces });
    if (g.targetIds.has(c.Id)) g.readings.set(c.Id, { source: 'local', snapshot: read.snapshot });
    // The runtime shim (each container's parent) runs in the daemon's namespaces: "host" as the daemon means it (rootless too).
    if (read.parentNamespaces) g.hostParts.push({ label: 'runtime shims (each container\'s parent process)', namespaces: read.parentNamespaces });
  }
  if (!any || g.hostParts.some((p) => p.label === `${roots.procRoot}/self/ns`)) return;
  g.hostParts.push(
    { label: `${roots.procRoot}/self/ns`, namespaces: readNamespaceInodes(roots.procRoot, 'self') },
    { label: `${roots.procRoot}/1/ns`, namespaces: readNamespaceInodes(roots.procRoot, 1) },
  );
}

/** One helper container for the targets not read locally, and the namespaces of every other running container. */
async function readThroughHelper(client: DockerClient, g: Gathered, info: DaemonInfo, unread: ContainerInspect[], options: HelperOptions): Promise<void> {
  const version = info.CgroupVersion === '2' ? 2 : info.CgroupVersion === '1' ? 1 : null;
  const nsOnly = g.everyone.filter((c) => !g.targetIds.has(c.Id) && !g.inodes.has(c.Id));
  let reading: HelperReading;
  try {
    reading = (await runHelper(client, version, unread.map((t) => runningPid(t)!), nsOnly.map((c) => runningPid(c)!), options)).reading;
  } catch (error) {
    if (!(error instanceof HelperError)) throw error;
    for (const t of unread) g.notes.get(t.Id)!.push(`${error.message}; values in effect come from the Engine API instead`);
    return;
  }
  for (const c of [...unread, ...nsOnly]) {
    const snapshot = reading.snapshots.get(runningPid(c)!);
    // The PID must still be this container's: its cgroup path names it, as for local reads.
    if (!snapshot || !(snapshot.procCgroup ?? '').includes(c.Id)) continue;
    g.inodes.set(c.Id, { source: 'helper', inodes: snapshot.namespaces });
    if (g.targetIds.has(c.Id)) g.readings.set(c.Id, { source: 'helper', snapshot });
  }
  g.hostParts.push(
    { label: 'the helper\'s own pid and cgroup namespaces (--pid=host --cgroupns=host)', namespaces: reading.self, types: ['pid', 'cgroup'] },
    { label: 'PID 1\'s, seen by the helper', namespaces: reading.init },
    ...[...reading.parents.values()].map((shim) => ({ label: 'runtime shims (each container\'s parent process), seen by the helper', namespaces: shim })),
  );
}

async function readStats(
  client: DockerClient,
  t: ContainerInspect,
  stats: Map<string, ContainerStats>,
  notes: string[],
  options: ReadInternalsOptions,
): Promise<void> {
  try {
    // one-shot: the daemon answers at once instead of sampling twice for a CPU percentage Shipshape does not show.
    const oneShot = { stream: false, 'one-shot': true } as { stream: false };
    stats.set(t.Id, (await onDaemon(client, (api) => api.getContainer(t.Id).stats(oneShot))) as ContainerStats);
  } catch (error) {
    if (statusCode(error) !== 404 && statusCode(error) !== 409) throw error;
    notes.push(`the Engine API gave no stats (${(error as Error).message})`);
  }
  if (options.helper) return;
  const why = options.local === false ? 'local reads were turned off' : 'this machine cannot see the daemon\'s processes';
  notes.push(
    `${why}: values in effect come from the Engine API, which has no CPU quota, shares, cpuset, namespace inodes or capabilities in effect; ` +
      'opt in to the read-only helper container to read them',
  );
}

function dedupe(list: ContainerInspect[]): ContainerInspect[] {
  const seen = new Set<string>();
  return list.filter((c) => !seen.has(c.Id) && Boolean(seen.add(c.Id)));
}
