// Units and the terminal view of container internals: "64 MiB", "0.5 CPU", mismatches marked.
import { CGROUP_BYTES, formatBytes } from '../containers/bytes';
import { ContainerInternals, Limit, NamespaceInternals } from './model';

/** 0.5 → "0.5 CPU", 2 → "2 CPUs". */
export function formatCpus(cpus: number): string {
  const text = String(Math.round(cpus * 1000) / 1000);
  return `${text} ${cpus > 1 ? 'CPUs' : 'CPU'}`;
}

/** The CPU a quota allows: 50000 of 100000 µs → "0.5 CPU"; "unlimited" without a quota. */
export function formatCpuQuota(quota: Limit, period: number | null): string {
  if (quota === 'max') return 'unlimited';
  if (quota === null || !period) return '—';
  return formatCpus(quota / period);
}

export function formatLimit(limit: Limit, unit: 'bytes' | 'count'): string {
  if (limit === null) return '—';
  if (limit === 'max') return 'unlimited';
  return unit === 'bytes' ? formatBytes(limit, CGROUP_BYTES) : String(limit);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [['second', 60], ['minute', 60], ['hour', 24], ['day', 30], ['month', 12], ['year', Infinity]];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "in 2 hours", "now": the largest unit that fits, rounded down. */
export function formatAgo(then: Date, now: Date = new Date()): string {
  let amount = (then.getTime() - now.getTime()) / 1000;
  for (const [unit, next] of RELATIVE_UNITS) {
    if (Math.abs(amount) < next) return relative.format(Math.trunc(amount), unit);
    amount /= next;
  }
  return relative.format(Math.trunc(amount), 'year');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Full local time: "2026-12-02 19:51:07". */
export function formatLocalDateTime(then: Date): string {
  return `${then.getFullYear()}-${pad(then.getMonth() + 1)}-${pad(then.getDate())} ${pad(then.getHours())}:${pad(then.getMinutes())}:${pad(then.getSeconds())}`;
}

/** Short local time: "19:51" today, "2026-11-30 19:51" another day. */
export function formatLocalTime(then: Date, now: Date = new Date()): string {
  const full = formatLocalDateTime(then).slice(0, -3);
  return then.toDateString() === now.toDateString() ? full.slice(11) : full;
}

/** An Engine API timestamp for a person: "3 minutes ago (19:51)"; the input itself when it is no date. */
export function formatTimestamp(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return iso;
  return `${formatAgo(then, now)} (${formatLocalTime(then, now)})`;
}

function formatUsec(usec: number): string {
  if (usec < 1000) return `${usec} µs`;
  if (usec < 1_000_000) return `${Math.round(usec / 100) / 10} ms`;
  return `${Math.round(usec / 100_000) / 10} s`;
}

function table(rows: string[][], indent: string): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => (indent + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).trimEnd());
}

function sharingText(ns: NamespaceInternals): string {
  if (ns.sharing === null) return 'unknown';
  if (ns.sharing !== 'container') return ns.sharing;
  const more = ns.members.length > 1 ? ` and ${ns.members.length - 1} more` : '';
  if (ns.owner === null) return `shared with ${ns.with}${more}`;
  return ns.with === ns.owner ? `shared with ${ns.with}${more}, which owns it` : `shared with ${ns.with}${more}, which joined it`;
}

/** What each place the host's namespaces were read from is, in plain words (the readers name them by path). */
const HOST_PLACES: [RegExp, string][] = [
  [/^runtime shims.*seen by the helper$/, 'the runtime\'s shim processes that start each container (seen by the helper)'],
  [/^runtime shims/, 'the runtime\'s shim processes that start each container'],
  [/^the helper's own/, 'the helper container\'s own pid and cgroup namespaces'],
  [/^PID 1's, seen by the helper/, 'the host\'s PID 1 (seen by the helper)'],
  [/\/self\/ns$/, 'this shipshape process'],
  [/\/1\/ns$/, 'the host\'s PID 1'],
];

const inWords = (part: string) => HOST_PLACES.find(([pattern]) => pattern.test(part))?.[1] ?? part;
const list = (items: string[]) => items.join(', ').replace(/, ([^,]*)$/, ' and $1');

/** The Namespaces heading: what "host" was compared with, and what could not be read. */
export function hostReferenceText(parts: readonly string[]): string {
  const unreadable = parts.filter((p) => p.endsWith(' (not readable)')).map((p) => inWords(p.slice(0, -' (not readable)'.length)));
  const read = parts.filter((p) => !p.endsWith(' (not readable)')).map(inWords);
  const missing = unreadable.length ? `; ${list(unreadable)} could not be read` : '';
  if (!read.length) return `"host" cannot be told: no host namespace could be read, only the declared modes are shown${missing}`;
  return `"host" means the same namespace as ${list(read)}${missing}`;
}

/** Where a value was read, in words (the terminal's header, the tree's tooltips). */
export const SOURCE_TEXT = { local: 'this machine (/proc, /sys/fs/cgroup)', helper: 'the helper container', api: 'the Engine API' } as const;

/** Readable sections for a terminal; a "!" marks a value in effect that differs from what HostConfig asks for. */
export function formatInternals(list: readonly ContainerInternals[]): string {
  return list.map(formatOne).join('\n');
}

