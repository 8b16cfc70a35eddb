// One stats sample of GET /containers/{id}/stats?stream=false, reduced to what `docker stats` shows.
// Pure: the same arithmetic as the Docker CLI, for both the cgroup v1 and the cgroup v2 shape.
import { STATS_IO, STATS_MEMORY, formatBytes } from './bytes';

/** The fields of a stats sample that Shipshape reads; cgroup v2 daemons omit percpu_usage and max_usage. */
export interface ApiContainerStats {
  cpu_stats?: ApiCpuStats;
  precpu_stats?: ApiCpuStats;
  memory_stats?: {
    usage?: number;
    limit?: number;
    /** cgroup v1: memory.stat with total_* keys; cgroup v2: memory.stat (anon, file, inactive_file, …). */
    stats?: Record<string, number>;
  };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }> | null;
  blkio_stats?: { io_service_bytes_recursive?: { op?: string; value?: number }[] | null } | null;
  pids_stats?: { current?: number; limit?: number };
}

interface ApiCpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface ContainerStats {
  /** Share of one CPU: 200 means two CPUs fully busy, as in `docker stats`. */
  cpuPercent: number;
  memory: { usage: number; limit: number; percent: number };
  network: { rx: number; tx: number };
  block: { read: number; write: number };
  pids: number;
}

/** CPU time the container used between the two samples, over the host's, times the CPUs it could use. */
export function cpuPercent(stats: ApiContainerStats): number {
  const now = stats.cpu_stats;
  const before = stats.precpu_stats;
  const cpuDelta = (now?.cpu_usage?.total_usage ?? 0) - (before?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (now?.system_cpu_usage ?? 0) - (before?.system_cpu_usage ?? 0);
  const cpus = now?.online_cpus || now?.cpu_usage?.percpu_usage?.length || 1;
  // The first sample of a container has no previous one: no delta, so no figure rather than a wrong one.
  if (cpuDelta <= 0 || systemDelta <= 0 || !before?.system_cpu_usage) return 0;
  return (cpuDelta / systemDelta) * cpus * 100;
}

/** Memory in use without the page cache the kernel can drop at once (inactive file pages), like `docker stats`. */
export function memoryUsage(stats: ApiContainerStats): { usage: number; limit: number; percent: number } {
  const memory = stats.memory_stats ?? {};
  const usage = memory.usage ?? 0;
  const counters = memory.stats ?? {};
  // cgroup v1 reports the hierarchy's total as total_inactive_file; cgroup v2 has only inactive_file.
  const v1 = counters['total_inactive_file'];
  const v2 = counters['inactive_file'] ?? 0;
  const used = v1 !== undefined && v1 < usage ? usage - v1 : v2 < usage ? usage - v2 : usage;
  const limit = memory.limit ?? 0;
  return { usage: used, limit, percent: limit > 0 ? (used / limit) * 100 : 0 };
}

export function summarizeStats(stats: ApiContainerStats): ContainerStats {
  let rx = 0;
  let tx = 0;
  for (const network of Object.values(stats.networks ?? {})) {
    rx += network.rx_bytes ?? 0;
    tx += network.tx_bytes ?? 0;
  }
  let read = 0;
  let write = 0;
  // cgroup v1 spells the operations Read/Write, cgroup v2 read/write.
  for (const entry of stats.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = (entry.op ?? '').toLowerCase();
    if (op === 'read') read += entry.value ?? 0;
    else if (op === 'write') write += entry.value ?? 0;
  }
  return { cpuPercent: cpuPercent(stats), memory: memoryUsage(stats), network: { rx, tx }, block: { read, write }, pids: stats.pids_stats?.current ?? 0 };
}

/** The `docker stats --no-stream` columns for one container, one per line. */
export function formatStats(name: string, s: ContainerStats): string {
  const rows: [string, string][] = [
    ['CONTAINER', name],
    ['CPU %', `${s.cpuPercent.toFixed(2)}%`],
    ['MEM USAGE / LIMIT', `${formatBytes(s.memory.usage, STATS_MEMORY)} / ${formatBytes(s.memory.limit, STATS_MEMORY)}`],
    ['MEM %', `${s.memory.percent.toFixed(2)}%`],
    ['NET I/O', `${formatBytes(s.network.rx, STATS_IO)} / ${formatBytes(s.network.tx, STATS_IO)}`],
    ['BLOCK I/O', `${formatBytes(s.block.read, STATS_IO)} / ${formatBytes(s.block.write, STATS_IO)}`],
    ['PIDS', String(s.pids)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}   ${value}`).join('\n') + '\n';
}
