import assert from 'node:assert/strict';
import { applyFixes } from '../../../src/core/lint/fixes';
import { ignoreHereFix, ignoreInFileFix } from '../../../src/core/lint/suppress';

describe('core/lint/suppress', () => {
  it('inserts # hadolint ignore= above the instruction, keeping its indentation', () => {
    const text = 'FROM debian:12\n  RUN apt-get install -y \\\n    curl\n';
    assert.equal(applyFixes(text, [ignoreHereFix(text, 2, 'DL3008')!]), 'FROM debian:12\n  # hadolint ignore=DL3008\n  RUN apt-get install -y \\\n    curl\n');
  });

  it('extends an existing ignore pragma instead of stacking another', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install -y curl\n';
    assert.equal(applyFixes(text, [ignoreHereFix(text, 2, 'DL3008')!]), 'FROM debian:12\n# hadolint ignore=DL3015,DL3008\nRUN apt-get install -y curl\n');
  });

  it('returns nothing for a line outside any instruction', () => {
    assert.equal(ignoreHereFix('# just a comment\n', 0, 'DL3008'), undefined);
  });

  it('puts a global ignore after the parser directives, or extends the existing one', () => {
    const text = '# syntax=docker/dockerfile:1\n# escape=\\\nFROM debian\n';
    assert.equal(applyFixes(text, [ignoreInFileFix(text, 'DL3006')]), '# syntax=docker/dockerfile:1\n# escape=\\\n# hadolint global ignore=DL3006\nFROM debian\n');
    const again = '# hadolint global ignore=DL3006\nFROM debian\n';
    assert.equal(applyFixes(again, [ignoreInFileFix(again, 'DL3007')]), '# hadolint global ignore=DL3006,DL3007\nFROM debian\n');
  });
});
