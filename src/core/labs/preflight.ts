// What a pack needs of the daemon and the machine, checked when it opens: the daemon's API version,
// a Linux engine, the cgroup version, swarm, rootful, and its images present. Unmet requirements are
// explained in words (what is wrong and what to do), never crashed into.
import semver from 'semver';
import type { Pack } from './pack';

/** What the daemon says of itself (GET /version and /info), as preflight needs it. */
export interface DaemonFacts {
  apiVersion: string;
  /** "linux" or "windows" (the engine's OSType). */
  osType: string;
  /** "Docker Desktop", "Debian GNU/Linux 12 (bookworm)", … */
  operatingSystem: string;
  cgroupVersion: 'v1' | 'v2' | undefined;
  rootless: boolean;
  podman: boolean;
  /** "inactive", "active", … */
  swarm: string;
}

export interface PreflightItem {
  ok: boolean;
  /** "API version", "cgroup", "images" … */
  what: string;
  /** What was found, and for an unmet one what to do. */
  detail: string;
}

const apiSemver = (v: string) => semver.coerce(v)?.version;

export function preflight(pack: Pack, facts: DaemonFacts, missingImages: readonly string[]): PreflightItem[] {
  const r = pack.requires;
  const engine = facts.podman ? 'Podman' : /docker desktop/i.test(facts.operatingSystem) ? 'Docker Desktop' : `a native engine on ${facts.operatingSystem || facts.osType}`;
  const items: PreflightItem[] = [{ ok: true, what: 'engine', detail: `${engine}, API ${facts.apiVersion}${facts.rootless ? ', rootless' : ''}, cgroup ${facts.cgroupVersion ?? 'unknown'}, swarm ${facts.swarm}` }];
  if (r.apiVersion) {
    const have = apiSemver(facts.apiVersion);
    const want = apiSemver(r.apiVersion);
    const ok = !!have && !!want && semver.gte(have, want);
    items.push({ ok, what: 'API version', detail: ok ? `${facts.apiVersion} ≥ ${r.apiVersion}` : `the daemon speaks API ${facts.apiVersion}; this pack needs ${r.apiVersion} or later: update Docker` });
  }
  if (r.os === 'linux') {
    const ok = facts.osType === 'linux';
    items.push({ ok, what: 'Linux engine', detail: ok ? 'Linux containers' : `the engine runs ${facts.osType} containers; switch Docker to Linux containers` });
  }
  if (r.cgroup) {
    const ok = facts.cgroupVersion === r.cgroup;
    items.push({ ok, what: 'cgroup', detail: ok ? `cgroup ${r.cgroup}` : `this pack's steps read cgroup ${r.cgroup} files; the daemon uses cgroup ${facts.cgroupVersion ?? 'unknown'}, so some checks will not match` });
  }
  if (r.swarm) {
    const ok = facts.swarm === 'active';
    items.push({ ok, what: 'swarm', detail: ok ? 'swarm mode is active' : `swarm mode is ${facts.swarm}; this pack needs it: run docker swarm init (or the pack's first step)` });
  }
  if (r.rootful) {
    const ok = !facts.rootless;
    items.push({ ok, what: 'rootful', detail: ok ? 'the daemon runs as root' : 'the daemon is rootless; this pack needs a rootful daemon (namespaces and cgroups a rootless daemon cannot set)' });
  }
  if (pack.images.length)
    items.push({
      ok: missingImages.length === 0,
      what: 'images',
      detail: missingImages.length ? `not on the daemon yet: ${missingImages.join(', ')}; prepare them (build from the pack or pull)` : `all ${pack.images.length} present`,
    });
  return items;
}
