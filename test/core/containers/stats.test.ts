import assert from 'node:assert/strict';
import { STATS_MEMORY, formatBytes } from '../../../src/core/containers/bytes';
import { ApiContainerStats, cpuPercent, formatStats, memoryUsage, summarizeStats } from '../../../src/core/containers/stats';
// Recorded from Docker 20.10 on cgroup v1: a busy loop on 2 CPUs, -m 256m, 32 MiB of written-back page cache.
import cgroupV1 from './stats-cgroup-v1.json';
// The cgroup v2 shape (Docker's statsV2): no percpu_usage or max_usage, memory.stat keys, lower-case blkio ops.
import cgroupV2 from './stats-cgroup-v2.json';

const v1: ApiContainerStats = cgroupV1;
const v2: ApiContainerStats = cgroupV2;

describe('core/containers/stats', () => {
  it('computes CPU % as cpu_delta / system_delta × online CPUs (cgroup v1 recording)', () => {
    // (5833420412 − 4846384767) / (6850790000000 − 6848790000000) × 2 × 100
    assert.equal(cpuPercent(v1).toFixed(4), '98.7036');
  });

  it('computes CPU % on cgroup v2, where percpu_usage is absent', () => {
    // (1532208000 − 1281506000) / (4822690000000 − 4818680000000) × 4 × 100
    assert.equal(cpuPercent(v2).toFixed(4), '25.0077');
  });

  it('counts the CPUs from percpu_usage when online_cpus is missing (older daemons)', () => {
    const old = { ...v1, cpu_stats: { ...v1.cpu_stats, online_cpus: undefined } } as ApiContainerStats;
    assert.equal(cpuPercent(old).toFixed(4), '98.7036');
  });

  it('reports 0 % for a first sample, which has no previous one to compare with', () => {
    assert.equal(cpuPercent({ ...v2, precpu_stats: { cpu_usage: { total_usage: 0 } } }), 0);
  });

  it('subtracts total_inactive_file from memory usage on cgroup v1', () => {
    // 34988032 − 33554432 of page cache: the 1.367 MiB `docker stats` shows, of a 256 MiB limit.
    assert.deepEqual(memoryUsage(v1), { usage: 1433600, limit: 268435456, percent: (1433600 / 268435456) * 100 });
  });

  it('prefers the hierarchy total (total_inactive_file) over inactive_file on cgroup v1', () => {
    const nested = { ...v1, memory_stats: { ...v1.memory_stats, stats: { ...v1.memory_stats!.stats, inactive_file: 0 } } };
    assert.equal(memoryUsage(nested).usage, 1433600);
  });

  it('subtracts inactive_file from memory usage on cgroup v2', () => {
    assert.deepEqual(memoryUsage(v2), { usage: 58212352 - 24145920, limit: 536870912, percent: ((58212352 - 24145920) / 536870912) * 100 });
  });

  it('keeps the raw usage when the inactive page cache is not below it', () => {
    const odd = { memory_stats: { usage: 1000, limit: 4000, stats: { inactive_file: 5000 } } };
    assert.equal(memoryUsage(odd).usage, 1000);
  });

  it('sums network I/O over interfaces and block I/O over devices, whatever the case of the op', () => {
    assert.deepEqual(summarizeStats(v2), {
      cpuPercent: cpuPercent(v2),
      memory: memoryUsage(v2),
      network: { rx: 1876 + 524, tx: 942 },
      block: { read: 6561792, write: 12288 },
      pids: 5,
    });
    const v1Ops = [{ op: 'Read', value: 4096 }, { op: 'Write', value: 8192 }, { op: 'Total', value: 12288 }];
    const v1Blkio = { ...v1, blkio_stats: { io_service_bytes_recursive: v1Ops } };
    assert.deepEqual(summarizeStats(v1Blkio).block, { read: 4096, write: 8192 });
    assert.deepEqual(summarizeStats(v1).network, { rx: 516, tx: 0 });
  });

  it('formats the columns like `docker stats --no-stream`', () => {
    assert.equal(
      formatStats('web', summarizeStats(v2)),
      [
        'CONTAINER           web',
        'CPU %               25.01%',
        'MEM USAGE / LIMIT   32.49MiB / 512MiB',
        'MEM %               6.35%',
        'NET I/O             2.4kB / 942B',
        'BLOCK I/O           6.56MB / 12.3kB',
        'PIDS                5',
        '',
      ].join('\n'),
    );
    assert.match(formatStats('db', summarizeStats(v1)), /^MEM USAGE \/ LIMIT {3}1\.367MiB \/ 256MiB$/m);
  });

  it('prints memory sizes with four significant digits in binary units', () => {
    assert.deepEqual([0, 604, 1433600, 25276514304].map((n) => formatBytes(n, STATS_MEMORY)), ['0B', '604B', '1.367MiB', '23.54GiB']);
  });
});
