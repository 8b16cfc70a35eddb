import assert from 'node:assert/strict';
import type { Pack } from '../../../src/core/labs/pack';
import { preflight, type DaemonFacts } from '../../../src/core/labs/preflight';

const FACTS: DaemonFacts = { apiVersion: '1.41', osType: 'linux', operatingSystem: 'Debian GNU/Linux 12 (bookworm)', cgroupVersion: 'v1', rootless: false, podman: false, swarm: 'inactive' };
const pack = (requires: Pack['requires'], images = 0) =>
  ({ requires, images: Array.from({ length: images }, (_, i) => ({ name: `i${i}`, kind: 'pull', reference: `busybox:${i}`, at: { file: 'x', line: 1, column: 1 } })) }) as unknown as Pack;
const unmet = (p: Pack, facts: Partial<DaemonFacts> = {}, missing: string[] = []) => preflight(p, { ...FACTS, ...facts }, missing).filter((i) => !i.ok).map((i) => `${i.what}: ${i.detail}`);

describe('core/labs/preflight', () => {
  it('names the engine first: native, Docker Desktop or Podman, with API, rootless, cgroup and swarm', () => {
    assert.equal(preflight(pack({}), FACTS, [])[0]!.detail, 'a native engine on Debian GNU/Linux 12 (bookworm), API 1.41, cgroup v1, swarm inactive');
    assert.match(preflight(pack({}), { ...FACTS, operatingSystem: 'Docker Desktop' }, [])[0]!.detail, /^Docker Desktop, API/);
    assert.match(preflight(pack({}), { ...FACTS, podman: true, rootless: true }, [])[0]!.detail, /^Podman, API 1\.41, rootless,/);
  });

  it('meets what the daemon has: nothing unmet', () => {
    assert.deepEqual(unmet(pack({ apiVersion: '1.40', os: 'linux', cgroup: 'v1', rootful: true }, 1)), []);
  });

  it('explains each unmet requirement with what to do', () => {
    assert.deepEqual(unmet(pack({ apiVersion: '1.43' })), ['API version: the daemon speaks API 1.41; this pack needs 1.43 or later: update Docker']);
    assert.deepEqual(unmet(pack({ cgroup: 'v2' })), ['cgroup: this pack\'s steps read cgroup v2 files; the daemon uses cgroup v1, so some checks will not match']);
    assert.deepEqual(unmet(pack({ swarm: true })), ['swarm: swarm mode is inactive; this pack needs it: run docker swarm init (or the pack\'s first step)']);
    assert.deepEqual(unmet(pack({ rootful: true }), { rootless: true }), ['rootful: the daemon is rootless; this pack needs a rootful daemon (namespaces and cgroups a rootless daemon cannot set)']);
    assert.deepEqual(unmet(pack({ os: 'linux' }), { osType: 'windows' }), ['Linux engine: the engine runs windows containers; switch Docker to Linux containers']);
  });

  it('lists the images the daemon lacks', () => {
    assert.deepEqual(unmet(pack({}, 2), {}, ['busybox:1']), ['images: not on the daemon yet: busybox:1; prepare them (build from the pack or pull)']);
  });
});
