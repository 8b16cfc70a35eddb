import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import { DIVE_DEFAULTS, ThresholdError, ciText, evaluateCi, parseByteThreshold, parseFractionThreshold } from '../../../src/core/layers/ci';
import { mapHistory } from '../../../src/core/layers/map';
import { layersJson, layersText } from '../../../src/core/layers/report';
import type { ImageAnalysis } from '../../../src/core/layers/types';
import { analysisOf, dockerfileFixture, historyFixture } from '../../support/history-fixtures';

// shell.Dockerfile built by BuildKit (captured from Docker 20.10): layer 5 is `RUN dd` (5 MiB of /big), layer 6 `RUN rm /big`.
function shellImage(): ImageAnalysis {
  const base = analysisOf(historyFixture('shell.buildkit'), { 5: { wastedBytes: 5_242_880 }, 6: { removesBytes: 5_242_880 } });
  return {
    ...base,
    repoTags: ['shell:1'],
    efficiency: 0.5,
    wastedBytes: 5_242_880,
    userWastedPercent: 0.99,
    recoverableBytes: 5_242_880,
    wasted: [{ path: 'big', bytes: 5_242_880, addedBy: 5, removedBy: 6, how: 'deleted' }],
    layout: 'classic',
  };
}

describe('core/layers/report: the layers report, as text and as the CLI\'s JSON', () => {
  it('JSON: every history entry (empty ones too), 1-based instruction lines, wasted paths naming entries', () => {
    const analysis = shellImage();
    const map = mapHistory(parseDockerfile(dockerfileFixture('shell')), analysis);
    const json = layersJson({ image: 'shell:1', analysis, map });
    assert.deepEqual(Object.keys(json), ['image', 'id', 'size', 'efficiency', 'wastedBytes', 'recoverableBytes', 'layers', 'wasted']);
    assert.equal(json.layers.length, analysis.history.length);
    assert.deepEqual(Object.keys(json.layers[0]!), ['index', 'diffId', 'size', 'createdBy', 'emptyLayer', 'instruction']);
    assert.deepEqual(json.layers.map((l) => l.instruction?.line ?? null), [null, null, null, 2, 4, 5, 6, 8, 9, 10]);
    assert.deepEqual(json.layers[4], { index: 4, diffId: null, size: 0, createdBy: 'SHELL [/bin/sh -e -c]', emptyLayer: true, instruction: { line: 4, text: 'SHELL ["/bin/sh", "-e", "-c"]' } });
    const dd = json.layers.find((l) => l.instruction?.text.startsWith('RUN dd'))!;
    assert.deepEqual([dd.size, dd.diffId], [5_242_880, analysis.layers[5]!.diffId]);
    // The dd layer (filesystem layer 5) is history entry 8, the rm's (layer 6) entry 9.
    assert.deepEqual(json.wasted, [{ path: 'big', bytes: 5_242_880, addedBy: 8, removedBy: 9 }]);
  });

  it('JSON without a Dockerfile: no instructions', () => {
    const json = layersJson({ image: 'shell:1', analysis: shellImage(), map: null });
    assert.ok(json.layers.every((l) => l.instruction === null));
  });

  it('text: sizes and shares per entry, the base, metadata-only instructions, waste attributed to lines, measured hints', () => {
    const analysis = shellImage();
    const map = mapHistory(parseDockerfile(dockerfileFixture('shell')), analysis);
    const text = layersText({ image: 'shell:1', analysis, map }, { hints: { dockerfile: 'Dockerfile', hints: [{ rule: 'RemovesEarlierLayerFiles', line: 9, message: 'removes 5.24 MB an earlier layer still ships' }] } });
    assert.match(text, /^shell:1 \([0-9a-f]{12}\): [\d.]+ MB in 7 layers, 10 history entries\n/);
    assert.match(text, /\nbase image \(FROM on line 1\): [\d.]+ MB, 2 layers\n/);
    assert.match(text, /\n  metadata +4: SHELL \["\/bin\/sh", "-e", "-c"\]\n/);
    assert.match(text, /\n  5\.24 MB +[\d.]+ % +9: RUN dd if=\/dev\/zero of=\/big bs=1024 count=5120\n/);
    assert.match(text, /\n  [\d.]+ [kM]?B +[\d.]+ % +base: \/bin\/busybox --install -s \/bin\n/);
    assert.match(text, /\nEfficiency: +50\.0 %\n/);
    assert.match(text, /\nRecoverable: +5\.24 MB/);
    assert.match(text, /\n  5\.24 MB +\/big  added by 9: RUN dd if=\/dev\/zero of=\/big bs=1024 count=5120, deleted by 10: RUN rm \/big\n/);
    assert.match(text, /\n  Dockerfile:10 RemovesEarlierLayerFiles: removes 5\.24 MB an earlier layer still ships\n/);
  });

  it('text for a multi-stage file names the lines not in the final image', () => {
    const analysis = { ...shellImage(), ...analysisOf(historyFixture('multistage-image.legacy')) };
    const map = mapHistory(parseDockerfile(dockerfileFixture('multistage-image')), analysis);
    assert.match(layersText({ image: 'x', analysis: { ...analysis, wasted: [] }, map }), /\nNot in the final image: the instructions on lines 1, 2, 3\n/);
  });
});

