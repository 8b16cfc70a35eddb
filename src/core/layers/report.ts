// The layers report, written once: the rows (each history entry with its layer and, when a Dockerfile was
// mapped, its instruction), the human text the CLI prints and the editor shows as a document, and the
// CLI's JSON. JSON conventions: `layers` lists every history entry, oldest first, empty ones too (they are
// the metadata instructions); `index` is the position in that list (0-based); `diffId` is null and `size`
// 0 for an empty entry; `wasted[].addedBy` / `removedBy` are `index` values of that list; instruction
// lines are 1-based, as people count them.
import { LAYER_SIZE, formatBytes } from '../containers/bytes';
import { parseCreatedBy } from './created-by';
import type { MeasuredHint } from './hints';
import type { ImageAnalysis, LayerMap } from './types';

export interface ReportInput {
  /** The image as the user named it. */
  image: string;
  analysis: ImageAnalysis;
  map: LayerMap | null;
}

export interface EntryRow {
  /** Position in the image's history, oldest first. */
  entry: number;
  /** The filesystem layer the entry made (index into analysis.layers), or null. */
  layer: number | null;
  diffId: string | null;
  size: number;
  createdBy: string;
  emptyLayer: boolean;
  /** 0-based line and text of the instruction that wrote it, when mapped. */
  instruction: { line: number; text: string } | null;
  /** The entry came with the base image (only known when mapped). */
  base: boolean;
}

export interface LayersJson {
  image: string;
  id: string;
  size: number;
  efficiency: number;
  wastedBytes: number;
  recoverableBytes: number;
  layers: { index: number; diffId: string | null; size: number; createdBy: string; emptyLayer: boolean; instruction: { line: number; text: string } | null }[];
  wasted: { path: string; bytes: number; addedBy: number; removedBy: number }[];
}

/** Which instruction wrote each history entry: the mapped instructions take the entries above the base's, in order. */
function instructionsOfEntries(analysis: ImageAnalysis, map: LayerMap): ({ line: number; text: string } | null)[] {
  const out: ({ line: number; text: string } | null)[] = analysis.history.map(() => null);
  let entry = map.base.entries;
  for (const cost of map.instructions) {
    const history = analysis.history[entry];
    // An instruction the builder left out of the history (BuildKit's ONBUILD) has no entry of its keyword here.
    if (!history || parseCreatedBy(history).keyword !== cost.keyword) continue;
    out[entry++] = { line: cost.line, text: cost.text };
  }
  return out;
}

export function entryRows({ analysis, map }: Pick<ReportInput, 'analysis' | 'map'>): EntryRow[] {
  const instructions = map ? instructionsOfEntries(analysis, map) : [];
  let next = 0;
  return analysis.history.map((h, entry) => {
    const layer = h.emptyLayer ? null : next++;
    const measured = layer === null ? undefined : analysis.layers[layer];
    return {
      entry,
      layer,
      diffId: measured?.diffId ?? null,
      size: measured?.size ?? 0,
      createdBy: h.createdBy,
      emptyLayer: h.emptyLayer,
      instruction: instructions[entry] ?? null,
      base: map !== null && entry < map.base.entries,
    };
  });
}

/** The history entry that made each filesystem layer. */
const entryOfLayer = (rows: readonly EntryRow[]) => new Map(rows.filter((r) => r.layer !== null).map((r) => [r.layer!, r.entry]));

export function layersJson(input: ReportInput): LayersJson {
  const { analysis } = input;
  const rows = entryRows(input);
  const entryOf = entryOfLayer(rows);
  return {
    image: input.image,
    id: analysis.id,
    size: analysis.size,
    efficiency: analysis.efficiency,
    wastedBytes: analysis.wastedBytes,
    recoverableBytes: analysis.recoverableBytes,
    layers: rows.map((r) => ({
      index: r.entry,
      diffId: r.diffId,
      size: r.size,
      createdBy: r.createdBy,
      emptyLayer: r.emptyLayer,
      instruction: r.instruction ? { line: r.instruction.line + 1, text: r.instruction.text } : null,
    })),
    wasted: analysis.wasted.map((w) => ({ path: w.path, bytes: w.bytes, addedBy: entryOf.get(w.addedBy) ?? w.addedBy, removedBy: entryOf.get(w.removedBy) ?? w.removedBy })),
  };
}

const bytes = (n: number) => formatBytes(n, LAYER_SIZE);
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;
const shorten = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const TOP_WASTED = 10;

/** What wrote a row, for people: `7: RUN …`, `base: …`, or the history's own words. */
function writer(row: EntryRow | undefined, layer: number): string {
  if (!row) return `layer ${layer}`;
  if (row.instruction) return `${row.instruction.line + 1}: ${shorten(row.instruction.text, 60)}`;
  return `${row.base ? 'base: ' : ''}${shorten(row.createdBy, 60)}`;
}

export interface TextOptions {
  /** Measured hints to list, with the Dockerfile's name as shown. */
  hints?: { dockerfile: string; hints: MeasuredHint[] };
}

export function layersText(input: ReportInput, options: TextOptions = {}): string {
  const { analysis, map } = input;
  const rows = entryRows(input);
  const lines: string[] = [];
  const shortId = analysis.id.replace(/^sha256:/, '').slice(0, 12);
  lines.push(`${input.image} (${shortId}): ${bytes(analysis.size)} in ${analysis.layers.length} layers, ${analysis.history.length} history entries`);
  if (map) lines.push(`base image (FROM on line ${map.base.line + 1}): ${bytes(map.base.size)}, ${map.base.layers} layers`);
  lines.push('');
  lines.push(`  ${'Size'.padEnd(10)}${'Share'.padEnd(9)}Instruction`);
  for (const row of rows) {
    const share = analysis.size > 0 && row.layer !== null ? percent(row.size / analysis.size) : '';
    const size = row.layer === null ? 'metadata' : bytes(row.size);
    lines.push(`  ${size.padEnd(10)}${share.padEnd(9)}${writer(row, row.layer ?? -1)}`);
  }
  if (map && map.notInFinalImage.length > 0) lines.push('', `Not in the final image: the instructions on lines ${map.notInFinalImage.map((l) => l + 1).join(', ')}`);
  lines.push('');
  lines.push(`Efficiency:          ${percent(analysis.efficiency)}`);
  lines.push(`Wasted (dive):       ${bytes(analysis.wastedBytes)} (${percent(analysis.userWastedPercent)} of the bytes above the first layer)`);
  lines.push(`Recoverable:         ${bytes(analysis.recoverableBytes)} (written, then deleted or replaced)`);
  const byLayer = new Map(rows.filter((r) => r.layer !== null).map((r) => [r.layer!, r]));
  const top = analysis.wasted.slice(0, TOP_WASTED);
  if (top.length > 0) {
    lines.push('', 'Largest wasted paths:');
    for (const w of top) lines.push(`  ${bytes(w.bytes).padEnd(10)}/${w.path}  added by ${writer(byLayer.get(w.addedBy), w.addedBy)}, ${w.how} by ${writer(byLayer.get(w.removedBy), w.removedBy)}`);
  }
  const hints = options.hints;
  if (hints && hints.hints.length > 0) {
    lines.push('', 'Measured hints:');
    for (const h of [...hints.hints].sort((a, b) => a.line - b.line)) lines.push(`  ${hints.dockerfile}:${h.line + 1} ${h.rule}: ${h.message}`);
  }
  return `${lines.join('\n')}\n`;
}
