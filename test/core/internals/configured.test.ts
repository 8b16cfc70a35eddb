import assert from 'node:assert/strict';
import { emptyResources } from '../../../src/core/internals/cgroup';
import { compareResources, configuredResources, normalizeCpuList } from '../../../src/core/internals/configured';

describe('core/internals/configured', () => {
  it('turns --memory 64m --cpus 0.5 --pids-limit 50 into cgroup units (quota 50000 of 100000 µs)', () => {
    const c = configuredResources({ Memory: 67108864, MemorySwap: 134217728, NanoCpus: 500_000_000, PidsLimit: 50 });
    assert.deepEqual(c, {
      memory: { limit: 67108864, swapLimit: 134217728 },
      cpu: { quota: 50000, period: 100000, cpus: 0.5, shares: null, cpuset: null },
      pids: { limit: 50 },
      io: { weight: null },
    });
  });

  it('reads nothing configured as unlimited, and --cpu-quota/--cpu-period as given', () => {
    const none = configuredResources({ Memory: 0, MemorySwap: 0, NanoCpus: 0, PidsLimit: null });
    assert.deepEqual([none.memory.limit, none.memory.swapLimit, none.cpu.quota, none.pids.limit], ['max', 'max', 'max', 'max']);
    const quota = configuredResources({ CpuQuota: 150000, CpuPeriod: 50000, MemorySwap: -1, Memory: 1 << 20 });
    assert.deepEqual([quota.cpu.quota, quota.cpu.period, quota.cpu.cpus, quota.memory.swapLimit], [150000, 50000, 3, 'max']);
    assert.equal(configuredResources({ Memory: 1 << 20, MemorySwap: 0 }).memory.swapLimit, 2 << 20, 'Docker\'s default: swap as much as memory');
  });

  it('flags a memory limit changed behind Docker\'s back, and only that', () => {
    const configured = configuredResources({ Memory: 67108864, MemorySwap: 134217728, NanoCpus: 500_000_000, PidsLimit: 50 });
    const effective = emptyResources();
    Object.assign(effective.memory, { limit: 33554432, swapLimit: 134217728 });
    Object.assign(effective.cpu, { quota: 50000, period: 100000, shares: 1024 });
    effective.pids.limit = 50;
    assert.deepEqual(compareResources(configured, effective, 1), [{ field: 'memory.limit', configured: 67108864, effective: 33554432 }]);
  });

  it('allows the kernel\'s rounding of memory limits down to a page', () => {
    const effective = emptyResources();
    effective.memory.limit = 99999744;
    assert.deepEqual(compareResources(configuredResources({ Memory: 100_000_000 }), effective, 1), []);
  });

  it('compares v1 shares against the default 1024, but never v2 weight (runtimes convert differently)', () => {
    const effective = emptyResources();
    effective.cpu.shares = 512;
    assert.deepEqual(compareResources(configuredResources({}), effective, 1), [{ field: 'cpu.shares', configured: 1024, effective: 512 }]);
    const v2 = emptyResources();
    v2.cpu.weight = 20;
    assert.deepEqual(compareResources(configuredResources({ CpuShares: 512 }), v2, 2), []);
  });

  it('compares cpusets as sets and pids, quota and io weight as numbers', () => {
    assert.equal(normalizeCpuList('0-2,4'), '0,1,2,4');
    const effective = emptyResources();
    Object.assign(effective.cpu, { cpuset: '0,1', quota: 'max', period: 100000 });
    effective.pids.limit = 'max';
    effective.io.weight = 100;
    const configured = configuredResources({ CpusetCpus: '0-1', NanoCpus: 1e9, PidsLimit: 10, BlkioWeight: 300 });
    assert.deepEqual(compareResources(configured, effective, 1), [
      { field: 'cpu.quota', configured: 100000, effective: 'max' },
      { field: 'pids.limit', configured: 10, effective: 'max' },
      { field: 'io.weight', configured: 300, effective: 100 },
    ]);
  });

  it('does not compare what the source could not read (null)', () => {
    assert.deepEqual(compareResources(configuredResources({ Memory: 1 << 20, PidsLimit: 5 }), emptyResources(), 1), []);
  });
});
