// Linux capabilities by number (include/uapi/linux/capability.h), and the bitmasks /proc/<pid>/status prints.

/** Index = capability number: CAP_CHOWN is 0 … CAP_CHECKPOINT_RESTORE is 40. */
export const CAPABILITIES: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_SETGID', 'CAP_SETUID',
  'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_ADMIN', 'CAP_NET_RAW', 'CAP_IPC_LOCK',
  'CAP_IPC_OWNER', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT', 'CAP_SYS_PTRACE', 'CAP_SYS_PACCT', 'CAP_SYS_ADMIN',
  'CAP_SYS_BOOT', 'CAP_SYS_NICE', 'CAP_SYS_RESOURCE', 'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD', 'CAP_LEASE',
  'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL', 'CAP_SETFCAP', 'CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN', 'CAP_SYSLOG', 'CAP_WAKE_ALARM',
  'CAP_BLOCK_SUSPEND', 'CAP_AUDIT_READ', 'CAP_PERFMON', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE',
];

/** The set Docker (moby oci/caps/defaults.go) grants a non-privileged container. */
export const DOCKER_DEFAULT_CAPABILITIES: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FSETID', 'CAP_FOWNER', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETGID', 'CAP_SETUID',
  'CAP_SETFCAP', 'CAP_SETPCAP', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_CHROOT', 'CAP_KILL', 'CAP_AUDIT_WRITE',
];

/** Names of the bits set in a hex mask like "00000000a80425fb"; unknown bits as CAP_<n>, in bit order. */
export function decodeCapabilities(hex: string): string[] {
  const text = hex.trim().replace(/^0x/i, '');
  if (!/^[0-9a-f]+$/i.test(text)) throw new Error(`not a capability mask: "${hex}" (expected hex digits as in /proc/<pid>/status CapEff)`);
  let mask = BigInt(`0x${text}`);
  const names: string[] = [];
  for (let bit = 0; mask > 0n; bit++, mask >>= 1n) if (mask & 1n) names.push(CAPABILITIES[bit] ?? `CAP_${bit}`);
  return names;
}

/** The inverse of decodeCapabilities, printed as the kernel does (16 hex digits). */
export function encodeCapabilities(names: readonly string[]): string {
  let mask = 0n;
  for (const name of names) {
    const canonical = canonicalCapability(name);
    const bit = CAPABILITIES.indexOf(canonical);
    const number = bit >= 0 ? bit : /^CAP_(\d+)$/.test(canonical) ? Number(canonical.slice(4)) : -1;
    if (number < 0) throw new Error(`unknown capability "${name}"`);
    mask |= 1n << BigInt(number);
  }
  return mask.toString(16).padStart(16, '0');
}

/** "sys_admin", "SYS_ADMIN" and "CAP_SYS_ADMIN" all name CAP_SYS_ADMIN, as in --cap-add. */
export function canonicalCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
}

/** What HostConfig asks for, as moby's TweakCapabilities applies CapAdd and CapDrop ("ALL" allowed in either). */
export function configuredCapabilities(privileged: boolean, capAdd: readonly string[] = [], capDrop: readonly string[] = []): string[] {
  if (privileged) return [...CAPABILITIES];
  const adds = capAdd.map(canonicalCapability);
  const drops = capDrop.map(canonicalCapability);
  let set: Set<string>;
  if (adds.includes('CAP_ALL')) set = new Set(CAPABILITIES.filter((c) => !drops.includes(c)));
  else if (drops.includes('CAP_ALL')) set = new Set(adds);
  else set = new Set([...DOCKER_DEFAULT_CAPABILITIES.filter((c) => !drops.includes(c)), ...adds]);
  return CAPABILITIES.filter((c) => set.has(c)).concat([...set].filter((c) => !CAPABILITIES.includes(c)));
}
