import assert from 'node:assert/strict';
import { HostReference, InspectHostConfig, NamespaceInternals, NamespaceType } from '../../../src/core/internals/model';
import { NamespaceParticipant, classifyNamespaces, hostReferenceFrom, parseNamespaceLink } from '../../../src/core/internals/namespaces';

const HOST = { cgroup: 10, ipc: 11, mnt: 12, net: 13, pid: 14, time: 15, user: 16, uts: 17 };
const host: HostReference = hostReferenceFrom([{ label: '/proc/self/ns', namespaces: HOST }]);
const v1 = { cgroupVersion: 1 as const, userNamespaced: false };

function participant(id: string, name: string, hostConfig: InspectHostConfig, inodes: Partial<Record<NamespaceType, number>>): NamespaceParticipant {
  return { id: id.repeat(64 / id.length), name, hostConfig, inodes, source: 'local' };
}

const byType = (list: ReturnType<typeof classifyNamespaces>) => Object.fromEntries(list.map((n) => [n.type, n]));

describe('core/internals/namespaces', () => {
  it('reads the inode out of a /proc/<pid>/ns link', () => {
    assert.equal(parseNamespaceLink('net:[4026532184]'), 4026532184);
    assert.equal(parseNamespaceLink('pid_for_children:[4026531836]\n'), 4026531836);
    assert.equal(parseNamespaceLink('garbage'), null);
  });

  it('a default container: its own ipc, mnt, net, pid, uts; host where the inode is the host\'s (cgroup on v1, time, user)', () => {
    const web = participant('a', 'web', { CgroupnsMode: 'host', IpcMode: 'private', NetworkMode: 'default' }, {
      ...HOST, ipc: 21, mnt: 22, net: 23, pid: 24, uts: 27,
    });
    const ns = byType(classifyNamespaces(web, [web], host, v1));
    assert.deepEqual(Object.fromEntries(Object.entries(ns).map(([t, n]) => [t, n.sharing])), {
      cgroup: 'host', ipc: 'private', mnt: 'private', net: 'private', pid: 'private', time: 'host', user: 'host', uts: 'private',
    });
    assert.equal(ns.net!.inode, 23);
    assert.deepEqual([ns.net!.declared, ns.pid!.declared, ns.mnt!.declared, ns.time!.declared], ['default', 'default', null, null]);
    assert.ok(Object.values(ns).every((n) => n.agrees !== false), 'declared modes agree with the inodes');
  });

  it('--pid container:<owner>: both are "shared", the joiner names the owner, the owner names the joiner', () => {
    const owner = participant('b', 'db', { IpcMode: 'shareable' }, { pid: 30, ipc: 31 });
    const joiner = participant('c', 'debug', { PidMode: `container:${owner.id}`, IpcMode: 'container:db' }, { pid: 30, ipc: 31 });
    const all = [owner, joiner];
    const j = byType(classifyNamespaces(joiner, all, host, v1));
    const view = (n: NamespaceInternals) => ({ sharing: n.sharing, with: n.with, owner: n.owner, agrees: n.agrees });
    assert.deepEqual(view(j.pid!), { sharing: 'container', with: 'db', owner: 'db', agrees: true });
    assert.deepEqual(view(j.ipc!), { sharing: 'container', with: 'db', owner: 'db', agrees: true }, 'a join by name resolves too');
    const o = byType(classifyNamespaces(owner, all, host, v1));
    assert.deepEqual({ sharing: o.pid!.sharing, with: o.pid!.with, owner: o.pid!.owner, members: o.pid!.members, agrees: o.pid!.agrees }, {
      sharing: 'container', with: 'debug', owner: 'db', members: ['debug'], agrees: true,
    });
  });

  it('the host wins over containers: two --network host containers share the host\'s namespace, not each other\'s', () => {
    const a = participant('d', 'a1', { NetworkMode: 'host' }, { net: HOST.net });
    const b = participant('e', 'b1', { NetworkMode: 'host' }, { net: HOST.net });
    const net = byType(classifyNamespaces(a, [a, b], host, v1)).net!;
    assert.deepEqual({ sharing: net.sharing, with: net.with, agrees: net.agrees }, { sharing: 'host', with: null, agrees: true });
  });

  it('flags a declared mode that the inodes contradict', () => {
    const odd = participant('f', 'odd', { UTSMode: 'host' }, { uts: 99 });
    assert.equal(byType(classifyNamespaces(odd, [odd], host, v1)).uts!.agrees, false);
  });

  it('two containers sharing a namespace without either declaring it: shared, owner unknown', () => {
    const a = participant('1', 'x1', {}, { net: 40 });
    const b = participant('2', 'x2', {}, { net: 40 });
    const net = byType(classifyNamespaces(a, [a, b], host, v1)).net!;
    assert.deepEqual({ sharing: net.sharing, with: net.with, owner: net.owner }, { sharing: 'container', with: 'x2', owner: null });
  });

  it('through the Engine API only (no inodes): what the declared modes imply, tagged "api"', () => {
    const owner = participant('3', 'svc', {}, {});
    const joiner = participant('4', 'side', { NetworkMode: `container:${owner.id}`, PidMode: 'host', CgroupnsMode: 'private' }, {});
    const ns = byType(classifyNamespaces(joiner, [owner, joiner], host, v1));
    assert.deepEqual(
      Object.fromEntries(Object.entries(ns).map(([t, n]) => [t, [n.sharing, n.with, n.inode, n.source]])),
      {
        cgroup: ['private', null, null, 'api'], ipc: ['private', null, null, 'api'], mnt: ['private', null, null, 'api'],
        net: ['container', 'svc', null, 'api'], pid: ['host', null, null, 'api'], time: [null, null, null, 'api'],
        user: ['host', null, null, 'api'], uts: ['private', null, null, 'api'],
      },
    );
    const rootless = byType(classifyNamespaces(joiner, [joiner], host, { cgroupVersion: 2, userNamespaced: true }));
    assert.equal(rootless.user!.sharing, 'private', 'rootless and userns-remap daemons give containers a user namespace');
  });

  it('merges host references, keeping every inode and saying what was unreadable', () => {
    const ref = hostReferenceFrom([
      { label: '/proc/self/ns', namespaces: { net: 1, pid: 2 } },
      { label: '/proc/1/ns', namespaces: {} },
      { label: 'shim', namespaces: { net: 3 } },
      { label: 'shim', namespaces: { net: 1 } },
      { label: 'helper', namespaces: { net: 9, pid: 2 }, types: ['pid'] },
    ]);
    assert.deepEqual(ref.namespaces, { net: [1, 3], pid: [2] });
    assert.deepEqual(ref.described, ['/proc/self/ns', '/proc/1/ns (not readable)', 'shim', 'helper']);
  });
});
