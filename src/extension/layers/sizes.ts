// What the editor says about each instruction of a measured Dockerfile: the lens titles and the hover
// text, from the layer map (made with the text that was built) and where those lines are now. Pure:
// no `vscode`, so it is unit-tested on its own (test/extension/unit).
import { LAYER_SIZE, formatBytes } from '../../core/containers/bytes';
import type { ImageAnalysis, LayerMap } from '../../core/layers/types';

/** Where the built text's lines are in the document now (core/layers/stale.ts computes it). */
export interface LineMoves {
  /** Lines of the current document whose instruction differs from the built one. */
  changed: ReadonlySet<number>;
  /** The current line of a built instruction's first line; null when it is gone or changed. */
  lineOf(recordedLine: number): number | null;
}

export type SizeKind = 'base' | 'size' | 'metadata' | 'notInFinalImage' | 'stale';

/** One lens: a line of the current document and what it says. */
export interface SizeLine {
  line: number;
  kind: SizeKind;
  title: string;
  /** The instruction's line in the built text (for the hover), when it has one. */
  recordedLine?: number;
}

export const STALE = 'changed since the build: rebuild to refresh';
export const NOT_IN_FINAL_IMAGE = 'not in the final image';
export const METADATA_ONLY = 'metadata only';

export const bytes = (n: number): string => formatBytes(n, LAYER_SIZE);

function percent(share: number): string {
  if (share > 0 && share < 0.01) return '<1%';
  return `${Math.round(share * 100)}%`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Every lens of a measured Dockerfile, by current line, in line order. `notInFinalImage` are the current
 * lines of earlier stages' instructions (what the document says now); without it, the map's moved along.
 */
export function sizeLines(map: LayerMap, moves: LineMoves, notInFinalImage?: readonly number[]): SizeLine[] {
  const out = new Map<number, SizeLine>();
  const place = (recordedLine: number, kind: SizeKind, title: string) => {
    const line = moves.lineOf(recordedLine);
    if (line === null || moves.changed.has(line)) return;
    out.set(line, { line, kind, title, recordedLine });
  };
  place(map.base.line, 'base', `base: ${bytes(map.base.size)}, ${plural(map.base.layers, 'layer')}`);
  for (const c of map.instructions) {
    if (c.layer === null) {
      place(c.line, 'metadata', METADATA_ONLY);
      continue;
    }
    const parts = [bytes(c.size), percent(c.share)];
    if (c.wastedBytes > 0) parts.push(`${bytes(c.wastedBytes)} wasted`);
    if (c.removesBytes > 0) parts.push(`hides ${bytes(c.removesBytes)} of earlier layers`);
    place(c.line, 'size', parts.join(' · '));
  }
  if (notInFinalImage) for (const line of notInFinalImage) out.set(line, { line, kind: 'notInFinalImage', title: NOT_IN_FINAL_IMAGE });
  else for (const line of map.notInFinalImage) place(line, 'notInFinalImage', NOT_IN_FINAL_IMAGE);
  for (const line of moves.changed) out.set(line, { line, kind: 'stale', title: STALE });
  return [...out.values()].sort((a, b) => a.line - b.line);
}

/** The whole image in one line, shown on the first FROM: its size, dive's efficiency, what a better Dockerfile saves. */
export function imageSummary(analysis: Pick<ImageAnalysis, 'size' | 'efficiency' | 'recoverableBytes'>): string {
  return `image ${bytes(analysis.size)} · efficiency ${Math.floor(analysis.efficiency * 1000) / 10}% · ${bytes(analysis.recoverableBytes)} recoverable`;
}

/** Maps a current line to the built text's instruction line it still is, when unchanged. */
export function recordedLineOf(map: LayerMap, moves: LineMoves, currentLine: number): number | null {
  if (moves.changed.has(currentLine)) return null;
  const lines = [map.base.line, ...map.instructions.map((c) => c.line)];
  return lines.find((l) => moves.lineOf(l) === currentLine) ?? null;
}

/** The hover of an instruction that made a layer: the largest files it added and the waste it wrote or removed (Markdown). */
export function layerHover(map: LayerMap, analysis: Pick<ImageAnalysis, 'layers' | 'wasted' | 'size'>, recordedLine: number, moves: LineMoves): string | undefined {
  const cost = map.instructions.find((c) => c.line === recordedLine);
  if (!cost || cost.layer === null) return undefined;
  const layer = analysis.layers[cost.layer];
  if (!layer) return undefined;
  const lineOfLayer = (index: number) => {
    const by = map.instructions.find((c) => c.layer === index);
    const now = by ? moves.lineOf(by.line) : null;
    return by ? (now === null ? `\`${by.keyword}\` (changed since)` : `line ${now + 1}`) : index < map.base.layers ? 'the base image' : `layer ${index + 1}`;
  };
  const code = (path: string) => `\`/${path.replace(/`/g, "'")}\``;
  // People count layers from 1, bottom first, as `docker inspect`'s RootFS.Layers lists them.
  const out = [`**Layer ${cost.layer + 1} of ${analysis.layers.length}**: ${bytes(layer.size)} of ${bytes(analysis.size)} (${percent(cost.share)}), ${plural(layer.entries, 'tar entry', 'tar entries')}`];
  if (layer.largest.length) {
    out.push('', 'Largest files it added:', '');
    for (const f of layer.largest) out.push(`- ${code(f.path)} ${bytes(f.size)}`);
  }
  const wrote = analysis.wasted.filter((w) => w.addedBy === cost.layer);
  if (wrote.length) {
    out.push('', `Wasted: ${bytes(cost.wastedBytes)} it wrote that later instructions removed or replaced:`, '');
    for (const w of wrote.slice(0, 10)) out.push(`- ${code(w.path)} ${bytes(w.bytes)}, ${w.how} by ${lineOfLayer(w.removedBy)}`);
  }
  const removed = analysis.wasted.filter((w) => w.removedBy === cost.layer);
  if (removed.length) {
    out.push('', `Removed here, still shipped in the earlier layers (${bytes(cost.removesBytes)}):`, '');
    for (const w of removed.slice(0, 10)) out.push(`- ${code(w.path)} ${bytes(w.bytes)}, written by ${lineOfLayer(w.addedBy)}`);
  }
  return out.join('\n');
}
