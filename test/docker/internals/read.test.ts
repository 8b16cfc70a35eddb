// readInternals against the real daemon: this host is a local Linux daemon (cgroup v1, cgroupfs), so
// values come from /proc and /sys/fs/cgroup unless a test turns local reads off.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CAPABILITIES, decodeCapabilities } from '../../../src/core/internals/capabilities';
import { formatCpuQuota } from '../../../src/core/internals/format';
import { ContainerInternals, NamespaceInternals, NamespaceType } from '../../../src/core/internals/model';
import { parseNamespaceLink } from '../../../src/core/internals/namespaces';
import { ContainerNotFoundError, readInternals } from '../../../src/docker/internals/read';
import { removeContainer, runBusyboxWith, testClient, uniqueName } from '../../support/daemon';

const ns = (model: ContainerInternals, type: NamespaceType): NamespaceInternals => model.namespaces.find((n) => n.type === type)!;
const selfInode = (type: NamespaceType) => parseNamespaceLink(fs.readlinkSync(`/proc/self/ns/${type}`));

describe('docker/internals readInternals (real daemon)', function () {
  this.timeout(60_000);
  const client = testClient();
  const ids: string[] = [];
  const names = {
    limited: uniqueName('limits'),
    hostnet: uniqueName('hostnet'),
    owner: uniqueName('owner'),
    joiner: uniqueName('joiner'),
    utshost: uniqueName('utshost'),
    plain: uniqueName('plain'),
    sysadmin: uniqueName('sysadmin'),
    unconfined: uniqueName('unconfined'),
  };

  before(async () => {
    const start = async (name: string, hostConfig: Record<string, unknown>) => ids.push(await runBusyboxWith(client, name, hostConfig));
    await Promise.all([
      start(names.limited, { Memory: 64 * 1024 * 1024, NanoCpus: 500_000_000, PidsLimit: 50 }),
      start(names.hostnet, { NetworkMode: 'host' }),
      start(names.owner, { IpcMode: 'shareable' }),
      start(names.utshost, { UTSMode: 'host' }),
      start(names.plain, {}),
      start(names.sysadmin, { CapAdd: ['SYS_ADMIN'] }),
      start(names.unconfined, { SecurityOpt: ['seccomp=unconfined'] }),
    ]);
    // Joins by name, as `docker run --pid container:NAME --ipc container:NAME` does.
    await start(names.joiner, { PidMode: `container:${names.owner}`, IpcMode: `container:${names.owner}` });
  });
  after(async () => {
    await Promise.all(ids.map((id) => removeContainer(client, id)));
  });

  it('--memory 64m --cpus 0.5 --pids-limit 50: the limits in effect, usage, and the cgroup path read from /proc', async () => {
    const [model] = await readInternals(client, [names.limited]);
    assert.equal(model!.source, 'local');
    assert.equal(model!.cgroup.version, 1);
    assert.equal(model!.cgroup.driver, 'cgroupfs');
    assert.equal(model!.cgroup.memory.limit, 67108864);
    assert.deepEqual([model!.cgroup.cpu.quota, model!.cgroup.cpu.period], [50000, 100000]);
    assert.equal(formatCpuQuota(model!.cgroup.cpu.quota, model!.cgroup.cpu.period), '0.5 CPU');
    assert.equal(model!.cgroup.pids.limit, 50);
    assert.ok(typeof model!.cgroup.memory.usage === 'number' && model!.cgroup.memory.usage > 0, `usage ${model!.cgroup.memory.usage}`);
    const procCgroup = fs.readFileSync(`/proc/${model!.pid}/cgroup`, 'utf8');
    assert.match(procCgroup, new RegExp(`^\\d+:memory:${model!.cgroup.path}$`, 'm'), 'the path is the one /proc names');
    assert.ok(model!.cgroup.path!.includes(model!.id));
    assert.deepEqual(model!.cgroup.mismatches, []);
    assert.equal(model!.sources['cgroup.memory.limit'], 'local');
    assert.equal(model!.sources['cgroup.configured.memory.limit'], 'api');
  });

  it('--network host: net is the host\'s', async () => {
    const [model] = await readInternals(client, [names.hostnet]);
    assert.deepEqual([ns(model!, 'net').sharing, ns(model!, 'net').declared, ns(model!, 'net').agrees], ['host', 'host', true]);
    assert.equal(ns(model!, 'net').inode, selfInode('net'));
  });

  it('--pid container:<owner>: pid shared with the owner, even when only the joiner is asked for', async () => {
    const [joiner] = await readInternals(client, [names.joiner]);
    const pid = ns(joiner!, 'pid');
    const view = (n: NamespaceInternals) => ({ sharing: n.sharing, with: n.with, owner: n.owner, agrees: n.agrees });
    assert.deepEqual(view(pid), { sharing: 'container', with: names.owner, owner: names.owner, agrees: true });
    assert.match(pid.declared!, /^container:[0-9a-f]{64}$/, 'the daemon records the owner by id');
    const [owner] = await readInternals(client, [names.owner]);
    const ownerPid = ns(owner!, 'pid');
    assert.deepEqual(view(ownerPid), { sharing: 'container', with: names.joiner, owner: names.owner, agrees: true });
  });

  it('--ipc shareable + --ipc container:<other>: ipc shared, same inode on both sides', async () => {
    const [owner, joiner] = await readInternals(client, [names.owner, names.joiner]);
    assert.equal(ns(owner!, 'ipc').inode, ns(joiner!, 'ipc').inode);
    assert.deepEqual([ns(owner!, 'ipc').sharing, ns(owner!, 'ipc').declared], ['container', 'shareable']);
    assert.deepEqual([ns(joiner!, 'ipc').sharing, ns(joiner!, 'ipc').with], ['container', names.owner]);
    assert.equal(ns(joiner!, 'net').sharing, 'private', 'only what was joined is shared');
  });

  it('--uts host: uts is the host\'s', async () => {
    const [model] = await readInternals(client, [names.utshost]);
    assert.deepEqual([ns(model!, 'uts').sharing, ns(model!, 'uts').declared], ['host', 'host']);
  });

  it('a default container: ipc, mnt, net, pid, uts private; cgroup, time and user "host" exactly where /proc/self/ns has the same inode', async () => {
    const [model] = await readInternals(client, [names.plain]);
    for (const type of ['ipc', 'mnt', 'net', 'pid', 'uts'] as const) assert.equal(ns(model!, type).sharing, 'private', type);
    for (const type of ['cgroup', 'time', 'user'] as const) {
      const expected = ns(model!, type).inode === selfInode(type) ? 'host' : 'private';
      assert.equal(ns(model!, type).sharing, expected, `${type}: inode ${ns(model!, type).inode}, /proc/self ${selfInode(type)}`);
    }
    // A rootful daemon without userns-remap creates no user or time namespace (and on cgroup v1, as here, no cgroup namespace).
    assert.deepEqual([ns(model!, 'time').sharing, ns(model!, 'user').sharing], ['host', 'host']);
    assert.equal(model!.namespaces.length, 8);
    assert.ok(model!.namespaces.every((n) => n.inode !== null && n.source === 'local' && n.agrees !== false));
  });

  it('capabilities in effect: the default set has CAP_CHOWN and CAP_NET_BIND_SERVICE but not CAP_SYS_ADMIN; --cap-add SYS_ADMIN has it', async () => {
    const [plain, sysadmin] = await readInternals(client, [names.plain, names.sysadmin]);
    const caps = (m: ContainerInternals) => m.security.capabilities.effective!;
    assert.ok(caps(plain!).includes('CAP_CHOWN') && caps(plain!).includes('CAP_NET_BIND_SERVICE'));
    assert.ok(!caps(plain!).includes('CAP_SYS_ADMIN'));
    assert.deepEqual(caps(plain!), plain!.security.capabilities.configured, 'in effect = what HostConfig asks for');
    assert.equal(plain!.security.capabilities.effectiveHex, '00000000a80425fb');
    assert.ok(caps(sysadmin!).includes('CAP_SYS_ADMIN'));
  });

  it('--privileged: every capability the host itself holds is in effect', async function () {
    const name = uniqueName('privileged');
    let id: string;
    try {
      id = await runBusyboxWith(client, name, { Privileged: true });
    } catch (error) {
      // Some hosts (this VM among them: its root lacks CAP_SYS_RESOURCE) cannot start privileged containers at all.
      if (/unable to apply caps/.test((error as Error).message)) this.skip();
      throw error;
    }
    try {
      const [privileged] = await readInternals(client, [name]);
      const hostCaps = decodeCapabilities(/^CapBnd:\s*(\w+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]!);
      assert.equal(privileged!.security.privileged, true);
      assert.deepEqual(privileged!.security.capabilities.effective, hostCaps.filter((c) => CAPABILITIES.includes(c)));
    } finally {
      await removeContainer(client, id);
    }
  });

  it('--cap-add ALL (less what this host\'s own bounding set lacks): the whole mask decodes to names, and nothing in effect is unnamed', async () => {
    const hostCaps = decodeCapabilities(/^CapBnd:\s*(\w+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]!);
    const lacking = CAPABILITIES.filter((c) => !hostCaps.includes(c));
    const name = uniqueName('capall');
    const id = await runBusyboxWith(client, name, { CapAdd: ['ALL'], CapDrop: lacking });
    try {
      const [model] = await readInternals(client, [name]);
      const effective = model!.security.capabilities.effective!;
      assert.ok(effective.length >= 37, `${effective.length} capabilities: ${effective.join(' ')}`);
      assert.ok(effective.every((c) => CAPABILITIES.includes(c) && hostCaps.includes(c)));
      assert.ok(effective.includes('CAP_SYS_ADMIN') && effective.includes('CAP_NET_ADMIN') && effective.includes('CAP_SYS_PTRACE'));
    } finally {
      await removeContainer(client, id);
    }
  });

  it('seccomp: mode 2 (filter) by default, 0 with --security-opt seccomp=unconfined', async () => {
    const [plain, unconfined] = await readInternals(client, [names.plain, names.unconfined]);
    assert.deepEqual([plain!.security.seccomp.mode, plain!.security.seccomp.profile], [2, 'default']);
    assert.deepEqual([unconfined!.security.seccomp.mode, unconfined!.security.seccomp.profile], [0, 'unconfined']);
    assert.equal(plain!.security.noNewPrivs, false);
    assert.equal(plain!.security.rootless, false);
  });

  it('flags a memory limit changed in the cgroup behind Docker\'s back; `docker update --memory` changes both and agrees', async function () {
    const [before] = await readInternals(client, [names.limited]);
    const file = path.join('/sys/fs/cgroup/memory', before!.cgroup.path!, 'memory.limit_in_bytes');
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch {
      this.skip(); // needs root on a v1 host, as here; the comparison itself is unit-tested in test/core
    }
    fs.writeFileSync(file, String(32 * 1024 * 1024));
    const [changed] = await readInternals(client, [names.limited]);
    assert.deepEqual(changed!.cgroup.mismatches, [{ field: 'memory.limit', configured: 67108864, effective: 33554432 }]);
    await client.api.getContainer(names.limited).update({ Memory: 96 * 1024 * 1024 });
    const [updated] = await readInternals(client, [names.limited]);
    assert.deepEqual([updated!.cgroup.configured.memory.limit, updated!.cgroup.memory.limit], [100663296, 100663296]);
    assert.deepEqual(updated!.cgroup.mismatches, []);
  });

  it('through the Engine API only (local reads off, no helper): stats tagged "api", namespaces from declared modes, a note on what is missing', async () => {
    const [model] = await readInternals(client, [names.hostnet], { local: false });
    assert.equal(model!.source, 'api');
    assert.equal(model!.cgroup.memory.limit, 'max');
    assert.ok((model!.cgroup.memory.usage ?? 0) > 0);
    assert.equal(model!.cgroup.cpu.quota, null, 'the API has no quota in effect');
    assert.equal(model!.security.capabilities.effective, null);
    assert.deepEqual([ns(model!, 'net').sharing, ns(model!, 'net').inode, ns(model!, 'net').source], ['host', null, 'api']);
    assert.equal(model!.sources['cgroup.memory.usage'], 'api');
    assert.match(model!.notes.join('\n'), /helper container/);
  });

  it('reads several containers in one call, in the order asked, once each', async () => {
    const list = await readInternals(client, [names.plain, names.hostnet, names.plain]);
    assert.deepEqual(list.map((m) => m.name), [names.plain, names.hostnet]);
  });

  it('asks again for a running container whose remembered PID went stale (it restarted) between two reads', async () => {
    const reader = testClient(); // its own client: readInternals remembers other containers' inspects per client
    const [first, second, third] = [uniqueName('restart-a'), uniqueName('restart-b'), uniqueName('restart-c')];
    const made = [await runBusyboxWith(client, first, {}), await runBusyboxWith(client, second, { IpcMode: 'shareable' })];
    try {
      await readInternals(reader, [first]); // remembers `second` with its PID
      await client.api.getContainer(second).restart({ t: 0 });
      made.push(await runBusyboxWith(client, third, { IpcMode: `container:${second}` }));
      const [joiner] = await readInternals(reader, [third]);
      assert.deepEqual([ns(joiner!, 'ipc').sharing, ns(joiner!, 'ipc').with], ['container', second]);
    } finally {
      await Promise.all(made.map((id) => removeContainer(client, id)));
    }
  });

  it('an unknown container is a ContainerNotFoundError naming it and the daemon', async () => {
    await assert.rejects(readInternals(client, [names.plain, 'shipshape-no-such-container']), (e: unknown) =>
      e instanceof ContainerNotFoundError && /no such container on unix:\/\/\/var\/run\/docker\.sock: "shipshape-no-such-container"/.test(e.message));
  });

  it('a stopped container: configured values, no namespaces, a note', async () => {
    const name = uniqueName('stopped');
    const id = await runBusyboxWith(client, name, { Memory: 32 * 1024 * 1024 }, ['true']);
    try {
      await client.api.getContainer(id).wait();
      const [model] = await readInternals(client, [name]);
      assert.deepEqual([model!.running, model!.pid, model!.namespaces.length, model!.cgroup.configured.memory.limit], [false, null, 0, 33554432]);
      assert.match(model!.notes.join('\n'), /not running/);
    } finally {
      await removeContainer(client, id);
    }
  });
});
