import assert from 'node:assert/strict';
import { assembleInternals } from '../../../src/core/internals/assemble';
import { CGROUP_BYTES, formatBytes } from '../../../src/core/containers/bytes';
import { formatCpuQuota, formatCpus, formatInternals } from '../../../src/core/internals/format';
import { ContainerInspect, ProcessSnapshot } from '../../../src/core/internals/model';
import { hostReferenceFrom } from '../../../src/core/internals/namespaces';

const ID = '48dc70ebc9fdbb324e535e438b3e52376211ef60f4ec9ca9792b4644e9f04c0f';
const HOST = { cgroup: 10, ipc: 11, mnt: 12, net: 13, pid: 14, time: 15, user: 16, uts: 17 };
const inspect: ContainerInspect = {
  Id: ID,
  Name: '/web',
  State: { Running: true, Pid: 4242 },
  HostConfig: {
    Privileged: false, Memory: 67108864, MemorySwap: 134217728, NanoCpus: 500_000_000, PidsLimit: 50,
    CgroupnsMode: 'host', IpcMode: 'private', NetworkMode: 'default',
  },
  AppArmorProfile: '',
  ProcessLabel: '',
};
const snapshot: ProcessSnapshot = {
  pid: 4242,
  procCgroup: `4:memory:/docker/${ID}\n1:cpu:/docker/${ID}\n0::/docker/${ID}\n`,
  status: 'PPid:\t4200\nCapEff:\t00000000a80425fb\nNoNewPrivs:\t0\nSeccomp:\t2\n',
  namespaces: { ...HOST, ipc: 21, mnt: 22, net: 23, pid: 24, uts: 27 },
  lsmLabel: null,
  cgroupFiles: {
    'memory.limit_in_bytes': '33554432\n',
    'memory.usage_in_bytes': '900000\n',
    'memory.stat': 'total_inactive_file 100000\n',
    'cpu.cfs_quota_us': '50000\n',
    'cpu.cfs_period_us': '100000\n',
    'cpu.shares': '1024\n',
  },
};
const info = { CgroupVersion: '1', CgroupDriver: 'cgroupfs', SecurityOptions: ['name=seccomp,profile=default'] };
const host = hostReferenceFrom([{ label: '/proc/self/ns', namespaces: HOST }]);

describe('core/internals/assemble and format', () => {
  const model = assembleInternals({
    inspect,
    info,
    source: 'local',
    snapshot,
    participants: [{ id: ID, name: 'web', hostConfig: inspect.HostConfig, inodes: snapshot.namespaces, source: 'local' }],
    host,
  });

  it('assembles id, name, pid, cgroup path from /proc, values in effect beside configured ones, and the mismatch', () => {
    assert.deepEqual([model.id, model.name, model.pid, model.source, model.cgroup.version, model.cgroup.driver], [ID, 'web', 4242, 'local', 1, 'cgroupfs']);
    assert.equal(model.cgroup.path, `/docker/${ID}`);
    assert.deepEqual(model.cgroup.memory, { limit: 33554432, usage: 800000, peak: null, swapLimit: null });
    assert.deepEqual(model.cgroup.mismatches, [{ field: 'memory.limit', configured: 67108864, effective: 33554432 }]);
  });

  it('decodes capabilities and seccomp from the status text, and names the seccomp profile from docker info', () => {
    assert.equal(model.security.capabilities.effective!.length, 14);
    const { seccomp, noNewPrivs, rootless } = model.security;
    assert.deepEqual([seccomp.mode, seccomp.profile, noNewPrivs, rootless], [2, 'default', false, false]);
  });

  it('says where every value came from: cgroup files locally, HostConfig and docker info from the API', () => {
    assert.equal(model.sources['cgroup.memory.limit'], 'local');
    assert.equal(model.sources['cgroup.cpu.quota'], 'local');
    assert.equal(model.sources['cgroup.configured.memory.limit'], 'api');
    assert.equal(model.sources['cgroup.driver'], 'api');
    assert.equal(model.sources['security.capabilities.effective'], 'local');
    assert.equal(model.sources['security.privileged'], 'api');
    assert.equal(model.sources['namespaces.net'], 'local');
    assert.equal(model.sources['cgroup.memory.peak'], undefined, 'unknown values have no source');
  });

  it('a stopped container: configured values only, and a note that says so', () => {
    const stopped = assembleInternals({ inspect: { ...inspect, State: { Running: false, Pid: 0 } }, info, source: 'api', participants: [], host });
    assert.deepEqual([stopped.running, stopped.pid, stopped.namespaces.length, stopped.cgroup.mismatches.length], [false, null, 0, 0]);
    assert.match(stopped.notes.join('\n'), /not running/);
  });

  it('formats sizes and CPU as people read them', () => {
    assert.equal(formatBytes(67108864, CGROUP_BYTES), '64 MiB');
    assert.equal(formatBytes(1536, CGROUP_BYTES), '1.5 KiB');
    assert.equal(formatBytes(512, CGROUP_BYTES), '512 B');
    assert.equal(formatCpus(0.5), '0.5 CPU');
    assert.equal(formatCpus(2), '2 CPUs');
    assert.equal(formatCpuQuota(50000, 100000), '0.5 CPU');
    assert.equal(formatCpuQuota('max', 100000), 'unlimited');
  });

  it('the terminal view has the three sections, "0.5 CPU", "64 MiB", and marks the mismatch', () => {
    const text = formatInternals([model]);
    assert.match(text, /^web \(48dc70ebc9fd\)\s+pid 4242/);
    for (const section of ['Resources (cgroup v1, cgroupfs', 'Namespaces ("host" means the same namespace as this shipshape process)', 'Security']) assert.ok(text.includes(section), section);
    assert.match(text, /^ ! memory limit\s+64 MiB\s+32 MiB$/m);
    assert.match(text, /^ {3}cpu\s+0\.5 CPU \(50000\/100000 µs\)\s+0\.5 CPU/m);
    assert.match(text, /! memory\.limit: configured 64 MiB, in effect 32 MiB/);
    assert.match(text, /^ {2}net\s+23\s+private\s+default$/m);
    assert.match(text, /^ {2}seccomp\s+filter \(mode 2\), profile default$/m);
  });
});
