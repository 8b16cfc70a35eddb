// Which config and which layers, in which order, make the image in a `docker save` archive: from
// manifest.json (both layouts: Docker ≥ 25 writes it beside the OCI index too), else from index.json
// through the OCI image manifest blob.
import type { ArchiveContents } from './image-tar';
import type { HistoryEntry } from './types';

export interface ImageParts {
  id: string;
  repoTags: string[];
  /** Entry names of the layers, bottom first. */
  layerNames: string[];
  diffIds: string[];
  history: HistoryEntry[];
  layout: 'classic' | 'oci';
}

interface ConfigJson {
  rootfs?: { diff_ids?: string[] };
  history?: { created_by?: string; comment?: string; empty_layer?: boolean; created?: string }[];
}
interface Descriptor {
  digest?: string;
  mediaType?: string;
  annotations?: Record<string, string>;
}

function parse<T>(contents: ArchiveContents, name: string, what: string): T {
  const raw = contents.json.get(name);
  if (!raw) throw new Error(`the archive has no ${what} ${name}: it is incomplete or not a docker save archive`);
  try {
    return JSON.parse(raw.toString('utf8')) as T;
  } catch (error) {
    throw new Error(`${name} (${what}) is not valid JSON: ${(error as Error).message}`);
  }
}

const blobName = (digest: string) => `blobs/${digest.replace(':', '/')}`;
const idFromName = (name: string) => {
  const hex = /([0-9a-f]{64})(\.json)?$/.exec(name)?.[1];
  return hex ? `sha256:${hex}` : name;
};

function fromManifestJson(contents: ArchiveContents): { config: string; repoTags: string[]; layers: string[] } | undefined {
  if (!contents.json.has('manifest.json')) return undefined;
  const manifest = parse<{ Config?: string; RepoTags?: string[] | null; Layers?: string[] }[]>(contents, 'manifest.json', 'manifest');
  const first = Array.isArray(manifest) ? manifest[0] : undefined;
  if (!first?.Config || !Array.isArray(first.Layers)) throw new Error('manifest.json names no image (no Config and Layers in its first entry)');
  return { config: first.Config, repoTags: first.RepoTags ?? [], layers: first.Layers };
}

function fromIndexJson(contents: ArchiveContents): { config: string; repoTags: string[]; layers: string[] } {
  const index = parse<{ manifests?: Descriptor[] }>(contents, 'index.json', 'OCI index');
  const repoTags: string[] = [];
  let manifests = index.manifests ?? [];
  for (const m of manifests) {
    const name = m.annotations?.['io.containerd.image.name'] ?? m.annotations?.['org.opencontainers.image.ref.name'];
    if (name) repoTags.push(name);
  }
  // An index may point at another index (multi-platform): take the first manifest whose blob is in the archive.
  for (let depth = 0; depth < 4; depth++) {
    const chosen = manifests.find((m) => m.digest && contents.json.has(blobName(m.digest)));
    if (!chosen?.digest) throw new Error('index.json names no image manifest that is in the archive');
    const blob = parse<{ manifests?: Descriptor[]; config?: Descriptor; layers?: Descriptor[] }>(contents, blobName(chosen.digest), 'OCI manifest');
    if (blob.manifests) {
      manifests = blob.manifests;
      continue;
    }
    if (!blob.config?.digest || !Array.isArray(blob.layers)) throw new Error(`${blobName(chosen.digest)} is not an OCI image manifest (no config or layers)`);
    return { config: blobName(blob.config.digest), repoTags, layers: blob.layers.map((l) => blobName(l.digest ?? '')) };
  }
  throw new Error('index.json nests indexes too deeply');
}

/** The image the archive holds (its first, when it holds several). */
export function imageParts(contents: ArchiveContents): ImageParts {
  const oci = contents.json.has('index.json');
  const chosen = fromManifestJson(contents) ?? (oci ? fromIndexJson(contents) : undefined);
  if (!chosen) throw new Error('not an image archive: no manifest.json or index.json in it; expected the tar that docker save (GET /images/{name}/get) writes');
  const config = parse<ConfigJson>(contents, chosen.config, 'image config');
  const history: HistoryEntry[] = (config.history ?? []).map((h) => ({
    createdBy: h.created_by ?? '',
    comment: h.comment ?? '',
    emptyLayer: h.empty_layer === true,
    created: h.created ?? null,
  }));
  return {
    id: idFromName(chosen.config),
    repoTags: chosen.repoTags,
    layerNames: chosen.layers,
    diffIds: config.rootfs?.diff_ids ?? [],
    history,
    layout: oci || chosen.config.startsWith('blobs/') ? 'oci' : 'classic',
  };
}
