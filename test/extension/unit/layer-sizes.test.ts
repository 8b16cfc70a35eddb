// The lens titles and hover text of a measured Dockerfile, as pure functions (no vscode), over a
// hand-made layer map: what each kind of line says, and where lines moved by edits end up.
import assert from 'node:assert/strict';
import type { ImageAnalysis, ImageLayer, LayerMap } from '../../../src/core/layers/types';
import { METADATA_ONLY, NOT_IN_FINAL_IMAGE, STALE, imageSummary, layerHover, recordedLineOf, sizeLines, type LineMoves } from '../../../src/extension/layers/sizes';

const MiB = 1024 * 1024;
// 0 FROM busybox AS tools / 1 RUN touch /x / 2 FROM busybox / 3 RUN dd 5 MiB / 4 ENV A=1 / 5 RUN rm the file
const map: LayerMap = {
  imageId: 'sha256:abc',
  base: { line: 2, size: 2_000_000, layers: 1, entries: 2 },
  instructions: [
    { line: 3, text: 'RUN dd', keyword: 'RUN', layer: 1, size: 5 * MiB, share: 0.72, wastedBytes: 5 * MiB, removesBytes: 0 },
    { line: 4, text: 'ENV A=1', keyword: 'ENV', layer: null, size: 0, share: 0, wastedBytes: 0, removesBytes: 0 },
    { line: 5, text: 'RUN rm', keyword: 'RUN', layer: 2, size: 0, share: 0, wastedBytes: 0, removesBytes: 5 * MiB },
  ],
  notInFinalImage: [0, 1],
};

const unchanged: LineMoves = { changed: new Set(), lineOf: (l) => l };

const layer = (index: number, over: Partial<ImageLayer> = {}): ImageLayer => ({ index, diffId: `sha256:${index}`, size: 0, entries: 1, largest: [], directories: {}, wastedBytes: 0, removesBytes: 0, ...over });

describe('layer sizes in the editor: lens titles (pure)', () => {
  it('says base size and layer count on FROM, size · share · wasted on a layer, "metadata only", and "not in the final image" for earlier stages', () => {
    const titles = sizeLines(map, unchanged).map((s) => [s.line, s.title]);
    assert.deepEqual(titles, [
      [0, NOT_IN_FINAL_IMAGE],
      [1, NOT_IN_FINAL_IMAGE],
      [2, 'base: 2 MB, 1 layer'],
      [3, '5.24 MB · 72% · 5.24 MB wasted'],
      [4, METADATA_ONLY],
      [5, '0 B · 0% · hides 5.24 MB of earlier layers'],
    ]);
  });

  it('sums the image up on FROM: size, dive\'s efficiency (rounded down, never shown as 100 % when it is not), recoverable bytes', () => {
    assert.equal(imageSummary({ size: 7_250_000, efficiency: 0.2916, recoverableBytes: 5 * MiB }), 'image 7.25 MB · efficiency 29.1% · 5.24 MB recoverable');
    assert.equal(imageSummary({ size: 1000, efficiency: 0.99999, recoverableBytes: 0 }), 'image 1 kB · efficiency 99.9% · 0 B recoverable');
  });

  it('marks a changed line stale and keeps the sizes of lines that only moved', () => {
    // A line inserted above line 3 and line 4 (ENV) edited: 3 → 4, 4 changed (now at 5), 5 → 6.
    const moves: LineMoves = { changed: new Set([3, 5]), lineOf: (l) => (l < 3 ? l : l === 4 ? null : l + 1) };
    const lines = sizeLines(map, moves).map((s) => [s.line, s.kind, s.title]);
    assert.deepEqual(lines.slice(2), [
      [2, 'base', 'base: 2 MB, 1 layer'],
      [3, 'stale', STALE],
      [4, 'size', '5.24 MB · 72% · 5.24 MB wasted'],
      [5, 'stale', STALE],
      [6, 'size', '0 B · 0% · hides 5.24 MB of earlier layers'],
    ]);
    assert.equal(recordedLineOf(map, moves, 4), 3);
    const finalChainOnly: LineMoves = { changed: new Set(), lineOf: (l) => (l < 2 ? null : l) }; // core/layers/stale.ts follows the final chain alone
    assert.deepEqual(sizeLines(map, finalChainOnly, [0, 1]).slice(0, 2).map((s) => [s.line, s.title]), [[0, NOT_IN_FINAL_IMAGE], [1, NOT_IN_FINAL_IMAGE]], 'earlier stages as the document has them now');
    assert.equal(recordedLineOf(map, moves, 5), null, 'a changed line is not measured');
  });

  it('the hover lists the largest files a layer added and the waste it wrote, naming the line that removed it', () => {
    const analysis: Pick<ImageAnalysis, 'layers' | 'wasted' | 'size'> = {
      size: 2_000_000 + 5 * MiB,
      layers: [layer(0), layer(1, { size: 5 * MiB, entries: 2, largest: [{ path: 'big', size: 5 * MiB }] }), layer(2)],
      wasted: [{ path: 'big', bytes: 5 * MiB, addedBy: 1, removedBy: 2, how: 'deleted' }],
    };
    const text = layerHover(map, analysis, 3, unchanged)!;
    assert.match(text, /\*\*Layer 2 of 3\*\*: 5\.24 MB of 7\.24 MB \(72%\), 2 tar entries/);
    assert.match(text, /Largest files it added:\n\n- `\/big` 5\.24 MB/);
    assert.match(text, /- `\/big` 5\.24 MB, deleted by line 6/);
    const rm = layerHover(map, analysis, 5, unchanged)!;
    assert.match(rm, /Removed here, still shipped in the earlier layers \(5\.24 MB\):\n\n- `\/big` 5\.24 MB, written by line 4/);
    assert.equal(layerHover(map, analysis, 4, unchanged), undefined, 'ENV made no layer: no hover');
  });
});
