// cgroup v1 and v2, from file contents: /proc/<pid>/cgroup, which interface files to read where,
// and the values in effect they hold. The local reader and the helper script read the same files.
import { ContainerStats, CpuInternals, DaemonInfo, IoInternals, Limit, MemoryInternals, OomInternals, PidsInternals } from './model';

export interface ProcCgroupEntry {
  hierarchy: number;
  /** v1 controllers of this hierarchy (["cpu", "cpuacct"], ["name=systemd"]); empty for the v2 line "0::/path". */
  controllers: string[];
  path: string;
}

export interface ProcCgroup {
  /** 2 when the unified hierarchy is the only one (a pure v2 host); 1 when v1 controllers are mounted (hybrid included). */
  version: 1 | 2;
  entries: ProcCgroupEntry[];
  /** The path reported to a person: v2's unified path, or v1's memory controller path. */
  path: string;
}

export function parseProcCgroup(text: string): ProcCgroup | null {
  const entries: ProcCgroupEntry[] = [];
  for (const line of text.split('\n')) {
    const match = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
    if (!match) continue;
    entries.push({ hierarchy: Number(match[1]), controllers: match[2] ? match[2].split(',') : [], path: match[3]! });
  }
  if (entries.length === 0) return null;
  const v1 = entries.filter((e) => e.controllers.some((c) => !c.startsWith('name=')));
  if (v1.length === 0) {
    const unified = entries.find((e) => e.hierarchy === 0) ?? entries[0]!;
    return { version: 2, entries, path: unified.path };
  }
  const memory = v1.find((e) => e.controllers.includes('memory')) ?? v1[0]!;
  return { version: 1, entries, path: memory.path };
}

/** True when the cgroup path names this container (cgroupfs /docker/<id>, systemd docker-<id>.scope, libpod-<id>.scope …). */
export function cgroupNamesContainer(procCgroup: ProcCgroup, containerId: string): boolean {
  return containerId.length >= 12 && procCgroup.entries.some((e) => e.path.includes(containerId));
}

/** The v1 interface files read per controller. */
export const CGROUP_V1_FILES: Readonly<Record<string, readonly string[]>> = {
  memory: ['memory.limit_in_bytes', 'memory.usage_in_bytes', 'memory.max_usage_in_bytes', 'memory.memsw.limit_in_bytes', 'memory.stat', 'memory.oom_control'],
  cpu: ['cpu.cfs_quota_us', 'cpu.cfs_period_us', 'cpu.shares', 'cpu.stat'],
  cpuset: ['cpuset.cpus', 'cpuset.effective_cpus'],
  pids: ['pids.max', 'pids.current'],
  blkio: ['blkio.weight', 'blkio.bfq.weight'],
};

/** The v2 interface files read from the unified directory. */
export const CGROUP_V2_FILES: readonly string[] = [
  'memory.max', 'memory.current', 'memory.peak', 'memory.swap.max', 'memory.stat', 'memory.events',
  'cpu.max', 'cpu.weight', 'cpu.stat', 'cpuset.cpus', 'cpuset.cpus.effective',
  'pids.max', 'pids.current', 'io.weight', 'io.bfq.weight',
];

export interface CgroupFilePlan {
  file: string;
  /** Directories relative to the cgroup mount root, tried in order (v1: "cpu,cpuacct" mount first, then "cpu"). */
  dirs: string[];
}

/** Which files to read and where, for the cgroups /proc/<pid>/cgroup lists. */
export function cgroupFilePlan(procCgroup: ProcCgroup): CgroupFilePlan[] {
  const plan: CgroupFilePlan[] = [];
  for (const entry of procCgroup.entries) {
    if (entry.controllers.length === 0) {
      // On a hybrid host the unified hierarchy is mounted elsewhere and carries no controllers: nothing to read.
      if (procCgroup.version === 2) for (const file of CGROUP_V2_FILES) plan.push({ file, dirs: [entry.path] });
      continue;
    }
    for (const controller of entry.controllers) {
      const files = CGROUP_V1_FILES[controller];
      if (!files) continue;
      const dirs = [`/${entry.controllers.join(',')}${entry.path}`];
      if (entry.controllers.length > 1) dirs.push(`/${controller}${entry.path}`);
      for (const file of files) plan.push({ file, dirs });
    }
  }
  return plan;
}

