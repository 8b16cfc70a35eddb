import assert from 'node:assert/strict';
import {
  cgroupFilePlan, cgroupNamesContainer, effectiveFromCgroupFiles, effectiveFromStats, parseLimit, parseProcCgroup,
} from '../../../src/core/internals/cgroup';

const ID = '48dc70ebc9fdbb324e535e438b3e52376211ef60f4ec9ca9792b4644e9f04c0f';
// As read on this host (cgroup v1 hybrid, cgroupfs driver).
const HYBRID = [
  `9:name=systemd:/docker/${ID}`, `8:pids:/docker/${ID}`, `7:blkio:/docker/${ID}`, `4:memory:/docker/${ID}`,
  `3:cpuset:/docker/${ID}`, `2:cpuacct:/docker/${ID}`, `1:cpu:/docker/${ID}`, `0::/docker/${ID}`, '',
].join('\n');

describe('core/internals/cgroup', () => {
  describe('/proc/<pid>/cgroup', () => {
    it('reads a hybrid host as cgroup v1 and reports the memory controller\'s path', () => {
      const parsed = parseProcCgroup(HYBRID)!;
      assert.equal(parsed.version, 1);
      assert.equal(parsed.path, `/docker/${ID}`);
      assert.deepEqual(parsed.entries.find((e) => e.hierarchy === 0), { hierarchy: 0, controllers: [], path: `/docker/${ID}` });
    });

    it('reads the single "0::" line of cgroup v2 (fixture text; this host is v1) as v2', () => {
      const parsed = parseProcCgroup(`0::/system.slice/docker-${ID}.scope\n`)!;
      assert.equal(parsed.version, 2);
      assert.equal(parsed.path, `/system.slice/docker-${ID}.scope`);
    });

    it('treats a named v1 hierarchy alone (name=systemd) as no v1 controller', () => {
      assert.equal(parseProcCgroup(`1:name=systemd:/x\n0::/system.slice/docker-${ID}.scope\n`)!.version, 2);
    });

    it('returns null for text that is not a cgroup file', () => {
      assert.equal(parseProcCgroup(''), null);
      assert.equal(parseProcCgroup('cat: /proc/1/cgroup: No such file'), null);
    });

    it('knows whether the path names the container (cgroupfs, systemd scopes) and not another', () => {
      assert.ok(cgroupNamesContainer(parseProcCgroup(HYBRID)!, ID));
      assert.ok(cgroupNamesContainer(parseProcCgroup(`0::/system.slice/docker-${ID}.scope`)!, ID));
      assert.ok(!cgroupNamesContainer(parseProcCgroup(`0::/user.slice/session-2.scope`)!, ID));
      assert.ok(!cgroupNamesContainer(parseProcCgroup(HYBRID)!, ''), 'an empty id names nothing');
    });
  });

  describe('which files to read', () => {
    it('on v1 reads each controller\'s files under its own mount, trying a co-mounted "cpu,cpuacct" first', () => {
      const plan = cgroupFilePlan(parseProcCgroup(`4:cpu,cpuacct:/docker/${ID}\n3:memory:/docker/${ID}\n0::/docker/${ID}\n`)!);
      assert.deepEqual(plan.find((p) => p.file === 'cpu.cfs_quota_us')?.dirs, [`/cpu,cpuacct/docker/${ID}`, `/cpu/docker/${ID}`]);
      assert.deepEqual(plan.find((p) => p.file === 'memory.limit_in_bytes')?.dirs, [`/memory/docker/${ID}`]);
      assert.ok(!plan.some((p) => p.file === 'memory.max'), 'the controller-less unified hierarchy of a hybrid host is not read');
    });

    it('on v2 (fixture text; this host is v1) reads the unified directory', () => {
      const plan = cgroupFilePlan(parseProcCgroup(`0::/system.slice/docker-${ID}.scope\n`)!);
      assert.deepEqual(plan.find((p) => p.file === 'cpu.max')?.dirs, [`/system.slice/docker-${ID}.scope`]);
      assert.ok(plan.some((p) => p.file === 'memory.events'));
    });
  });

  describe('values in effect', () => {
    it('treats v1\'s page-counter maximum, "max" and -1 as unlimited', () => {
      assert.equal(parseLimit('9223372036854771712\n'), 'max');
      assert.equal(parseLimit('max\n'), 'max');
      assert.equal(parseLimit('-1'), 'max');
      assert.equal(parseLimit('67108864\n'), 67108864);
      assert.equal(parseLimit(undefined), null);
    });

    it('v1: usage without inactive file cache, quota as CPUs, throttled time in µs, oom_control', () => {
      const r = effectiveFromCgroupFiles(1, {
        'memory.limit_in_bytes': '67108864\n',
        'memory.usage_in_bytes': '5000000\n',
        'memory.max_usage_in_bytes': '7000000\n',
        'memory.memsw.limit_in_bytes': '134217728\n',
        'memory.stat': 'cache 100\ntotal_inactive_file 1000000\n',
        'memory.oom_control': 'oom_kill_disable 0\nunder_oom 1\noom_kill 3\n',
        'cpu.cfs_quota_us': '50000\n',
        'cpu.cfs_period_us': '100000\n',
        'cpu.shares': '512\n',
        'cpu.stat': 'nr_periods 10\nnr_throttled 4\nthrottled_time 2500000\n',
        'cpuset.cpus': '0-1\n',
        'pids.max': '50\n',
        'pids.current': '2\n',
        'blkio.bfq.weight': '100\n',
      });
      assert.deepEqual(r.memory, { limit: 67108864, usage: 4000000, peak: 7000000, swapLimit: 134217728 });
      assert.deepEqual(r.cpu, {
        quota: 50000, period: 100000, cpus: 0.5, shares: 512, weight: null, cpuset: '0-1', nrPeriods: 10, nrThrottled: 4, throttledUsec: 2500,
      });
      assert.deepEqual(r.pids, { limit: 50, current: 2 });
      assert.deepEqual(r.io, { weight: 100 });
      assert.deepEqual(r.oom, { events: null, kills: 3, underOom: true });
    });

    it('v1: no quota (-1) is unlimited, with no CPU count', () => {
      const r = effectiveFromCgroupFiles(1, { 'cpu.cfs_quota_us': '-1\n', 'cpu.cfs_period_us': '100000\n' });
      assert.equal(r.cpu.quota, 'max');
      assert.equal(r.cpu.cpus, null);
    });

    it('v2 (fixture text; this host is v1): memory.current − inactive_file, memory.peak, swap added to memory, cpu.max, weight, events', () => {
      const r = effectiveFromCgroupFiles(2, {
        'memory.max': '67108864\n',
        'memory.current': '10485760\n',
        'memory.peak': '20971520\n',
        'memory.swap.max': '67108864\n',
        'memory.stat': 'anon 1\ninactive_file 2097152\n',
        'memory.events': 'low 0\nhigh 0\nmax 17\noom 2\noom_kill 1\n',
        'cpu.max': '50000 100000\n',
        'cpu.weight': '20\n',
        'cpu.stat': 'usage_usec 5\nnr_periods 120\nnr_throttled 30\nthrottled_usec 456789\n',
        'cpuset.cpus': '\n',
        'cpuset.cpus.effective': '0-3\n',
        'pids.max': 'max\n',
        'pids.current': '3\n',
        'io.weight': 'default 100\n8:0 200\n',
      });
      assert.deepEqual(r.memory, { limit: 67108864, usage: 8388608, peak: 20971520, swapLimit: 134217728 });
      assert.deepEqual(r.cpu, {
        quota: 50000, period: 100000, cpus: 0.5, shares: null, weight: 20, cpuset: '0-3', nrPeriods: 120, nrThrottled: 30, throttledUsec: 456789,
      });
      assert.deepEqual(r.pids, { limit: 'max', current: 3 });
      assert.deepEqual(r.io, { weight: 100 });
      assert.deepEqual(r.oom, { events: 2, kills: 1, underOom: null });
    });

    it('v2 (fixture text; this host is v1): "max 100000" is no quota; an unlimited swap makes memory+swap unlimited; no memory.peak on older kernels', () => {
      const r = effectiveFromCgroupFiles(2, { 'cpu.max': 'max 100000\n', 'memory.max': '1048576\n', 'memory.swap.max': 'max\n' });
      assert.equal(r.cpu.quota, 'max');
      assert.equal(r.cpu.period, 100000);
      assert.equal(r.memory.swapLimit, 'max');
      assert.equal(r.memory.peak, null);
    });

    it('from Engine API stats: v1 usage without total_inactive_file, limit equal to the machine\'s memory as unlimited', () => {
      const stats = {
        memory_stats: {
          usage: 442368,
          max_usage: 3551232,
          limit: 67108864,
          stats: { total_inactive_file: 42368, hierarchical_memory_limit: 67108864, hierarchical_memsw_limit: 134217728 },
        },
        pids_stats: { current: 1, limit: 50 },
        cpu_stats: { throttling_data: { periods: 3, throttled_periods: 1, throttled_time: 5000 } },
      };
      const r = effectiveFromStats(stats, { CgroupVersion: '1', MemTotal: 25_000_000_000 });
      assert.deepEqual(r.memory, { limit: 67108864, usage: 400000, peak: 3551232, swapLimit: 134217728 });
      assert.deepEqual(r.pids, { limit: 50, current: 1 });
      assert.deepEqual([r.cpu.nrPeriods, r.cpu.nrThrottled, r.cpu.throttledUsec, r.cpu.quota], [3, 1, 5, null]);
      const noLimit = { memory_stats: { usage: 1, limit: 25_000_000_000, stats: { inactive_file: 0 } } };
      const unlimited = effectiveFromStats(noLimit, { CgroupVersion: '2', MemTotal: 25_000_000_000 });
      assert.equal(unlimited.memory.limit, 'max');
    });
  });
});
