import assert from 'node:assert/strict';
import { tty, visible } from '../../../../src/core/lint/formats/tty';
import type { Finding } from '../../../../src/core/lint/types';

const finding = (message: string): Finding => ({
  code: 'DL3006', aliases: [], severity: 'warning', message, fixes: [], source: 'hadolint',
  range: { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } },
});

describe('core/lint/formats/tty', () => {
  it('shows C0, DEL and C1 control characters as escapes, and leaves other text alone', () => {
    assert.equal(visible('a\x1b[31mb\x00\x07\x7f\x9b\u00a0é\\x'), 'a\\x1b[31mb\\x00\\x07\\x7f\\x9b\u00a0é\\x');
    assert.equal(visible('tab\tnew\nret\r'), 'tab\\tnew\\nret\\r');
  });

  it('never prints a control character from a file name or a message, and keeps its own colours', () => {
    const out = tty({ results: [{ file: 'evil\x1b]0;title\x07_Dockerfile', findings: [finding('debian\x1b[2J means debian\x1b[2J:latest')] }], meta: () => undefined, toolVersion: '0', color: true });
    assert.equal(out, 'evil\\x1b]0;title\\x07_Dockerfile:1:6 \x1b[33mwarning\x1b[0m DL3006: debian\\x1b[2J means debian\\x1b[2J:latest\n1 problem in 1 of 1 file\n');
  });
});