// v1 writes "no limit" as PAGE_COUNTER_MAX pages (9223372036854771712 on 4k pages); anything this big is unlimited.
const UNLIMITED = 2 ** 60;

export function parseLimit(text: string | undefined): Limit {
  if (text === undefined) return null;
  const value = text.trim();
  if (value === 'max' || value === '-1') return 'max';
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= UNLIMITED ? 'max' : n;
}

export function parseCount(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = text.trim();
  return /^\d+$/.test(value) ? Number(value) : null;
}

/** "key value" lines (memory.stat, cpu.stat, memory.events, memory.oom_control). */
export function parseKeyedFile(text: string | undefined): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of (text ?? '').split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && value !== undefined && /^-?\d+$/.test(value)) map.set(key, Number(value));
  }
  return map;
}

/** io.weight and io.bfq.weight print "default 100" and per-device "8:0 200" lines; the default is what applies. */
function parseIoWeight(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const match = /^default\s+(\d+)/m.exec(value);
  return match ? Number(match[1]) : null;
}

export interface EffectiveResources {
  memory: MemoryInternals;
  cpu: CpuInternals;
  pids: PidsInternals;
  io: IoInternals;
  oom: OomInternals;
}

export function emptyResources(): EffectiveResources {
  return {
    memory: { limit: null, usage: null, peak: null, swapLimit: null },
    cpu: { quota: null, period: null, cpus: null, shares: null, weight: null, cpuset: null, nrPeriods: null, nrThrottled: null, throttledUsec: null },
    pids: { limit: null, current: null },
    io: { weight: null },
    oom: { events: null, kills: null, underOom: null },
  };
}

function cpusOf(quota: Limit, period: number | null): number | null {
  return typeof quota === 'number' && period ? Math.round((quota / period) * 1000) / 1000 : null;
}

/** cpuset lists may be empty in v2 when not restricted; the effective list is what applies then. */
function firstNonEmpty(...texts: Array<string | undefined>): string | null {
  for (const t of texts) if (t !== undefined && t.trim() !== '') return t.trim();
  return null;
}

