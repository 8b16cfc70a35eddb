// The container-internals model: what a container is made of (a process in namespaces, limited by
// cgroups, with a security context), as `shipshape internals` and the editor show it. Pure types.

/** Where a value was read: this machine's /proc and /sys/fs/cgroup, the helper container, or the Engine API. */
export type InternalsSource = 'local' | 'helper' | 'api';

/** A limit in bytes, microseconds or a count; 'max' means unlimited; null means not known from the source used. */
export type Limit = number | 'max' | null;

export const NAMESPACE_TYPES = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'] as const;
export type NamespaceType = (typeof NAMESPACE_TYPES)[number];
export type NamespaceSharing = 'private' | 'host' | 'container';

export interface MemoryInternals {
  limit: Limit;
  /** Usage without reclaimable page cache (v1: usage − total_inactive_file; v2: memory.current − inactive_file), as `docker stats` shows it. */
  usage: number | null;
  /** v1 max_usage_in_bytes; v2 memory.peak where the kernel has it. */
  peak: number | null;
  /** Memory plus swap, as Docker's --memory-swap counts it (v1 memsw.limit_in_bytes; v2 memory.max + memory.swap.max). */
  swapLimit: Limit;
}

export interface CpuInternals {
  /** CFS quota in µs per period; 'max' = no quota. */
  quota: Limit;
  period: number | null;
  /** quota / period, e.g. 0.5; null without a quota. */
  cpus: number | null;
  /** cgroup v1 cpu.shares. */
  shares: number | null;
  /** cgroup v2 cpu.weight, raw: runtimes convert Docker's shares to it differently. */
  weight: number | null;
  cpuset: string | null;
  nrPeriods: number | null;
  nrThrottled: number | null;
  throttledUsec: number | null;
}

export interface PidsInternals {
  limit: Limit;
  current: number | null;
}

export interface IoInternals {
  /** v1 blkio.weight or blkio.bfq.weight; v2 io.weight or io.bfq.weight (the default). */
  weight: number | null;
}

export interface OomInternals {
  /** v2 memory.events "oom": times the limit was hit and reclaim failed. */
  events: number | null;
  /** v2 memory.events "oom_kill"; v1 memory.oom_control "oom_kill" (kernels ≥ 4.13). */
  kills: number | null;
  /** v1 memory.oom_control "under_oom". */
  underOom: boolean | null;
}

/** What HostConfig asks for, in the same units as the cgroup values it is compared with. */
export interface ConfiguredResources {
  memory: { limit: Limit; swapLimit: Limit };
  cpu: { quota: Limit; period: number | null; cpus: number | null; shares: number | null; cpuset: string | null };
  pids: { limit: Limit };
  io: { weight: number | null };
}

export interface ResourceMismatch {
  /** Dotted path in the cgroup model, e.g. "memory.limit". */
  field: string;
  configured: number | string;
  effective: number | string;
}

export interface CgroupInternals {
  version: 1 | 2 | null;
  driver: string | null;
  /** The container's cgroup as /proc/<pid>/cgroup names it (v2: the unified path; v1: the memory controller's). */
  path: string | null;
  memory: MemoryInternals;
  cpu: CpuInternals;
  pids: PidsInternals;
  io: IoInternals;
  oom: OomInternals;
  configured: ConfiguredResources;
  mismatches: ResourceMismatch[];
}

export interface NamespaceInternals {
  type: NamespaceType;
  /** The namespace's inode (the number in `net:[4026532184]`); null when only the Engine API was read. */
  inode: number | null;
  /** null when neither an inode nor a declared mode says (the time namespace through the API). */
  sharing: NamespaceSharing | null;
  /** For "container": the owner when another container owns it, else the first container that joined this one's. */
  with: string | null;
  /** The container the others join with container:<id>; null when none of them declares it. */
  owner: string | null;
  /** Every other running container with the same namespace. */
  members: string[];
  /** The HostConfig mode (PidMode, NetworkMode, IpcMode, UTSMode, UsernsMode, CgroupnsMode); null for mnt and time. */
  declared: string | null;
  /** Whether the declared mode and the inodes agree; null where nothing is declared. */
  agrees: boolean | null;
  source: InternalsSource;
}

