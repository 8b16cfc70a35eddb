// What HostConfig asks for, in cgroup units, and where the cgroup files say otherwise.
import { EffectiveResources } from './cgroup';
import { ConfiguredResources, InspectHostConfig, Limit, ResourceMismatch } from './model';

/** Docker's --cpus sets the quota against a 100 ms period. */
const DOCKER_CPU_PERIOD = 100_000;
/** cgroup v1 cpu.shares when Docker sets none. */
const DEFAULT_CPU_SHARES = 1024;
/** The kernel rounds memory limits down to whole pages. */
const PAGE = 4096;

export function configuredResources(hostConfig: InspectHostConfig | undefined): ConfiguredResources {
  const h = hostConfig ?? {};
  const memory = h.Memory && h.Memory > 0 ? h.Memory : 0;
  let swapLimit: Limit;
  if (h.MemorySwap === -1) swapLimit = 'max';
  else if (h.MemorySwap && h.MemorySwap > 0) swapLimit = h.MemorySwap;
  // Docker's default for --memory without --memory-swap is twice the memory, swap included.
  else swapLimit = memory > 0 ? memory * 2 : 'max';
  let quota: Limit = 'max';
  let period: number | null = null;
  if (h.NanoCpus && h.NanoCpus > 0) {
    period = DOCKER_CPU_PERIOD;
    quota = Math.round((h.NanoCpus * DOCKER_CPU_PERIOD) / 1e9);
  } else if (h.CpuQuota && h.CpuQuota > 0) {
    period = h.CpuPeriod && h.CpuPeriod > 0 ? h.CpuPeriod : DOCKER_CPU_PERIOD;
    quota = h.CpuQuota;
  }
  return {
    memory: { limit: memory > 0 ? memory : 'max', swapLimit },
    cpu: {
      quota,
      period,
      cpus: typeof quota === 'number' && period ? Math.round((quota / period) * 1000) / 1000 : null,
      shares: h.CpuShares && h.CpuShares > 0 ? h.CpuShares : null,
      cpuset: h.CpusetCpus ? h.CpusetCpus : null,
    },
    pids: { limit: h.PidsLimit && h.PidsLimit > 0 ? h.PidsLimit : 'max' },
    io: { weight: h.BlkioWeight && h.BlkioWeight > 0 ? h.BlkioWeight : null },
  };
}

/** "0-2,4" → "0,1,2,4", so equal sets written differently compare equal. */
export function normalizeCpuList(list: string): string {
  const cpus = new Set<number>();
  for (const part of list.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [from, to] = part.split('-').map(Number);
    for (let cpu = from!; cpu <= (to ?? from!); cpu++) cpus.add(cpu);
  }
  return [...cpus].sort((a, b) => a - b).join(',');
}

/**
 * Where the values in effect differ from HostConfig. Fields the source did not read (null) are not compared,
 * and neither are v2 cpu.weight and io.weight: runtimes convert shares and blkio weight to them differently.
 */
export function compareResources(configured: ConfiguredResources, effective: EffectiveResources, version: 1 | 2 | null): ResourceMismatch[] {
  const mismatches: ResourceMismatch[] = [];
  const check = (field: string, want: number | string | null, have: number | string | null, same = (a: number | string, b: number | string) => a === b) => {
    if (want === null || have === null) return;
    if (!same(want, have)) mismatches.push({ field, configured: want, effective: have });
  };
  const bytes = (a: number | string, b: number | string) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < PAGE : a === b);
  check('memory.limit', configured.memory.limit, effective.memory.limit, bytes);
  check('memory.swapLimit', configured.memory.swapLimit, effective.memory.swapLimit, bytes);
  check('cpu.quota', configured.cpu.quota, effective.cpu.quota);
  if (typeof configured.cpu.quota === 'number') check('cpu.period', configured.cpu.period, effective.cpu.period);
  if (version === 1) check('cpu.shares', configured.cpu.shares ?? DEFAULT_CPU_SHARES, effective.cpu.shares);
  if (configured.cpu.cpuset !== null && effective.cpu.cpuset !== null) {
    check('cpu.cpuset', configured.cpu.cpuset, effective.cpu.cpuset, (a, b) => normalizeCpuList(String(a)) === normalizeCpuList(String(b)));
  }
  check('pids.limit', configured.pids.limit, effective.pids.limit);
  if (version === 1) check('io.weight', configured.io.weight, effective.io.weight);
  return mismatches;
}
