// Platforms of base images present in the local daemon, for the InvalidBaseImagePlatform check.
// The linter asks synchronously; references it asks about that are not known yet are collected,
// looked up afterwards (one inspect each, cached; nothing is ever pulled), and the caller lints again.
import type { LocalImages } from '../core/lint/types';
import { DockerClient, onDaemon } from './client';

/** Docker reports the kernel's name for the architecture; images use Go's. */
export function normalizeArchitecture(arch: string): string {
  const map: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64', armv7l: 'arm/v7', armv6l: 'arm/v6', i386: '386', i686: '386' };
  return map[arch] ?? arch;
}

export class ImagePlatforms {
  private readonly platforms = new Map<string, string | null>();
  private readonly wanted = new Set<string>();
  private daemonPlatform: string | undefined;

  constructor(private readonly client: DockerClient) {}

  /** What the linter reads: known platforms; unknown references are remembered for lookup(). */
  get localImages(): LocalImages {
    return {
      platformOf: (ref) => {
        if (!this.platforms.has(ref)) this.wanted.add(ref);
        return this.platforms.get(ref) ?? undefined;
      },
      // Until the daemon has been asked, no platform is known, so nothing can be reported against this.
      defaultPlatform: this.daemonPlatform ?? 'linux/amd64',
    };
  }

  /** Looks up the references the linter asked about; resolves to true when anything was learned. */
  async lookupWanted(): Promise<boolean> {
    const refs = [...this.wanted];
    this.wanted.clear();
    return refs.length ? this.lookup(refs) : false;
  }

  async lookup(references: readonly string[]): Promise<boolean> {
    let learned = false;
    if (!this.daemonPlatform) {
      const info = await onDaemon(this.client, (api) => api.info() as Promise<{ OSType?: string; Architecture?: string }>);
      this.daemonPlatform = `${info.OSType ?? 'linux'}/${normalizeArchitecture(info.Architecture ?? 'amd64')}`;
    }
    for (const ref of new Set(references)) {
      if (this.platforms.has(ref) || ref.includes('$') || ref.toLowerCase() === 'scratch') continue;
      try {
        const image = (await onDaemon(this.client, (api) => api.getImage(ref).inspect())) as { Os?: string; Architecture?: string; Variant?: string };
        this.platforms.set(ref, [image.Os ?? 'linux', image.Architecture ?? 'amd64', image.Variant].filter(Boolean).join('/'));
        learned = true;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
        this.platforms.set(ref, null); // not present locally: the check does not apply
      }
    }
    return learned;
  }

  /** Images changed on the daemon (pull, load, tag, remove): ask again next time. */
  forget(): void {
    this.platforms.clear();
  }
}
