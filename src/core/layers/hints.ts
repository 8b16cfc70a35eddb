// What a size-related lint finding cost in the image built from the Dockerfile, measured from the layer of
// the instruction it is on: one table, one entry per rule. And Shipshape's own measured finding, which no
// rule can see from the text alone: a RUN that deletes bytes an earlier layer still ships.
import { LAYER_SIZE, formatBytes } from '../containers/bytes';
import type { ImageAnalysis, ImageLayer, InstructionCost, LayerMap } from './types';

export interface MeasuredHint {
  rule: string;
  /** The finding's line (0-based), or the instruction's first line for REMOVES_EARLIER_LAYER. */
  line: number;
  message: string;
}

/** Shipshape's measured finding: a RUN deleting what an earlier layer added. */
export const REMOVES_EARLIER_LAYER = 'RemovesEarlierLayerFiles';

/** Directories under this many bytes are not in a layer's `directories` (types.ts). */
const SMALLEST_DIRECTORY = 4096;

type Measure = (cost: InstructionCost, layer: ImageLayer | undefined, context: { map: LayerMap; analysis: Pick<ImageAnalysis, 'layers' | 'wasted'> }) => string;

const bytes = (n: number) => formatBytes(n, LAYER_SIZE);

/** Bytes the layer wrote under any of these folders. */
function cacheMeasure(what: string, folders: string[]): Measure {
  return (_cost, layer) => {
    if (!layer) return `${what} left in this layer: 0 B (the instruction made no layer)`;
    const found = folders.map((f) => layer.directories[f]).filter((n): n is number => n !== undefined);
    if (found.length === 0) return `${what} left in this layer: less than ${bytes(SMALLEST_DIRECTORY)}`;
    return `${what} left in this layer: ${bytes(found.reduce((a, b) => a + b, 0))}`;
  };
}

const MEASURES: Partial<Record<string, Measure>> = {
  DL3009: cacheMeasure('apt lists', ['var/lib/apt/lists']),
  DL3019: cacheMeasure('apk cache', ['var/cache/apk']),
  DL3032: cacheMeasure('yum cache', ['var/cache/yum']),
  DL3036: cacheMeasure('zypper cache', ['var/cache/zypp']),
  DL3040: cacheMeasure('dnf cache', ['var/cache/dnf']),
  DL3042: cacheMeasure('pip cache', ['root/.cache/pip']),
  DL3060: cacheMeasure('yarn cache', ['usr/local/share/.cache/yarn', 'root/.cache/yarn']),
  DL3015: (_cost, layer) => `packages installed in this layer: ${bytes(layer?.size ?? 0)}${layer ? '' : ' (the instruction made no layer)'}`,
  DL3059: (cost, layer, { map, analysis }) => {
    // The finding is on the second of two consecutive RUNs: the one before it in the map.
    const at = map.instructions.indexOf(cost);
    const previous = map.instructions[at - 1];
    const sizes = [previous, cost].map((c) => bytes(c?.size ?? 0)).join(' and ');
    const wasted = layer && previous?.layer !== null && previous?.layer !== undefined
      ? analysis.wasted.filter((w) => w.addedBy === previous.layer && w.removedBy === layer.index).reduce((sum, w) => sum + w.bytes, 0)
      : 0;
    return `these RUNs made layers of ${sizes}; ${bytes(wasted)} written by the first and removed by the second`;
  },
};

/** The mapped instruction a finding's line falls in: the last one starting at or before it. */
function instructionAt(map: LayerMap, line: number): InstructionCost | undefined {
  let found: InstructionCost | undefined;
  for (const cost of map.instructions) if (cost.line <= line && (!found || cost.line >= found.line)) found = cost;
  return found;
}

export function measuredHints(findings: { rule: string; line: number }[], map: LayerMap, analysis: Pick<ImageAnalysis, 'layers' | 'wasted'>): MeasuredHint[] {
  const hints: MeasuredHint[] = [];
  for (const finding of findings) {
    const measure: Measure | undefined = MEASURES[finding.rule];
    const cost = measure ? instructionAt(map, finding.line) : undefined;
    if (!measure || !cost) continue;
    const layer = cost.layer === null ? undefined : analysis.layers[cost.layer];
    hints.push({ rule: finding.rule, line: finding.line, message: measure(cost, layer, { map, analysis }) });
  }
  for (const cost of map.instructions) {
    if (cost.keyword !== 'RUN' || cost.removesBytes <= 0) continue;
    hints.push({ rule: REMOVES_EARLIER_LAYER, line: cost.line, message: `removes ${bytes(cost.removesBytes)} an earlier layer still ships — delete in the RUN that created them` });
  }
  return hints;
}