describe('core/layers/ci: dive\'s CI rules and their meaning', () => {
  const measured = { efficiency: 0.85, wastedBytes: 25_000_000, userWastedPercent: 0.05 };

  it('fails each rule whose threshold is crossed, passes the others, skips disabled ones', () => {
    const results = evaluateCi(measured, { lowestEfficiency: 0.9, highestWastedBytes: 20_000_000, highestUserWastedPercent: null });
    assert.deepEqual(results.map((r) => `${r.status} ${r.rule}`), ['FAIL lowestEfficiency', 'FAIL highestWastedBytes', 'SKIP highestUserWastedPercent']);
    assert.match(ciText(results), /\nResult: FAIL \[Total:3\] \[Passed:0\] \[Failed:2\] \[Skipped:1\]\n$/);
    assert.match(results[0]!.detail, /efficiency=0\.8500 < threshold=0\.9/);
  });

  it('passes at the thresholds themselves (lowest is inclusive, highest is inclusive)', () => {
    const results = evaluateCi(measured, { lowestEfficiency: 0.85, highestWastedBytes: 25_000_000, highestUserWastedPercent: 0.05 });
    assert.deepEqual(results.map((r) => r.status), ['PASS', 'PASS', 'PASS']);
    assert.match(ciText(results), /Result: PASS/);
  });

  it('dive\'s defaults: efficiency 0.9, wasted bytes off, user wasted 0.1', () => {
    assert.deepEqual(DIVE_DEFAULTS, { lowestEfficiency: 0.9, highestWastedBytes: null, highestUserWastedPercent: 0.1 });
  });

  it('thresholds as dive reads them, and a clear error for the others', () => {
    assert.deepEqual(['20MB', '20MiB', '512kB', '20000', '1.5GB', 'disabled'].map((t) => parseByteThreshold('--highest-wasted-bytes', t)), [20_000_000, 20_971_520, 512_000, 20_000, 1_500_000_000, null]);
    assert.equal(parseFractionThreshold('--lowest-efficiency', '0.9', 1), 0.9);
    assert.throws(() => parseByteThreshold('--highest-wasted-bytes', '20 parsecs'), (e: unknown) => e instanceof ThresholdError && /--highest-wasted-bytes takes a size such as 20MB/.test(e.message));
    assert.throws(() => parseFractionThreshold('--lowest-efficiency', '90%', 1), /--lowest-efficiency takes a fraction between 0 and 1 such as 0.1 \(10 %\), or "disabled" \(got "90%"\)/);
    assert.throws(() => parseFractionThreshold('--lowest-efficiency', '1.5', 1), /between 0 and 1/);
  });
});