function formatOne(c: ContainerInternals): string {
  const lines: string[] = [];
  const { cgroup, security } = c;
  const mismatch = new Map(cgroup.mismatches.map((m) => [m.field, m]));
  const mark = (...fields: string[]) => (fields.some((f) => mismatch.has(f)) ? '!' : ' ');
  const head = `${c.name} (${c.id.slice(0, 12)})`;
  lines.push(c.running ? `${head}  pid ${c.pid}  values in effect from ${SOURCE_TEXT[c.source]}` : `${head}  not running`);

  const where = [cgroup.version ? `cgroup v${cgroup.version}` : 'cgroup version unknown', cgroup.driver, cgroup.path].filter(Boolean).join(', ');
  lines.push('', `Resources (${where})`);
  const m = cgroup.memory;
  const conf = cgroup.configured;
  const quotaText = (quota: Limit, period: number | null) =>
    typeof quota === 'number' && period ? `${formatCpuQuota(quota, period)} (${quota}/${period} µs)` : formatCpuQuota(quota, period);
  const row = (fields: string[], label: string, configured: string, effective: string) => [`${mark(...fields)} ${label}`, configured, effective];
  const t = cgroup.cpu;
  const throttledTime = t.throttledUsec === null ? '' : `, ${formatUsec(t.throttledUsec)}`;
  const throttled = t.nrThrottled === null ? '—' : `${t.nrThrottled} of ${t.nrPeriods ?? '?'} periods${throttledTime}`;
  const pidsNow = cgroup.pids.current === null ? '' : ` (${cgroup.pids.current} now)`;
  const oom = [
    cgroup.oom.events === null ? '' : `${cgroup.oom.events} events`,
    cgroup.oom.kills === null ? '' : `${cgroup.oom.kills} kills`,
    cgroup.oom.underOom ? 'under oom now' : '',
  ].filter(Boolean).join(', ');
  const rows: string[][] = [
    ['', 'configured', 'in effect'],
    row(['memory.limit'], 'memory limit', formatLimit(conf.memory.limit, 'bytes'), formatLimit(m.limit, 'bytes')),
    row([], 'memory usage', '', m.usage === null ? '—' : `${formatBytes(m.usage, CGROUP_BYTES)}${m.peak === null ? '' : ` (peak ${formatBytes(m.peak, CGROUP_BYTES)})`}`),
    row(['memory.swapLimit'], 'memory+swap', formatLimit(conf.memory.swapLimit, 'bytes'), formatLimit(m.swapLimit, 'bytes')),
    row(['cpu.quota', 'cpu.period'], 'cpu', quotaText(conf.cpu.quota, conf.cpu.period), quotaText(t.quota, t.period)),
    cgroup.version === 2
      ? row([], 'cpu weight', conf.cpu.shares === null ? 'shares: default' : `shares: ${conf.cpu.shares}`, t.weight === null ? '—' : `weight ${t.weight}`)
      : row(['cpu.shares'], 'cpu shares', conf.cpu.shares === null ? 'default (1024)' : String(conf.cpu.shares), t.shares === null ? '—' : String(t.shares)),
    row(['cpu.cpuset'], 'cpuset', conf.cpu.cpuset ?? 'any', t.cpuset ?? '—'),
    row([], 'throttled', '', throttled),
    row(['pids.limit'], 'pids', formatLimit(conf.pids.limit, 'count'), `${formatLimit(cgroup.pids.limit, 'count')}${pidsNow}`),
    row(['io.weight'], 'io weight', conf.io.weight === null ? 'default' : String(conf.io.weight), cgroup.io.weight === null ? '—' : String(cgroup.io.weight)),
    row([], 'oom', '', oom || '—'),
  ];
  lines.push(...table(rows, ' '));
  for (const mm of cgroup.mismatches) {
    const show = (v: number | string) => (typeof v === 'number' && /memory/.test(mm.field) ? formatBytes(v, CGROUP_BYTES) : String(v));
    lines.push(`  ! ${mm.field}: configured ${show(mm.configured)}, in effect ${show(mm.effective)}`);
  }

  if (c.namespaces.length === 0) lines.push('', 'Namespaces', '  — (not running)');
  else {
    lines.push('', `Namespaces (${hostReferenceText(c.hostReference)})`);
    const nsRows = [['type', 'inode', 'sharing', 'declared']];
    for (const ns of c.namespaces) {
      const disagree = ns.agrees === false ? '  ! declared and inode disagree' : '';
      nsRows.push([ns.type, ns.inode === null ? '—' : String(ns.inode), sharingText(ns), `${ns.declared ?? '—'}${disagree}`]);
    }
    lines.push(...table(nsRows, '  '));
  }

  lines.push('', 'Security');
  const caps = security.capabilities;
  const capsText = caps.effective === null
    ? `— (configured: ${caps.configured.length})`
    : `${caps.effective.length}: ${caps.effective.map((n) => n.replace(/^CAP_/, '')).join(' ')}`;
  const seccompMode = security.seccomp.mode === null ? '—' : ['disabled (mode 0)', 'strict (mode 1)', 'filter (mode 2)'][security.seccomp.mode];
  const secRows = [
    ['privileged', security.privileged === null ? '—' : security.privileged ? 'yes' : 'no'],
    ['capabilities', capsText],
    ['no_new_privs', security.noNewPrivs === null ? '—' : security.noNewPrivs ? 'yes' : 'no'],
    ['seccomp', `${seccompMode}${security.seccomp.profile ? `, profile ${security.seccomp.profile}` : ''}`],
    ['apparmor', security.apparmorProfile ?? '—'],
    ['selinux', security.selinuxLabel ?? '—'],
    ['lsm label', security.lsmLabel ?? '—'],
    ['rootless daemon', security.rootless === null ? '—' : security.rootless ? 'yes' : 'no'],
  ];
  lines.push(...table(secRows, '  '));
  for (const note of c.notes) lines.push(`  note: ${note}`);
  return lines.join('\n') + '\n';
}
