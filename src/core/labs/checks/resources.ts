// resources: a container's memory, CPU and pids limits, each judged as HostConfig asks for it AND as the
// cgroup has it in effect (from the internals model), so a limit that did not take hold fails and says so.
import { normalizeCpuList } from '../../internals/configured';
import { formatCpus, formatLimit } from '../../internals/format';
import type { ContainerInternals, Limit } from '../../internals/model';
import { defineCheck, observe, type Observation } from '../check';
import { CONTAINER_FIELD, findTarget } from './target';

type Value = Limit | string;
type Unit = 'bytes' | 'cpus' | 'usec' | 'count' | 'cpuset';

interface Resource {
  label: string;
  flag: string;
  unit: Unit;
  /** The pack's value in the model's terms (-1 and 0 are "unlimited" where Docker reads them so). */
  want(raw: number | string): Value;
  configured(c: ContainerInternals): Value;
  effective(c: ContainerInternals): Value;
}

const unlimitedBelow1 = (raw: number | string) => (typeof raw === 'number' && raw <= 0 ? 'max' : raw);

const RESOURCES: Record<string, Resource> = {
  memory: { label: 'memory limit', flag: '--memory', unit: 'bytes', want: (v) => v, configured: (c) => c.cgroup.configured.memory.limit, effective: (c) => c.cgroup.memory.limit },
  memorySwap: {
    label: 'memory+swap limit',
    flag: '--memory-swap',
    unit: 'bytes',
    want: (v) => (v === -1 ? 'max' : v),
    configured: (c) => c.cgroup.configured.memory.swapLimit,
    effective: (c) => c.cgroup.memory.swapLimit,
  },
  cpus: { label: 'CPU limit', flag: '--cpus', unit: 'cpus', want: (v) => v, configured: (c) => c.cgroup.configured.cpu.cpus, effective: (c) => c.cgroup.cpu.cpus },
  cpuQuota: { label: 'CPU quota', flag: '--cpu-quota', unit: 'usec', want: unlimitedBelow1, configured: (c) => c.cgroup.configured.cpu.quota, effective: (c) => c.cgroup.cpu.quota },
  cpuPeriod: { label: 'CPU period', flag: '--cpu-period', unit: 'usec', want: (v) => v, configured: (c) => c.cgroup.configured.cpu.period, effective: (c) => c.cgroup.cpu.period },
  cpuShares: { label: 'CPU shares', flag: '--cpu-shares', unit: 'count', want: (v) => v, configured: (c) => c.cgroup.configured.cpu.shares, effective: (c) => c.cgroup.cpu.shares },
  cpusetCpus: { label: 'CPU set', flag: '--cpuset-cpus', unit: 'cpuset', want: (v) => String(v), configured: (c) => c.cgroup.configured.cpu.cpuset, effective: (c) => c.cgroup.cpu.cpuset },
  pidsLimit: { label: 'pids limit', flag: '--pids-limit', unit: 'count', want: unlimitedBelow1, configured: (c) => c.cgroup.configured.pids.limit, effective: (c) => c.cgroup.pids.limit },
};

/** The kernel rounds memory limits down to whole pages. */
const PAGE = 4096;

function same(unit: Unit, a: Value, b: Value): boolean {
  if (typeof a !== 'number' || typeof b !== 'number') return unit === 'cpuset' && typeof a === 'string' && typeof b === 'string' ? normalizeCpuList(a) === normalizeCpuList(b) : a === b;
  if (unit === 'bytes') return Math.abs(a - b) < PAGE;
  if (unit === 'cpus') return Math.abs(a - b) < 0.001;
  return a === b;
}

/** "256 MiB", "0.5 CPU", "50000 µs", "unlimited", "not set". */
export function shownValue(unit: Unit, v: Value): string {
  if (v === null) return 'not set';
  if (v === 'max') return 'unlimited';
  if (typeof v === 'string') return v;
  if (unit === 'bytes') return formatLimit(v, 'bytes');
  if (unit === 'cpus') return formatCpus(v);
  return unit === 'usec' ? `${v} µs` : String(v);
}

/** As the docker run flag takes it: 268435456 → "256m", unlimited → "-1". */
export function flagValue(unit: Unit, v: Value): string {
  if (v === 'max') return '-1';
  if (typeof v !== 'number' || unit !== 'bytes') return String(v);
  for (const [suffix, size] of [['g', 1024 ** 3], ['m', 1024 ** 2], ['k', 1024]] as const) if (v % size === 0) return `${v / size}${suffix}`;
  return String(v);
}

