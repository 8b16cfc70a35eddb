// What the Containers view shows under a container: Overview (from inspect), Resources (cgroups,
// configured beside in effect), Namespaces (shared or private) and Security. Pure: rows of text.
import type { ContainerStats } from '../containers/stats';
import { formatCpuQuota, formatLimit, formatLocalDateTime, formatTimestamp } from './format';
import type { ContainerInternals, InternalsSource, Limit } from './model';

export interface DetailRow {
  label: string;
  value: string;
  /** Longer text for a tooltip. */
  detail?: string;
  /** Configured and in effect disagree, or something is off. */
  warn?: boolean;
  /** A URL to open (published ports). */
  link?: string;
  /** Where the value was read (local /proc, helper container, Engine API). */
  source?: InternalsSource;
  children?: DetailRow[];
  /** Which the tree puts first: the value (default: it is what matters and must not be cut off) or the label (short names: namespace types). */
  lead?: 'value' | 'label';
}

/** A watched container's live usage: the last sample, or why sampling stopped. */
export type LiveUsage = { kind: 'sampled'; stats: ContainerStats } | { kind: 'stopped'; reason: string };

/** The parts of GET /containers/{id}/json the Overview reads. */
export interface InspectForOverview {
  Id: string;
  Path?: string;
  Args?: string[];
  Created?: string;
  RestartCount?: number;
  State?: { Status?: string; StartedAt?: string; FinishedAt?: string; OOMKilled?: boolean; ExitCode?: number; Health?: { Status?: string } };
  Mounts?: { Type?: string; Source?: string; Name?: string; Destination?: string; RW?: boolean }[];
  NetworkSettings?: {
    Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;
    Networks?: Record<string, { IPAddress?: string; Aliases?: string[] | null; GlobalIPv6Address?: string }> | null;
  };
}

const NEVER = '0001-01-01T00:00:00Z';

/** "3 minutes ago (19:51)", the full local time and the daemon's own timestamp in the tooltip. */
function timeRow(label: string, iso: string, now: Date): DetailRow {
  const then = new Date(iso);
  const detail = Number.isNaN(then.getTime()) ? undefined : `${formatLocalDateTime(then)} local time (${iso})`;
  return { label, value: formatTimestamp(iso, now), detail };
}

export function overviewRows(inspect: InspectForOverview, now: Date = new Date()): DetailRow[] {
  const state = inspect.State ?? {};
  const command = [inspect.Path, ...(inspect.Args ?? [])].filter(Boolean).join(' ');
  const rows: DetailRow[] = [
    { label: 'id', value: inspect.Id.slice(0, 12), detail: inspect.Id },
    { label: 'command', value: command || '—' },
    inspect.Created ? timeRow('created', inspect.Created, now) : { label: 'created', value: '—' },
  ];
  if (state.StartedAt && state.StartedAt !== NEVER) rows.push(timeRow('started', state.StartedAt, now));
  if (state.Status === 'exited' || state.Status === 'dead') {
    rows.push({ label: 'exit code', value: String(state.ExitCode ?? '—'), warn: (state.ExitCode ?? 0) !== 0 });
    if (state.FinishedAt && state.FinishedAt !== NEVER) rows.push(timeRow('finished', state.FinishedAt, now));
  }
  if (state.Health?.Status) rows.push({ label: 'health', value: state.Health.Status, warn: state.Health.Status === 'unhealthy', lead: 'label' });
  rows.push({ label: 'restarts', value: String(inspect.RestartCount ?? 0) });
  if (state.OOMKilled) rows.push({ label: 'OOM killed', value: 'yes: the memory limit was hit', warn: true });
  const ports = Object.entries(inspect.NetworkSettings?.Ports ?? {});
  if (ports.length) {
    rows.push({
      label: 'ports',
      value: String(ports.length),
      children: ports.map(([port, bindings]) => {
        const published = (bindings ?? []).filter((b) => b.HostPort);
        if (!published.length) return { label: port, value: 'not published' };
        const b = published[0]!;
        const host = !b.HostIp || b.HostIp === '0.0.0.0' || b.HostIp === '::' ? '127.0.0.1' : b.HostIp;
        const tcp = port.endsWith('/tcp');
        return { label: port, value: published.map((x) => `${x.HostIp || '0.0.0.0'}:${x.HostPort}`).join(', '), link: tcp ? `http://${host}:${b.HostPort}` : undefined };
      }),
    });
  }
  const mounts = inspect.Mounts ?? [];
  if (mounts.length) {
    rows.push({
      label: 'mounts',
      value: String(mounts.length),
      children: mounts.map((m) => ({ label: m.Destination ?? '?', value: `${m.Type ?? 'bind'} ${m.Name ?? m.Source ?? ''} (${m.RW === false ? 'ro' : 'rw'})` })),
    });
  }
  const networks = Object.entries(inspect.NetworkSettings?.Networks ?? {});
  if (networks.length) {
    rows.push({
      label: 'networks',
      value: networks.map(([name]) => name).join(', '),
      children: networks.map(([name, n]) => ({ label: name, value: [n.IPAddress || 'no IPv4', ...(n.Aliases ?? []).map((a) => `alias ${a}`)].join(' · ') })),
    });
  }
  return rows;
}

