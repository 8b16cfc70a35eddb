// The local reader over fixture trees standing in for a host's /proc and /sys/fs/cgroup, and the
// helper's shell script over the same trees: both must read the same snapshot.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { assembleInternals } from '../../../src/core/internals/assemble';
import { HELPER_SCRIPT, helperArguments, parseHelperOutput } from '../../../src/core/internals/helper-script';
import { ContainerInspect } from '../../../src/core/internals/model';
import { hostReferenceFrom } from '../../../src/core/internals/namespaces';
import { LocalRoots, readLocalProcess, readNamespaceInodes } from '../../../src/docker/internals/local';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures');
const rootsOf = (name: string): LocalRoots => ({ procRoot: path.join(fixtures, name, 'proc'), cgroupRoot: path.join(fixtures, name, 'sys', 'fs', 'cgroup') });
const V2_ID = '7e57c2f1a0b9d8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3';
const V2_OTHER = '2b0a7e57c2f1a0b9d8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5';
const V1_ID = '5eed1e57c2f1a0b9d8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5';

/** Runs the helper's script as the helper would, but with its roots moved to a fixture tree. */
function runScript(shell: string[], roots: LocalRoots, full: number[], nsOnly: number[]): string {
  return execFileSync(shell[0]!, [...shell.slice(1), '-c', HELPER_SCRIPT, 'shipshape-internals', ...helperArguments(full, nsOnly)], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, SHIPSHAPE_PROC_ROOT: roots.procRoot, SHIPSHAPE_CGROUP_ROOT: roots.cgroupRoot },
  });
}

const shells: string[][] = [['/bin/sh'], ...(fs.existsSync('/bin/busybox') ? [['/bin/busybox', 'sh']] : [])];

