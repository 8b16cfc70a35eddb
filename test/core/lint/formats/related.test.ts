// A finding's related instructions in the text and SARIF outputs.
import assert from 'node:assert/strict';
import { sarif } from '../../../../src/core/lint/formats/sarif';
import { tty } from '../../../../src/core/lint/formats/tty';
import type { Finding } from '../../../../src/core/lint/types';

const finding: Finding = {
  code: 'DL4003',
  aliases: ['MultipleInstructionsDisallowed'],
  severity: 'warning',
  message: 'This CMD has no effect',
  fixes: [],
  source: 'hadolint',
  range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
  related: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, message: 'the CMD that takes effect' }],
};

describe('core/lint/formats related information', () => {
  it('the text format shows each related location as an indented line under its finding', () => {
    const out = tty({ results: [{ file: 'Dockerfile', findings: [finding] }], meta: () => undefined, toolVersion: '0' });
    assert.equal(out, 'Dockerfile:2:1 warning DL4003: This CMD has no effect\n    Dockerfile:3:1 the CMD that takes effect\n1 problem in 1 of 1 file\n');
  });

  it('SARIF carries them as relatedLocations with 1-based regions', () => {
    const log = JSON.parse(sarif({ results: [{ file: 'Dockerfile', findings: [finding] }], meta: () => undefined, toolVersion: '0' }));
    const result = log.runs[0].results[0];
    assert.deepEqual(result.relatedLocations, [
      { id: 0, physicalLocation: { artifactLocation: result.locations[0].physicalLocation.artifactLocation, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 4 } }, message: { text: 'the CMD that takes effect' } },
    ]);
  });

  it('SARIF has no relatedLocations for a finding without related information', () => {
    const log = JSON.parse(sarif({ results: [{ file: 'Dockerfile', findings: [{ ...finding, related: undefined }] }], meta: () => undefined, toolVersion: '0' }));
    assert.equal(log.runs[0].results[0].relatedLocations, undefined);
  });
});