const same = (a: Limit, b: Limit) => a === b || a === null || b === null;

const LIMIT_LABELS = { 'memory.limit': 'memory limit', 'memory.swapLimit': 'memory+swap limit', 'cpu.quota': 'cpu quota', 'cpu.cpuset': 'cpuset', 'pids.limit': 'pids limit' } as const;

/** Resources: the value in effect, with the configured one beside it when they differ. */
export function resourceRows(i: ContainerInternals, live?: LiveUsage): DetailRow[] {
  const c = i.cgroup;
  const src = (path: string) => i.sources[path];
  const mismatch = (field: string) => c.mismatches.find((m) => m.field === field);
  const withConfigured = (field: keyof typeof LIMIT_LABELS, effective: string, configured: string, sourcePath: string): DetailRow => {
    const m = mismatch(field);
    return {
      label: LIMIT_LABELS[field],
      value: m ? `${effective} (configured ${configured})` : effective,
      warn: Boolean(m),
      detail: m ? `HostConfig asks for ${configured} but the cgroup enforces ${effective}.` : undefined,
      source: src(sourcePath),
    };
  };
  const rows: DetailRow[] = [];
  if (live?.kind === 'sampled') {
    const s = live.stats;
    rows.push({
      label: 'live',
      value: `${s.cpuPercent.toFixed(1)}% CPU · ${formatLimit(s.memory.usage, 'bytes')} · ${s.pids} pid${s.pids === 1 ? '' : 's'}`,
      detail: `CPU ${s.cpuPercent.toFixed(1)}%, memory ${formatLimit(s.memory.usage, 'bytes')}${s.memory.limit ? ` of ${formatLimit(s.memory.limit, 'bytes')}` : ''}, ${s.pids} pids. Sampled every 3 s while this section is expanded and the view is visible.`,
      source: 'api',
    });
  } else if (live?.kind === 'stopped') {
    rows.push({ label: 'live usage stopped', value: live.reason, detail: `Live usage stopped: ${live.reason}. Collapse and expand this section to sample again.`, warn: true, lead: 'label' });
  }
  rows.push({ label: 'cgroup', value: `v${c.version ?? '?'}${c.driver ? ` · ${c.driver}` : ''}`, detail: c.path ?? undefined, source: src('cgroup.version') });
  if (c.path) rows.push({ label: 'path', value: c.path, source: src('cgroup.path'), lead: 'label' });
  rows.push(withConfigured('memory.limit', formatLimit(c.memory.limit, 'bytes'), formatLimit(c.configured.memory.limit, 'bytes'), 'cgroup.memory.limit'));
  const usage = c.memory.usage === null ? '—' : formatLimit(c.memory.usage, 'bytes');
  rows.push({ label: 'memory usage', value: c.memory.peak !== null ? `${usage} (peak ${formatLimit(c.memory.peak, 'bytes')})` : usage, source: src('cgroup.memory.usage') });
  if (!same(c.memory.swapLimit, 'max') || c.configured.memory.swapLimit !== null) {
    rows.push(withConfigured('memory.swapLimit', formatLimit(c.memory.swapLimit, 'bytes'), formatLimit(c.configured.memory.swapLimit, 'bytes'), 'cgroup.memory.swapLimit'));
  }
  rows.push(withConfigured('cpu.quota', formatCpuQuota(c.cpu.quota, c.cpu.period), formatCpuQuota(c.configured.cpu.quota, c.configured.cpu.period), 'cgroup.cpu.quota'));
  if (c.cpu.shares !== null || c.cpu.weight !== null) {
    const value = c.cpu.weight !== null ? `${c.cpu.weight}${c.configured.cpu.shares !== null ? ` (configured shares ${c.configured.cpu.shares})` : ''}` : String(c.cpu.shares);
    rows.push({ label: c.cpu.weight !== null ? 'cpu weight' : 'cpu shares', value, source: src(c.cpu.weight !== null ? 'cgroup.cpu.weight' : 'cgroup.cpu.shares'), detail: 'cgroup v2 weights are shown raw: runtimes convert Docker shares to them differently.' });
  }
  if (c.cpu.cpuset) rows.push(withConfigured('cpu.cpuset', c.cpu.cpuset, c.configured.cpu.cpuset ?? 'any', 'cgroup.cpu.cpuset'));
  if (c.cpu.nrThrottled !== null) {
    rows.push({ label: 'cpu throttled', value: `${c.cpu.nrThrottled} of ${c.cpu.nrPeriods ?? '?'} periods${c.cpu.throttledUsec !== null ? `, ${(c.cpu.throttledUsec / 1e6).toFixed(2)} s` : ''}`, warn: (c.cpu.nrThrottled ?? 0) > 0, source: src('cgroup.cpu.nrThrottled') });
  }
  rows.push(withConfigured('pids.limit', formatLimit(c.pids.limit, 'count'), formatLimit(c.configured.pids.limit, 'count'), 'cgroup.pids.limit'));
  if (c.pids.current !== null) rows.push({ label: 'pids current', value: String(c.pids.current), source: src('cgroup.pids.current') });
  if (c.oom.kills !== null || c.oom.events !== null) {
    const kills = c.oom.kills ?? 0;
    const killed = kills === 0 ? 'no process killed' : `${kills} process${kills > 1 ? 'es' : ''} killed`;
    const hits = c.oom.events ? ` · limit hit ${c.oom.events}×` : '';
    rows.push({
      label: 'OOM killer',
      value: `${killed}${hits}`,
      detail: 'Processes the kernel killed because the memory limit was reached (oom_kill), and how often the limit was hit (oom events).',
      warn: kills > 0,
      source: src('cgroup.oom.kills'),
    });
  }
  if (c.io.weight !== null) rows.push({ label: 'io weight', value: String(c.io.weight), source: src('cgroup.io.weight') });
  return rows;
}

