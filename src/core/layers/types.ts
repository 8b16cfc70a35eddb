// The layers feature's shapes, shared by the tar analysis (analysis.ts), the history → instruction
// mapping (map.ts), the measured hints (hints.ts), the daemon side (src/docker/layers.ts, build.ts)
// and both front ends. It imports nothing but the Dockerfile model's positions.
// Layer indexes count from 0 at the bottom of the image (the base image's first layer).

/** One entry of the image config's `history`, oldest first (the config's order, not the API's). */
export interface HistoryEntry {
  createdBy: string;
  /** `buildkit.dockerfile.v0` for BuildKit, '' or absent for the legacy builder. */
  comment: string;
  /** The config's `empty_layer`: the entry made no filesystem layer (ENV, CMD, `#(nop)` …). */
  emptyLayer: boolean;
  created: string | null;
}

export interface LayerFile {
  /** Relative to the image root, no leading slash: `usr/bin/env`. */
  path: string;
  size: number;
}

/** One filesystem layer of the image, bottom first. */
export interface ImageLayer {
  index: number;
  /** `sha256:…` of the uncompressed layer tar (the config's rootfs.diff_ids). */
  diffId: string;
  /** Bytes as the daemon counts them (`docker history`): regular files' sizes plus symlink targets' lengths. */
  size: number;
  /** Entries in the layer tar (files, links, directories, whiteouts). */
  entries: number;
  /** The largest regular files the layer adds or replaces, largest first (at most LARGEST_FILES). */
  largest: LayerFile[];
  /**
   * Bytes the layer writes under each directory, every ancestor counted (`var/lib/apt/lists` and
   * `var/lib/apt` and `var/lib` …; '' is the layer's root). Directories under 4 KiB are left out.
   */
  directories: Record<string, number>;
  /** Bytes this layer wrote that later layers deleted, hid or replaced (all of them, not only the top WASTED_PATHS). */
  wastedBytes: number;
  /** Bytes of lower layers this layer deletes, hides or replaces (they still ship in those layers). */
  removesBytes: number;
}

/** Bytes a layer wrote that a later layer deleted or replaced: in the image, never visible. */
export interface WastedPath {
  path: string;
  bytes: number;
  /** The layer that wrote these bytes. */
  addedBy: number;
  /** The layer that deleted (whiteout), hid (opaque directory) or replaced them. */
  removedBy: number;
  how: 'deleted' | 'replaced' | 'hidden';
}

export interface ImageAnalysis {
  /** The image ID: `sha256:` of its config. */
  id: string;
  repoTags: string[];
  /** Sum of the layers' sizes. */
  size: number;
  history: HistoryEntry[];
  layers: ImageLayer[];
  /** dive's efficiency: Σ smallest size each path was seen at ÷ Σ every size it was seen at (1 when nothing repeats). */
  efficiency: number;
  /** dive's wasted bytes: the cumulative size of every path seen in more than one layer (the kept copy included). */
  wastedBytes: number;
  /** dive's user wasted percent: wastedBytes ÷ the bytes of every layer but the first, as a fraction (0–1+). */
  userWastedPercent: number;
  /** Bytes written and then deleted or replaced: cumulative − kept. What a better Dockerfile saves. */
  recoverableBytes: number;
  /** The largest wasted paths, largest first (at most WASTED_PATHS). */
  wasted: WastedPath[];
  /** The layout `docker save` wrote: classic (`<id>/layer.tar`) or OCI (`blobs/sha256/…`). */
  layout: 'classic' | 'oci';
}

export const LARGEST_FILES = 10;
export const WASTED_PATHS = 200;

/** What one instruction of the final stage cost, from the image's history. Lines are 0-based. */
export interface InstructionCost {
  /** The instruction's first line in the Dockerfile the mapping was made with. */
  line: number;
  /** Its text as the history entry was matched against (keyword and arguments). */
  text: string;
  keyword: string;
  /** The layer it made, or null for "metadata only" (ENV, CMD, LABEL …, or an empty RUN). */
  layer: number | null;
  size: number;
  /** size ÷ the image's size (0–1). */
  share: number;
  /** Bytes this instruction wrote that later instructions deleted or replaced. */
  wastedBytes: number;
  /** Bytes of earlier layers this instruction deleted or replaced (they still ship in those layers). */
  removesBytes: number;
}

export interface BaseCost {
  /** FROM's line. */
  line: number;
  size: number;
  /** Filesystem layers that came from the base image. */
  layers: number;
  /** History entries that came from the base image (empty ones included). */
  entries: number;
}

export interface LayerMap {
  imageId: string;
  base: BaseCost;
  /** Every instruction of the final stage after its FROM, in order. */
  instructions: InstructionCost[];
  /** First lines of the instructions of earlier stages: "not in the final image". */
  notInFinalImage: number[];
}

/** Why a Dockerfile and an image do not go together, said so that a person can act on it. */
export class MappingError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'MappingError';
  }
}

/** What a build left behind, so the editor knows which image belongs to which Dockerfile. */
export interface BuildRecord {
  /** Absolute path of the Dockerfile. */
  dockerfile: string;
  /** Absolute path of the build context. */
  context: string;
  imageId: string;
  tag: string;
  builder: 'buildkit' | 'legacy';
  /** ISO time the build finished. */
  builtAt: string;
  /** The Dockerfile's text when it was built: what "changed since the build" is measured against. */
  text: string;
}
