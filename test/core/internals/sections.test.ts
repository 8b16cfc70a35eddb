import assert from 'node:assert/strict';
import type { ContainerInternals } from '../../../src/core/internals/model';
import { namespaceRows, overviewRows, resourceRows, securityRows } from '../../../src/core/internals/sections';

function internals(overrides: Partial<ContainerInternals['cgroup']> = {}): ContainerInternals {
  const configured = { memory: { limit: 67108864, swapLimit: 134217728 }, cpu: { quota: 50000, period: 100000, cpus: 0.5, shares: null, cpuset: null }, pids: { limit: 50 }, io: { weight: null } };
  return {
    id: 'a'.repeat(64),
    name: 'web',
    pid: 4200,
    running: true,
    source: 'local',
    cgroup: {
      version: 1,
      driver: 'cgroupfs',
      path: '/docker/aaaa',
      memory: { limit: 67108864, usage: 1_400_000, peak: 2_000_000, swapLimit: 134217728 },
      cpu: { quota: 50000, period: 100000, cpus: 0.5, shares: 1024, weight: null, cpuset: null, nrPeriods: 10, nrThrottled: 2, throttledUsec: 1_500_000 },
      pids: { limit: 50, current: 1 },
      io: { weight: null },
      oom: { events: null, kills: 0, underOom: false },
      configured,
      mismatches: [],
      ...overrides,
    },
    namespaces: [
      { type: 'net', inode: 4026532184, sharing: 'private', with: null, owner: null, members: [], declared: 'bridge', agrees: true, source: 'local' },
      { type: 'pid', inode: 4026532183, sharing: 'container', with: 'db', owner: 'db', members: ['db'], declared: 'container:db', agrees: true, source: 'local' },
      { type: 'uts', inode: 4026531838, sharing: 'host', with: null, owner: null, members: [], declared: 'host', agrees: true, source: 'local' },
    ],
    security: {
      privileged: false,
      capabilities: { effective: ['CAP_CHOWN', 'CAP_KILL'], effectiveHex: '00000000000000a0', configured: ['CAP_CHOWN', 'CAP_KILL'] },
      noNewPrivs: false,
      seccomp: { mode: 2, profile: null },
      apparmorProfile: null,
      selinuxLabel: null,
      lsmLabel: null,
      securityOpt: [],
      rootless: false,
    },
    hostReference: ['/proc/self/ns'],
    sources: { 'cgroup.memory.limit': 'local', 'cgroup.cpu.quota': 'local' },
    notes: [],
  };
}

const row = (rows: { label: string; value: string }[], label: string) => rows.find((r) => r.label === label);