function judge(field: string, r: Resource, raw: number | string, c: ContainerInternals, name: string): Observation {
  const want = r.want(raw);
  const configured = r.configured(c);
  // A stopped container has no cgroup: only what HostConfig asks for can be judged.
  const effective = c.running ? r.effective(c) : null;
  const show = (v: Value) => shownValue(r.unit, v);
  const holds = (v: Value) => v === null || same(r.unit, v, want);
  const ok = (configured !== null || effective !== null) && holds(configured) && holds(effective);
  let actual: string;
  if (configured !== null && effective !== null && !same(r.unit, configured, effective)) actual = `${show(configured)} configured, ${show(effective)} in effect`;
  else if (effective === null && configured !== null && !c.running) actual = `${show(configured)} configured (not running)`;
  else actual = show(effective ?? configured);
  const recreate = `re-create the container with \`${r.flag} ${flagValue(r.unit, want)}\``;
  const hint = configured !== null && effective !== null && same(r.unit, configured, want)
    ? `HostConfig asks for ${show(want)} but the cgroup has ${show(effective)}: ${recreate} and check the engine applies it (\`docker inspect ${name}\`)`
    : `${r.label} is ${actual}, expected ${show(want)}: ${recreate}`;
  return observe(field, ok, show(want), actual, hint);
}

export default defineCheck({
  meta: {
    kind: 'resources',
    description:
      "A container's memory, CPU and pids limits, each as HostConfig asks for it and as the cgroup has it in effect (while it runs); when the two disagree the check says so.",
    fields: {
      container: CONTAINER_FIELD,
      memory: { type: 'bytes', unit: 'bytes (256m, 1g)', description: 'Memory limit (--memory).' },
      memorySwap: { type: 'bytes', unlimited: true, unit: 'bytes (512m), or -1 for no limit', description: 'Memory plus swap limit (--memory-swap); Docker makes it twice --memory when not given.' },
      cpus: { type: 'cpus', unit: 'CPUs (0.5, 2)', description: 'CPU limit (--cpus): quota over period.' },
      cpuQuota: { type: 'integer', unit: 'µs per period', description: 'CFS quota (--cpu-quota); -1 for none.' },
      cpuPeriod: { type: 'integer', unit: 'µs', description: 'CFS period (--cpu-period); 100000 unless set.' },
      cpuShares: { type: 'integer', description: 'Relative CPU weight (--cpu-shares); in effect on cgroup v1 only, where 1024 is the default.' },
      cpusetCpus: { type: 'string', unit: 'CPU list (0-1, 0,2)', description: 'CPUs it may run on (--cpuset-cpus).' },
      pidsLimit: { type: 'integer', description: 'Maximum number of processes (--pids-limit); -1 for no limit.' },
    },
    triggers: ['container'],
    examples: [
      { title: 'Limited to 64 MiB, half a CPU and 50 processes', yaml: 'kind: resources\ncontainer: sample-web\nmemory: 64m\ncpus: 0.5\npidsLimit: 50' },
      { title: 'No swap beyond its memory', yaml: 'kind: resources\ncontainer: sample-web\nmemory: 256m\nmemorySwap: 256m' },
      { title: 'Pinned to the first CPU', yaml: 'kind: resources\ncontainer: sample-web\ncpusetCpus: "0"' },
    ],
  },
  concerns: (f) => [f.container as string],
  title(fields) {
    const parts = Object.entries(RESOURCES)
      .filter(([field]) => fields[field] !== undefined)
      .map(([field, r]) => `${r.label} ${shownValue(r.unit, r.want(fields[field] as number | string))}`);
    return `container ${fields.container} has ${parts.join(', ') || 'resource limits'}`;
  },
  async run(fields, ctx) {
    const target = await findTarget(ctx, String(fields.container));
    if (!target.container) return target.failed;
    const asked = Object.entries(RESOURCES).filter(([field]) => fields[field] !== undefined);
    if (asked.length === 0) return [observe('resources', false, 'at least one limit to check', 'none given', `add one of ${Object.keys(RESOURCES).join(', ')} to the check`)];
    const internals = await ctx.daemon.internals(target.container.Id);
    return asked.map(([field, r]) => judge(field, r, fields[field] as number | string, internals, String(fields.container)));
  },
});
