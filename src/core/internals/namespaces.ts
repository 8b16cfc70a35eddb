// Namespaces: which are the host's, which a container has to itself, and which it shares with
// another container, decided from inode numbers across every running container at once.
import { HostReference, InspectHostConfig, InternalsSource, NAMESPACE_TYPES, NamespaceInternals, NamespaceSharing, NamespaceType } from './model';

/** "net:[4026532184]" (the target of /proc/<pid>/ns/net) → 4026532184. */
export function parseNamespaceLink(link: string): number | null {
  const match = /^[a-z_]+:\[(\d+)\]$/.exec(link.trim());
  return match ? Number(match[1]) : null;
}

const DECLARING_FIELD: Partial<Record<NamespaceType, keyof InspectHostConfig>> = {
  pid: 'PidMode',
  net: 'NetworkMode',
  ipc: 'IpcMode',
  uts: 'UTSMode',
  user: 'UsernsMode',
  cgroup: 'CgroupnsMode',
};

/** The HostConfig mode for a namespace type; "" (Docker's default) is shown as "default". Docker has none for mnt and time. */
export function declaredMode(type: NamespaceType, hostConfig: InspectHostConfig | undefined): string | null {
  const field = DECLARING_FIELD[type];
  if (!field) return null;
  const value = hostConfig?.[field];
  return typeof value === 'string' && value !== '' ? value : 'default';
}

/** The container a mode like "container:<id or name>" joins, or null. */
export function joinedContainer(declared: string | null): string | null {
  return declared?.startsWith('container:') ? declared.slice('container:'.length) : null;
}

export interface DaemonNamespaceDefaults {
  cgroupVersion: 1 | 2 | null;
  /** Rootless daemons and userns-remap put containers in a user namespace of their own. */
  userNamespaced: boolean;
}

/** What a declared mode implies; null where it implies nothing (mnt, time, or an unknown default). */
export function expectedSharing(type: NamespaceType, declared: string | null, daemon: DaemonNamespaceDefaults): NamespaceSharing | null {
  if (declared === null) return null;
  if (declared === 'host') return 'host';
  if (joinedContainer(declared)) return 'container';
  if (type === 'user' && declared === 'default') return daemon.userNamespaced ? 'private' : 'host';
  if (type === 'cgroup' && declared === 'default') return daemon.cgroupVersion === 1 ? 'host' : daemon.cgroupVersion === 2 ? 'private' : null;
  // default, private, shareable, none, bridge or a network name: a namespace of the container's own.
  return 'private';
}

/** One running container as namespace classification sees it. */
export interface NamespaceParticipant {
  id: string;
  name: string;
  hostConfig: InspectHostConfig | undefined;
  /** Inodes read from /proc/<pid>/ns (empty when only the Engine API could be asked). */
  inodes: Partial<Record<NamespaceType, number>>;
  source: InternalsSource;
}

function resolves(reference: string, p: NamespaceParticipant): boolean {
  const ref = reference.replace(/^\//, '');
  return p.id === ref || p.name === ref || (ref.length >= 12 && /^[0-9a-f]+$/.test(ref) && p.id.startsWith(ref));
}

/** The participant the reference names (full id, id prefix or name), if running. */
export function findParticipant(reference: string, all: readonly NamespaceParticipant[]): NamespaceParticipant | undefined {
  return all.find((p) => resolves(reference, p));
}

/**
 * Classifies each namespace of `target` against the host reference and every other running container.
 * The host wins over containers (two --network host containers share the host's, not each other's).
 */
export function classifyNamespaces(
  target: NamespaceParticipant,
  all: readonly NamespaceParticipant[],
  host: HostReference,
  daemon: DaemonNamespaceDefaults,
): NamespaceInternals[] {
  return NAMESPACE_TYPES.map((type) => {
    const declared = declaredMode(type, target.hostConfig);
    const expected = expectedSharing(type, declared, daemon);
    const inode = target.inodes[type] ?? null;
    const entry: NamespaceInternals = { type, inode, sharing: null, with: null, owner: null, members: [], declared, agrees: null, source: target.source };
    if (inode === null) {
      // Only the Engine API was read: say what the declared mode implies, and nothing about agreement.
      entry.source = 'api';
      entry.sharing = type === 'mnt' ? 'private' : expected;
      const joined = joinedContainer(declared);
      if (joined) {
        const owner = findParticipant(joined, all);
        entry.owner = entry.with = owner?.name ?? joined;
      }
      return entry;
    }
    let owner: NamespaceParticipant | undefined;
    if (host.namespaces[type]?.includes(inode)) {
      entry.sharing = 'host';
    } else {
      const members = all.filter((p) => p.id !== target.id && p.inodes[type] === inode);
      if (members.length === 0) {
        entry.sharing = 'private';
      } else {
        const group = [target, ...members];
        // The owner is the one the others name with container:<id>; the daemon resolves names to ids.
        owner = group.find((candidate) => group.some((p) => p !== candidate && resolvesJoin(p, type, candidate)));
        entry.sharing = 'container';
        entry.owner = owner?.name ?? null;
        entry.members = members.map((m) => m.name).sort();
        entry.with = owner && owner.id !== target.id ? owner.name : entry.members[0]!;
      }
    }
    if (expected !== null) {
      if (entry.sharing === 'container' && joinedContainer(declared)) entry.agrees = owner !== undefined && resolvesJoin(target, type, owner);
      // An owner declares its own namespace (private, shareable); that others join it is their declaration.
      else if (entry.sharing === 'container' && owner?.id === target.id) entry.agrees = expected === 'private';
      else entry.agrees = entry.sharing === expected;
    }
    return entry;
  });
}

function resolvesJoin(joiner: NamespaceParticipant, type: NamespaceType, owner: NamespaceParticipant): boolean {
  const joined = joinedContainer(declaredMode(type, joiner.hostConfig));
  return joined !== null && resolves(joined, owner);
}

export interface HostReferencePart {
  label: string;
  namespaces: Partial<Record<NamespaceType, number>> | null;
  /** Only these types count (the helper's own namespaces are the host's for pid and cgroup only). */
  types?: readonly NamespaceType[];
}

/** Merges namespace inode sets read from several places into one host reference. */
export function hostReferenceFrom(parts: readonly HostReferencePart[]): HostReference {
  const reference: HostReference = { namespaces: {}, described: [] };
  for (const part of parts) {
    if (!part.namespaces || Object.keys(part.namespaces).length === 0) {
      if (!reference.described.includes(`${part.label} (not readable)`)) reference.described.push(`${part.label} (not readable)`);
      continue;
    }
    if (!reference.described.includes(part.label)) reference.described.push(part.label);
    for (const type of part.types ?? NAMESPACE_TYPES) {
      const inode = part.namespaces[type];
      if (inode === undefined) continue;
      const list = (reference.namespaces[type] ??= []);
      if (!list.includes(inode)) list.push(inode);
    }
  }
  return reference;
}