describe('core/internals/sections', () => {
  it('shows limits as people say them: 64 MiB, 0.5 CPU, 50 pids, with where they were read', () => {
    const rows = resourceRows(internals());
    assert.equal(row(rows, 'memory limit')?.value, '64 MiB');
    assert.match(row(rows, 'cpu quota')!.value, /0\.5 CPU/);
    assert.equal(row(rows, 'pids limit')?.value, '50');
    assert.equal((row(rows, 'memory limit') as { source?: string }).source, 'local');
    assert.match(row(rows, 'cpu throttled')!.value, /^2 of 10 periods, 1\.50 s$/);
  });

  it('puts the configured value beside the one in effect and flags the mismatch', () => {
    const rows = resourceRows(internals({ memory: { limit: 33554432, usage: 1, peak: null, swapLimit: 134217728 }, mismatches: [{ field: 'memory.limit', configured: 67108864, effective: 33554432 }] }));
    const memory = rows.find((r) => r.label === 'memory limit')!;
    assert.equal(memory.value, '32 MiB (configured 64 MiB)');
    assert.equal(memory.warn, true);
  });

  it('leads with live CPU and memory when stats are given', () => {
    const stats = { cpuPercent: 3.25, memory: { usage: 1048576, limit: 67108864, percent: 1.5 }, network: { rx: 0, tx: 0 }, block: { read: 0, write: 0 }, pids: 1 };
    const rows = resourceRows(internals(), { kind: 'sampled', stats });
    assert.equal(rows[0]!.label, 'live');
    assert.equal(rows[0]!.value, '3.3% CPU · 1 MiB · 1 pid');
    assert.match(rows[0]!.detail!, /^CPU 3\.3%, memory 1 MiB of 64 MiB, 1 pids\./);
  });

  it('says that live usage stopped, and why, when sampling ended', () => {
    const rows = resourceRows(internals(), { kind: 'stopped', reason: 'No such container: web' });
    assert.deepEqual([rows[0]!.label, rows[0]!.value, rows[0]!.warn], ['live usage stopped', 'No such container: web', true]);
  });

  it('words the OOM killer\'s counters as what happened', () => {
    assert.equal(row(resourceRows(internals()), 'OOM killer')?.value, 'no process killed');
    const oom = resourceRows(internals({ oom: { events: 4, kills: 3, underOom: false } }));
    assert.equal(row(oom, 'OOM killer')?.value, '3 processes killed · limit hit 4×');
    assert.equal(oom.find((r) => r.label === 'OOM killer')!.warn, true);
  });

  it('names the container a namespace is shared with, and its owner, with the inode beside', () => {
    const rows = namespaceRows(internals());
    assert.equal(row(rows, 'net')?.value, 'private · 4026532184 · declared bridge');
    assert.equal(row(rows, 'pid')?.value, 'shared with db (owner db) · 4026532183 · declared container:db');
    assert.equal(row(rows, 'uts')?.value, 'host · 4026531838 · declared host');
    assert.ok(rows.every((r) => r.lead === 'label'), 'namespace types lead: they are short');
  });

  it('lists capabilities in effect and flags disabled seccomp', () => {
    const i = internals();
    i.security.seccomp.mode = 0;
    const rows = securityRows(i);
    assert.deepEqual(row(rows, 'capabilities') && (rows.find((r) => r.label === 'capabilities')!.children ?? []).map((c) => c.label), ['CAP_CHOWN', 'CAP_KILL']);
    assert.equal(rows.find((r) => r.label === 'seccomp')!.warn, true);
    assert.ok(rows.every((r) => r.lead === 'label'), 'short names with yes/no lead: "privileged  no"');
  });

  it('overview: command, exit code, OOM, published ports as links, mounts and networks', () => {
    const rows = overviewRows({
      Id: 'b'.repeat(64),
      Path: 'httpd',
      Args: ['-f', '-p', '8080'],
      Created: '2026-11-22T10:00:00Z',
      RestartCount: 2,
      State: { Status: 'exited', ExitCode: 137, OOMKilled: true, StartedAt: '2026-11-22T10:00:01Z', FinishedAt: '2026-11-22T10:05:00Z' },
      Mounts: [{ Type: 'volume', Name: 'data', Destination: '/data', RW: false }],
      NetworkSettings: { Ports: { '8080/tcp': [{ HostIp: '0.0.0.0', HostPort: '49153' }], '53/udp': null }, Networks: { bridge: { IPAddress: '172.17.0.2', Aliases: null } } },
    });
    assert.equal(row(rows, 'command')?.value, 'httpd -f -p 8080');
    assert.match(row(rows, 'created')!.value, /^\d+ (day|month|year)s? ago \(2026-11-22 \d\d:00\)$|^last (month|year) \(2026-11-22 \d\d:00\)$/);
    assert.match(rows.find((r) => r.label === 'created')!.detail!, /^2026-11-22 \d\d:00:00 local time \(2026-11-22T10:00:00Z\)$/);
    assert.equal(rows.find((r) => r.label === 'exit code')!.warn, true);
    assert.ok(row(rows, 'OOM killed'));
    const ports = rows.find((r) => r.label === 'ports')!.children!;
    assert.deepEqual(ports.map((p) => [p.label, p.value, p.link]), [['8080/tcp', '0.0.0.0:49153', 'http://127.0.0.1:49153'], ['53/udp', 'not published', undefined]]);
    assert.equal(rows.find((r) => r.label === 'mounts')!.children![0]!.value, 'volume data (ro)');
    assert.equal(rows.find((r) => r.label === 'networks')!.children![0]!.value, '172.17.0.2');
  });
});
