// Assembles one container's internals from what was read: inspect and info always, and either a
// process snapshot (local or helper) or the Engine API's stats for the values in effect.
import { configuredCapabilities, decodeCapabilities } from './capabilities';
import { EffectiveResources, effectiveFromCgroupFiles, effectiveFromStats, emptyResources, parseProcCgroup } from './cgroup';
import { compareResources, configuredResources } from './configured';
import {
  ContainerInspect, ContainerInternals, ContainerStats, DaemonInfo, HostReference, InternalsSource, ProcessSnapshot, SecurityInternals,
} from './model';
import { DaemonNamespaceDefaults, NamespaceParticipant, classifyNamespaces } from './namespaces';
import { parseProcessStatus } from './process-status';

export interface InternalsInputs {
  inspect: ContainerInspect;
  info: DaemonInfo;
  /** Where the values in effect were read: 'local' or 'helper' with a snapshot, 'api' with stats (or nothing). */
  source: InternalsSource;
  snapshot?: ProcessSnapshot | null;
  stats?: ContainerStats | null;
  /** Every running container, the target included, for namespace sharing. */
  participants: readonly NamespaceParticipant[];
  host: HostReference;
  notes?: string[];
}

export function containerName(inspect: ContainerInspect): string {
  return (inspect.Name ?? '').replace(/^\//, '') || inspect.Id.slice(0, 12);
}

export function isRootless(info: DaemonInfo): boolean {
  return (info.SecurityOptions ?? []).some((o) => o.split(',').includes('name=rootless'));
}

export function daemonNamespaceDefaults(info: DaemonInfo): DaemonNamespaceDefaults {
  const options = (info.SecurityOptions ?? []).flatMap((o) => o.split(','));
  const version = info.CgroupVersion === '1' ? 1 : info.CgroupVersion === '2' ? 2 : null;
  return { cgroupVersion: version, userNamespaced: options.includes('name=rootless') || options.includes('name=userns') };
}

function seccompProfile(inspect: ContainerInspect, info: DaemonInfo): string | null {
  if (inspect.HostConfig?.Privileged) return 'unconfined';
  const option = (inspect.HostConfig?.SecurityOpt ?? []).find((o) => /^seccomp[=:]/.test(o));
  if (option) {
    const value = option.slice('seccomp='.length);
    return value === 'unconfined' ? 'unconfined' : value.trimStart().startsWith('{') ? 'custom' : value;
  }
  const daemon = (info.SecurityOptions ?? []).map((o) => o.split(',')).find((parts) => parts.includes('name=seccomp'));
  if (!daemon) return null;
  return daemon.find((p) => p.startsWith('profile='))?.slice('profile='.length) ?? 'default';
}

export function assembleInternals(inputs: InternalsInputs): ContainerInternals {
  const { inspect, info, snapshot } = inputs;
  const hostConfig = inspect.HostConfig ?? {};
  const running = Boolean(inspect.State?.Running) && (inspect.State?.Pid ?? 0) > 0;
  const notes = [...(inputs.notes ?? [])];
  const procCgroup = snapshot?.procCgroup ? parseProcCgroup(snapshot.procCgroup) : null;
  const infoVersion = info.CgroupVersion === '1' ? 1 : info.CgroupVersion === '2' ? 2 : null;
  const version = procCgroup?.version ?? infoVersion;

  let effective: EffectiveResources = emptyResources();
  if (snapshot && procCgroup) effective = effectiveFromCgroupFiles(procCgroup.version, snapshot.cgroupFiles);
  else if (inputs.stats) effective = effectiveFromStats(inputs.stats, info);
  if (snapshot && !procCgroup) notes.push(`/proc/${snapshot.pid}/cgroup could not be read: cgroup values are unknown`);
  if (snapshot && procCgroup && Object.keys(snapshot.cgroupFiles).length === 0) {
    notes.push(`no cgroup files found for ${procCgroup.path}: is the cgroup hierarchy mounted at the usual place?`);
  }
  const configured = configuredResources(hostConfig);

  const status = snapshot?.status ? parseProcessStatus(snapshot.status) : null;
  const capEff = status?.capEff ?? null;
  const security: SecurityInternals = {
    privileged: hostConfig.Privileged ?? null,
    capabilities: {
      effective: capEff ? decodeCapabilities(capEff) : null,
      effectiveHex: capEff,
      configured: configuredCapabilities(Boolean(hostConfig.Privileged), hostConfig.CapAdd ?? [], hostConfig.CapDrop ?? []),
    },
    noNewPrivs: status?.noNewPrivs ?? null,
    seccomp: { mode: status?.seccomp ?? null, profile: seccompProfile(inspect, info) },
    apparmorProfile: inspect.AppArmorProfile || null,
    selinuxLabel: inspect.ProcessLabel || null,
    lsmLabel: snapshot?.lsmLabel ?? null,
    securityOpt: [...(hostConfig.SecurityOpt ?? [])],
    rootless: isRootless(info),
  };

  const target = inputs.participants.find((p) => p.id === inspect.Id);
  const namespaces = running && target ? classifyNamespaces(target, inputs.participants, inputs.host, daemonNamespaceDefaults(info)) : [];
  if (!running) notes.push('the container is not running: only what HostConfig asks for is known');

  const model: ContainerInternals = {
    id: inspect.Id,
    name: containerName(inspect),
    pid: running ? inspect.State!.Pid! : null,
    running,
    source: inputs.source,
    cgroup: {
      version,
      driver: info.CgroupDriver ?? null,
      path: procCgroup?.path ?? null,
      ...effective,
      configured,
      mismatches: running ? compareResources(configured, effective, version) : [],
    },
    namespaces,
    security,
    hostReference: [...inputs.host.described],
    sources: {},
    notes,
  };
  model.sources = tagSources(model, inputs.source, procCgroup !== null);
  return model;
}

/** Values that always come from inspect or info, whatever was read for the values in effect. */
const FROM_API = [
  'pid', 'running', 'cgroup.driver', 'cgroup.configured', 'security.privileged', 'security.capabilities.configured', 'security.seccomp.profile',
  'security.apparmorProfile', 'security.selinuxLabel', 'security.securityOpt', 'security.rootless',
];

function tagSources(model: ContainerInternals, source: InternalsSource, versionRead: boolean): Record<string, InternalsSource> {
  const sources: Record<string, InternalsSource> = {};
  const visit = (value: unknown, path: string) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key);
      return;
    }
    const api = FROM_API.some((p) => path === p || path.startsWith(`${p}.`)) || (path === 'cgroup.version' && !versionRead);
    sources[path] = api ? 'api' : source;
  };
  visit({ pid: model.pid, running: model.running, cgroup: model.cgroup, security: model.security }, '');
  for (const ns of model.namespaces) if (ns.inode !== null || ns.sharing !== null) sources[`namespaces.${ns.type}`] = ns.source;
  return sources;
}