export function effectiveFromCgroupFiles(version: 1 | 2, files: Record<string, string>): EffectiveResources {
  const r = emptyResources();
  if (version === 1) {
    const memoryStat = parseKeyedFile(files['memory.stat']);
    const usage = parseCount(files['memory.usage_in_bytes']);
    r.memory.limit = parseLimit(files['memory.limit_in_bytes']);
    r.memory.usage = usage === null ? null : Math.max(0, usage - (memoryStat.get('total_inactive_file') ?? 0));
    r.memory.peak = parseCount(files['memory.max_usage_in_bytes']);
    r.memory.swapLimit = parseLimit(files['memory.memsw.limit_in_bytes']);
    const quota = files['cpu.cfs_quota_us'] === undefined ? null : parseLimit(files['cpu.cfs_quota_us']);
    r.cpu.quota = quota;
    r.cpu.period = parseCount(files['cpu.cfs_period_us']);
    r.cpu.cpus = cpusOf(quota, r.cpu.period);
    r.cpu.shares = parseCount(files['cpu.shares']);
    r.cpu.cpuset = firstNonEmpty(files['cpuset.cpus'], files['cpuset.effective_cpus']);
    const cpuStat = parseKeyedFile(files['cpu.stat']);
    r.cpu.nrPeriods = cpuStat.get('nr_periods') ?? null;
    r.cpu.nrThrottled = cpuStat.get('nr_throttled') ?? null;
    const throttledNs = cpuStat.get('throttled_time');
    r.cpu.throttledUsec = throttledNs === undefined ? null : Math.round(throttledNs / 1000);
    r.pids.limit = parseLimit(files['pids.max']);
    r.pids.current = parseCount(files['pids.current']);
    r.io.weight = parseIoWeight(files['blkio.weight']) ?? parseIoWeight(files['blkio.bfq.weight']);
    if (files['memory.oom_control'] !== undefined) {
      const oom = parseKeyedFile(files['memory.oom_control']);
      r.oom.underOom = oom.has('under_oom') ? oom.get('under_oom') === 1 : null;
      r.oom.kills = oom.get('oom_kill') ?? null;
    }
    return r;
  }
  const memoryStat = parseKeyedFile(files['memory.stat']);
  const current = parseCount(files['memory.current']);
  r.memory.limit = parseLimit(files['memory.max']);
  r.memory.usage = current === null ? null : Math.max(0, current - (memoryStat.get('inactive_file') ?? 0));
  r.memory.peak = parseCount(files['memory.peak']);
  const swap = parseLimit(files['memory.swap.max']);
  if (swap !== null && r.memory.limit !== null) r.memory.swapLimit = swap === 'max' || r.memory.limit === 'max' ? 'max' : r.memory.limit + swap;
  const [quotaText, periodText] = (files['cpu.max'] ?? '').trim().split(/\s+/);
  r.cpu.quota = files['cpu.max'] === undefined ? null : parseLimit(quotaText);
  r.cpu.period = parseCount(periodText);
  r.cpu.cpus = cpusOf(r.cpu.quota, r.cpu.period);
  r.cpu.weight = parseCount(files['cpu.weight']);
  r.cpu.cpuset = firstNonEmpty(files['cpuset.cpus'], files['cpuset.cpus.effective']);
  const cpuStat = parseKeyedFile(files['cpu.stat']);
  r.cpu.nrPeriods = cpuStat.get('nr_periods') ?? null;
  r.cpu.nrThrottled = cpuStat.get('nr_throttled') ?? null;
  r.cpu.throttledUsec = cpuStat.get('throttled_usec') ?? null;
  r.pids.limit = parseLimit(files['pids.max']);
  r.pids.current = parseCount(files['pids.current']);
  r.io.weight = parseIoWeight(files['io.bfq.weight']) ?? parseIoWeight(files['io.weight']);
  if (files['memory.events'] !== undefined) {
    const events = parseKeyedFile(files['memory.events']);
    r.oom.events = events.get('oom') ?? null;
    r.oom.kills = events.get('oom_kill') ?? null;
  }
  return r;
}

/** What the Engine API's one-shot stats tell about the values in effect (no quota, shares or cpuset there). */
export function effectiveFromStats(stats: ContainerStats, info: DaemonInfo): EffectiveResources {
  const r = emptyResources();
  const memory = stats.memory_stats ?? {};
  const detail = memory.stats ?? {};
  const v1 = info.CgroupVersion !== '2' && 'total_inactive_file' in detail;
  if (typeof memory.limit === 'number') {
    const hierarchical = detail.hierarchical_memory_limit;
    // Without a limit the daemon reports the machine's memory (or v1's "unlimited" in hierarchical_memory_limit).
    const unlimited = (info.MemTotal !== undefined && memory.limit >= info.MemTotal) || (hierarchical !== undefined && hierarchical >= UNLIMITED);
    r.memory.limit = unlimited ? 'max' : memory.limit;
  }
  if (typeof memory.usage === 'number') r.memory.usage = Math.max(0, memory.usage - ((v1 ? detail.total_inactive_file : detail.inactive_file) ?? 0));
  if (typeof memory.max_usage === 'number') r.memory.peak = memory.max_usage;
  const memsw = detail.hierarchical_memsw_limit;
  if (typeof memsw === 'number') r.memory.swapLimit = memsw >= UNLIMITED ? 'max' : memsw;
  const pids = stats.pids_stats ?? {};
  if (typeof pids.current === 'number') r.pids.current = pids.current;
  if (typeof pids.limit === 'number') r.pids.limit = pids.limit >= UNLIMITED || pids.limit === 0 ? 'max' : pids.limit;
  const throttling = stats.cpu_stats?.throttling_data;
  if (throttling) {
    r.cpu.nrPeriods = throttling.periods ?? null;
    r.cpu.nrThrottled = throttling.throttled_periods ?? null;
    r.cpu.throttledUsec = typeof throttling.throttled_time === 'number' ? Math.round(throttling.throttled_time / 1000) : null;
  }
  return r;
}
