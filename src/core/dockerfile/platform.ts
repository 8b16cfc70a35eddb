// Platform strings (`linux/arm64/v8`) as containerd reads them.

const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris',
  'wasip1', 'windows', 'zos',
]);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le',
  'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);
/** containerd's architecture aliases, so a stage named `build-amd64` matches `linux/x86_64`. */
const ARCH_ALIAS: Record<string, string> = { i386: '386', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm' };
const COMPONENT = /^[A-Za-z0-9_-]+$/;

/** containerd's platforms.Parse, reduced to what this check needs: normalized OS and architecture, or null. */
export function parsePlatform(value: string): { os: string; arch: string } | null {
  const parts = value.split('/');
  if (parts.length > 3 || parts.some((p) => !COMPONENT.test(p))) return null;
  const norm = (arch: string) => ARCH_ALIAS[arch.toLowerCase()] ?? arch.toLowerCase();
  if (parts.length === 1) {
    const only = parts[0]!.toLowerCase();
    if (KNOWN_OS.has(only)) return { os: only, arch: 'amd64' };
    if (KNOWN_ARCH.has(norm(only))) return { os: 'linux', arch: norm(only) };
    return null;
  }
  return { os: parts[0]!.toLowerCase(), arch: norm(parts[1]!) };
}
