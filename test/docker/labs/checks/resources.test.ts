import assert from 'node:assert/strict';
import fs from 'node:fs';
import kind from '../../../../src/core/labs/checks/resources';
import { uniqueName } from '../../../support/daemon';
import { kindCases, labContainers } from '../../../support/labs';

const MiB = 1024 * 1024;

describe('labs check: resources (real daemon, cgroup v1)', function () {
  this.timeout(60_000);
  const made = labContainers();
  const limited = uniqueName('res-limited');
  const quota = uniqueName('res-quota');
  const plain = uniqueName('res-plain');
  const stopped = uniqueName('res-stopped');
  const tampered = uniqueName('res-tampered');
  const absent = uniqueName('res-absent');

  before(async () => {
    await Promise.all([
      made.run(limited, { hostConfig: { Memory: 64 * MiB, MemorySwap: 128 * MiB, NanoCpus: 500_000_000, PidsLimit: 50, CpuShares: 512, CpusetCpus: '0' } }),
      made.run(quota, { hostConfig: { CpuQuota: 25_000, CpuPeriod: 50_000 } }),
      made.run(plain),
      made.run(stopped, { start: false, hostConfig: { Memory: 64 * MiB } }),
      // The limit in effect changed behind Docker's back, straight in the container's cgroup (cgroupfs driver).
      made.run(tampered, { hostConfig: { PidsLimit: 50 } }).then((id) => fs.writeFileSync(`/sys/fs/cgroup/pids/docker/${id}/pids.max`, '40')),
    ]);
  });
  after(() => made.removeAll());

  kindCases(kind, {
    passing: [
      {
        name: '--memory 64m --memory-swap 128m --cpus 0.5 --pids-limit 50 --cpu-shares 512 --cpuset-cpus 0, in units as packs write them',
        fields: () => ({ container: limited, memory: '64m', memorySwap: '128m', cpus: 0.5, pidsLimit: 50, cpuShares: 512, cpusetCpus: '0' }),
      },
      { name: '--cpus 0.5 is a 50000 µs quota per 100000 µs period', fields: () => ({ container: limited, cpuQuota: 50_000, cpuPeriod: 100_000, memory: 64 * MiB }) },
      { name: '--cpu-quota 25000 --cpu-period 50000', fields: () => ({ container: quota, cpuQuota: 25_000, cpuPeriod: 50_000, cpus: '0.5' }) },
      { name: 'no limits: unlimited memory, swap and pids, no quota', fields: () => ({ container: plain, memorySwap: -1, pidsLimit: -1, cpuQuota: -1 }) },
      { name: 'a stopped container: what HostConfig asks for', fields: () => ({ container: stopped, memory: '64m' }) },
    ],
    failing: [
      {
        name: 'other limits than configured and in effect',
        fields: () => ({ container: limited, memory: '256m', cpus: 1, pidsLimit: 100, cpusetCpus: '1', memorySwap: -1 }),
        failures: () => [
          { field: 'memory', expected: '256 MiB', actual: '64 MiB', hint: 'memory limit is 64 MiB, expected 256 MiB: re-create the container with `--memory 256m`' },
          { field: 'memorySwap', expected: 'unlimited', actual: '128 MiB', hint: 'memory+swap limit is 128 MiB, expected unlimited: re-create the container with `--memory-swap -1`' },
          { field: 'cpus', expected: '1 CPU', actual: '0.5 CPU', hint: 'CPU limit is 0.5 CPU, expected 1 CPU: re-create the container with `--cpus 1`' },
          { field: 'cpusetCpus', expected: '1', actual: '0', hint: 'CPU set is 0, expected 1: re-create the container with `--cpuset-cpus 1`' },
          { field: 'pidsLimit', expected: '100', actual: '50', hint: 'pids limit is 50, expected 100: re-create the container with `--pids-limit 100`' },
        ],
      },
      {
        name: 'a limit on a container that has none',
        fields: () => ({ container: plain, memory: '1.5g', cpuShares: 256 }),
        failures: () => [
          { field: 'memory', expected: '1.5 GiB', actual: 'unlimited', hint: 'memory limit is unlimited, expected 1.5 GiB: re-create the container with `--memory 1536m`' },
          { field: 'cpuShares', expected: '256', actual: '1024', hint: 'CPU shares is 1024, expected 256: re-create the container with `--cpu-shares 256`' },
        ],
      },
      {
        name: 'configured and in effect disagree: the check says so',
        fields: () => ({ container: tampered, pidsLimit: 50 }),
        failures: () => [
          {
            field: 'pidsLimit',
            expected: '50',
            actual: '50 configured, 40 in effect',
            hint: `HostConfig asks for 50 but the cgroup has 40: re-create the container with \`--pids-limit 50\` and check the engine applies it (\`docker inspect ${tampered}\`)`,
          },
        ],
      },
      {
        name: 'a stopped container with another limit',
        fields: () => ({ container: stopped, memory: '128m' }),
        failures: () => [{ field: 'memory', expected: '128 MiB', actual: '64 MiB configured (not running)', hint: 'memory limit is 64 MiB configured (not running), expected 128 MiB: re-create the container with `--memory 128m`' }],
      },
      {
        name: 'a missing container',
        fields: () => ({ container: absent, memory: '64m' }),
        failures: () => [{ field: 'container', expected: `a container named ${absent}`, actual: `no container named ${absent}`, hint: `create it with \`docker run --name ${absent} …\`` }],
      },
    ],
  });

  it('titles name the limits in the units a person reads', () => {
    assert.equal(kind.title({ container: 'web', memory: 256 * MiB, cpus: 0.5, memorySwap: -1 }), 'container web has memory limit 256 MiB, memory+swap limit unlimited, CPU limit 0.5 CPU');
  });
});
