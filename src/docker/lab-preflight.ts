// What the daemon says of itself (GET /version and /info), as core's preflight judges a pack's requirements by.
import type { DaemonFacts } from '../core/labs/preflight';
import { DockerClient, onDaemon } from './client';

/** What preflight needs to know of the daemon (core/labs/preflight.ts judges it). */
export async function daemonFacts(client: DockerClient): Promise<DaemonFacts> {
  const [version, info] = await Promise.all([
    onDaemon(client, (api) => api.version()) as Promise<{ ApiVersion?: string; Components?: { Name?: string }[] }>,
    onDaemon(client, (api) => api.info()) as Promise<{ OSType?: string; OperatingSystem?: string; CgroupVersion?: string; SecurityOptions?: string[]; Swarm?: { LocalNodeState?: string } }>,
  ]);
  return {
    apiVersion: version.ApiVersion ?? '',
    osType: info.OSType ?? 'linux',
    operatingSystem: info.OperatingSystem ?? '',
    cgroupVersion: info.CgroupVersion === '2' ? 'v2' : info.CgroupVersion === '1' ? 'v1' : undefined,
    rootless: (info.SecurityOptions ?? []).some((o) => /name=rootless/.test(o)),
    podman: (version.Components ?? []).some((c) => /podman/i.test(c.Name ?? '')),
    swarm: info.Swarm?.LocalNodeState || 'inactive',
  };
}
