import assert from 'node:assert/strict';
import { REMOVES_EARLIER_LAYER, measuredHints } from '../../../src/core/layers/hints';
import type { ImageLayer, InstructionCost, LayerMap, WastedPath } from '../../../src/core/layers/types';

// A Dockerfile of four RUNs (lines 1–4, 0-based; line 2 spans two lines) and an ENV, over one base layer.
const layer = (index: number, size: number, directories: Record<string, number> = {}, removesBytes = 0): ImageLayer => ({
  index, diffId: `sha256:${String(index).repeat(64)}`, size, entries: 1, largest: [], directories, wastedBytes: 0, removesBytes,
});
const layers = [
  layer(0, 4_000_000),
  layer(1, 45_000_000, { 'var/lib/apt/lists': 38_200_000, 'var/lib/apt': 38_300_000, 'root/.cache/pip': 1_500_000, 'var/cache/apk': 20_000, 'usr/local/share/.cache/yarn': 7_000, 'root/.cache/yarn': 3_000 }),
  layer(2, 5_242_880, { 'var/cache/yum': 2_000_000, 'var/cache/zypp': 30_000, 'var/cache/dnf': 4_096 }),
  layer(3, 0, {}, 5_242_880),
];
const cost = (line: number, keyword: string, text: string, index: number | null): InstructionCost => ({
  line, keyword, text, layer: index, size: index === null ? 0 : layers[index]!.size, share: 0, wastedBytes: 0, removesBytes: index === null ? 0 : layers[index]!.removesBytes,
});
const map: LayerMap = {
  imageId: 'sha256:test',
  base: { line: 0, size: 4_000_000, layers: 1, entries: 2 },
  instructions: [cost(1, 'RUN', 'RUN apt-get install …', 1), cost(2, 'RUN', 'RUN dd …', 2), cost(4, 'RUN', 'RUN rm /big', 3), cost(5, 'ENV', 'ENV A=1', null)],
  notInFinalImage: [],
};
const wasted: WastedPath[] = [
  { path: 'big', bytes: 5_242_880, addedBy: 2, removedBy: 3, how: 'deleted' },
  { path: 'other', bytes: 100, addedBy: 1, removedBy: 3, how: 'deleted' },
];

const cases: { rule: string; line: number; message: string }[] = [
  { rule: 'DL3009', line: 1, message: 'apt lists left in this layer: 38.2 MB' },
  { rule: 'DL3042', line: 1, message: 'pip cache left in this layer: 1.5 MB' },
  { rule: 'DL3019', line: 1, message: 'apk cache left in this layer: 20 kB' },
  { rule: 'DL3060', line: 1, message: 'yarn cache left in this layer: 10 kB' },
  { rule: 'DL3015', line: 1, message: 'packages installed in this layer: 45 MB' },
  { rule: 'DL3032', line: 3, message: 'yum cache left in this layer: 2 MB' },
  { rule: 'DL3036', line: 3, message: 'zypper cache left in this layer: 30 kB' },
  { rule: 'DL3040', line: 2, message: 'dnf cache left in this layer: 4.1 kB' },
  { rule: 'DL3009', line: 2, message: 'apt lists left in this layer: less than 4.1 kB' },
  { rule: 'DL3009', line: 5, message: 'apt lists left in this layer: 0 B (the instruction made no layer)' },
  { rule: 'DL3059', line: 4, message: 'these RUNs made layers of 5.24 MB and 0 B; 5.24 MB written by the first and removed by the second' },
  { rule: 'DL3059', line: 2, message: 'these RUNs made layers of 45 MB and 5.24 MB; 0 B written by the first and removed by the second' },
];

describe('core/layers/hints: what a size-related finding cost, measured from its layer', () => {
  for (const t of cases) {
    it(`${t.rule} on line ${t.line + 1}: "${t.message}"`, () => {
      const hints = measuredHints([{ rule: t.rule, line: t.line }], map, { layers, wasted }).filter((h) => h.rule === t.rule);
      assert.deepEqual(hints, [{ rule: t.rule, line: t.line, message: t.message }]);
    });
  }

  it('a RUN that removes what an earlier layer added gets the measured finding, without any lint finding', () => {
    assert.deepEqual(measuredHints([], map, { layers, wasted }), [
      { rule: REMOVES_EARLIER_LAYER, line: 4, message: 'removes 5.24 MB an earlier layer still ships — delete in the RUN that created them' },
    ]);
  });

  it('rules that are not about size, and findings before the first mapped instruction, get no hint', () => {
    const hints = measuredHints([{ rule: 'DL3008', line: 1 }, { rule: 'DL3009', line: 0 }], map, { layers, wasted });
    assert.deepEqual(hints.map((h) => h.rule), [REMOVES_EARLIER_LAYER]);
  });
});
