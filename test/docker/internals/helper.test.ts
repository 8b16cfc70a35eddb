// The opt-in helper container against the real daemon: it must read what the local reader reads,
// run with exactly the restrictions it promises, and leave nothing behind.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { ContainerInternals } from '../../../src/core/internals/model';
import { HELPER_LABEL, helperCommandLineFor, runHelper } from '../../../src/docker/internals/helper';
import { readInternals } from '../../../src/docker/internals/read';
import { TEST_LABEL, removeContainer, runBusyboxWith, testClient, uniqueName } from '../../support/daemon';

const MiB = 1024 * 1024;

describe('docker/internals helper container (real daemon)', function () {
  this.timeout(60_000);
  const client = testClient();
  const ids: string[] = [];
  const limited = uniqueName('helper-limits');
  const owner = uniqueName('helper-owner');
  const joiner = uniqueName('helper-joiner');
  const labels = { [TEST_LABEL]: 'true' };
  const helpers = () => client.api.listContainers({ all: true, filters: { label: [HELPER_LABEL] } });

  before(async () => {
    ids.push(await runBusyboxWith(client, limited, { Memory: 64 * MiB, NanoCpus: 500_000_000, PidsLimit: 50, CapAdd: ['NET_ADMIN'] }));
    ids.push(await runBusyboxWith(client, owner, { IpcMode: 'shareable' }));
    ids.push(await runBusyboxWith(client, joiner, { PidMode: `container:${owner}`, IpcMode: `container:${owner}`, NetworkMode: 'host' }));
  });
  after(async () => {
    await Promise.all(ids.map((id) => removeContainer(client, id)));
    for (const h of await helpers()) await removeContainer(client, h.Id);
  });

  it('reads the same cgroup, namespace and security values as the local reader, tagged "helper"', async () => {
    const local = await readInternals(client, [limited, joiner, owner]);
    const viaHelper = await readInternals(client, [limited, joiner, owner], { local: false, helper: { labels } });
    const stable = (m: ContainerInternals) => ({
      id: m.id,
      pid: m.pid,
      version: m.cgroup.version,
      path: m.cgroup.path,
      memory: { limit: m.cgroup.memory.limit, swapLimit: m.cgroup.memory.swapLimit },
      cpu: { quota: m.cgroup.cpu.quota, period: m.cgroup.cpu.period, shares: m.cgroup.cpu.shares, cpuset: m.cgroup.cpu.cpuset },
      pids: m.cgroup.pids.limit,
      io: m.cgroup.io.weight,
      mismatches: m.cgroup.mismatches,
      namespaces: m.namespaces.map(({ source: _source, ...rest }) => rest),
      capabilities: m.security.capabilities.effective,
      seccomp: m.security.seccomp.mode,
      noNewPrivs: m.security.noNewPrivs,
    });
    assert.deepEqual(viaHelper.map(stable), local.map(stable));
    for (const m of viaHelper) {
      assert.equal(m.source, 'helper');
      assert.ok(m.namespaces.every((n) => n.source === 'helper'));
      assert.equal(m.sources['cgroup.memory.limit'], 'helper');
      assert.equal(m.sources['cgroup.configured.memory.limit'], 'api');
      assert.ok(typeof m.cgroup.memory.usage === 'number' && m.cgroup.memory.usage > 0);
    }
    assert.equal(viaHelper[0]!.cgroup.memory.limit, 64 * MiB);
    assert.ok(viaHelper[0]!.security.capabilities.effective!.includes('CAP_NET_ADMIN'));
    const joinerNs = Object.fromEntries(viaHelper[1]!.namespaces.map((n) => [n.type, n]));
    assert.deepEqual([joinerNs.pid!.sharing, joinerNs.pid!.with, joinerNs.net!.sharing], ['container', owner, 'host']);
    assert.deepEqual(await helpers(), [], 'the helper removed itself');
  });

  it('runs with exactly the promised restrictions, is gone afterwards, and its `docker run` line says the same', async () => {
    const [target] = await readInternals(client, [limited]);
    const run = await runHelper(client, 1, [target!.pid!], [], { labels });
    type Mount = { Type: string; Source: string; Target: string; ReadOnly?: boolean };
    const h = run.hostConfig as typeof run.hostConfig & { CgroupnsMode?: string; Mounts?: Mount[] };
    assert.deepEqual(
      {
        PidMode: h.PidMode, CgroupnsMode: h.CgroupnsMode, NetworkMode: h.NetworkMode, ReadonlyRootfs: h.ReadonlyRootfs, CapDrop: h.CapDrop, CapAdd: h.CapAdd,
        // The daemon itself adds label=disable (SELinux) to any --pid=host container, as `docker run --pid=host` would get too.
        SecurityOpt: (h.SecurityOpt ?? []).filter((o: string) => o !== 'label=disable'),
        Privileged: h.Privileged, AutoRemove: h.AutoRemove, Memory: h.Memory, MemorySwap: h.MemorySwap, PidsLimit: h.PidsLimit,
      },
      {
        PidMode: 'host', CgroupnsMode: 'host', NetworkMode: 'none', ReadonlyRootfs: true, CapDrop: ['ALL'], CapAdd: ['SYS_PTRACE'],
        SecurityOpt: ['no-new-privileges'], Privileged: false, AutoRemove: true, Memory: 32 * MiB, MemorySwap: 32 * MiB, PidsLimit: 32,
      },
    );
    assert.ok(h.Mounts!.length > 0);
    assert.ok(h.Mounts!.every((m) => m.Type === 'bind' && m.ReadOnly === true && m.Source === m.Target && m.Target.startsWith('/sys/fs/cgroup')));
    assert.deepEqual(h.Binds ?? [], [], 'nothing else is mounted');
    await assert.rejects(client.api.getContainer(run.containerId).inspect(), (e: unknown) => (e as { statusCode?: number }).statusCode === 404);
    const flags = ['--rm', '--pid=host', '--cgroupns=host', '--network=none', '--read-only', '--cap-drop=ALL', '--cap-add=SYS_PTRACE'];
    flags.push('--security-opt no-new-privileges');
    for (const flag of flags) {
      assert.ok(run.commandLine.includes(` ${flag} `), flag);
    }
    assert.ok(!run.commandLine.includes('--privileged'));
    assert.equal(run.commandLine, helperCommandLineFor(1, [target!.pid!], { labels }));
    assert.ok(run.reading.snapshots.get(target!.pid!)!.cgroupFiles['memory.limit_in_bytes']!.startsWith('67108864'));
  });

  it('its `docker run` line, given to the docker CLI word for word, reads the same PID', function () {
    const docker = ['/usr/bin/docker', '/usr/local/bin/docker'].find((d) => fs.existsSync(d));
    if (!docker) this.skip();
    const pid = Number(execFileSync(docker!, ['inspect', '-f', '{{.State.Pid}}', limited], { encoding: 'utf8' }).trim());
    const line = helperCommandLineFor(1, [pid], { labels });
    // Words as a POSIX shell splits this line: bare words and single-quoted ones (the script has no quote inside).
    const words = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const out = execFileSync(docker!, words.slice(1), { encoding: 'utf8' });
    assert.match(out, /^@@self\n/);
    assert.match(out, new RegExp(`@@pid ${pid}\\n@@file cgroup\\n[^@]*/docker/`));
    assert.match(out, /@@file memory\.limit_in_bytes\n67108864\n@@end/);
  });

  it('rejects anything but positive integer PIDs before creating a container', async () => {
    await assert.rejects(runHelper(client, 1, [Number.NaN], [], { labels }), /takes process IDs only/);
    await assert.rejects(runHelper(client, 1, [1], [-5], { labels }), /takes process IDs only/);
    assert.deepEqual(await helpers(), []);
  });

  it('a missing helper image or a declined confirmation falls back to the Engine API, saying why', async () => {
    const [missing] = await readInternals(client, [limited], { local: false, helper: { image: 'shipshape-no-such-image:never', labels } });
    assert.equal(missing!.source, 'api');
    assert.match(missing!.notes.join('\n'), /helper image shipshape-no-such-image:never is not on the daemon at unix:\/\/\/var\/run\/docker\.sock; pull it/);
    let shown = '';
    const [declined] = await readInternals(client, [limited], { local: false, helper: { labels, confirm: (line) => ((shown = line), false) } });
    assert.equal(declined!.source, 'api');
    assert.match(shown, /^docker run --rm .* busybox:latest sh -c 'set -u\n/s);
    assert.match(declined!.notes.join('\n'), /not run \(declined\)/);
    assert.deepEqual(await helpers(), []);
  });
});
