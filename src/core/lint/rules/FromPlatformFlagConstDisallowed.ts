import { buildkitDocs, defineRule } from '../define';
import { expandWord } from './UndefinedVar';

const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
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

export default defineRule(
  {
    id: 'FromPlatformFlagConstDisallowed',
    source: 'buildkit',
    severity: 'warning',
    description: 'FROM --platform flag should not use a constant value',
    rationale:
      'A fixed `--platform=linux/amd64` pins the stage to one architecture whatever platform is being built, so multi-platform builds produce images with the wrong binaries and builds on Apple Silicon run under emulation. Use $BUILDPLATFORM or $TARGETPLATFORM, or name the stage after the platform when pinning is intended.',
    examples: {
      bad: 'FROM --platform=linux/amd64 alpine:3.20 AS build\n',
      good: 'FROM --platform=$BUILDPLATFORM alpine:3.20 AS build\n',
    },
    docs: buildkitDocs('FromPlatformFlagConstDisallowed'),
    fixable: false,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      const flag = stage.platform;
      if (!flag?.value) continue;
      const expansion = expandWord(flag.value, () => undefined, ctx.model.escapeChar);
      if (expansion.refs.length > 0 || expansion.error) continue;
      const platform = parsePlatform(expansion.value);
      if (!platform) continue;
      // A stage named after its platform (build-arm64, windows-base) pins it on purpose.
      const name = stage.name?.toLowerCase() ?? '';
      if (name.includes(platform.os) || name.includes(platform.arch)) continue;
      ctx.report({
        range: flag.range,
        message:
          `FROM --platform flag should not use constant value "${expansion.value}": ` +
          'use $BUILDPLATFORM or $TARGETPLATFORM, or name the stage after the platform',
      });
    }
  },
);