export interface CapabilityInternals {
  /** Decoded CapEff of the container's main process. */
  effective: string[] | null;
  /** CapEff as the kernel prints it (16 hex digits). */
  effectiveHex: string | null;
  /** What HostConfig asks for: Docker's default set with CapAdd and CapDrop applied (all when privileged). */
  configured: string[];
}

export interface SecurityInternals {
  privileged: boolean | null;
  capabilities: CapabilityInternals;
  noNewPrivs: boolean | null;
  /** 0 disabled, 1 strict, 2 filter (from /proc/<pid>/status). */
  seccomp: { mode: 0 | 1 | 2 | null; profile: string | null };
  /** inspect AppArmorProfile. */
  apparmorProfile: string | null;
  /** inspect ProcessLabel (SELinux). */
  selinuxLabel: string | null;
  /** /proc/<pid>/attr/current where the LSM answers. */
  lsmLabel: string | null;
  securityOpt: string[];
  /** docker info SecurityOptions contains name=rootless. */
  rootless: boolean | null;
}

export interface ContainerInternals {
  id: string;
  name: string;
  /** The main process in the daemon's PID namespace (State.Pid); null when not running. */
  pid: number | null;
  running: boolean;
  /** Where the values in effect were read. Configured values always come from the Engine API. */
  source: InternalsSource;
  cgroup: CgroupInternals;
  namespaces: NamespaceInternals[];
  security: SecurityInternals;
  /** What "host" namespaces were taken from, and what could not be read. */
  hostReference: string[];
  /** Every non-null leaf, by dotted path (e.g. "cgroup.memory.limit"), with where it came from. */
  sources: Record<string, InternalsSource>;
  /** What could not be read and why, for a person to see. */
  notes: string[];
}

// ---- Inputs: the parts of Engine API answers the model reads (no dockerode types in core) ----

export interface InspectHostConfig {
  Privileged?: boolean;
  Memory?: number;
  MemorySwap?: number;
  NanoCpus?: number;
  CpuQuota?: number;
  CpuPeriod?: number;
  CpuShares?: number;
  CpusetCpus?: string;
  PidsLimit?: number | null;
  BlkioWeight?: number;
  PidMode?: string;
  NetworkMode?: string;
  IpcMode?: string;
  UTSMode?: string;
  UsernsMode?: string;
  CgroupnsMode?: string;
  CapAdd?: string[] | null;
  CapDrop?: string[] | null;
  SecurityOpt?: string[] | null;
}

export interface ContainerInspect {
  Id: string;
  Name?: string;
  State?: { Running?: boolean; Pid?: number };
  HostConfig?: InspectHostConfig;
  AppArmorProfile?: string;
  ProcessLabel?: string;
}

export interface DaemonInfo {
  CgroupVersion?: string;
  CgroupDriver?: string;
  SecurityOptions?: string[];
  MemTotal?: number;
}

/** The parts of GET /containers/{id}/stats?stream=false the model reads. */
export interface ContainerStats {
  memory_stats?: { usage?: number; max_usage?: number; limit?: number; stats?: Record<string, number> };
  pids_stats?: { current?: number; limit?: number };
  cpu_stats?: { throttling_data?: { periods?: number; throttled_periods?: number; throttled_time?: number } };
}

/** The raw text of one container process's files, read locally or by the helper container. */
export interface ProcessSnapshot {
  pid: number;
  /** /proc/<pid>/cgroup */
  procCgroup: string | null;
  /** /proc/<pid>/status */
  status: string | null;
  /** Inodes of /proc/<pid>/ns/* that could be read. */
  namespaces: Partial<Record<NamespaceType, number>>;
  /** /proc/<pid>/attr/current */
  lsmLabel: string | null;
  /** cgroup interface files by name (memory.max, cpu.stat …), from the container's cgroup directories. */
  cgroupFiles: Record<string, string>;
}

/** Namespace inodes that count as "the host": one set per type, and what they were read from. */
export interface HostReference {
  namespaces: Partial<Record<NamespaceType, number[]>>;
  /** e.g. ["/proc/self/ns", "the runtime shim (parent of each container)"], and what was unreadable. */
  described: string[];
}