export function namespaceRows(i: ContainerInternals): DetailRow[] {
  return i.namespaces.map((ns) => {
    const sharing = ns.sharing === 'container' ? `shared with ${ns.with}${ns.owner && ns.owner !== i.name ? ` (owner ${ns.owner})` : ns.owner === i.name ? ' (owner)' : ''}` : ns.sharing ?? 'unknown';
    const declared = ns.declared ? ` · declared ${ns.declared}` : '';
    return {
      label: ns.type,
      value: `${sharing} · ${ns.inode ?? 'inode not readable'}${declared}`,
      detail: [ns.inode !== null ? `inode ${ns.inode}` : 'inode not readable', ns.members.length ? `also in it: ${ns.members.join(', ')}` : ''].filter(Boolean).join('; '),
      warn: ns.agrees === false,
      source: ns.source,
      lead: 'label',
    };
  });
}

export function securityRows(i: ContainerInternals): DetailRow[] {
  const s = i.security;
  const caps = s.capabilities.effective;
  const seccomp = s.seccomp.mode === null ? '—' : ['disabled', 'strict', 'filter'][s.seccomp.mode]!;
  // Short names with yes/no or profile names: "privileged  no" reads, "no  privileged" does not.
  const rows: DetailRow[] = [
    { label: 'privileged', value: s.privileged === null ? '—' : s.privileged ? 'yes' : 'no', warn: s.privileged === true },
    {
      label: 'capabilities',
      value: caps ? `${caps.length} in effect` : '—',
      detail: s.capabilities.effectiveHex ? `CapEff ${s.capabilities.effectiveHex}` : undefined,
      source: i.sources['security.capabilities.effective'],
      children: (caps ?? s.capabilities.configured).map((cap) => ({ label: cap, value: '' })),
    },
    { label: 'no new privileges', value: s.noNewPrivs === null ? '—' : s.noNewPrivs ? 'yes' : 'no' },
    { label: 'seccomp', value: `${seccomp}${s.seccomp.profile ? ` (${s.seccomp.profile})` : ''}`, warn: s.seccomp.mode === 0 },
    { label: 'AppArmor', value: s.apparmorProfile || s.lsmLabel || 'none' },
    ...(s.selinuxLabel ? [{ label: 'SELinux', value: s.selinuxLabel }] : []),
    { label: 'rootless daemon', value: s.rootless === null ? '—' : s.rootless ? 'yes' : 'no' },
  ];
  return rows.map((row) => ({ ...row, lead: 'label' }));
}
