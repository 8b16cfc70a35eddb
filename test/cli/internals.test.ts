// `shipshape internals` from the bundled CLI (dist/cli.js) against the real daemon, as a user runs it.
import assert from 'node:assert/strict';
import { removeContainer, runBusyboxWith, testClient, uniqueName } from '../support/daemon';
import { shipshape } from './cli';

describe('shipshape internals (real daemon)', function () {
  this.timeout(60_000);
  const client = testClient();
  const ids: string[] = [];
  const limited = uniqueName('cli-internals');
  const hostnet = uniqueName('cli-hostnet');
  before(async () => {
    ids.push(await runBusyboxWith(client, limited, { Memory: 64 * 1024 * 1024, NanoCpus: 500_000_000, PidsLimit: 50 }));
    ids.push(await runBusyboxWith(client, hostnet, { NetworkMode: 'host' }));
  });
  after(async () => {
    await Promise.all(ids.map((id) => removeContainer(client, id)));
  });

  it('--format json prints an array of models with the documented shape', () => {
    const run = shipshape(['internals', '--format', 'json', limited]);
    assert.equal(run.status, 0, run.stderr);
    const [model, ...rest] = JSON.parse(run.stdout) as Array<Record<string, any>>;
    assert.equal(rest.length, 0);
    assert.deepEqual({ id: model!.id, name: model!.name, source: model!.source }, { id: ids[0], name: limited, source: 'local' });
    assert.ok(Number.isInteger(model!.pid) && model!.pid > 0);
    const { cgroup, namespaces, security } = model!;
    assert.deepEqual([cgroup.version, cgroup.driver], [1, 'cgroupfs']);
    assert.ok(cgroup.path.includes(ids[0]));
    for (const key of ['limit', 'usage', 'peak', 'swapLimit']) assert.ok(key in cgroup.memory, `cgroup.memory.${key}`);
    for (const key of ['quota', 'period', 'shares', 'weight', 'cpuset', 'throttledUsec']) assert.ok(key in cgroup.cpu, `cgroup.cpu.${key}`);
    assert.deepEqual([cgroup.memory.limit, cgroup.cpu.quota, cgroup.cpu.period, cgroup.pids.limit], [67108864, 50000, 100000, 50]);
    assert.ok(cgroup.pids.current >= 1);
    assert.deepEqual(cgroup.configured.memory.limit, 67108864);
    assert.deepEqual(namespaces.map((n: { type: string }) => n.type), ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts']);
    for (const n of namespaces) {
      assert.ok(Number.isInteger(n.inode), n.type);
      assert.ok(['private', 'host', 'container'].includes(n.sharing), n.type);
      assert.ok('with' in n && 'declared' in n, n.type);
    }
    assert.equal(namespaces.find((n: { type: string }) => n.type === 'net').sharing, 'private');
    assert.ok(security.capabilities.effective.includes('CAP_CHOWN'));
    assert.equal(security.seccomp.mode, 2);
    assert.equal(model!.sources['cgroup.memory.limit'], 'local');
  });

  it('prints readable sections by default: "64 MiB", "0.5 CPU", namespaces with host marked', () => {
    const run = shipshape(['internals', limited, hostnet]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^${limited} \\(${ids[0]!.slice(0, 12)}\\)\\s+pid \\d+`, 'm'));
    assert.match(run.stdout, /memory limit\s+64 MiB\s+64 MiB/);
    assert.match(run.stdout, /cpu\s+0\.5 CPU \(50000\/100000 µs\)\s+0\.5 CPU/);
    assert.match(run.stdout, /pids\s+50\s+50 \(\d+ now\)/);
    assert.match(run.stdout, new RegExp(`^${hostnet} [\\s\\S]*^  net\\s+\\d+\\s+host\\s+host$`, 'm'));
    assert.match(run.stdout, /^Security$/m);
  });

  it('exits 2 with a clear message for an unknown container, and prints nothing on stdout', () => {
    const run = shipshape(['internals', 'shipshape-no-such-container']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^shipshape internals: no such container on unix:\/\/\/var\/run\/docker\.sock: "shipshape-no-such-container"\n/);
    assert.match(run.stderr, /\nhint: list the containers with `shipshape ps`/);
  });

  it('exits 2 with the usage when no container is named or --format is wrong', () => {
    const none = shipshape(['internals']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /name at least one container[\s\S]*usage: shipshape internals/);
    const bad = shipshape(['internals', '--format', 'xml', limited]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be one of tty, json \(got "xml"\)/);
  });

  it('--print-helper-command shows the helper\'s `docker run` line without running it', async () => {
    const run = shipshape(['internals', '--no-local', '--print-helper-command', limited]);
    assert.equal(run.status, 0, run.stderr);
    const flags = '--pid=host --cgroupns=host --network=none --read-only --cap-drop=ALL --cap-add=SYS_PTRACE --security-opt no-new-privileges';
    assert.ok(run.stdout.startsWith(`docker run --rm --label dev.shipshape.internals-helper=true ${flags} `), run.stdout.slice(0, 300));
    assert.deepEqual(await client.api.listContainers({ all: true, filters: { label: ['dev.shipshape.internals-helper'] } }), []);
    const local = shipshape(['internals', '--print-helper-command', limited]);
    assert.equal(local.status, 0);
    assert.match(local.stderr, /no helper container is needed/);
  });
});
