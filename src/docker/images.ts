// Base images present in the local daemon, as the linter sees them: their platform (InvalidBaseImagePlatform)
// and the names their Config.Env sets (UndefinedVar). The linter asks synchronously; references it asks about
// that are not known yet are collected, looked up afterwards (one inspect each, cached; nothing is ever
// pulled), and the caller lints again.
import type { LocalImages } from '../core/lint/types';
import { DockerClient, onDaemon } from './client';

/** Docker reports the kernel's name for the architecture; images use Go's. */
export function normalizeArchitecture(arch: string): string {
  const map: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64', armv7l: 'arm/v7', armv6l: 'arm/v6', i386: '386', i686: '386' };
  return map[arch] ?? arch;
}

/** What one inspect told about a local image. */
interface LocalImage {
  platform: string;
  env: string[];
}

export class ImagePlatforms {
  /** null: not present locally, so the checks that need it do not apply. */
  private readonly images = new Map<string, LocalImage | null>();
  private readonly wanted = new Set<string>();
  private daemonPlatform: string | undefined;

  constructor(private readonly client: DockerClient) {}

  /** What the linter reads: known platforms and environments; unknown references are remembered for lookup(). */
  get localImages(): LocalImages {
    const known = (ref: string): LocalImage | undefined => {
      if (!this.images.has(ref)) this.wanted.add(ref);
      return this.images.get(ref) ?? undefined;
    };
    return {
      platformOf: (ref) => known(ref)?.platform,
      envOf: (ref) => known(ref)?.env,
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
      if (this.images.has(ref) || ref.includes('$') || ref.toLowerCase() === 'scratch') continue;
      try {
        const image = (await onDaemon(this.client, (api) => api.getImage(ref).inspect())) as InspectedImage;
        this.images.set(ref, {
          platform: [image.Os ?? 'linux', image.Architecture ?? 'amd64', image.Variant].filter(Boolean).join('/'),
          env: envNames(image.Config?.Env),
        });
        learned = true;
      } catch (error) {
        // 404: not present locally; 400: a reference the daemon refuses (`MyImage`), so not present either.
        const status = (error as { statusCode?: number }).statusCode;
        if (status !== 404 && status !== 400) throw error;
        this.images.set(ref, null); // the checks do not apply
      }
    }
    return learned;
  }

  /** Images changed on the daemon (pull, load, tag, remove): ask again next time. */
  forget(): void {
    this.images.clear();
  }
}

/** The parts of an image inspect read here. */
interface InspectedImage {
  Os?: string;
  Architecture?: string;
  Variant?: string;
  Config?: { Env?: string[] | null } | null;
}

/** `KEY=value` entries (a bare `KEY` too) to their names, as BuildKit reads Config.Env. */
export function envNames(env: readonly string[] | null | undefined): string[] {
  return (env ?? []).map((entry) => entry.split('=', 1)[0]!).filter((name) => name !== '');
}
