// The waste analysis of an image from its `docker save` tar, streamed once (classic and OCI layouts):
// per layer its size, largest files and bytes per directory; per image dive's efficiency and wasted
// bytes, the recoverable bytes, and the largest wasted paths with the layers that wrote and removed them.
import { readImageArchive } from './image-tar';
import { imageParts } from './image-manifest';
import type { LayerScan } from './layer-files';
import type { ImageAnalysis, ImageLayer } from './types';
import { stackLayers } from './waste';

export interface AnalyseOptions {
  /** Bytes of the archive read so far, as it streams. */
  onProgress?(bytesRead: number): void;
}

export async function analyseImageTar(stream: NodeJS.ReadableStream, options: AnalyseOptions = {}): Promise<ImageAnalysis> {
  const contents = await readImageArchive(stream, options.onProgress);
  const parts = imageParts(contents);
  const scans: LayerScan[] = parts.layerNames.map((name) => {
    let target = name;
    for (let hops = 0; contents.links.has(target) && hops < 8; hops++) target = contents.links.get(target)!;
    const scan = contents.layers.get(target);
    if (!scan) {
      const why = contents.links.has(name) ? ` (a link to ${target}, which is missing or not a tar)` : '';
      throw new Error(`the archive's manifest names layer ${name}${why}, which the archive does not contain: the save is incomplete or damaged; save the image again`);
    }
    return scan;
  });
  if (parts.diffIds.length !== scans.length) {
    throw new Error(`the image config lists ${parts.diffIds.length} layers (rootfs.diff_ids) but the manifest ${scans.length}: the archive is inconsistent; save the image again`);
  }
  const stack = stackLayers(scans);
  const layers: ImageLayer[] = scans.map((scan, index) => ({
    index,
    diffId: parts.diffIds[index]!,
    size: scan.size,
    entries: scan.entries.paths.length,
    largest: scan.largest,
    directories: scan.directories,
    wastedBytes: stack.wastedBytes[index]!,
    removesBytes: stack.removesBytes[index]!,
  }));
  return {
    id: parts.id,
    repoTags: parts.repoTags,
    size: layers.reduce((sum, l) => sum + l.size, 0),
    history: parts.history,
    layers,
    efficiency: stack.efficiency,
    wastedBytes: stack.diveWastedBytes,
    userWastedPercent: stack.userWastedPercent,
    recoverableBytes: stack.recoverableBytes,
    wasted: stack.wasted,
    layout: parts.layout,
  };
}