describe('docker/internals local reader over fixture trees', () => {
  describe('cgroup v2 (fixture tree; this host is v1), systemd driver', () => {
    const roots = rootsOf('cgroup-v2');

    it('reads /proc/<pid>/cgroup, the unified directory\'s files, namespaces, status and the LSM label', () => {
      const read = (readLocalProcess(4242, V2_ID, roots, true))!;
      assert.ok(read, 'the fixture process names the container');
      assert.equal(read.snapshot.procCgroup, `0::/system.slice/docker-${V2_ID}.scope\n`);
      assert.deepEqual(Object.keys(read.snapshot.cgroupFiles).sort(), [
        'cpu.max', 'cpu.stat', 'cpu.weight', 'cpuset.cpus', 'cpuset.cpus.effective', 'io.weight', 'memory.current', 'memory.events', 'memory.max',
        'memory.peak', 'memory.stat', 'memory.swap.max', 'pids.current', 'pids.max',
      ]);
      assert.equal(read.snapshot.namespaces.net, 4026532603);
      assert.equal(read.snapshot.lsmLabel, 'docker-default (enforce)');
      assert.deepEqual(read.parentNamespaces, readNamespaceInodes(roots.procRoot, 'self'), 'the shim runs in the host\'s namespaces');
    });

    it('builds the model: 64 MiB, "0.5 CPU", weight beside shares, throttling, OOM events, and namespaces against the host and the other container', () => {
      const read = readLocalProcess(4242, V2_ID, roots, true);
      const other = readLocalProcess(4343, V2_OTHER, roots, false);
      const self = readNamespaceInodes(roots.procRoot, 'self');
      const inspect: ContainerInspect = {
        Id: V2_ID,
        Name: '/web',
        State: { Running: true, Pid: 4242 },
        HostConfig: {
          Privileged: false, Memory: 67108864, MemorySwap: 134217728, NanoCpus: 500_000_000, PidsLimit: 50, CpuShares: 512,
          CgroupnsMode: 'private', IpcMode: 'private',
        },
        AppArmorProfile: 'docker-default',
      };
      const sidecarConfig = { NetworkMode: `container:${V2_ID}` };
      const model = assembleInternals({
        inspect,
        info: { CgroupVersion: '2', CgroupDriver: 'systemd', SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'] },
        source: 'local',
        snapshot: read!.snapshot,
        participants: [
          { id: V2_ID, name: 'web', hostConfig: inspect.HostConfig, inodes: read!.snapshot.namespaces, source: 'local' },
          { id: V2_OTHER, name: 'sidecar', hostConfig: sidecarConfig, inodes: other!.snapshot.namespaces, source: 'local' },
        ],
        host: hostReferenceFrom([{ label: '/proc/self/ns', namespaces: self }]),
      });
      assert.deepEqual([model.cgroup.version, model.cgroup.driver, model.cgroup.path], [2, 'systemd', `/system.slice/docker-${V2_ID}.scope`]);
      assert.deepEqual(model.cgroup.memory, { limit: 67108864, usage: 8388608, peak: 20971520, swapLimit: 134217728 });
      const cpu = model.cgroup.cpu;
      assert.deepEqual(
        { quota: cpu.quota, period: cpu.period, cpus: cpu.cpus, weight: cpu.weight, shares: model.cgroup.configured.cpu.shares },
        { quota: 50000, period: 100000, cpus: 0.5, weight: 20, shares: 512 },
      );
      assert.deepEqual([model.cgroup.cpu.nrThrottled, model.cgroup.cpu.throttledUsec, model.cgroup.cpu.cpuset], [30, 456789, '0-3']);
      assert.deepEqual(model.cgroup.oom, { events: 2, kills: 1, underOom: null });
      assert.deepEqual(model.cgroup.pids, { limit: 50, current: 3 });
      assert.deepEqual(model.cgroup.mismatches, [], 'v2 weight is shown, not compared with shares');
      const ns = Object.fromEntries(model.namespaces.map((n) => [n.type, n]));
      assert.deepEqual(Object.fromEntries(model.namespaces.map((n) => [n.type, n.sharing])), {
        cgroup: 'private', ipc: 'private', mnt: 'private', net: 'container', pid: 'private', time: 'host', user: 'host', uts: 'private',
      });
      assert.deepEqual([ns.net!.with, ns.net!.owner, ns.net!.members], ['sidecar', 'web', ['sidecar']]);
      const { noNewPrivs, seccomp, lsmLabel } = model.security;
      assert.deepEqual([noNewPrivs, seccomp.mode, seccomp.profile, lsmLabel], [true, 2, 'builtin', 'docker-default (enforce)']);
      assert.equal(model.sources['cgroup.cpu.weight'], 'local');
    });

    it('returns null when /proc/<pid>/cgroup does not name the container (a PID from another machine)', () => {
      assert.equal(readLocalProcess(4242, V2_OTHER, roots, true), null);
      assert.equal(readLocalProcess(99999, V2_ID, roots, true), null);
    });

    for (const shell of shells) {
      it(`the helper script under ${shell.join(' ')} reads the v2 tree exactly as the local reader does`, () => {
        const reading = parseHelperOutput(runScript(shell, roots, [4242], [4343]));
        const local = (readLocalProcess(4242, V2_ID, roots, true))!;
        const helper = reading.snapshots.get(4242)!;
        assert.deepEqual(helper.namespaces, local.snapshot.namespaces);
        assert.equal(helper.procCgroup, local.snapshot.procCgroup!.trimEnd());
        assert.equal(helper.status, local.snapshot.status!.trimEnd());
        assert.equal(helper.lsmLabel, local.snapshot.lsmLabel);
        const trimmed = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.trimEnd()]));
        assert.deepEqual(trimmed(helper.cgroupFiles), trimmed(local.snapshot.cgroupFiles));
        assert.deepEqual(reading.parents.get(4242), local.parentNamespaces);
        assert.deepEqual(reading.snapshots.get(4343)!.namespaces, (readLocalProcess(4343, V2_OTHER, roots, false))!.snapshot.namespaces);
        assert.deepEqual(reading.snapshots.get(4343)!.cgroupFiles, {}, 'namespace-only PIDs get no cgroup files');
      });
    }
  });

  describe('cgroup v1 with cpu,cpuacct co-mounted (fixture tree of a systemd-driver host)', () => {
    const roots = rootsOf('cgroup-v1');

    it('finds cpu files under "cpu,cpuacct", reads unlimited memory as "max", no swap accounting as unknown, and flags the shares mismatch', () => {
      const read = (readLocalProcess(5151, V1_ID, roots, true))!;
      const model = assembleInternals({
        inspect: {
          Id: V1_ID,
          Name: '/batch',
          State: { Running: true, Pid: 5151 },
          HostConfig: { Privileged: true, CpuQuota: 150000, CpuPeriod: 100000, CpuShares: 512, BlkioWeight: 500 },
        },
        info: { CgroupVersion: '1', CgroupDriver: 'systemd' },
        source: 'local',
        snapshot: read.snapshot,
        participants: [],
        host: hostReferenceFrom([]),
      });
      assert.deepEqual([model.cgroup.version, model.cgroup.path], [1, `/system.slice/docker-${V1_ID}.scope`]);
      assert.deepEqual(model.cgroup.memory, { limit: 'max', usage: 2097152, peak: 4194304, swapLimit: null });
      assert.deepEqual([model.cgroup.cpu.quota, model.cgroup.cpu.cpus, model.cgroup.cpu.throttledUsec, model.cgroup.io.weight], [150000, 1.5, 2500, 500]);
      assert.deepEqual(model.cgroup.mismatches, [{ field: 'cpu.shares', configured: 512, effective: 1024 }]);
      assert.equal(model.security.capabilities.effective!.length, 41, 'a privileged CapEff decodes to every capability');
      assert.equal(model.security.seccomp.mode, 0);
    });

    for (const shell of shells) {
      it(`the helper script under ${shell.join(' ')} finds the co-mounted controller the same way`, () => {
        const helper = parseHelperOutput(runScript(shell, roots, [5151], [])).snapshots.get(5151)!;
        const local = (readLocalProcess(5151, V1_ID, roots, true))!;
        assert.deepEqual(Object.keys(helper.cgroupFiles).sort(), Object.keys(local.snapshot.cgroupFiles).sort());
        assert.equal(helper.cgroupFiles['cpu.cfs_quota_us'], '150000');
      });
    }
  });
});
