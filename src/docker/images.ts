// Platforms of base images present in the local daemon, for the InvalidBaseImagePlatform check.
// Lookups are cached per reference; nothing is ever pulled.
import type { LocalImages } from '../core/lint/types';
import { DockerClient, onDaemon } from './client';

/** Docker reports the kernel's name for the architecture; images use Go's. */
export function normalizeArchitecture(arch: string): string {
  const map: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64', armv7l: 'arm/v7', armv6l: 'arm/v6', i386: '386', i686: '386' };
  return map[arch] ?? arch;
}

export class ImagePlatforms {
  private readonly platforms = new Map<string, string | null>();
  private daemonPlatform: string | undefined;

  constructor(private readonly client: DockerClient) {}

  /** Looks up references not seen before; resolves to true when anything new was learned. */
  async lookup(references: readonly string[]): Promise<boolean> {
    let learned = false;
    if (!this.daemonPlatform) {
      const info = await onDaemon(this.client, (api) => api.info() as Promise<{ OSType?: string; Architecture?: string }>);
      this.daemonPlatform = `${info.OSType ?? 'linux'}/${normalizeArchitecture(info.Architecture ?? 'amd64')}`;
      learned = true;
    }
    for (const ref of new Set(references)) {
      if (this.platforms.has(ref) || ref.includes('$') || ref.toLowerCase() === 'scratch') continue;
      try {
        const image = (await onDaemon(this.client, (api) => api.getImage(ref).inspect())) as { Os?: string; Architecture?: string; Variant?: string };
        this.platforms.set(ref, [image.Os ?? 'linux', image.Architecture ?? 'amd64', image.Variant].filter(Boolean).join('/'));
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
        this.platforms.set(ref, null); // not present locally: the check does not apply
      }
      learned = true;
    }
    return learned;
  }

  /** What the linter reads (synchronously): only references already looked up. */
  get localImages(): LocalImages | undefined {
    if (!this.daemonPlatform) return undefined;
    return { platformOf: (ref) => this.platforms.get(ref) ?? undefined, defaultPlatform: this.daemonPlatform };
  }
}
